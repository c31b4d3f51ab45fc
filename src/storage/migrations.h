#pragma once

namespace rd::storage {

class Database;

int latestSchemaVersion();
// Applies the numbered steps after `fromVersion`, each in its own transaction that also
// sets user_version, so a failure leaves the file at the last completed step.
void migrateSchema(Database& db, int fromVersion);

} // namespace rd::storage

#pragma once

// Services hold a connection; their headers name it without including storage, so no face
// (GUI, CLI) sees SQL or SQLite through them.
namespace rd::storage {
class Database;
} // namespace rd::storage

#pragma once

#include "commands.h"
#include "services/import_service.h"
#include "sign_in.h"

namespace rd::cli {

// Imports `dir` into the database at `path` as `actor` (the local operator without --as),
// creating the file if needed and removing it again (with any folders it made) when nothing
// was imported into a file this command created. Prints findings to stderr; returns the
// report.
services::ImportReport runImport(const std::filesystem::path& path,
                                 const std::filesystem::path& dir, bool dryRun,
                                 const ActorOptions& actor = {});

} // namespace rd::cli

#pragma once

#include "commands.h"
#include "storage/folder_importer.h"

namespace rd::cli {

// Imports `dir` into the database at `path`, creating the file if needed and removing it
// again if the import into a new file fails. Prints findings to stderr; returns the outcome.
storage::ImportOutcome runImport(const std::filesystem::path& path,
                                 const std::filesystem::path& dir, bool dryRun);

} // namespace rd::cli

#pragma once

#include "core/date.h"

#include <filesystem>
#include <string>

namespace rd::cli {

// The user's data folder by QStandardPaths::AppDataLocation rules on Linux:
// $XDG_DATA_HOME/RecoveryDesk, else ~/.local/share/RecoveryDesk.
std::filesystem::path dataFolder();
std::filesystem::path defaultDatabasePath();

// A rotating log file in the data folder; with `verbose` also to stderr.
void setUpLogging(bool verbose);

// Today's date on this machine's clock: the default business date.
Date today();

} // namespace rd::cli

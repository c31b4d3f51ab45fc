#pragma once

#include "core/contact.h"
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
// The local wall-clock time, to the minute: the default time of an event recorded.
DateTime localNow();

} // namespace rd::cli

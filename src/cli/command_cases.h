#pragma once

#include "commands.h"

namespace rd::cli {

// `recompute`, `queue`, `case show|reassign`, `contact add`, `promise add`
// (interchange.md section 3).
void addCaseCommands(CLI::App& app, GlobalOptions& global);

} // namespace rd::cli

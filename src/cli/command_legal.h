#pragma once

#include "commands.h"

namespace rd::cli {

// `legal feasibility|case|status|hearing|outcome|judgment|enforcement|show|calendar` and
// `cost add|reverse` (interchange.md section 5).
void addLegalCommands(CLI::App& app, GlobalOptions& global);

} // namespace rd::cli

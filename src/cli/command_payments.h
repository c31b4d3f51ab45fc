#pragma once

#include "commands.h"

namespace rd::cli {

// `payment add|reverse`, `payments export` (interchange.md section 3).
void addPaymentCommands(CLI::App& app, GlobalOptions& global);

// `desk close|day|days|sign-off|reopen`: the end of day (command_desk.cpp).
void addDeskCommands(CLI::App& app, GlobalOptions& global);

} // namespace rd::cli

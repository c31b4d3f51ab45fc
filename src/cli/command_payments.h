#pragma once

#include "commands.h"

namespace rd::cli {

// `payment add|reverse`, `payments export` (interchange.md section 3).
void addPaymentCommands(CLI::App& app, GlobalOptions& global);

} // namespace rd::cli

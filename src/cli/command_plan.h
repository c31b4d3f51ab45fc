#pragma once

#include "commands.h"

namespace rd::cli {

// The `plan` command (interchange.md section 4) with its `preview` subcommand. Returns the
// `plan` command so that its other subcommands (propose, approve, ...) can be added to it.
CLI::App& addPlanCommands(CLI::App& app, GlobalOptions& global);

} // namespace rd::cli

#pragma once

#include "commands.h"

namespace rd::cli {

// `users add|list|disable|reset-password|change-password` (interchange.md section 3).
void addUsersCommand(CLI::App& app, GlobalOptions& global);

} // namespace rd::cli

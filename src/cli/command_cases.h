#pragma once

#include "commands.h"
#include "core/user.h"
#include "sign_in.h"

#include <string>

namespace rd::cli {

// `recompute`, `queue`, `case show|reassign|stage|approve|review|audit`, `contact add`,
// `promise add`, `note add`, `team` (interchange.md section 3).
void addCaseCommands(CLI::App& app, GlobalOptions& global);

// `case stage|approve|review|audit` under the `case` command (command_case_actions.cpp).
void addCaseActionCommands(CLI::App* caseCommand, GlobalOptions& global);
// `note add` and `team` (command_case_actions.cpp).
void addNoteCommand(CLI::App& app, GlobalOptions& global);
void addTeamCommand(CLI::App& app, GlobalOptions& global);

// The portfolio currency, or a UserError when the database has none yet.
Currency portfolioCurrency(services::Services& services);

} // namespace rd::cli

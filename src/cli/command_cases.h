#pragma once

#include "commands.h"
#include "core/user.h"

#include <string>

namespace rd::cli {

// `recompute`, `queue`, `case show|reassign|stage|approve|review|audit`, `contact add`,
// `promise add`, `note add`, `team` (interchange.md section 3).
void addCaseCommands(CLI::App& app, GlobalOptions& global);

// `--as USER [--password-stdin]` of the commands that act as a user.
struct ActorOptions {
    std::string as;
    bool passwordStdin = false;
};
void addActor(CLI::App* cmd, ActorOptions& o);
User signInActor(storage::Database& db, const ActorOptions& o);

// `case stage|approve|review|audit` under the `case` command (command_case_actions.cpp).
void addCaseActionCommands(CLI::App* caseCommand, GlobalOptions& global);
// `note add` and `team` (command_case_actions.cpp).
void addNoteCommand(CLI::App& app, GlobalOptions& global);
void addTeamCommand(CLI::App& app, GlobalOptions& global);

} // namespace rd::cli

#pragma once

#include "core/user.h"
#include "services/desk_services.h"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace rd::cli {

// Reads passwords for commands that act as a user: from the terminal without echo, or
// with --password-stdin one per line of standard input (the actor's first, then any new
// password), so scripts can pipe them in.
class PasswordInput {
public:
    explicit PasswordInput(bool fromStdin) : fromStdin_(fromStdin) {}
    bool fromStdin() const { return fromStdin_; }
    // The next password; `prompt` is shown on the terminal (stderr). Throws UserError when
    // there is no terminal or standard input ends.
    std::string next(const std::string& prompt);
    // With --password-stdin, the next line if standard input has one more (an empty line
    // counts as none); otherwise none: the caller then generates a password.
    std::optional<std::string> nextIfGiven();

private:
    bool fromStdin_;
    int line_ = 0;
};

// Signs `username` in with the next password of `input`: the same rules as the GUI
// (lockout, disabled accounts). Fails with the reason when refused, and when the user still
// has a temporary password, unless `allowTemporaryPassword`.
User signIn(services::Services& services, const std::string& username, PasswordInput& input,
            bool allowTemporaryPassword = false);

// `--as USER [--password-stdin]` of the commands that act as a user.
struct ActorOptions {
    std::string as;
    bool passwordStdin = false;
};
// `required`: the command always acts as a signed-in user; otherwise, without --as, as the
// command line's local operator (core/user.h).
void addActor(CLI::App* cmd, ActorOptions& o, bool required = true,
              const std::string& description = "act as this user (signs in)");
User signInActor(services::Services& services, const ActorOptions& o);
// The signed-in --as user, or the local operator when no --as was given.
User actorOrOperator(services::Services& services, const ActorOptions& o);

} // namespace rd::cli

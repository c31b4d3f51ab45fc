#pragma once

#include "core/user.h"
#include "storage/database.h"

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
// (lockout, disabled accounts). Throws UserError with the reason when refused, and when
// the user still has a temporary password, unless `allowTemporaryPassword`.
User signIn(storage::Database& db, const std::string& username, PasswordInput& input,
            bool allowTemporaryPassword = false);

} // namespace rd::cli

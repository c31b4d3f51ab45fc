#include "sign_in.h"

#include "commands.h"
#include "services/user_service.h"

#include <cstdio>
#include <fmt/format.h>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace rd::cli {
namespace {

std::string readLineNoEcho(const std::string& prompt) {
    termios saved{};
    if (tcgetattr(STDIN_FILENO, &saved) != 0)
        throw UserError("cannot read the password from the terminal; pass it on standard input "
                        "with --password-stdin");
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    std::fprintf(stderr, "%s", prompt.c_str());
    std::fflush(stderr);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (!got)
        throw UserError("no password was entered");
    return line;
}

} // namespace

std::string PasswordInput::next(const std::string& prompt) {
    ++line_;
    if (!fromStdin_) {
        if (!::isatty(STDIN_FILENO))
            throw UserError("no terminal to read the password from; pass it on standard input "
                            "with --password-stdin");
        return readLineNoEcho(prompt);
    }
    std::string line;
    if (!std::getline(std::cin, line))
        throw UserError(fmt::format("--password-stdin: standard input ended before line {} ({})",
                                    line_, prompt.substr(0, prompt.find(':'))));
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

std::optional<std::string> PasswordInput::nextIfGiven() {
    if (!fromStdin_)
        return std::nullopt;
    ++line_;
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    if (line.empty())
        return std::nullopt;
    return line;
}

User signIn(services::Services& services, const std::string& username, PasswordInput& input,
            bool allowTemporaryPassword) {
    const std::string password = input.next(fmt::format("Password for {}: ", username));
    auto signedIn = services.users().authenticate(username, password, services.clock().now());
    if (!signedIn)
        fail(signedIn.error(), fmt::format("--as {}", username));
    if (signedIn->mustChangePassword && !allowTemporaryPassword)
        throw UserError(fmt::format("{} has a temporary password; choose your own first: "
                                    "recoverydesk-cli users change-password --as {}",
                                    username, username));
    return signedIn->user;
}

void addActor(CLI::App* cmd, ActorOptions& o, bool required, const std::string& description) {
    auto* as = cmd->add_option("--as", o.as, description);
    if (required)
        as->required();
    cmd->add_flag("--password-stdin", o.passwordStdin,
                  "read the password from standard input instead of the terminal");
}

User signInActor(services::Services& services, const ActorOptions& o) {
    PasswordInput input(o.passwordStdin);
    return signIn(services, o.as, input);
}

User actorOrOperator(services::Services& services, const ActorOptions& o) {
    return o.as.empty() ? localOperator() : signInActor(services, o);
}

} // namespace rd::cli

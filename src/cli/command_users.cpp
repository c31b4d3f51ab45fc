#include "command_users.h"

#include "services/user_service.h"
#include "sign_in.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rd::cli {
namespace {

struct UsersOptions {
    std::string username;
    std::string role;
    std::vector<std::string> branches;
    std::string fullName;
    std::string as;
    bool passwordStdin = false;
    std::string format = "text";
};

void addActorOptions(CLI::App* cmd, UsersOptions& o, bool required) {
    auto* as = cmd->add_option("--as", o.as, "act as this user (an administrator)");
    if (required)
        as->required();
    cmd->add_flag("--password-stdin", o.passwordStdin,
                  "read passwords from standard input, one per line: the acting user's, then "
                  "the new one (if any); otherwise the terminal is asked");
}

void printIssued(const services::PasswordIssued& issued) {
    if (!issued.generated) {
        if (issued.mustChangePassword)
            fmt::print("The password is temporary: {} must change it at the first sign-in.\n",
                       issued.user.username);
        return;
    }
    fmt::print("Temporary password for {} (shown only this once; {} must change it at the "
               "first sign-in): {}\n",
               issued.user.username, issued.user.username, issued.password);
}

std::string branchesText(const std::vector<std::string>& branches) {
    return branches.empty() ? "(all)" : fmt::format("{}", fmt::join(branches, ", "));
}

void runAdd(GlobalOptions& global, const UsersOptions& o) {
    auto desk = global.open();
    auto& service = desk->users();
    services::NewUser spec;
    spec.username = o.username;
    spec.fullName = o.fullName;
    spec.role = parseRole(o.role).value_or(Role::Officer);
    spec.branches = o.branches;
    PasswordInput input(o.passwordStdin);
    Result<services::PasswordIssued> issued = Error{""};
    if (valueOr(service.needsFirstAdmin())) {
        if (spec.role != Role::Admin)
            throw UserError("there are no users yet: the first one must be an administrator "
                            "(users add NAME --role admin)");
        fmt::print("No users yet: creating the first administrator, {} (no --as needed).\n",
                   spec.username);
        issued = service.createFirstAdmin(spec, input.nextIfGiven());
    } else {
        if (o.as.empty())
            throw UserError("--as USER is required: an administrator adds users (the first "
                            "administrator already exists)");
        const User actor = signIn(*desk, o.as, input);
        issued = service.addUser(actor, spec, input.nextIfGiven());
    }
    if (!issued)
        fail(issued.error(), fmt::format("users add {}", o.username));
    fmt::print("Added {} {} ({}), branches: {}.\n", roleCode(issued->user.role),
               issued->user.username, issued->user.fullName, branchesText(issued->user.branches));
    printIssued(*issued);
}

void runList(GlobalOptions& global, const UsersOptions& o) {
    auto desk = global.open();
    const auto users = valueOr(desk->users().list(localOperator()));
    if (o.format == "json") {
        nlohmann::ordered_json out;
        out["users"] = nlohmann::ordered_json::array();
        for (const auto& u : users) {
            nlohmann::ordered_json j;
            j["username"] = u.user.username;
            j["full_name"] = u.user.fullName;
            j["role"] = std::string(roleCode(u.user.role));
            j["branches"] = u.user.branches;
            j["disabled"] = u.user.disabled;
            j["locked_until"] = u.lockedUntil ? nlohmann::ordered_json(*u.lockedUntil) : nullptr;
            j["must_change_password"] = u.mustChangePassword;
            out["users"].push_back(std::move(j));
        }
        fmt::print("{}\n", out.dump());
        return;
    }
    if (users.empty()) {
        fmt::print("No users yet; add the first administrator with: recoverydesk-cli users add "
                   "NAME --role admin\n");
        return;
    }
    fmt::print("{:<20} {:<10} {:<10} {:<24} {}\n", "USERNAME", "ROLE", "STATUS", "NAME",
               "BRANCHES");
    for (const auto& u : users) {
        std::string status = u.user.disabled ? "disabled" : u.locked ? "locked" : "active";
        fmt::print("{:<20} {:<10} {:<10} {:<24} {}\n", u.user.username, roleCode(u.user.role),
                   status, u.user.fullName, branchesText(u.user.branches));
    }
}

void runDisable(GlobalOptions& global, const UsersOptions& o) {
    auto desk = global.open();
    PasswordInput input(o.passwordStdin);
    const User actor = signIn(*desk, o.as, input);
    auto done = desk->users().disable(actor, o.username);
    if (!done)
        fail(done.error(), fmt::format("users disable {}", o.username));
    fmt::print("Disabled {}: they can no longer sign in.\n", o.username);
}

void runReset(GlobalOptions& global, const UsersOptions& o) {
    auto desk = global.open();
    PasswordInput input(o.passwordStdin);
    const User actor = signIn(*desk, o.as, input);
    auto issued = desk->users().resetPassword(actor, o.username, input.nextIfGiven());
    if (!issued)
        fail(issued.error(), fmt::format("users reset-password {}", o.username));
    fmt::print("Reset the password of {}; any lock is lifted.\n", o.username);
    printIssued(*issued);
}

void runChangePassword(GlobalOptions& global, const UsersOptions& o) {
    auto desk = global.open();
    PasswordInput input(o.passwordStdin);
    const std::string current = input.next(fmt::format("Current password for {}: ", o.as));
    const std::string fresh = input.next("New password: ");
    if (!o.passwordStdin && input.next("New password again: ") != fresh)
        throw UserError("the two new passwords differ; nothing was changed");
    User actor;
    actor.username = o.as;
    auto changed = desk->users().changeOwnPassword(actor, current, fresh);
    if (!changed)
        fail(changed.error(), fmt::format("users change-password --as {}", o.as));
    fmt::print("Changed the password of {}.\n", o.as);
}

} // namespace

void addUsersCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("users", "the people who sign in: add, list, disable, reset "
                                            "passwords");
    cmd->require_subcommand(1);
    auto o = std::make_shared<UsersOptions>();

    auto* add = cmd->add_subcommand(
        "add", "add a user (as an administrator; on a database without users, the first "
               "administrator needs no --as)");
    add->add_option("USER", o->username, "username: lower-case letters, digits, . _ -")->required();
    add->add_option("--role", o->role, "officer, supervisor or admin")
        ->required()
        ->check(CLI::IsMember({"officer", "supervisor", "admin"}));
    add->add_option("--branch", o->branches, "a branch the user works in (repeat for more)");
    add->add_option("--name", o->fullName, "full name (default: the username)");
    addActorOptions(add, *o, false);
    add->callback([&global, o] { runAdd(global, *o); });

    auto* list = cmd->add_subcommand("list", "list the users, their roles and branches");
    list->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    list->callback([&global, o] { runList(global, *o); });

    auto* disable = cmd->add_subcommand("disable", "disable a user: they can no longer sign in");
    disable->add_option("USER", o->username, "the user to disable")->required();
    addActorOptions(disable, *o, true);
    disable->callback([&global, o] { runDisable(global, *o); });

    auto* reset = cmd->add_subcommand(
        "reset-password", "give a user a new temporary password (generated and printed, or the "
                          "second line of --password-stdin) and lift any lock");
    reset->add_option("USER", o->username, "the user")->required();
    addActorOptions(reset, *o, true);
    reset->callback([&global, o] { runReset(global, *o); });

    auto* change = cmd->add_subcommand(
        "change-password", "change your own password (--password-stdin: current, then new)");
    addActorOptions(change, *o, true);
    change->callback([&global, o] { runChangePassword(global, *o); });
}

} // namespace rd::cli

#include "user_service.h"

#include "case_access.h"
#include "service_edge.h"
#include "storage/database.h"
#include "storage/password_hasher.h"
#include "storage/user_repository.h"

#include <algorithm>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rd::services {
namespace {

using storage::StoredUser;
using storage::UserRepository;

std::string userJson(const User& u, bool mustChange) {
    nlohmann::ordered_json j;
    j["username"] = u.username;
    j["full_name"] = u.fullName;
    j["role"] = std::string(roleCode(u.role));
    j["branches"] = u.branches;
    j["disabled"] = u.disabled;
    j["must_change_password"] = mustChange;
    return j.dump();
}

std::string signInJson(int failed, const std::optional<std::string>& lockedUntil) {
    nlohmann::ordered_json j;
    j["failed_attempts"] = failed;
    j["locked_until"] = lockedUntil ? nlohmann::ordered_json(*lockedUntil) : nullptr;
    return j.dump();
}

bool validUsername(std::string_view name) {
    if (name.size() < 2 || name.size() > 64)
        return false;
    if (!(name[0] >= 'a' && name[0] <= 'z'))
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

std::optional<Error> checkPassword(std::string_view password) {
    if (password.size() < kMinPasswordLength)
        return Error{
            fmt::format("the password must have at least {} characters", kMinPasswordLength)};
    return std::nullopt;
}

Error denied(const User& actor, Permission permission) {
    return permissionDenied(actor, permission);
}

Error noUser(std::string_view username) {
    return Error{fmt::format("there is no user named \"{}\"", username), ErrorKind::NotFound,
                 Hint::ListUsers};
}

// A hash to verify against when the username does not exist, so that an unknown name
// costs the same time as a wrong password.
const std::string& dummyHash() {
    static const std::string hash = storage::hashPassword("no such user: timing equaliser");
    return hash;
}

const char* kWrongCredentials = "wrong username or password";

// The password a user gets from an administrator: the given one (checked) or a generated
// one, temporary unless said otherwise (a generated one always is).
Result<PasswordIssued> issuePassword(const std::optional<std::string>& password, bool temporary) {
    if (password)
        if (auto bad = checkPassword(*password))
            return *bad;
    PasswordIssued issued;
    issued.generated = !password;
    issued.password = password ? *password : storage::randomPassword();
    issued.mustChangePassword = temporary || issued.generated;
    return issued;
}

} // namespace

UserService::UserService(storage::Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

std::string UserService::nowText() const {
    return clock_.isoNow();
}

Result<bool> UserService::needsFirstAdmin() const {
    return atEdge([&]() -> Result<bool> { return UserRepository(db_).count() == 0; });
}

std::vector<std::string> UserService::demoSignInNames() const {
    std::vector<std::string> out;
    try {
        if (db_.setting("demo_portfolio").value_or("") != "1")
            return out;
        for (const auto& s : UserRepository(db_).list())
            if (!s.user.disabled)
                out.push_back(s.user.username);
    } catch (const storage::StorageError& e) {
        storageFailure(e); // logged; the names are a convenience, typing them still works
        out.clear();
    }
    return out;
}

std::optional<User> UserService::stored(std::string_view username) const {
    auto found = UserRepository(db_).find(username);
    if (!found)
        return std::nullopt;
    return found->user;
}

Result<PasswordIssued> UserService::create(const std::string& actor, const NewUser& spec,
                                           const std::optional<std::string>& password,
                                           bool temporary) {
    if (!validUsername(spec.username))
        return Error{fmt::format("\"{}\" is not a valid username: use 2 to 64 lower-case "
                                 "letters, digits, '.', '_' or '-', starting with a letter",
                                 spec.username)};
    std::vector<std::string> branches;
    for (const auto& b : spec.branches) {
        if (b.empty())
            return Error{"a branch name cannot be empty"};
        if (std::find(branches.begin(), branches.end(), b) == branches.end())
            branches.push_back(b);
    }
    std::sort(branches.begin(), branches.end());
    if (spec.role != Role::Admin && branches.empty())
        return Error{fmt::format("{} {} needs at least one branch",
                                 spec.role == Role::Officer ? "an" : "a", roleCode(spec.role)),
                     ErrorKind::Invalid, Hint::GiveBranch};
    auto fresh = issuePassword(password, temporary);
    if (!fresh)
        return fresh.error();
    PasswordIssued issued = std::move(fresh).value();
    const std::string hash = storage::hashPassword(issued.password);

    User user;
    user.username = spec.username;
    user.fullName = spec.fullName.empty() ? spec.username : spec.fullName;
    user.role = spec.role;
    user.branches = std::move(branches);

    storage::Transaction tx(db_);
    UserRepository repo(db_);
    if (repo.find(user.username))
        return Error{fmt::format("a user named \"{}\" already exists", user.username)};
    const std::string now = nowText();
    user.id = repo.insert(user, hash, issued.mustChangePassword, now);
    repo.audit(now, actor.empty() ? user.username : actor,
               actor.empty() ? "create_first_admin" : "add_user", user.username, std::nullopt,
               userJson(user, issued.mustChangePassword));
    tx.commit();
    issued.user = std::move(user);
    return issued;
}

Result<PasswordIssued> UserService::createFirstAdmin(const NewUser& admin,
                                                     const std::optional<std::string>& password) {
    return atEdge([&]() -> Result<PasswordIssued> {
        if (admin.role != Role::Admin)
            return Error{"the first user must be an administrator", ErrorKind::Invalid,
                         Hint::FirstUserIsAdmin};
        if (UserRepository(db_).count() != 0)
            return Error{"this database already has users; an administrator adds new ones",
                         ErrorKind::Conflict, Hint::ActAsAdmin};
        // The administrator chose this password themselves: it is not temporary.
        return create({}, admin, password, false);
    });
}

Result<PasswordIssued> UserService::addUser(const User& actor, const NewUser& user,
                                            const std::optional<std::string>& password,
                                            bool temporary) {
    return atEdge([&]() -> Result<PasswordIssued> {
        auto current = stored(actor.username);
        if (!current || !allows(*current, Permission::ManageUsers))
            return denied(current ? *current : actor, Permission::ManageUsers);
        if (user.role == Role::LocalOperator)
            return Error{"the local operator is not a user; choose officer, supervisor or "
                         "administrator"};
        return create(current->username, user, password, temporary);
    });
}

Result<std::vector<UserSummary>> UserService::list(const User& actor) const {
    return atEdge([&]() -> Result<std::vector<UserSummary>> {
        const auto who = currentUser(db_, actor);
        if (!who || who->disabled)
            return denied(who.value_or(actor), Permission::ReadBranch);
        const std::string nowIso = clock_.isoNow();
        std::vector<UserSummary> out;
        for (auto& s : UserRepository(db_).list()) {
            UserSummary u;
            u.user = std::move(s.user);
            u.mustChangePassword = s.mustChangePassword;
            u.locked = s.lockedUntil && nowIso < *s.lockedUntil;
            if (u.locked)
                u.lockedUntil = s.lockedUntil;
            out.push_back(std::move(u));
        }
        return out;
    });
}

Result<User> UserService::disable(const User& actor, std::string_view username) {
    return atEdge([&]() -> Result<User> {
        auto current = stored(actor.username);
        if (!current || !allows(*current, Permission::ManageUsers))
            return denied(current ? *current : actor, Permission::ManageUsers);
        if (username == current->username)
            return Error{"you cannot disable your own account; another administrator can"};
        storage::Transaction tx(db_);
        UserRepository repo(db_);
        auto target = repo.find(username);
        if (!target)
            return noUser(username);
        if (target->user.disabled)
            return Error{fmt::format("{} is already disabled", username)};
        const std::string before = userJson(target->user, target->mustChangePassword);
        repo.setDisabled(target->user.id, true);
        target->user.disabled = true;
        repo.audit(nowText(), current->username, "disable_user", target->user.username, before,
                   userJson(target->user, target->mustChangePassword));
        tx.commit();
        return target->user;
    });
}

Result<PasswordIssued> UserService::resetPassword(const User& actor, std::string_view username,
                                                  const std::optional<std::string>& password) {
    return atEdge([&]() -> Result<PasswordIssued> {
        auto current = stored(actor.username);
        if (!current || !allows(*current, Permission::ManageUsers))
            return denied(current ? *current : actor, Permission::ManageUsers);
        auto fresh = issuePassword(password, true);
        if (!fresh)
            return fresh.error();
        PasswordIssued issued = std::move(fresh).value();
        const std::string hash = storage::hashPassword(issued.password);

        storage::Transaction tx(db_);
        UserRepository repo(db_);
        auto target = repo.find(username);
        if (!target)
            return noUser(username);
        nlohmann::ordered_json before =
            nlohmann::ordered_json::parse(userJson(target->user, target->mustChangePassword));
        before["failed_attempts"] = target->failedAttempts;
        before["locked_until"] =
            target->lockedUntil ? nlohmann::ordered_json(*target->lockedUntil) : nullptr;
        const std::string now = nowText();
        repo.setPassword(target->user.id, hash, true, now);
        nlohmann::ordered_json after = nlohmann::ordered_json::parse(userJson(target->user, true));
        after["failed_attempts"] = 0;
        after["locked_until"] = nullptr;
        after["password_changed_at"] = now;
        repo.audit(now, current->username, "reset_password", target->user.username, before.dump(),
                   after.dump());
        tx.commit();
        issued.user = target->user;
        return issued;
    });
}

Result<User> UserService::changeOwnPassword(const User& actor, std::string_view currentPassword,
                                            std::string_view newPassword) {
    return atEdge([&]() -> Result<User> {
        // The current password is checked as a sign-in: failures count towards the lockout, and
        // a disabled or locked account cannot change its password.
        auto signedIn = authenticate(actor.username, currentPassword, clock_.now());
        if (!signedIn)
            return signedIn.error();
        if (auto bad = checkPassword(newPassword))
            return *bad;
        if (newPassword == currentPassword)
            return Error{"the new password must differ from the current one"};
        const std::string hash = storage::hashPassword(newPassword);
        storage::Transaction tx(db_);
        UserRepository repo(db_);
        auto stored = repo.find(actor.username);
        if (!stored)
            return Error{kWrongCredentials};
        const std::string now = nowText();
        repo.setPassword(stored->user.id, hash, false, now);
        nlohmann::ordered_json before;
        before["must_change_password"] = stored->mustChangePassword;
        before["password_changed_at"] = stored->passwordChangedAt;
        nlohmann::ordered_json after;
        after["must_change_password"] = false;
        after["password_changed_at"] = now;
        repo.audit(now, stored->user.username, "change_password", stored->user.username,
                   before.dump(), after.dump());
        tx.commit();
        return stored->user;
    });
}

Result<SignedIn> UserService::authenticate(std::string_view username, std::string_view password,
                                           std::chrono::sys_seconds now) {
    return atEdge([&]() -> Result<SignedIn> {
        UserRepository repo(db_);
        auto stored = repo.find(username);
        if (!stored) {
            (void)storage::verifyPassword(dummyHash(), password);
            return Error{kWrongCredentials};
        }
        const std::string nowIso = isoTimestamp(now);
        if (stored->lockedUntil && nowIso < *stored->lockedUntil)
            return Error{fmt::format("the account is locked after {} failed sign-ins until {}; try "
                                     "again then, or ask an administrator to reset the password",
                                     kMaxFailedSignIns, *stored->lockedUntil)};
        const bool right = storage::verifyPassword(stored->passwordHash, password);

        storage::Transaction tx(db_);
        auto fresh = repo.find(username); // the state may have changed while hashing
        if (!fresh)
            return Error{kWrongCredentials};
        const int failedBefore = fresh->failedAttempts;
        const auto lockBefore = fresh->lockedUntil;
        if (!right) {
            const bool expired = lockBefore && !(nowIso < *lockBefore);
            int failed = (expired ? 0 : failedBefore) + 1;
            std::optional<std::string> lockedUntil;
            std::string message = kWrongCredentials;
            if (failed >= kMaxFailedSignIns) {
                lockedUntil = isoTimestamp(now + kLockoutDuration);
                failed = 0;
                message = fmt::format("{}; after {} failed sign-ins in a row the account is locked "
                                      "until {}",
                                      kWrongCredentials, kMaxFailedSignIns, *lockedUntil);
            }
            repo.setSignInState(fresh->user.id, failed, lockedUntil);
            repo.audit(nowIso, fresh->user.username, lockedUntil ? "lock_user" : "sign_in_failed",
                       fresh->user.username, signInJson(failedBefore, lockBefore),
                       signInJson(failed, lockedUntil));
            tx.commit();
            return Error{message};
        }
        if (fresh->user.disabled) {
            tx.rollback();
            return Error{"this account is disabled; ask an administrator"};
        }
        if (failedBefore != 0 || lockBefore) {
            repo.setSignInState(fresh->user.id, 0, std::nullopt);
            repo.audit(nowIso, fresh->user.username, "sign_in", fresh->user.username,
                       signInJson(failedBefore, lockBefore), signInJson(0, std::nullopt));
            tx.commit();
        } else {
            tx.rollback();
        }
        return SignedIn{fresh->user, fresh->mustChangePassword};
    });
}

} // namespace rd::services

#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "core/user.h"
#include "storage_fwd.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::services {

// Sign-in rules.
inline constexpr int kMaxFailedSignIns = 5;                 // consecutive failures ...
inline constexpr std::chrono::minutes kLockoutDuration{15}; // ... lock the account this long
inline constexpr std::size_t kMinPasswordLength = 8;

// A user to create.
struct NewUser {
    std::string username;
    std::string fullName; // defaults to the username when empty
    Role role = Role::Officer;
    std::vector<std::string> branches; // required for officers and supervisors
};

// A user just created or given a new password. `password` is the plain text, to show once
// when it was generated; `mustChangePassword` says whether the user must choose their own
// at the next sign-in.
struct PasswordIssued {
    User user;
    std::string password;
    bool generated = false;
    bool mustChangePassword = false;
};

struct SignedIn {
    User user;
    bool mustChangePassword = false; // a temporary password: change it before working
};

// One user as listed (no password hash).
struct UserSummary {
    User user;
    bool mustChangePassword = false;
    bool locked = false; // locked at the time of listing
    std::optional<std::string> lockedUntil;
};

// The people who use RecoveryDesk: creation, passwords, sign-in. Permissions are enforced
// here, whatever the front end shows: every call that changes something takes the acting
// user (signed in by `authenticate`) and a denial is an error saying who may do it. Every
// change is one transaction with an audit_log row (entity 'user', the username as key,
// before and after as JSON without any password or hash).
//
// Passwords: at least 8 characters. One that an administrator sets or that is generated
// (add, reset) is temporary: the user must change it at the next sign-in. Only the first
// administrator's own password (bootstrap) and one changed by the user are not temporary.
class UserService {
public:
    // The clock gives the time written into audit records and password dates;
    // `authenticate` takes its time as a parameter.
    explicit UserService(storage::Database& db, Clock clock = {});

    // True when no user exists yet: the first administrator may then be created without
    // an actor.
    Result<bool> needsFirstAdmin() const;

    // The first administrator, on a database without users only. With no password one is
    // generated (and must be changed at the first sign-in).
    Result<PasswordIssued> createFirstAdmin(const NewUser& admin,
                                            const std::optional<std::string>& password);

    // Needs ManageUsers. With no password one is generated. `temporary` = false makes the
    // password permanent (the demo's users).
    Result<PasswordIssued> addUser(const User& actor, const NewUser& user,
                                   const std::optional<std::string>& password,
                                   bool temporary = true);

    // Every user, by username, locked or not at the service's clock. Any enabled user (or
    // the local operator) may read the directory: officers and supervisors need the names to
    // see who works which case.
    Result<std::vector<UserSummary>> list(const User& actor) const;

    // The enabled users' names for the sign-in dialog of a demo portfolio (empty for any
    // other database, and when the file cannot be read): read before anyone has signed in.
    std::vector<std::string> demoSignInNames() const;

    // Needs ManageUsers; an administrator cannot disable themselves (someone must be left
    // to manage users).
    Result<User> disable(const User& actor, std::string_view username);

    // Needs ManageUsers. Sets `password` or, when none, a generated one; either way it is
    // temporary, and any lock and failure count are cleared.
    Result<PasswordIssued> resetPassword(const User& actor, std::string_view username,
                                         const std::optional<std::string>& password);

    // The actor's own password, after checking the current one as a sign-in at the service's
    // clock (failures count towards the lockout; disabled and locked accounts are refused).
    Result<User> changeOwnPassword(const User& actor, std::string_view currentPassword,
                                   std::string_view newPassword);

    // Checks a username and password at `now`. Failures say "wrong username or password"
    // whether or not the username exists. Five consecutive failures lock the account for
    // 15 minutes (a sign-in with the right password is refused meanwhile); a success
    // clears the count; a disabled user is refused once the password is right.
    Result<SignedIn> authenticate(std::string_view username, std::string_view password,
                                  std::chrono::sys_seconds now);

private:
    std::string nowText() const;
    std::optional<User> stored(std::string_view username) const;
    Result<PasswordIssued> create(const std::string& actor, const NewUser& user,
                                  const std::optional<std::string>& password, bool temporary);

    storage::Database& db_;
    Clock clock_;
};

using rd::isoTimestamp;

} // namespace rd::services

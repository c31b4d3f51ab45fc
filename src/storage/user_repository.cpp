#include "user_repository.h"

namespace rd::storage {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, username, full_name, role, password_hash, must_change_password, disabled, "
    "failed_attempts, locked_until, password_changed_at, created_at FROM users";

StoredUser readRow(const Statement& s) {
    StoredUser u;
    u.user.id = s.int64(0);
    u.user.username = s.string(1);
    u.user.fullName = s.string(2);
    u.user.role = parseRole(s.text(3)).value_or(Role::Officer);
    u.passwordHash = s.string(4);
    u.mustChangePassword = s.int32(5) != 0;
    u.user.disabled = s.int32(6) != 0;
    u.failedAttempts = s.int32(7);
    u.lockedUntil = s.optionalString(8);
    u.passwordChangedAt = s.string(9);
    u.createdAt = s.string(10);
    return u;
}

} // namespace

std::int64_t UserRepository::count() const {
    Statement s = db_.prepare("SELECT count(*) FROM users");
    return s.step() ? s.int64(0) : 0;
}

std::vector<std::string> UserRepository::branchesOf(std::int64_t id) const {
    // Read at every permission check: the parsed statement is kept.
    auto s =
        db_.prepareCached("SELECT branch FROM user_branches WHERE user_id = ? ORDER BY branch");
    s->bind(1, id);
    std::vector<std::string> out;
    while (s->step())
        out.push_back(s->string(0));
    return out;
}

std::optional<StoredUser> UserRepository::find(std::string_view username) const {
    auto s = db_.prepareCached(std::string(kColumns) + " WHERE username = ?");
    s->bind(1, username);
    if (!s->step())
        return std::nullopt;
    StoredUser u = readRow(*s);
    u.user.branches = branchesOf(u.user.id);
    return u;
}

std::vector<StoredUser> UserRepository::list() const {
    Statement s = db_.prepare(std::string(kColumns) + " ORDER BY username");
    std::vector<StoredUser> out;
    while (s.step())
        out.push_back(readRow(s));
    for (auto& u : out)
        u.user.branches = branchesOf(u.user.id);
    return out;
}

std::int64_t UserRepository::insert(const User& user, const std::string& passwordHash,
                                    bool mustChange, const std::string& now) {
    Statement s = db_.prepare(
        "INSERT INTO users(username, full_name, role, password_hash, must_change_password, "
        "disabled, password_changed_at, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, user.username)
        .bind(2, user.fullName)
        .bind(3, roleCode(user.role))
        .bind(4, passwordHash)
        .bind(5, mustChange ? 1 : 0)
        .bind(6, user.disabled ? 1 : 0)
        .bind(7, now)
        .bind(8, now);
    s.execute();
    const std::int64_t id = sqlite3_last_insert_rowid(db_.handle());
    Statement b = db_.prepare("INSERT OR IGNORE INTO user_branches(user_id, branch) VALUES(?, ?)");
    for (const auto& branch : user.branches) {
        b.bind(1, id).bind(2, branch);
        b.execute();
        b.reset();
    }
    return id;
}

void UserRepository::setDisabled(std::int64_t id, bool disabled) {
    Statement s = db_.prepare("UPDATE users SET disabled = ? WHERE id = ?");
    s.bind(1, disabled ? 1 : 0).bind(2, id);
    s.execute();
}

void UserRepository::setPassword(std::int64_t id, const std::string& passwordHash, bool mustChange,
                                 const std::string& now) {
    Statement s = db_.prepare(
        "UPDATE users SET password_hash = ?, must_change_password = ?, password_changed_at = ?, "
        "failed_attempts = 0, locked_until = NULL WHERE id = ?");
    s.bind(1, passwordHash).bind(2, mustChange ? 1 : 0).bind(3, now).bind(4, id);
    s.execute();
}

void UserRepository::setSignInState(std::int64_t id, int failedAttempts,
                                    const std::optional<std::string>& lockedUntil) {
    Statement s =
        db_.prepare("UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?");
    s.bind(1, failedAttempts).bind(2, lockedUntil).bind(3, id);
    s.execute();
}

void UserRepository::audit(const std::string& at, const std::string& actor,
                           const std::string& action, const std::string& username,
                           const std::optional<std::string>& before,
                           const std::optional<std::string>& after) {
    Statement s =
        db_.prepare("INSERT INTO audit_log(at, actor, action, entity, entity_key, before, after) "
                    "VALUES(?, ?, ?, 'user', ?, ?, ?)");
    s.bind(1, at).bind(2, actor).bind(3, action).bind(4, username).bind(5, before).bind(6, after);
    s.execute();
}

} // namespace rd::storage

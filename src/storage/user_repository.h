#pragma once

#include "core/user.h"
#include "database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::storage {

// A user as stored, with the sign-in state that only the user service reads.
struct StoredUser {
    User user;
    std::string passwordHash;
    bool mustChangePassword = false;
    int failedAttempts = 0;
    std::optional<std::string> lockedUntil; // ISO 8601 UTC
    std::string passwordChangedAt;
    std::string createdAt;
};

// The SQL for the users and user_branches tables (schema version 2) and the users' audit
// records. No permission checks here: those are the user service's (services/).
// Callers open the transaction around writes.
class UserRepository {
public:
    explicit UserRepository(Database& db) : db_(db) {}

    std::int64_t count() const;
    std::optional<StoredUser> find(std::string_view username) const;
    // Every user, ordered by username (byte order).
    std::vector<StoredUser> list() const;

    // Inserts the user and their branches; returns the new id. Throws StorageError when
    // the username is taken (check with find first).
    std::int64_t insert(const User& user, const std::string& passwordHash, bool mustChange,
                        const std::string& now);
    void setDisabled(std::int64_t id, bool disabled);
    // Sets the password and clears failed attempts and any lock.
    void setPassword(std::int64_t id, const std::string& passwordHash, bool mustChange,
                     const std::string& now);
    void setSignInState(std::int64_t id, int failedAttempts,
                        const std::optional<std::string>& lockedUntil);

    // One audit_log row with entity 'user'.
    void audit(const std::string& at, const std::string& actor, const std::string& action,
               const std::string& username, const std::optional<std::string>& before,
               const std::optional<std::string>& after);

private:
    std::vector<std::string> branchesOf(std::int64_t id) const;
    Database& db_;
};

} // namespace rd::storage

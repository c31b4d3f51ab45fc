#include "case_access.h"

#include "case_service.h"
#include "storage/user_repository.h"

#include <fmt/format.h>

namespace rd::services {

std::optional<User> currentUser(storage::Database& db, const User& actor) {
    auto stored = storage::UserRepository(db).find(actor.username);
    if (!stored)
        return std::nullopt;
    return stored->user;
}

Result<storage::CaseRecord> workableCase(storage::Database& db, const User& actor,
                                         std::string_view loanId) {
    const auto current = currentUser(db, actor);
    const User& who = current ? *current : actor;
    auto c = storage::CaseRepository(db).openCase(loanId);
    if (!c)
        return Error{fmt::format("loan \"{}\" has no open case (run `recompute` first, or check "
                                 "the account number)",
                                 loanId)};
    if (!current)
        return permissionDenied(who, Permission::WorkOwnCases);
    if (c->assignedTo == who.id && allows(who, Permission::WorkOwnCases, c->branch))
        return *c;
    if (allows(who, Permission::WorkBranchCases, c->branch))
        return *c;
    if (allows(who, Permission::WorkOwnCases, c->branch))
        return Error{fmt::format("permission denied for {} ({}): the case of {} is assigned to "
                                 "{}; {}",
                                 who.username, roleCode(who.role), loanId,
                                 c->assignedUsername.empty() ? "nobody" : c->assignedUsername,
                                 whoMay(Permission::WorkBranchCases))};
    return permissionDenied(who, Permission::WorkBranchCases);
}

} // namespace rd::services

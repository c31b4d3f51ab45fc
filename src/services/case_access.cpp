#include "case_access.h"

#include "service_edge.h"
#include "storage/case_repository.h"
#include "storage/user_repository.h"

#include <fmt/format.h>

namespace rd::services {

std::optional<User> currentUser(storage::Database& db, const User& actor) {
    if (actor.role == Role::LocalOperator)
        return actor;
    auto stored = storage::UserRepository(db).find(actor.username);
    if (!stored)
        return std::nullopt;
    return stored->user;
}

Error noOpenCase(std::string_view loanId) {
    Error error{fmt::format("loan \"{}\" has no open case (check the account number)", loanId),
                ErrorKind::NotFound, Hint::Recompute};
    error.facts.emplace_back("loan", std::string(loanId));
    return error;
}

Result<CaseRecord> workableCase(storage::Database& db, const User& actor, std::string_view loanId) {
    const auto current = currentUser(db, actor);
    const User& who = current ? *current : actor;
    auto c = storage::CaseRepository(db).openCase(loanId);
    if (!c)
        return noOpenCase(loanId);
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
                                 whoMay(Permission::WorkBranchCases)),
                     ErrorKind::Denied};
    return permissionDenied(who, Permission::WorkBranchCases);
}

Result<LoanInfo> readableLoan(storage::Database& db, const User& actor, std::string_view loanId) {
    const auto current = currentUser(db, actor);
    auto info = storage::CaseRepository(db).loanInfo(loanId);
    if (!info)
        return noLoan(loanId);
    if (!current || !allows(*current, Permission::ReadBranch, info->branch))
        return permissionDenied(current ? *current : actor, Permission::ReadBranch);
    return *info;
}

// The branches `actor` (as stored now) may read: every branch for an administrator.
Result<storage::BranchScope> readScope(storage::Database& db, const User& actor) {
    const auto current = currentUser(db, actor);
    const User& who = current ? *current : actor;
    if (!current || who.disabled)
        return permissionDenied(who, Permission::ReadBranch);
    storage::BranchScope scope;
    scope.all = allows(who, Permission::ReadBranch, {}); // an administrator
    for (const auto& b : who.branches)
        if (allows(who, Permission::ReadBranch, b))
            scope.branches.push_back(b);
    if (!scope.all && scope.branches.empty())
        return Error{fmt::format("{} works in no branch, so there is nothing they may read; an "
                                 "administrator adds their branch",
                                 who.username),
                     ErrorKind::Denied};
    return scope;
}

} // namespace rd::services

#pragma once

#include "core/result.h"
#include "core/user.h"
#include "storage/case_repository.h"
#include "storage/database.h"

#include <optional>
#include <string_view>

namespace rd::services {

// The actor as stored now (a user disabled or moved to another branch since signing in is
// judged as they are now); none when the user does not exist.
std::optional<User> currentUser(storage::Database& db, const User& actor);

// The open case of the loan, if `actor` (as stored now) may work it: their own case
// (WorkOwnCases) or any case of a branch they supervise (WorkBranchCases). The error says
// which: no open case, assigned to someone else, or not their branch.
Result<storage::CaseRecord> workableCase(storage::Database& db, const User& actor,
                                         std::string_view loanId);

} // namespace rd::services

#pragma once

// Private to src/services: who may work or read which case.
#include "core/case_records.h"
#include "core/result.h"
#include "core/user.h"
#include "storage/case_query_repository.h"
#include "storage_fwd.h"

#include <optional>
#include <string_view>

namespace rd::services {

// The actor as stored now (a user disabled or moved to another branch since signing in is
// judged as they are now); none when the user does not exist. The command line's local
// operator is never stored and is taken as it is.
std::optional<User> currentUser(storage::Database& db, const User& actor);

// The open case of the loan, if `actor` (as stored now) may work it: their own case
// (WorkOwnCases) or any case of a branch they supervise (WorkBranchCases). The error says
// which: no open case, assigned to someone else, or not their branch.
Result<CaseRecord> workableCase(storage::Database& db, const User& actor, std::string_view loanId);

// The loan's branch if `actor` (as stored now) may read it (ReadBranch); an unknown loan or
// user is an error.
Result<LoanInfo> readableLoan(storage::Database& db, const User& actor, std::string_view loanId);

// The branches `actor` (as stored now) may read: every branch for an administrator; an
// error for a disabled user or one in no branch.
Result<storage::BranchScope> readScope(storage::Database& db, const User& actor);

// The error for a loan without an open case.
Error noOpenCase(std::string_view loanId);

} // namespace rd::services

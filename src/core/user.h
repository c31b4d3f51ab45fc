#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd {

// What a person does in RecoveryDesk. Stored and typed as lower-case text codes.
// `LocalOperator` is never stored: it is whoever runs the command line on the database
// file without `--as` (nightly jobs, the first import), an explicit actor audited as
// "recoverydesk-cli" that may import, change settings, maintain the file and read every
// branch, but works no cases and manages no users.
enum class Role { Officer, Supervisor, Admin, LocalOperator };

std::string_view roleCode(Role role); // "officer", "supervisor", "admin", "operator"
// The roles a stored user may have (never LocalOperator).
std::optional<Role> parseRole(std::string_view code);

// A person who signs in. `branches` are the branches the person works in (an admin may
// have none).
struct User {
    std::int64_t id = 0;
    std::string username;
    std::string fullName;
    Role role = Role::Officer;
    std::vector<std::string> branches;
    bool disabled = false;

    bool worksIn(std::string_view branch) const;
};

// The command line's local operator (see Role::LocalOperator).
inline constexpr const char* kLocalOperatorName = "recoverydesk-cli";
User localOperator();

// Things a user may be allowed to do. Branch-scoped permissions are asked about one
// branch (the branch of the case, loan or report); the others ignore the branch.
enum class Permission {
    ManageUsers,      // add, disable, reset passwords (admin)
    ManageSettings,   // change portfolio settings (admin)
    ImportPortfolio,  // import files from the core banking system (admin)
    ReadBranch,       // see the loans, cases and reports of a branch
    WorkOwnCases,     // contacts, promises, payments on cases assigned to oneself
    WorkBranchCases,  // the same on every case of a branch, whoever it is assigned to
    ReassignCases,    // move cases between officers of a branch
    SignOffReviews,   // sign off case reviews of a branch
    ApprovePlans,     // approve repayment plans of a branch
    MaintainDatabase, // rebuild derived data (the ledger cache), recompute cases
};

inline constexpr Permission kAllPermissions[] = {
    Permission::ManageUsers,      Permission::ManageSettings, Permission::ImportPortfolio,
    Permission::ReadBranch,       Permission::WorkOwnCases,   Permission::WorkBranchCases,
    Permission::ReassignCases,    Permission::SignOffReviews, Permission::ApprovePlans,
    Permission::MaintainDatabase,
};

std::string_view permissionCode(Permission permission); // "manage_users", ...

// True when `user` may do `permission` (in `branch`, for the branch-scoped ones):
// - officer: ReadBranch and WorkOwnCases in their own branches (which cases are theirs is
//   the caller's check: the case's assigned officer);
// - supervisor: ReadBranch, WorkOwnCases, WorkBranchCases, ReassignCases, SignOffReviews and
//   ApprovePlans in their own branches;
// - admin: ManageUsers, ManageSettings, ImportPortfolio, MaintainDatabase, and ReadBranch in
//   every branch (an admin imports and reports on the whole portfolio) but works no cases;
// - the local operator: as an admin, but no ManageUsers.
// A disabled user may do nothing. A branch-scoped permission asked with an empty branch is
// denied (except an admin's ReadBranch): callers must say which branch they mean.
bool allows(const User& user, Permission permission, std::string_view branch = {});

// Who may do `permission`, for denial messages: "only an administrator may manage users".
std::string whoMay(Permission permission);

} // namespace rd

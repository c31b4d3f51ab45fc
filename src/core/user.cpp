#include "user.h"

#include <algorithm>

namespace rd {

std::string_view roleCode(Role role) {
    switch (role) {
    case Role::Officer:
        return "officer";
    case Role::Supervisor:
        return "supervisor";
    case Role::Admin:
        return "admin";
    case Role::LocalOperator:
        return "operator";
    }
    return "officer";
}

std::optional<Role> parseRole(std::string_view code) {
    for (Role r : {Role::Officer, Role::Supervisor, Role::Admin})
        if (roleCode(r) == code)
            return r;
    return std::nullopt;
}

User localOperator() {
    User u;
    u.username = kLocalOperatorName;
    u.fullName = "the command line's local operator";
    u.role = Role::LocalOperator;
    return u;
}

bool User::worksIn(std::string_view branch) const {
    return !branch.empty() && std::find(branches.begin(), branches.end(), branch) != branches.end();
}

std::string_view permissionCode(Permission permission) {
    switch (permission) {
    case Permission::ManageUsers:
        return "manage_users";
    case Permission::ManageSettings:
        return "manage_settings";
    case Permission::ImportPortfolio:
        return "import_portfolio";
    case Permission::ReadBranch:
        return "read_branch";
    case Permission::WorkOwnCases:
        return "work_own_cases";
    case Permission::WorkBranchCases:
        return "work_branch_cases";
    case Permission::ReassignCases:
        return "reassign_cases";
    case Permission::SignOffReviews:
        return "sign_off_reviews";
    case Permission::ApprovePlans:
        return "approve_plans";
    case Permission::MaintainDatabase:
        return "maintain_database";
    }
    return "";
}

bool allows(const User& user, Permission permission, std::string_view branch) {
    if (user.disabled)
        return false;
    switch (permission) {
    case Permission::ManageUsers:
        return user.role == Role::Admin;
    case Permission::ManageSettings:
    case Permission::ImportPortfolio:
    case Permission::MaintainDatabase:
        return user.role == Role::Admin || user.role == Role::LocalOperator;
    case Permission::ReadBranch:
        if (user.role == Role::Admin || user.role == Role::LocalOperator)
            return true;
        return user.worksIn(branch);
    case Permission::WorkOwnCases:
        return (user.role == Role::Officer || user.role == Role::Supervisor) &&
               user.worksIn(branch);
    case Permission::WorkBranchCases:
    case Permission::ReassignCases:
    case Permission::SignOffReviews:
    case Permission::ApprovePlans:
        return user.role == Role::Supervisor && user.worksIn(branch);
    }
    return false;
}

std::string whoMay(Permission permission) {
    switch (permission) {
    case Permission::ManageUsers:
        return "only an administrator may manage users";
    case Permission::ManageSettings:
        return "only an administrator may change settings";
    case Permission::ImportPortfolio:
        return "only an administrator may import the portfolio";
    case Permission::ReadBranch:
        return "only the branch's officers and supervisors, and administrators, may read a "
               "branch";
    case Permission::WorkOwnCases:
        return "only officers and supervisors of the case's branch may work its cases";
    case Permission::WorkBranchCases:
        return "only a supervisor of the branch may work cases assigned to others";
    case Permission::ReassignCases:
        return "only a supervisor of the branch may reassign its cases";
    case Permission::SignOffReviews:
        return "only a supervisor of the branch may sign off reviews";
    case Permission::ApprovePlans:
        return "only a supervisor of the branch may approve repayment plans";
    case Permission::MaintainDatabase:
        return "only an administrator may maintain the database";
    }
    return "";
}

} // namespace rd

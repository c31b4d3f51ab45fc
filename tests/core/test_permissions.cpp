// The permission matrix (issue 3, "People, roles and the audit trail"): every role against
// every permission in its own branch, another branch and no branch, and every denial.
#include "core/user.h"

#include <catch2/catch.hpp>
#include <map>
#include <utility>

using namespace rd;

namespace {

User makeUser(Role role, std::vector<std::string> branches) {
    User u;
    u.id = 1;
    u.username = std::string(roleCode(role));
    u.role = role;
    u.branches = std::move(branches);
    return u;
}

struct Expected {
    bool own;   // in a branch of the user ("Gulu")
    bool other; // in another branch ("Lira")
    bool none;  // asked without a branch
};

// Written out by hand from the issue, independently of allows().
const std::map<std::pair<Role, Permission>, Expected>& matrix() {
    using P = Permission;
    static const std::map<std::pair<Role, Permission>, Expected> m = {
        {{Role::Officer, P::ManageUsers}, {false, false, false}},
        {{Role::Officer, P::ManageSettings}, {false, false, false}},
        {{Role::Officer, P::ImportPortfolio}, {false, false, false}},
        {{Role::Officer, P::ReadBranch}, {true, false, false}},
        {{Role::Officer, P::WorkOwnCases}, {true, false, false}},
        {{Role::Officer, P::WorkBranchCases}, {false, false, false}},
        {{Role::Officer, P::ReassignCases}, {false, false, false}},
        {{Role::Officer, P::SignOffReviews}, {false, false, false}},
        {{Role::Officer, P::ApprovePlans}, {false, false, false}},
        {{Role::Officer, P::MaintainDatabase}, {false, false, false}},

        {{Role::Supervisor, P::ManageUsers}, {false, false, false}},
        {{Role::Supervisor, P::ManageSettings}, {false, false, false}},
        {{Role::Supervisor, P::ImportPortfolio}, {false, false, false}},
        {{Role::Supervisor, P::ReadBranch}, {true, false, false}},
        {{Role::Supervisor, P::WorkOwnCases}, {true, false, false}},
        {{Role::Supervisor, P::WorkBranchCases}, {true, false, false}},
        {{Role::Supervisor, P::ReassignCases}, {true, false, false}},
        {{Role::Supervisor, P::SignOffReviews}, {true, false, false}},
        {{Role::Supervisor, P::ApprovePlans}, {true, false, false}},
        {{Role::Supervisor, P::MaintainDatabase}, {false, false, false}},

        {{Role::Admin, P::ManageUsers}, {true, true, true}},
        {{Role::Admin, P::ManageSettings}, {true, true, true}},
        {{Role::Admin, P::ImportPortfolio}, {true, true, true}},
        {{Role::Admin, P::ReadBranch}, {true, true, true}},
        {{Role::Admin, P::WorkOwnCases}, {false, false, false}},
        {{Role::Admin, P::WorkBranchCases}, {false, false, false}},
        {{Role::Admin, P::ReassignCases}, {false, false, false}},
        {{Role::Admin, P::SignOffReviews}, {false, false, false}},
        {{Role::Admin, P::ApprovePlans}, {false, false, false}},
        {{Role::Admin, P::MaintainDatabase}, {true, true, true}},

        // The command line's local operator: an admin's file work, but no users and no cases.
        {{Role::LocalOperator, P::ManageUsers}, {false, false, false}},
        {{Role::LocalOperator, P::ManageSettings}, {true, true, true}},
        {{Role::LocalOperator, P::ImportPortfolio}, {true, true, true}},
        {{Role::LocalOperator, P::ReadBranch}, {true, true, true}},
        {{Role::LocalOperator, P::WorkOwnCases}, {false, false, false}},
        {{Role::LocalOperator, P::WorkBranchCases}, {false, false, false}},
        {{Role::LocalOperator, P::ReassignCases}, {false, false, false}},
        {{Role::LocalOperator, P::SignOffReviews}, {false, false, false}},
        {{Role::LocalOperator, P::ApprovePlans}, {false, false, false}},
        {{Role::LocalOperator, P::MaintainDatabase}, {true, true, true}},
    };
    return m;
}

} // namespace

TEST_CASE("the permission matrix: each role, each permission, own and other branch",
          "[permissions]") {
    REQUIRE(matrix().size() == 4 * std::size(kAllPermissions));
    int denials = 0;
    for (Role role : {Role::Officer, Role::Supervisor, Role::Admin, Role::LocalOperator}) {
        const User user = makeUser(role, {"Gulu"});
        for (Permission p : kAllPermissions) {
            const Expected e = matrix().at({role, p});
            INFO(roleCode(role) << " " << permissionCode(p));
            CHECK(allows(user, p, "Gulu") == e.own);
            CHECK(allows(user, p, "Lira") == e.other);
            CHECK(allows(user, p) == e.none);
            denials += !e.own + !e.other + !e.none;
        }
    }
    CHECK(denials == 4 * 10 * 3 - (2 + 6 + 15 + 12));
}

TEST_CASE("a user with several branches works in each of them and nowhere else", "[permissions]") {
    const User sup = makeUser(Role::Supervisor, {"Gulu", "Lira"});
    CHECK(allows(sup, Permission::ReassignCases, "Gulu"));
    CHECK(allows(sup, Permission::ReassignCases, "Lira"));
    CHECK_FALSE(allows(sup, Permission::ReassignCases, "Soroti"));
    CHECK_FALSE(allows(sup, Permission::ReassignCases, "gulu")); // names are exact
    const User adminWithoutBranches = makeUser(Role::Admin, {});
    CHECK(allows(adminWithoutBranches, Permission::ReadBranch, "Soroti"));
    CHECK_FALSE(allows(adminWithoutBranches, Permission::WorkOwnCases, "Soroti"));
}

TEST_CASE("the local operator is never a stored role", "[permissions]") {
    CHECK(roleCode(Role::LocalOperator) == "operator");
    CHECK_FALSE(parseRole("operator").has_value());
    const User op = localOperator();
    CHECK(op.role == Role::LocalOperator);
    CHECK(op.username == "recoverydesk-cli");
}

TEST_CASE("a disabled user is denied everything", "[permissions]") {
    for (Role role : {Role::Officer, Role::Supervisor, Role::Admin}) {
        User user = makeUser(role, {"Gulu"});
        user.disabled = true;
        for (Permission p : kAllPermissions) {
            INFO(roleCode(role) << " " << permissionCode(p));
            CHECK_FALSE(allows(user, p, "Gulu"));
            CHECK_FALSE(allows(user, p, "Lira"));
            CHECK_FALSE(allows(user, p));
        }
    }
}

TEST_CASE("every permission has a code and says who may use it", "[permissions]") {
    for (Permission p : kAllPermissions) {
        INFO(static_cast<int>(p));
        CHECK_FALSE(permissionCode(p).empty());
        CHECK_THAT(whoMay(p), Catch::StartsWith("only "));
    }
}

TEST_CASE("roles have text codes that round-trip", "[permissions]") {
    for (Role role : {Role::Officer, Role::Supervisor, Role::Admin})
        CHECK(parseRole(roleCode(role)) == role);
    CHECK(roleCode(Role::Officer) == "officer");
    CHECK(roleCode(Role::Supervisor) == "supervisor");
    CHECK(roleCode(Role::Admin) == "admin");
    CHECK_FALSE(parseRole("Admin"));
    CHECK_FALSE(parseRole(""));
}

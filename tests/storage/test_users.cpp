// Users (schema version 2) and the user service: password hashing, sign-in with lockout,
// disabled users, permissions enforced in the service, and the audit records.
#include "services/portfolio_service.h"
#include "services/user_service.h"
#include "storage/migrations.h"
#include "storage/password_hasher.h"
#include "storage/user_repository.h"
#include "storage_test_support.h"

#include <catch2/catch.hpp>
#include <chrono>

using namespace rd;
using namespace rd::storage;
using namespace rd::services;
using namespace std::chrono_literals;

namespace {

// 2026-11-28T08:00:00Z
const std::chrono::sys_seconds kT0 =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} + std::chrono::hours{8};

struct Fixture {
    rdst::TempDir tmp;
    std::unique_ptr<Database> db = rdst::openDb(tmp / "rd.db");
    std::chrono::sys_seconds clock = kT0;
    UserService service{*db, [this] { return clock; }};
    User admin;

    Fixture() {
        auto created = service.createFirstAdmin({"boss", "Bea Boss", Role::Admin, {}},
                                                std::string("admin-pass-1"));
        REQUIRE(created.ok());
        admin = created->user;
    }
    User add(const std::string& name, Role role, std::vector<std::string> branches,
             const std::string& password = "officer-pass-1") {
        auto added = service.addUser(admin, {name, "", role, std::move(branches)}, password, false);
        INFO((added.ok() ? "" : added.error().message));
        REQUIRE(added.ok());
        return added->user;
    }
    // The directory as `actor` lists it at the service's clock; fails the test unless listed.
    std::vector<UserSummary> list(const User& actor) {
        auto listed = service.list(actor);
        INFO((listed.ok() ? "" : listed.error().message));
        REQUIRE(listed.ok());
        return *listed;
    }
    std::int64_t auditRows(const std::string& action) {
        return rdst::queryInt(
            db->handle(),
            "SELECT count(*) FROM audit_log WHERE entity = 'user' AND action = '" + action + "'");
    }
};

} // namespace

TEST_CASE("a password hash is Argon2id, salted, and verifies only the password",
          "[users][password]") {
    const std::string h1 = hashPassword("correct horse");
    const std::string h2 = hashPassword("correct horse");
    CHECK_THAT(h1, Catch::StartsWith("$argon2id$"));
    CHECK(h1.find("correct horse") == std::string::npos);
    CHECK(h1 != h2); // a random salt each time
    CHECK(verifyPassword(h1, "correct horse"));
    CHECK(verifyPassword(h2, "correct horse"));
    CHECK_FALSE(verifyPassword(h1, "correct horsE"));
    CHECK_FALSE(verifyPassword(h1, ""));
    CHECK_FALSE(verifyPassword("", "correct horse"));
    CHECK_FALSE(verifyPassword("$argon2id$garbage", "correct horse"));
    const std::string generated = randomPassword();
    CHECK(generated.size() == 12);
    CHECK(generated != randomPassword());
}

TEST_CASE("a schema version 1 file migrates to one with an empty users table and the same "
          "loans",
          "[users][migration]") {
    rdst::TempDir tmp;
    const auto path = tmp / "old.db";
    std::filesystem::copy_file(std::filesystem::path(RD_TEST_DATA_DIR) / "schema/v1-worked.db",
                               path);
    std::string loansBefore;
    std::int64_t loanCount = 0;
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
        loansBefore = rdst::portfolio(raw);
        loanCount = rdst::rowCount(raw, "loans");
        sqlite3_close(raw);
    }
    REQUIRE(loanCount > 0);
    auto opened = Database::open(path, {});
    REQUIRE(opened.ok());
    auto& db = **opened;
    CHECK(db.schemaVersion() == latestSchemaVersion());
    CHECK(latestSchemaVersion() >= 2);
    REQUIRE(db.migrationBackup());
    CHECK(std::filesystem::exists(*db.migrationBackup()));
    CHECK(rdst::rowCount(db.handle(), "users") == 0);
    CHECK(rdst::rowCount(db.handle(), "user_branches") == 0);
    CHECK(rdst::rowCount(db.handle(), "loans") == loanCount);
    CHECK(rdst::portfolio(db.handle()) == loansBefore);
    UserService service(db);
    CHECK(service.needsFirstAdmin().value());
    CHECK(
        service.createFirstAdmin({"admin", "", Role::Admin, {}}, std::string("long-enough")).ok());
    CHECK_FALSE(service.needsFirstAdmin().value());
}

TEST_CASE("the stored hash is not the password and audit records hold no password or hash",
          "[users][audit]") {
    Fixture f;
    f.add("okello", Role::Officer, {"Gulu"}, "okello-secret");
    const auto stored = UserRepository(*f.db).find("okello");
    REQUIRE(stored);
    CHECK(stored->passwordHash != "okello-secret");
    CHECK_THAT(stored->passwordHash, Catch::StartsWith("$argon2id$"));
    CHECK(verifyPassword(stored->passwordHash, "okello-secret"));
    CHECK(stored->user.branches == std::vector<std::string>{"Gulu"});
    CHECK(stored->user.fullName == "okello"); // defaults to the username
    REQUIRE(f.service.resetPassword(f.admin, "okello", std::string("reset-secret")).ok());

    const std::string audit = rdst::queryText(
        f.db->handle(), "SELECT group_concat(coalesce(before, '') || '|' || coalesce(after, ''), "
                        "'\n') FROM audit_log WHERE entity = 'user'");
    CHECK(audit.find("secret") == std::string::npos);
    CHECK(audit.find("admin-pass") == std::string::npos);
    CHECK(audit.find("argon2") == std::string::npos);
    CHECK(f.auditRows("create_first_admin") == 1);
    CHECK(f.auditRows("add_user") == 1);
    CHECK(f.auditRows("reset_password") == 1);
    CHECK(rdst::queryText(f.db->handle(),
                          "SELECT actor || ' ' || entity_key || ' ' || at FROM audit_log WHERE "
                          "action = 'add_user'") == "boss okello 2026-11-28T08:00:00Z");
    CHECK(
        rdst::queryText(f.db->handle(), "SELECT after FROM audit_log WHERE action = 'add_user'") ==
        R"({"username":"okello","full_name":"okello","role":"officer","branches":["Gulu"],)"
        R"("disabled":false,"must_change_password":false})");
}

TEST_CASE("only an administrator manages users, and the denial says who may",
          "[users][permissions]") {
    Fixture f;
    const User officer = f.add("okello", Role::Officer, {"Gulu"});
    const User sup = f.add("sup.gulu", Role::Supervisor, {"Gulu", "Lira"});
    const auto before = rdst::snapshot(*f.db);
    for (const User& actor : {officer, sup}) {
        auto added = f.service.addUser(actor, {"newbie", "", Role::Officer, {"Gulu"}}, {});
        REQUIRE_FALSE(added.ok());
        CHECK_THAT(added.error().message,
                   Catch::Contains("permission denied for " + actor.username) &&
                       Catch::Contains("only an administrator"));
        CHECK(added.error().kind == ErrorKind::Denied);
        CHECK_FALSE(f.service.disable(actor, "boss").ok());
        CHECK_FALSE(f.service.resetPassword(actor, "boss", {}).ok());
    }
    CHECK(rdst::snapshot(*f.db) == before); // nothing written, not even an audit row
    CHECK_FALSE(f.service.createFirstAdmin({"other", "", Role::Admin, {}}, {}).ok());

    SECTION("an administrator whose account was disabled since signing in is refused") {
        const User second = f.add("boss2", Role::Admin, {});
        REQUIRE(f.service.disable(f.admin, "boss2").ok());
        CHECK_FALSE(f.service.addUser(second, {"newbie", "", Role::Officer, {"Gulu"}}, {}).ok());
    }
    SECTION("an administrator cannot disable themselves") {
        auto self = f.service.disable(f.admin, "boss");
        REQUIRE_FALSE(self.ok());
        CHECK_THAT(self.error().message, Catch::Contains("your own account"));
    }
}

TEST_CASE("new users are checked: username, branches, password length, duplicates", "[users]") {
    Fixture f;
    CHECK_FALSE(f.service.addUser(f.admin, {"Bad Name", "", Role::Officer, {"Gulu"}}, {}).ok());
    auto noBranch = f.service.addUser(f.admin, {"okello", "", Role::Officer, {}}, {});
    REQUIRE_FALSE(noBranch.ok());
    CHECK_THAT(noBranch.error().message, Catch::Contains("at least one branch"));
    auto shortPw =
        f.service.addUser(f.admin, {"okello", "", Role::Officer, {"Gulu"}}, std::string("short"));
    REQUIRE_FALSE(shortPw.ok());
    CHECK_THAT(shortPw.error().message, Catch::Contains("at least 8"));
    auto generated = f.service.addUser(f.admin, {"okello", "", Role::Officer, {"Gulu"}}, {});
    REQUIRE(generated.ok());
    CHECK(generated->generated);
    CHECK(generated->mustChangePassword);
    CHECK(generated->password.size() == 12);
    auto dup = f.service.addUser(f.admin, {"okello", "", Role::Officer, {"Gulu"}}, {});
    REQUIRE_FALSE(dup.ok());
    CHECK_THAT(dup.error().message, Catch::Contains("already exists"));

    auto signedIn = f.service.authenticate("okello", generated->password, kT0);
    REQUIRE(signedIn.ok());
    CHECK(signedIn->mustChangePassword);
    REQUIRE(f.service.changeOwnPassword(signedIn->user, generated->password, "my-own-pass").ok());
    auto again = f.service.authenticate("okello", "my-own-pass", kT0);
    REQUIRE(again.ok());
    CHECK_FALSE(again->mustChangePassword);
    CHECK_FALSE(f.service.changeOwnPassword(again->user, "wrong-current", "another-pass").ok());
    CHECK(f.auditRows("change_password") == 1);
}

TEST_CASE("five failed sign-ins in a row lock the account for 15 minutes", "[users][lockout]") {
    Fixture f;
    f.add("okello", Role::Officer, {"Gulu"}, "right-password");
    auto unknown = f.service.authenticate("nobody", "whatever-pw", kT0);
    REQUIRE_FALSE(unknown.ok());
    for (int i = 1; i <= 4; ++i) {
        auto r = f.service.authenticate("okello", "wrong-password", kT0 + std::chrono::seconds(i));
        REQUIRE_FALSE(r.ok());
        // The same words whether or not the username exists.
        CHECK(r.error().message == unknown.error().message);
    }
    CHECK(f.auditRows("sign_in_failed") == 4);
    auto fifth = f.service.authenticate("okello", "wrong-password", kT0 + 5s);
    REQUIRE_FALSE(fifth.ok());
    CHECK_THAT(fifth.error().message, Catch::Contains("locked until 2026-11-28T08:15:05Z"));
    CHECK(f.auditRows("lock_user") == 1);

    // The right password is refused while locked ...
    auto locked = f.service.authenticate("okello", "right-password", kT0 + 15min);
    REQUIRE_FALSE(locked.ok());
    CHECK_THAT(locked.error().message, Catch::Contains("locked"));
    f.clock = kT0 + 15min; // the list is locked or not at the service's clock
    const auto whileLocked = f.list(f.admin).at(1);
    CHECK(whileLocked.locked);
    CHECK(whileLocked.lockedUntil == "2026-11-28T08:15:05Z");
    // ... and accepted once the 15 minutes are over.
    auto after = f.service.authenticate("okello", "right-password", kT0 + 15min + 5s);
    REQUIRE(after.ok());
    CHECK(after->user.username == "okello");
    f.clock = kT0 + 15min + 5s;
    CHECK_FALSE(f.list(f.admin).at(1).locked);
    CHECK(rdst::queryInt(f.db->handle(), "SELECT locked_until IS NULL AND failed_attempts = 0 "
                                         "FROM users WHERE username = 'okello'") == 1);
}

TEST_CASE("a success clears the failure count, and a reset lifts a lock", "[users][lockout]") {
    Fixture f;
    f.add("okello", Role::Officer, {"Gulu"}, "right-password");
    for (int i = 0; i < 4; ++i)
        REQUIRE_FALSE(f.service.authenticate("okello", "wrong-password", kT0).ok());
    REQUIRE(f.service.authenticate("okello", "right-password", kT0).ok());
    CHECK(f.auditRows("sign_in") == 1);
    for (int i = 0; i < 4; ++i)
        REQUIRE_FALSE(f.service.authenticate("okello", "wrong-password", kT0).ok());
    CHECK(f.auditRows("lock_user") == 0); // 4 + 4 is not 5 in a row

    REQUIRE_FALSE(f.service.authenticate("okello", "wrong-password", kT0).ok());
    REQUIRE_FALSE(f.service.authenticate("okello", "right-password", kT0 + 1min).ok());
    auto reset = f.service.resetPassword(f.admin, "okello", {});
    REQUIRE(reset.ok());
    CHECK(reset->generated);
    CHECK(reset->mustChangePassword);
    auto in = f.service.authenticate("okello", reset->password, kT0 + 2min);
    REQUIRE(in.ok());
    CHECK(in->mustChangePassword);
}

TEST_CASE("a disabled user cannot sign in", "[users][disabled]") {
    Fixture f;
    f.add("okello", Role::Officer, {"Gulu"}, "right-password");
    auto disabled = f.service.disable(f.admin, "okello");
    REQUIRE(disabled.ok());
    CHECK(disabled->disabled);
    CHECK(f.auditRows("disable_user") == 1);
    CHECK(rdst::queryText(f.db->handle(), "SELECT json_extract(before, '$.disabled') || "
                                          "json_extract(after, '$.disabled') FROM audit_log "
                                          "WHERE action = 'disable_user'") == "01");
    auto right = f.service.authenticate("okello", "right-password", kT0);
    REQUIRE_FALSE(right.ok());
    CHECK_THAT(right.error().message, Catch::Contains("disabled"));
    auto wrong = f.service.authenticate("okello", "wrong-password", kT0);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().message == "wrong username or password");
    CHECK_FALSE(f.service.disable(f.admin, "okello").ok()); // already disabled
    CHECK_FALSE(f.service.disable(f.admin, "nobody").ok());
    CHECK(f.list(f.admin).at(1).user.disabled);
    // The directory: any enabled user (or the local operator) may read it, a disabled one not.
    const User reader = f.add("reader", Role::Officer, {"Gulu"});
    CHECK(f.list(reader).size() == 3);
    CHECK(f.list(localOperator()).size() == 3);
    auto byDisabled = f.service.list(disabled.value());
    REQUIRE_FALSE(byDisabled.ok());
    CHECK(byDisabled.error().kind == ErrorKind::Denied);
}

TEST_CASE("the sign-in dialog lists the enabled users of a demo portfolio only", "[users][demo]") {
    Fixture f;
    f.add("okello", Role::Officer, {"Gulu"});
    f.add("zed", Role::Officer, {"Gulu"});
    REQUIRE(f.service.disable(f.admin, "zed").ok());
    CHECK(f.service.demoSignInNames().empty()); // not a demo portfolio
    PortfolioService portfolio(*f.db, [&f] { return f.clock; });
    CHECK_FALSE(portfolio.markDemoPortfolio(f.list(f.admin).at(1).user).ok()); // an officer
    REQUIRE(portfolio.markDemoPortfolio(f.admin).ok());
    CHECK(f.service.demoSignInNames() == std::vector<std::string>{"boss", "okello"});
}

TEST_CASE("users are never deleted", "[users]") {
    Fixture f;
    CHECK_THAT(rdst::execError(f.db->handle(), "DELETE FROM users"),
               Catch::Contains("never deleted"));
}

TEST_CASE("a wrong current password when changing it counts towards the lockout",
          "[users][lockout]") {
    Fixture f;
    const User officer = f.add("okello", Role::Officer, {"Gulu"}, "right-password");
    for (int i = 0; i < 5; ++i)
        REQUIRE_FALSE(f.service.changeOwnPassword(officer, "wrong-password", "new-password").ok());
    CHECK(f.auditRows("lock_user") == 1);
    auto locked = f.service.changeOwnPassword(officer, "right-password", "new-password");
    REQUIRE_FALSE(locked.ok());
    CHECK_THAT(locked.error().message, Catch::Contains("locked"));
    f.clock = kT0 + 16min;
    CHECK(f.service.changeOwnPassword(officer, "right-password", "new-password").ok());
    CHECK(f.service.authenticate("okello", "new-password", kT0 + 16min).ok());
}

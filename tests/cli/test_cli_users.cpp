// `recoverydesk-cli users ...` (interchange.md section 3): bootstrap of the first
// administrator, adding users as an administrator, refusals (exit 1), the JSON listing,
// disabled users, and the demo's users.
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rd::test;
using Json = nlohmann::json;

namespace {

struct Env {
    TempDir tmp;
    std::string db = (tmp / "rd.db").string();

    CliResult run(std::vector<std::string> args, const std::string& input = {}) const {
        args.insert(args.begin(), {"--db", db});
        return runCli(args, input, {"XDG_DATA_HOME=" + (tmp / "xdg").string()});
    }
    // A database with the worked example, an administrator `boss` (password boss-pass-1)
    // and an officer `okello` in Nairobi with the permanent password okello-pass.
    void setUp() const {
        REQUIRE(run({"import", (examplesDir() / "worked").string()}).exitCode == 0);
        auto boss =
            run({"users", "add", "boss", "--role", "admin", "--password-stdin"}, "boss-pass-1\n");
        INFO(boss.err);
        REQUIRE(boss.exitCode == 0);
        CHECK_THAT(boss.out, Catch::Contains("first administrator"));
        auto officer = run({"users", "add", "okello", "--role", "officer", "--branch", "Nairobi",
                            "--name", "Peter Okello", "--as", "boss", "--password-stdin"},
                           "boss-pass-1\ntemp-pass-1\n");
        INFO(officer.err);
        REQUIRE(officer.exitCode == 0);
        auto changed = run({"users", "change-password", "--as", "okello", "--password-stdin"},
                           "temp-pass-1\nokello-pass\n");
        INFO(changed.err);
        REQUIRE(changed.exitCode == 0);
    }
};

} // namespace

TEST_CASE("users: the first administrator needs no --as, later users do", "[cli][users]") {
    Env env;
    REQUIRE(env.run({"init", "--currency", "KES"}).exitCode == 0);
    auto officerFirst = env.run({"users", "add", "okello", "--role", "officer", "--branch", "A"});
    CHECK(officerFirst.exitCode == 1);
    CHECK_THAT(officerFirst.err, Catch::Contains("first one must be an administrator"));

    auto boss = env.run({"users", "add", "boss", "--role", "admin"});
    INFO(boss.err);
    REQUIRE(boss.exitCode == 0);
    CHECK_THAT(boss.out, Catch::Contains("no --as needed"));
    CHECK_THAT(boss.out, Catch::Contains("Temporary password for boss"));

    auto noAs = env.run({"users", "add", "okello", "--role", "officer", "--branch", "A"});
    CHECK(noAs.exitCode == 1);
    CHECK_THAT(noAs.err, Catch::Contains("--as USER is required"));
    auto second = env.run({"users", "add", "other", "--role", "admin"});
    CHECK(second.exitCode == 1);
}

TEST_CASE("users: an administrator adds an officer, the officer may not add users",
          "[cli][users]") {
    Env env;
    env.setUp();
    auto refused = env.run({"users", "add", "newbie", "--role", "officer", "--branch", "Nairobi",
                            "--as", "okello", "--password-stdin"},
                           "okello-pass\nnewbie-pass\n");
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err, Catch::Contains("permission denied for okello") &&
                                Catch::Contains("only an administrator may manage users"));
    CHECK(
        env.run({"users", "disable", "boss", "--as", "okello", "--password-stdin"}, "okello-pass\n")
            .exitCode == 1);

    auto generated = env.run({"users", "add", "sup", "--role", "supervisor", "--branch", "Nairobi",
                              "--branch", "Mombasa", "--as", "boss", "--password-stdin"},
                             "boss-pass-1\n");
    INFO(generated.err);
    REQUIRE(generated.exitCode == 0);
    CHECK_THAT(generated.out, Catch::Contains("Temporary password for sup"));
    // A temporary password must be changed before working.
    auto temp = generated.out.substr(generated.out.rfind(": ") + 2);
    temp.erase(temp.find_last_not_of("\n") + 1);
    auto mustChange =
        env.run({"users", "disable", "okello", "--as", "sup", "--password-stdin"}, temp + "\n");
    CHECK(mustChange.exitCode == 1);
    CHECK_THAT(mustChange.err, Catch::Contains("temporary password"));
}

TEST_CASE("users: a wrong password is refused with exit 1, the same as an unknown user",
          "[cli][users]") {
    Env env;
    env.setUp();
    auto wrong = env.run({"users", "disable", "okello", "--as", "boss", "--password-stdin"},
                         "not-the-password\n");
    CHECK(wrong.exitCode == 1);
    CHECK_THAT(wrong.err, Catch::Contains("wrong username or password"));
    auto unknown = env.run({"users", "disable", "okello", "--as", "nobody", "--password-stdin"},
                           "not-the-password\n");
    CHECK(unknown.exitCode == 1);
    CHECK_THAT(unknown.err, Catch::Contains("wrong username or password"));
    auto noInput = env.run({"users", "disable", "okello", "--as", "boss"});
    CHECK(noInput.exitCode == 1);
    CHECK_THAT(noInput.err, Catch::Contains("--password-stdin"));
}

TEST_CASE("users list --format json", "[cli][users]") {
    Env env;
    env.setUp();
    auto r = env.run({"users", "list", "--format", "json"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const Json j = Json::parse(r.out);
    REQUIRE(j["users"].is_array());
    REQUIRE(j["users"].size() == 2);
    const Json& okello = j["users"][1];
    CHECK(okello["username"] == "okello");
    CHECK(okello["full_name"] == "Peter Okello");
    CHECK(okello["role"] == "officer");
    CHECK(okello["branches"] == Json::array({"Nairobi"}));
    CHECK(okello["disabled"] == false);
    CHECK(okello["locked_until"].is_null());
    CHECK(okello["must_change_password"] == false);
    CHECK(j["users"][0]["username"] == "boss");
    CHECK(j["users"][0]["role"] == "admin");
    CHECK(r.out.find("argon2") == std::string::npos);

    auto text = env.run({"users", "list"});
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.out, Catch::Contains("okello") && Catch::Contains("Nairobi"));
}

TEST_CASE("users disable: the user can no longer sign in", "[cli][users]") {
    Env env;
    env.setUp();
    auto disabled = env.run({"users", "disable", "okello", "--as", "boss", "--password-stdin"},
                            "boss-pass-1\n");
    INFO(disabled.err);
    REQUIRE(disabled.exitCode == 0);
    auto refused = env.run({"users", "change-password", "--as", "okello", "--password-stdin"},
                           "okello-pass\nanother-pass\n");
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err, Catch::Contains("disabled"));
    const Json j = Json::parse(env.run({"users", "list", "--format", "json"}).out);
    CHECK(j["users"][1]["disabled"] == true);

    auto reset = env.run({"users", "reset-password", "okello", "--as", "boss", "--password-stdin"},
                         "boss-pass-1\nfresh-pass-1\n");
    INFO(reset.err);
    CHECK(reset.exitCode == 0);
}

TEST_CASE("users: five wrong passwords lock the account", "[cli][users]") {
    Env env;
    env.setUp();
    for (int i = 0; i < 5; ++i)
        CHECK(env.run({"users", "change-password", "--as", "okello", "--password-stdin"},
                      "wrong-pass\nx\n")
                  .exitCode == 1);
    auto locked = env.run({"users", "change-password", "--as", "okello", "--password-stdin"},
                          "okello-pass\nanother-pass\n");
    CHECK(locked.exitCode == 1);
    CHECK_THAT(locked.err, Catch::Contains("locked"));
}

TEST_CASE("demo creates demo users and prints their password", "[cli][users][demo]") {
    Env env;
    auto r = env.run({"demo", "--loans", "50", "--as-of", "2026-11-27"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("Demo users (password \"demo1234\"") &&
                          Catch::Contains("demo databases only"));
    CHECK_THAT(r.out, Catch::Contains("rec.gulu"));
    const Json j = Json::parse(env.run({"users", "list", "--format", "json"}).out);
    int admins = 0, supervisors = 0, officers = 0;
    for (const auto& u : j["users"]) {
        admins += u["role"] == "admin";
        supervisors += u["role"] == "supervisor";
        officers += u["role"] == "officer";
        CHECK(u["must_change_password"] == false);
    }
    CHECK(admins == 1);
    CHECK(supervisors >= 1);
    CHECK(officers >= supervisors);
    auto signIn = env.run({"users", "disable", "rec.gulu", "--as", "admin", "--password-stdin"},
                          "demo1234\n");
    INFO(signIn.err);
    CHECK(signIn.exitCode == 0);
}

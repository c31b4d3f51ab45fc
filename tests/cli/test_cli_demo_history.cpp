// The demo's desk history: weeks of contacts, promises, desk payments, plans, budgets,
// counselling and referrals replayed through the services, the same for the same seed, every
// event audited with the demo user who did it at the event's own time; --no-history leaves
// the plain portfolio.
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sqlite3.h>

using namespace rd::test;

namespace {

constexpr const char* kAsOf = "2026-11-27";

// The first column of the first row of `sql` on the database at `path`, as text.
std::string scalar(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    INFO(sql);
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}
long count(const std::filesystem::path& path, const std::string& sql) {
    return std::stol(scalar(path, sql));
}

// What the history's events are audited as.
constexpr const char* kHistoryActions =
    "('add_contact', 'add_promise', 'take_payment', 'propose_plan', 'approve_plan', "
    "'reject_plan', 'withdraw_plan', 'set_budget', 'add_counselling', 'add_referral', "
    "'update_referral', 'add_note', 'request_legal', 'approve_legal')";

} // namespace

TEST_CASE("demo replays weeks of desk work: plans of every status, budgets, counselling, "
          "referrals, contacts and promises, the same for the same seed",
          "[cli][demo]") {
    TempDir tmp;
    const auto a = tmp / "a.db";
    const auto b = tmp / "b.db";
    for (const auto& db : {a, b}) {
        const auto r = runCli(
            {"--db", db.string(), "demo", "--loans", "400", "--seed", "7", "--as-of", kAsOf});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        CHECK_THAT(r.out, Catch::Contains("Desk history of the 6 weeks to 2026-11-27"));
    }
    const auto plans = [&](const std::filesystem::path& db) {
        const auto r = runCli({"--db", db.string(), "plans", "--as-of", kAsOf, "--format", "json"});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        return r.out;
    };
    const auto text = plans(a);
    CHECK(text == plans(b));
    const auto json = nlohmann::json::parse(text);
    std::set<std::string> statuses, kinds;
    bool twoApprovals = false;
    for (const auto& p : json.is_array() ? json : json.at("plans")) {
        statuses.insert(p.at("status").get<std::string>());
        kinds.insert(p.at("kind").get<std::string>());
        twoApprovals |= p.at("status") == "proposed" && p.at("approvals_needed") == 2;
    }
    for (const char* s :
         {"active", "broken", "completed", "proposed", "rejected", "withdrawn", "cancelled"})
        CHECK(statuses.count(s) == 1);
    CHECK(kinds == std::set<std::string>{"arrangement", "reschedule", "settlement"});
    CHECK(twoApprovals);
    // A settlement paid through closed its loan as settled.
    CHECK(count(a, "SELECT count(*) FROM cases WHERE close_reason = 'settled'") >= 1);

    for (const auto& [what, sql] : std::vector<std::pair<const char*, std::string>>{
             {"contacts", "SELECT count(*) FROM contacts"},
             {"promises", "SELECT count(*) FROM promises"},
             {"desk payments", "SELECT count(*) FROM desk_receipts"},
             {"budgets", "SELECT count(*) FROM budgets"},
             {"workshops", "SELECT count(*) FROM counselling_sessions WHERE kind = 'workshop'"},
             {"one-to-one sessions",
              "SELECT count(*) FROM counselling_sessions WHERE kind = 'one_to_one'"},
             {"referrals", "SELECT count(*) FROM referrals"},
             {"referral follow-ups due on the as-of date",
              "SELECT count(*) FROM referrals WHERE follow_up_on = '2026-11-27'"},
             {"referrals contacted",
              "SELECT count(*) FROM referral_updates WHERE status = 'contacted'"},
             {"referrals completed",
              "SELECT count(*) FROM referral_updates WHERE status = 'completed'"},
             {"referrals declined",
              "SELECT count(*) FROM referral_updates WHERE status = 'declined'"},
             {"budgets with a negative surplus",
              "SELECT count(*) FROM (SELECT budget_id FROM budget_lines GROUP BY budget_id "
              "HAVING sum(CASE kind WHEN 'income' THEN monthly_amount ELSE -monthly_amount END) < "
              "0)"},
         }) {
        INFO(what);
        CHECK(count(a, sql) > 0);
        CHECK(scalar(a, sql) == scalar(b, sql));
    }
    // Most open cases were worked: at least half have a contact.
    CHECK(count(a,
                "SELECT count(*) FROM cases WHERE status = 'open' AND id IN (SELECT case_id FROM "
                "contacts)") *
              2 >=
          count(a, "SELECT count(*) FROM cases WHERE status = 'open'"));

    // Every event is audited, by a demo officer or supervisor (never the administrator or
    // the command line), at its own time inside the six weeks, never the machine's.
    const std::string history = std::string("FROM audit_log WHERE action IN ") + kHistoryActions;
    CHECK(count(a, "SELECT count(*) " + history) > 0);
    CHECK(count(a, "SELECT count(*) " + history +
                       " AND actor NOT IN (SELECT username FROM users WHERE role IN "
                       "('officer', 'supervisor'))") == 0);
    CHECK(count(a, "SELECT count(*) " + history +
                       " AND (at < '2026-10-12' OR at >= '2026-11-28')") == 0);
    CHECK(count(a, "SELECT count(*) FROM audit_log WHERE action = 'add_contact'") ==
          count(a, "SELECT count(*) FROM contacts"));
    CHECK(count(a, "SELECT count(*) FROM audit_log WHERE action = 'add_contact' AND "
                   "actor LIKE 'rec.%'") == count(a, "SELECT count(*) FROM contacts"));
    // Stage changes are the officers' (the recompute's own, to post-write-off, are the
    // command line's).
    CHECK(count(a, "SELECT count(*) FROM audit_log WHERE action = 'change_stage' AND actor "
                   "LIKE 'rec.%' AND at >= '2026-10-12' AND at < '2026-11-28'") > 0);
    CHECK(scalar(a, "SELECT group_concat(actor || at, ',') " + history) ==
          scalar(b, "SELECT group_concat(actor || at, ',') " + history));
}

TEST_CASE("demo --no-history gives the imported portfolio only", "[cli][demo]") {
    TempDir tmp;
    const auto db = tmp / "plain.db";
    const auto r =
        runCli({"--db", db.string(), "demo", "--loans", "60", "--as-of", kAsOf, "--no-history"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, !Catch::Contains("Desk history"));
    for (const char* table : {"cases", "contacts", "promises", "plans", "budgets",
                              "counselling_sessions", "referrals", "desk_receipts"})
        CHECK(count(db, std::string("SELECT count(*) FROM ") + table) == 0);
}

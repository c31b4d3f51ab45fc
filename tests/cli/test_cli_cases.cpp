// `recompute`, `queue`, `case show|reassign`, `contact add` and `promise add`
// (interchange.md section 3) through the real CLI, on the worked example (L1 and L2 of
// Amina Nakato, Kampala Central) with officers akello and bosco and supervisor sarah.
#include "cli_desk.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rd::test;
using Json = nlohmann::json;

namespace {

struct Desk : WorkedDesk {
    Json queue(const std::string& officer, const std::string& date) const {
        auto r = ok({"queue", "--officer", officer, "--date", date, "--format", "json"});
        return Json::parse(r.out);
    }
    Json show(const std::string& loan, const std::string& date) const {
        auto r = ok({"case", "show", loan, "--as-of", date, "--format", "json"});
        return Json::parse(r.out);
    }
};

std::vector<std::string> loanIds(const Json& queue) {
    std::vector<std::string> ids;
    for (const auto& item : queue["items"])
        ids.push_back(item["loan_id"]);
    return ids;
}

} // namespace

TEST_CASE("cli cases: recompute opens and assigns cases, queue --format json", "[cli][cases]") {
    Desk d;
    auto help = d.run({"recompute", "--help"});
    CHECK_THAT(help.out, Catch::Contains("no --as") && Catch::Contains("system"));

    auto first = d.ok({"recompute", "--as-of", "2026-03-20"});
    CHECK_THAT(first.out, Catch::Contains("2 opened"));
    auto again = d.ok({"recompute", "--as-of", "2026-03-20"});
    CHECK_THAT(again.out, Catch::Contains("0 opened"));

    const Json q = d.queue("akello", "2026-03-20");
    CHECK(q["officer"] == "akello");
    CHECK(q["date"] == "2026-03-20");
    CHECK(q["currency"] == "KES");
    REQUIRE(q["items"].size() == 1);
    const Json& item = q["items"][0];
    const std::vector<std::string> keys = {
        "rank",    "loan_id", "client",          "phone",
        "dpd",     "bucket",  "arrears",         "stage",
        "reasons", "why",     "last_contact_at", "next_action_on",
        "promise"};
    CHECK(item.size() == keys.size());
    for (const auto& k : keys)
        CHECK(item.contains(k));
    CHECK(item["rank"] == 1);
    CHECK(item["loan_id"] == "L1");
    CHECK(item["client"] == "Amina Nakato");
    CHECK(item["phone"] == "+256772000001");
    CHECK(item["dpd"] == 19);
    CHECK(item["bucket"] == "1-30");
    CHECK(item["arrears"] == "65.00");
    CHECK(item["stage"] == "early");
    CHECK(item["reasons"][0] == "new_case");
    CHECK_THAT(item["why"].get<std::string>(), Catch::Contains("New"));
    CHECK(item["last_contact_at"].is_null());
    CHECK(item["promise"].is_null());
    CHECK(loanIds(d.queue("bosco", "2026-03-20")) == std::vector<std::string>{"L2"});

    auto unknown = d.run({"queue", "--officer", "nobody", "--date", "2026-03-20"});
    CHECK(unknown.exitCode == 1);
}

TEST_CASE("cli cases: contacts, promises, reassignment and the call list order", "[cli][cases]") {
    Desk d;
    d.ok({"recompute", "--as-of", "2026-03-20"});

    // An officer may not work or reassign another officer's case.
    auto other = d.as("akello", {"contact", "add", "L2", "--channel", "call", "--outcome",
                                 "no_answer", "--at", "2026-03-20T10:00"});
    CHECK(other.exitCode == 1);
    CHECK_THAT(other.err, Catch::Contains("permission denied for akello"));
    auto notSup = d.as("akello", {"case", "reassign", "L2", "--to", "akello"});
    CHECK(notSup.exitCode == 1);
    CHECK_THAT(notSup.err, Catch::Contains("permission denied"));

    // The supervisor gives L2 to akello: both new, same DPD, L2 has more arrears.
    auto moved = d.as("sarah", {"case", "reassign", "L2", "--to", "akello"});
    INFO(moved.err);
    REQUIRE(moved.exitCode == 0);
    CHECK(loanIds(d.queue("akello", "2026-03-20")) == std::vector<std::string>{"L2", "L1"});

    // Outside the hours: refused without a reason, kept with one.
    auto late = d.as("akello", {"contact", "add", "L2", "--channel", "call", "--outcome",
                                "promised", "--at", "2026-03-20T21:10", "--promise-amount",
                                "115.00", "--promise-date", "2026-03-22"});
    CHECK(late.exitCode == 1);
    CHECK_THAT(late.err, Catch::Contains("08:00-20:00"));
    auto withReason =
        d.as("akello", {"contact", "add", "L2", "--channel", "call", "--outcome", "promised",
                        "--at", "2026-03-20T21:10", "--promise-amount", "115.00", "--promise-date",
                        "2026-03-22", "--note", "will pay on Sunday", "--override-reason",
                        "client asked for an evening call"});
    INFO(withReason.err);
    REQUIRE(withReason.exitCode == 0);
    CHECK_THAT(withReason.out, Catch::Contains("Promise"));

    const Json file = d.show("L2", "2026-03-21");
    REQUIRE(file["contacts"].size() == 1);
    CHECK(file["contacts"][0]["override_reason"] == "client asked for an evening call");
    CHECK(file["contacts"][0]["note"] == "will pay on Sunday");
    REQUIRE(file["promises"].size() == 1);
    CHECK(file["promises"][0]["status"] == "pending");
    CHECK(file["case"]["officer"] == "akello");

    // The pending promise keeps L2 off the list; after its deadline it is broken and first.
    CHECK(loanIds(d.queue("akello", "2026-03-21")) == std::vector<std::string>{"L1"});
    const Json later = d.queue("akello", "2026-03-28");
    REQUIRE(loanIds(later).size() == 2);
    CHECK(later["items"][0]["loan_id"] == "L2");
    CHECK(later["items"][0]["reasons"][0] == "broken_promise");
    CHECK(later["items"][0]["promise"]["status"] == "broken");
    CHECK(later["items"][0]["promise"]["amount"] == "115.00");
    CHECK(later["items"][0]["promise"]["date"] == "2026-03-22");
    CHECK(later["items"][0]["last_contact_at"] == "2026-03-20T21:10:00");

    // A fourth call attempt on one day is refused.
    for (const char* at : {"2026-03-28T09:00", "2026-03-28T10:00", "2026-03-28T11:00"})
        d.ok({"contact", "add", "L1", "--channel", "call", "--outcome", "no_answer", "--at", at,
              "--as", "akello", "--password-stdin"},
             "akello-pass-1\n");
    auto fourth = d.as("akello", {"contact", "add", "L1", "--channel", "call", "--outcome",
                                  "no_answer", "--at", "2026-03-28T12:00"});
    CHECK(fourth.exitCode == 1);
    CHECK_THAT(fourth.err, Catch::Contains("attempt"));

    // A standalone promise.
    auto promise = d.as("akello", {"promise", "add", "L1", "--amount", "65.00", "--date",
                                   "2026-03-30", "--made-on", "2026-03-28"});
    INFO(promise.err);
    CHECK(promise.exitCode == 0);
    CHECK(d.show("L1", "2026-03-28")["promises"].size() == 1);
    auto text = d.ok({"case", "show", "L1", "--as-of", "2026-03-28"});
    CHECK_THAT(text.out, Catch::Contains("Case open since 2026-03-20"));
}

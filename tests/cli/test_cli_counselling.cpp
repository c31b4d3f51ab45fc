// `counselling add|list`, `referral add|update` and `referrals` through the real CLI, on the
// worked example (client C1 with L1 and L2, Kampala Central) with officers akello and bosco
// and supervisor sarah.
#include "cli_desk.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rd::test;
using Json = nlohmann::json;

namespace {

struct Desk : WorkedDesk {
    Desk() { ok({"recompute", "--as-of", "2026-03-20"}); } // L1 -> akello, L2 -> bosco
    Json sessions(const std::string& client) const {
        return Json::parse(ok({"counselling", "list", client, "--format", "json"}).out);
    }
    Json referrals(const std::string& loan) const {
        return Json::parse(ok({"referrals", loan, "--format", "json"}).out);
    }
};

} // namespace

TEST_CASE("cli counselling: sessions are added and listed", "[cli][counselling]") {
    Desk d;
    auto added = d.asOk("akello", {"counselling", "add", "--topic", "household budget", "--client",
                                   "C1", "--date", "2026-03-20", "--notes", "keeps a cash book",
                                   "--follow-up", "2026-04-03"});
    CHECK_THAT(added.out, Catch::Contains("Counselling session 1 (one_to_one)") &&
                              Catch::Contains("2026-03-20") && Catch::Contains("C1"));
    // Several clients make a workshop by default; the same client twice is one attendee.
    auto workshop =
        d.asOk("sarah", {"counselling", "add", "--topic", "saving groups", "--client", "C1",
                         "--client", "C1", "--facilitator", "Grace", "--date", "2026-03-22"});
    CHECK_THAT(workshop.out, Catch::Contains("session 2 (workshop)"));

    Json list = d.sessions("C1");
    CHECK(list["client_id"] == "C1");
    REQUIRE(list["sessions"].size() == 2);
    const auto& newest = list["sessions"][0];
    CHECK(newest["session_id"] == 2);
    CHECK(newest["kind"] == "workshop");
    CHECK(newest["facilitator"] == "Grace");
    CHECK(newest["date"] == "2026-03-22");
    REQUIRE(newest["clients"].size() == 1);
    CHECK(newest["clients"][0]["client_id"] == "C1");
    CHECK(newest["clients"][0]["full_name"] == "Amina Nakato");
    const auto& first = list["sessions"][1];
    CHECK(first["topic"] == "household budget");
    CHECK(first["notes"] == "keeps a cash book");
    CHECK(first["follow_up_on"] == "2026-04-03");
    CHECK(first["recorded_by"] == "akello");
    CHECK(first["facilitator"] == "akello");
    CHECK(newest["follow_up_on"].is_null());

    auto text = d.ok({"counselling", "list", "C1"});
    CHECK_THAT(text.out, Catch::Contains("2 session(s)") && Catch::Contains("saving groups") &&
                             Catch::Contains("C1 Amina Nakato") &&
                             Catch::Contains("follow-up 2026-04-03"));
    auto asOfficer = d.asOk("bosco", {"counselling", "list", "C1"});
    CHECK_THAT(asOfficer.out, Catch::Contains("household budget"));
}

TEST_CASE("cli counselling: bad session input is refused", "[cli][counselling]") {
    Desk d;
    auto noTopic = d.asRefusedEarly("akello", {"counselling", "add", "--client", "C1"});
    CHECK(noTopic.exitCode == 2);
    auto noClient = d.asRefusedEarly("akello", {"counselling", "add", "--topic", "x"});
    CHECK(noClient.exitCode == 2);
    auto badKind = d.asRefusedEarly(
        "akello", {"counselling", "add", "--topic", "x", "--client", "C1", "--kind", "group"});
    CHECK(badKind.exitCode == 1);
    CHECK_THAT(badKind.err, Catch::Contains("--kind") && Catch::Contains("one_to_one"));
    auto badDate = d.asRefusedEarly(
        "akello", {"counselling", "add", "--topic", "x", "--client", "C1", "--date", "20-03-2026"});
    CHECK(badDate.exitCode == 1);
    CHECK_THAT(badDate.err, Catch::Contains("--date"));
    auto blank = d.as("akello", {"counselling", "add", "--topic", " ", "--client", "C1"});
    CHECK(blank.exitCode == 1);
    CHECK_THAT(blank.err, Catch::Contains("topic") && Catch::Contains("--topic"));
    auto oneToOneOfTwo = d.as("akello", {"counselling", "add", "--topic", "x", "--client", "C1",
                                         "--client", "C7", "--kind", "one_to_one"});
    CHECK(oneToOneOfTwo.exitCode == 1);
    CHECK_THAT(oneToOneOfTwo.err, Catch::Contains("exactly one client"));
    auto unknown = d.as("akello", {"counselling", "add", "--topic", "x", "--client", "C7"});
    CHECK(unknown.exitCode == 1);
    CHECK_THAT(unknown.err, Catch::Contains("no client \"C7\""));
    auto early = d.as("akello", {"counselling", "add", "--topic", "x", "--client", "C1", "--date",
                                 "2026-03-20", "--follow-up", "2026-03-01"});
    CHECK(early.exitCode == 1);
    CHECK_THAT(early.err, Catch::Contains("before"));
    auto admin = d.as("boss", {"counselling", "add", "--topic", "x", "--client", "C1"});
    CHECK(admin.exitCode == 1);
    CHECK_THAT(admin.err, Catch::Contains("permission denied for boss"));
    auto listUnknown = d.run({"counselling", "list", "C7"});
    CHECK(listUnknown.exitCode == 1);
    CHECK(d.sessions("C1")["sessions"].empty());
    CHECK(d.run({"counselling"}).exitCode == 2);
}

TEST_CASE("cli counselling: referrals are added, updated and listed", "[cli][counselling]") {
    Desk d;
    auto added = d.asOk("akello", {"referral", "add", "L1", "--to", "Kampala Women's Fund",
                                   "--service", "social_welfare", "--follow-up", "2026-03-27",
                                   "--note", "school fees", "--date", "2026-03-20"});
    CHECK_THAT(added.out, Catch::Contains("Referral 1 of L1 to Kampala Women's Fund") &&
                              Catch::Contains("follow-up 2026-03-27"));
    Json list = d.referrals("L1");
    CHECK(list["loan_id"] == "L1");
    REQUIRE(list["referrals"].size() == 1);
    CHECK(list["referrals"][0]["referral_id"] == 1);
    CHECK(list["referrals"][0]["status"] == "referred");
    CHECK(list["referrals"][0]["service"] == "social_welfare");
    CHECK(list["referrals"][0]["follow_up_on"] == "2026-03-27");
    CHECK(list["referrals"][0]["note"] == "school fees");
    CHECK(list["referrals"][0]["referred_by"] == "akello");
    CHECK(list["referrals"][0]["updates"].empty());

    auto contacted =
        d.asOk("akello", {"referral", "update", "1", "--status", "contacted", "--note",
                          "meeting booked", "--follow-up", "2026-04-10", "--date", "2026-03-27"});
    CHECK_THAT(contacted.out, Catch::Contains("Referral 1 is now contacted (update 1"));
    list = d.referrals("L1");
    CHECK(list["referrals"][0]["status"] == "contacted");
    CHECK(list["referrals"][0]["follow_up_on"] == "2026-04-10");
    REQUIRE(list["referrals"][0]["updates"].size() == 1);
    CHECK(list["referrals"][0]["updates"][0]["note"] == "meeting booked");
    CHECK(list["referrals"][0]["updates"][0]["date"] == "2026-03-27");

    d.asOk("sarah", {"referral", "update", "1", "--status", "completed", "--date", "2026-04-10"});
    CHECK(d.referrals("L1")["referrals"][0]["status"] == "completed");
    auto again = d.as("sarah", {"referral", "update", "1", "--status", "contacted"});
    CHECK(again.exitCode == 1);
    CHECK_THAT(again.err, Catch::Contains("add a new referral"));

    auto text = d.ok({"referrals", "L1"});
    CHECK_THAT(text.out, Catch::Contains("Referrals of L1: 1") &&
                             Catch::Contains("Kampala Women's Fund (social_welfare) completed") &&
                             Catch::Contains("contacted by akello: meeting booked"));
    // The referral is in the case's audit trail.
    auto audit = d.asOk("sarah", {"case", "audit", "L1", "--format", "json"});
    CHECK_THAT(audit.out, Catch::Contains("add_referral") && Catch::Contains("update_referral"));
}

TEST_CASE("cli counselling: bad referral input is refused", "[cli][counselling]") {
    Desk d;
    auto badService = d.asRefusedEarly(
        "akello", {"referral", "add", "L1", "--to", "Fund", "--service", "legal_aid"});
    CHECK(badService.exitCode == 1);
    CHECK_THAT(badService.err, Catch::Contains("--service") && Catch::Contains("health"));
    auto noTo = d.asRefusedEarly("akello", {"referral", "add", "L1", "--service", "health"});
    CHECK(noTo.exitCode == 2);
    auto notMine =
        d.as("bosco", {"referral", "add", "L1", "--to", "Mulago", "--service", "health"});
    CHECK(notMine.exitCode == 1);
    CHECK_THAT(notMine.err, Catch::Contains("assigned to akello"));
    auto blankTo = d.as("akello", {"referral", "add", "L1", "--to", " ", "--service", "health"});
    CHECK(blankTo.exitCode == 1);
    CHECK_THAT(blankTo.err, Catch::Contains("organisation"));
    auto noLoan =
        d.as("akello", {"referral", "add", "L9", "--to", "Mulago", "--service", "health"});
    CHECK(noLoan.exitCode == 1);
    auto badStatus = d.asRefusedEarly("akello", {"referral", "update", "1", "--status", "done"});
    CHECK(badStatus.exitCode == 1);
    CHECK_THAT(badStatus.err, Catch::Contains("--status") && Catch::Contains("declined"));
    auto missing = d.as("akello", {"referral", "update", "5", "--status", "contacted"});
    CHECK(missing.exitCode == 1);
    CHECK_THAT(missing.err, Catch::Contains("no referral 5"));
    auto notNumber =
        d.asRefusedEarly("akello", {"referral", "update", "one", "--status", "contacted"});
    CHECK(notNumber.exitCode == 2);
    auto badFormat = d.run({"referrals", "L1", "--format", "xml"});
    CHECK(badFormat.exitCode == 2);
    auto unknownLoan = d.run({"referrals", "L9"});
    CHECK(unknownLoan.exitCode == 1);
    CHECK(d.referrals("L1")["referrals"].empty());
}

// `case stage|approve|review|audit`, `note add`, `contact add --corrects`, `team` and the
// desk settings through the real CLI, on the worked example (L1 and L2 of Amina Nakato,
// Kampala Central) with officers akello and bosco and supervisors sarah and simon.
#include "cli_desk.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rd::test;
using Json = nlohmann::json;

namespace {

struct Desk : WorkedDesk {
    Desk() {
        addUser("simon", "supervisor");
        ok({"recompute", "--as-of", "2026-03-20"}); // L1 -> akello, L2 -> bosco
    }
    Json show(const std::string& loan) const {
        return Json::parse(
            ok({"case", "show", loan, "--as-of", "2026-03-20", "--format", "json"}).out);
    }
};

} // namespace

TEST_CASE("cli case actions: stage changes and the legal approval", "[cli][case-actions]") {
    Desk d;
    auto moved = d.asOk("akello", {"case", "stage", "L1", "--to", "collection", "--note",
                                   "client abroad", "--date", "2026-03-20"});
    CHECK_THAT(moved.out, Catch::Contains("now in stage collection"));
    CHECK(d.show("L1")["case"]["stage"] == "collection");

    auto bad = d.asRefusedEarly("akello", {"case", "stage", "L1", "--to", "court"});
    CHECK(bad.exitCode == 1);
    CHECK_THAT(bad.err, Catch::Contains("--to"));
    auto notMine = d.as("bosco", {"case", "stage", "L1", "--to", "early"});
    CHECK(notMine.exitCode == 1);
    CHECK_THAT(notMine.err, Catch::Contains("assigned to akello"));

    // An officer's move to legal files a request, which carries a feasibility assessment.
    auto unassessed = d.as("akello", {"case", "stage", "L1", "--to", "legal", "--note",
                                      "no payment since January", "--date", "2026-03-20"});
    CHECK(unassessed.exitCode == 1);
    CHECK_THAT(unassessed.err, Catch::Contains("no feasibility assessment") &&
                                   Catch::Contains("legal feasibility L1 --as"));
    d.asOk("akello", {"legal", "feasibility", "L1", "--chance", "50", "--date", "2026-03-20"});
    auto requested = d.asOk("akello", {"case", "stage", "L1", "--to", "legal", "--note",
                                       "no payment since January", "--date", "2026-03-20"});
    CHECK_THAT(requested.out, Catch::Contains("Approval 1 requested"));
    Json file = d.show("L1");
    CHECK(file["case"]["stage"] == "collection");
    REQUIRE(file["approvals"].size() == 1);
    CHECK(file["approvals"][0]["requested_by"] == "akello");
    CHECK(file["approvals"][0]["decision"].is_null());

    auto byOfficer = d.as("bosco", {"case", "approve", "1", "--approve", "--comment", "ok"});
    CHECK(byOfficer.exitCode == 1);
    CHECK_THAT(byOfficer.err, Catch::Contains("only a supervisor"));
    auto neither = d.asRefusedEarly("sarah", {"case", "approve", "1", "--comment", "ok"});
    CHECK(neither.exitCode == 1);
    auto both = d.asRefusedEarly(
        "sarah", {"case", "approve", "1", "--approve", "--reject", "--comment", "x"});
    CHECK(both.exitCode == 2);
    auto approved = d.asOk("sarah", {"case", "approve", "1", "--approve", "--comment",
                                     "documents complete", "--date", "2026-03-20"});
    CHECK_THAT(approved.out, Catch::Contains("approved") && Catch::Contains("stage legal"));
    file = d.show("L1");
    CHECK(file["case"]["stage"] == "legal");
    CHECK(file["approvals"][0]["decision"]["decision"] == "approved");
    CHECK(file["approvals"][0]["decision"]["decided_by"] == "sarah");

    // A supervisor moves a case to legal at once; their own request they may not decide.
    d.asOk("simon", {"legal", "feasibility", "L2", "--chance", "20"});
    auto direct = d.asOk("simon", {"case", "stage", "L2", "--to", "legal", "--note", "fraud"});
    CHECK_THAT(direct.out, Catch::Contains("now in stage legal"));
    CHECK(d.show("L2")["approvals"][0]["decision"]["decided_by"] == "simon");
}

TEST_CASE("cli case actions: notes, contact corrections, reviews and the audit trail",
          "[cli][case-actions]") {
    Desk d;
    auto note = d.asOk("akello", {"note", "add", "L1", "--text", "Client travelling until April"});
    CHECK_THAT(note.out, Catch::Contains("Note 1 added"));
    d.asOk("akello",
           {"note", "add", "L1", "--text", "Client travelling until May", "--corrects", "1"});
    auto wrong = d.as("akello", {"note", "add", "L1", "--text", "x", "--corrects", "99"});
    CHECK(wrong.exitCode == 1);
    auto blank = d.as("akello", {"note", "add", "L1", "--text", "  "});
    CHECK(blank.exitCode == 1);

    d.asOk("akello", {"contact", "add", "L1", "--channel", "call", "--outcome", "no_answer", "--at",
                      "2026-03-20T10:00"});
    d.asOk("akello", {"contact", "add", "L1", "--channel", "call", "--outcome", "reached",
                      "--direction", "inbound", "--at", "2026-03-20T10:05", "--corrects", "1"});
    const Json file = d.show("L1");
    REQUIRE(file["notes"].size() == 2);
    CHECK(file["notes"][1]["corrects_note_id"] == 1);
    REQUIRE(file["contacts"].size() == 2);
    CHECK(file["contacts"][1]["corrects_contact_id"] == 1);

    auto notSup = d.as("akello", {"case", "review", "L1", "--comment", "fine"});
    CHECK(notSup.exitCode == 1);
    CHECK_THAT(notSup.err, Catch::Contains("sign off reviews"));
    d.asOk("sarah", {"case", "review", "L1", "--comment", "Contacts regular"});
    CHECK(d.show("L1")["reviews"][0]["reviewer"] == "sarah");

    const Json trail =
        Json::parse(d.asOk("sarah", {"case", "audit", "L1", "--format", "json"}).out);
    CHECK(trail["loan_id"] == "L1");
    std::vector<std::string> actions;
    for (const auto& e : trail["entries"])
        actions.push_back(e["action"]);
    // The recompute's opening and assignment first, by whoever ran it (the local operator).
    CHECK(actions == std::vector<std::string>{"open_case", "assign_case", "add_note", "add_note",
                                              "add_contact", "add_contact", "sign_off_review"});
    CHECK(trail["entries"][0]["actor"] == "recoverydesk-cli");
    CHECK(trail["entries"][2]["actor"] == "akello");
    CHECK_THAT(d.asOk("boss", {"case", "audit", "L1"}).out, Catch::Contains("7 record(s)"));
    auto other = d.as("bosco", {"case", "audit", "L1"});
    CHECK(other.exitCode == 1);
    CHECK_THAT(other.err, Catch::Contains("own open cases"));
}

TEST_CASE("cli case actions: team and the desk settings", "[cli][case-actions][settings]") {
    Desk d;
    d.asOk("akello", {"contact", "add", "L1", "--channel", "call", "--outcome", "no_answer", "--at",
                      "2026-03-20T10:00"});
    const Json team =
        Json::parse(d.asOk("sarah", {"team", "--date", "2026-03-20", "--format", "json"}).out);
    CHECK(team["date"] == "2026-03-20");
    CHECK(team["currency"] == "KES");
    REQUIRE(team["members"].size() == 4);
    CHECK(team["members"][0]["username"] == "akello");
    CHECK(team["members"][0]["open_cases"] == 1);
    CHECK(team["members"][0]["contacts_logged"] == 1);
    CHECK(team["members"][0]["collected"] == "0.00");
    CHECK_THAT(d.asOk("sarah", {"team", "--date", "2026-03-20"}).out,
               Catch::Contains("akello") && Catch::Contains("simon"));

    const auto shown = d.ok({"settings", "show"}).out;
    for (const char* key :
         {"contact_hours", "max_attempts_per_day", "promise_grace_days", "case_open_dpd",
          "case_cure_days", "case_assignment", "priority_weights"})
        CHECK_THAT(shown, Catch::Contains(key));
    auto denied = d.as("sarah", {"settings", "set", "contact_hours", "07:00-21:00"});
    CHECK(denied.exitCode == 1);
    CHECK_THAT(denied.err, Catch::Contains("administrator"));
    CHECK_THAT(d.asOk("boss", {"settings", "set", "contact_hours", "07:00-21:00"}).out,
               Catch::Contains("contact_hours = 07:00-21:00"));
    auto invalid = d.as("boss", {"settings", "set", "max_attempts_per_day", "0"});
    CHECK(invalid.exitCode == 1);
    CHECK_THAT(invalid.err, Catch::Contains("1 to 20"));
    // The new hours apply at once: a call at 20:30 needs no override now.
    d.asOk("akello", {"contact", "add", "L1", "--channel", "call", "--outcome", "no_answer", "--at",
                      "2026-03-20T20:30"});
    CHECK_THAT(d.ok({"settings", "show"}).out, Catch::Contains("07:00-21:00"));
}

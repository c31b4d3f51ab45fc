// `legal feasibility|case|status|hearing|outcome|judgment|enforcement|show|calendar`, `cost
// add|reverse` and the `legal` and `costs` of `case show --format json` through the real CLI
// (interchange.md section 5), on the worked example: L1 (akello's) moved to legal.
#include "cli_desk.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rd::test;
using Json = nlohmann::json;

namespace {

struct Desk : WorkedDesk {
    Desk() {
        ok({"recompute", "--as-of", "2026-03-20"}); // L1 -> akello, L2 -> bosco
    }
    Json json(const CliResult& r) const { return Json::parse(r.out); }
    void toLegal() const {
        asOk("akello", {"legal", "feasibility", "L1", "--chance", "60", "--collateral",
                        "Boda boda UBK 123:350.00:200.00", "--guarantor",
                        "Peter Okello:reached:50.00:+256772000222", "--court", "20.00", "--lawyer",
                        "30.00", "--date", "2026-03-20"});
        asOk("sarah", {"case", "stage", "L1", "--to", "legal", "--note", "no payment since Feb",
                       "--date", "2026-03-20"});
    }
};

} // namespace

TEST_CASE("cli legal: feasibility computes the expected net recovery and says it", "[cli][legal]") {
    Desk d;
    auto r = d.asOk("akello", {"legal", "feasibility", "L1", "--chance", "60", "--collateral",
                               "Boda boda UBK 123:350.00:200.00", "--guarantor",
                               "Peter Okello:reached:50.00", "--court", "20.00", "--lawyer",
                               "30.00", "--date", "2026-03-20", "--format", "json"});
    const Json a = d.json(r);
    const std::string balance = a["balance"];
    CHECK(a["chance_percent"] == 60);
    CHECK(a["costs"]["total"] == "50.00");
    CHECK(a["collateral"][0]["forced_sale_value"] == "200.00");
    CHECK(a["guarantors"][0]["reached"] == true);
    // min(balance, 200 + 50) x 60% - 50: the worked L1 owes less than 250.00.
    INFO("balance " << balance);
    CHECK(std::stod(std::string(a["expected_net_recovery"])) ==
          Approx(std::stod(balance) * 0.6 - 50.0).margin(0.006));

    auto text =
        d.asOk("akello", {"legal", "feasibility", "L1", "--chance", "10", "--date", "2026-03-20"});
    CHECK_THAT(text.out, Catch::Contains("expected net recovery") &&
                             Catch::Contains("chance of recovery 10%"));

    SECTION("bad input names the option and records nothing") {
        auto chance = d.as("akello", {"legal", "feasibility", "L1", "--chance", "120"});
        CHECK(chance.exitCode == 1);
        CHECK_THAT(chance.err, Catch::Contains("0 to 100"));
        auto line = d.as("akello", {"legal", "feasibility", "L1", "--chance", "20", "--collateral",
                                    "just a goat"});
        CHECK(line.exitCode == 1);
        CHECK_THAT(line.err, Catch::Contains("--collateral") && Catch::Contains("DESCRIPTION"));
        auto money =
            d.as("akello", {"legal", "feasibility", "L1", "--chance", "20", "--court", "lots"});
        CHECK(money.exitCode == 1);
        CHECK_THAT(money.err, Catch::Contains("--court"));
        auto other = d.as("bosco", {"legal", "feasibility", "L1", "--chance", "20"});
        CHECK(other.exitCode == 1);
        CHECK_THAT(other.err, Catch::Contains("assigned to akello"));
        const Json shown = d.json(d.ok({"legal", "show", "L1", "--format", "json"}));
        CHECK(shown["feasibility"].size() == 2);
    }
}

TEST_CASE("cli legal: a legal case with a hearing, its outcome, judgment, enforcement and "
          "costs, all in case show",
          "[cli][legal]") {
    Desk d;
    auto early = d.as("akello", {"legal", "case", "L1", "--forum", "Mengo court"});
    CHECK(early.exitCode == 1);
    CHECK_THAT(early.err, Catch::Contains("not legal") && Catch::Contains("case stage"));
    d.toLegal();
    auto opened =
        d.asOk("akello", {"legal", "case", "L1", "--forum", "Chief Magistrate's Court, Mengo",
                          "--case-number", "CS 114/2026", "--lawyer", "Kato & Co. Advocates",
                          "--date", "2026-03-20"});
    CHECK_THAT(opened.out, Catch::Contains("Legal case 1 of L1 recorded"));
    auto hearing = d.asOk("akello", {"legal", "hearing", "1", "--on", "2026-03-24", "--time",
                                     "09:30", "--purpose", "mention", "--date", "2026-03-20"});
    CHECK_THAT(hearing.out, Catch::Contains("Session 1 (hearing) of legal case 1 on 2026-03-24"));
    auto badTime = d.as("akello", {"legal", "hearing", "1", "--on", "2026-03-24", "--time", "9"});
    CHECK(badTime.exitCode == 1);
    CHECK_THAT(badTime.err, Catch::Contains("HH:MM"));

    // The working day before, the hearing is on the call list.
    const Json queue =
        d.json(d.ok({"queue", "--officer", "akello", "--date", "2026-03-23", "--format", "json"}));
    bool listed = false;
    for (const auto& item : queue["items"])
        if (item["loan_id"] == "L1")
            for (const auto& reason : item["reasons"])
                listed = listed || reason == "hearing_due";
    CHECK(listed);

    const Json calendar = d.json(d.ok(
        {"legal", "calendar", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json"}));
    REQUIRE(calendar["sessions"].size() == 1);
    CHECK(calendar["sessions"][0]["loan_id"] == "L1");
    CHECK(calendar["sessions"][0]["case_number"] == "CS 114/2026");

    auto outcome = d.asOk("akello", {"legal", "outcome", "1", "--outcome", "adjourned", "--next",
                                     "2026-04-14", "--date", "2026-03-24"});
    CHECK_THAT(outcome.out, Catch::Contains("next session on 2026-04-14"));
    d.asOk("akello", {"legal", "judgment", "1", "--on", "2026-04-14", "--amount", "300.00",
                      "--costs", "25.00", "--date", "2026-04-14"});
    d.asOk("akello",
           {"legal", "enforcement", "1", "--kind", "repossession", "--items", "Motorcycle UBK 123",
            "--on", "2026-04-20", "--proceeds", "180.00", "--date", "2026-04-20"});
    auto cost =
        d.asOk("akello", {"cost", "add", "L1", "--kind", "court", "--amount", "20.00",
                          "--reference", "PRN 2211", "--legal-case", "1", "--date", "2026-03-20"});
    CHECK_THAT(cost.out, Catch::Contains("Cost 1 of L1 recorded"));
    d.asOk("akello", {"cost", "add", "L1", "--kind", "transport", "--amount", "5.00", "--date",
                      "2026-03-24"});
    auto badKind = d.as("akello", {"cost", "add", "L1", "--kind", "bribe", "--amount", "5.00"});
    CHECK(badKind.exitCode == 1);
    CHECK_THAT(badKind.err, Catch::Contains("--kind") && Catch::Contains("auctioneer"));
    auto byOfficer = d.as("akello", {"cost", "reverse", "2", "--reason", "wrong loan"});
    CHECK(byOfficer.exitCode == 1);
    CHECK_THAT(byOfficer.err, Catch::Contains("permission denied"));
    d.asOk("sarah", {"cost", "reverse", "2", "--reason", "wrong loan", "--date", "2026-03-25"});

    const Json file =
        Json::parse(d.ok({"case", "show", "L1", "--as-of", "2026-04-20", "--format", "json"}).out);
    REQUIRE(file["legal"].size() == 1);
    const auto& legal = file["legal"][0];
    CHECK(legal["status"] == "enforcement");
    CHECK(legal["case_number"] == "CS 114/2026");
    CHECK(legal["sessions"].size() == 2); // the adjourned hearing and the next one
    CHECK(legal["sessions"][0]["outcome"] == "adjourned");
    CHECK(legal["judgments"][0]["amount_awarded"] == "300.00");
    CHECK(legal["enforcements"][0]["proceeds"] == "180.00");
    CHECK(file["costs"].size() == 3);
    CHECK(file["costs_total"] == "20.00");
    CHECK(file["costs"][1]["reversed_by_cost_id"] == 3);
    CHECK(file["feasibility"].size() == 1);

    auto shown = d.ok({"legal", "show", "L1"});
    CHECK_THAT(shown.out, Catch::Contains("Legal case 1: Chief Magistrate's Court, Mengo") &&
                              Catch::Contains("total KES 20.00"));
    auto closing = d.as("akello", {"legal", "status", "1", "--to", "closed"});
    CHECK(closing.exitCode == 1);
    CHECK_THAT(closing.err, Catch::Contains("needs a note") && Catch::Contains("--note"));
    d.asOk("sarah", {"legal", "status", "1", "--to", "closed", "--note", "recovered in full"});
    auto late = d.as("akello", {"legal", "hearing", "1", "--on", "2026-05-01"});
    CHECK(late.exitCode == 1);
    CHECK_THAT(late.err, Catch::Contains("is closed"));
}

// `desk close|day|days|sign-off|reopen` and `payment add --date` as the officer's business
// date, through the real CLI, on the worked example (L1 akello's, L2 bosco's; supervisor
// sarah; KES).
#include "cli_desk.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rd::test;
using Json = nlohmann::json;

namespace {

struct Desk : WorkedDesk {
    Desk() { ok({"recompute", "--as-of", "2026-11-01"}); }
};

const std::string kDay = "2026-11-02";

} // namespace

TEST_CASE("cli desk: an officer closes the day, a closed day takes no payment, a supervisor "
          "signs off and reopens",
          "[cli][day]") {
    Desk d;
    // --date is the payment's business date: it belongs to akello's day of 2026-11-02.
    auto paid = d.asOk("akello", {"payment", "add", "L1", "--amount", "50.00", "--method", "cash",
                                  "--date", kDay, "--format", "json"});
    CHECK(Json::parse(paid.out)["business_date"] == kDay);
    d.asOk("akello", {"payment", "add", "L1", "--amount", "20.00", "--method", "mobile_money",
                      "--reference", "MM-1", "--date", kDay});

    auto day = d.asOk("akello", {"desk", "day", "--date", kDay, "--format", "json"});
    Json j = Json::parse(day.out);
    CHECK(j["officer"] == "akello");
    CHECK(j["state"] == "open");
    CHECK(j["receipt_count"] == 2);
    CHECK(j["received"] == "70.00");
    CHECK(j["cash_expected"] == "50.00");
    REQUIRE(j["by_method"].size() == 5);
    CHECK(j["by_method"][0]["method"] == "cash");
    CHECK(j["by_method"][0]["count"] == 1);
    CHECK(j["by_method"][3]["method"] == "mobile_money");
    CHECK(j["by_method"][3]["total"] == "20.00");

    // A difference needs --reason.
    auto noReason = d.as("akello", {"desk", "close", "--date", kDay, "--cash-counted", "45.00"});
    CHECK(noReason.exitCode == 1);
    CHECK_THAT(noReason.err,
               Catch::Contains("less than the cash received") && Catch::Contains("--reason"));
    auto closed = d.asOk("akello", {"desk", "close", "--date", kDay, "--cash-counted", "45.00",
                                    "--reason", "change given from the drawer"});
    CHECK_THAT(closed.out, Catch::Contains("day 2026-11-02 of akello") &&
                               Catch::Contains("closed") && Catch::Contains("-5.00") &&
                               Catch::Contains("change given from the drawer"));

    // Closed: the payment is refused with what to do.
    auto late = d.as(
        "akello", {"payment", "add", "L1", "--amount", "10", "--method", "cash", "--date", kDay});
    CHECK(late.exitCode == 1);
    CHECK_THAT(late.err, Catch::Contains("the day 2026-11-02 of akello is closed") &&
                             Catch::Contains("desk reopen akello --date 2026-11-02"));

    // Only a supervisor of the branch signs off; an officer is refused.
    auto denied = d.as("bosco", {"desk", "sign-off", "akello", "--date", kDay});
    CHECK(denied.exitCode == 1);
    CHECK_THAT(denied.err, Catch::Contains("permission denied for bosco"));
    auto signedOff =
        d.asOk("sarah", {"desk", "sign-off", "akello", "--date", kDay, "--format", "json"});
    CHECK(Json::parse(signedOff.out)["state"] == "signed_off");
    CHECK(Json::parse(signedOff.out)["closes"][0]["signed_by"] == "sarah");

    auto list = d.asOk("sarah", {"desk", "days", "--date", kDay});
    CHECK_THAT(list.out, Catch::Contains("akello") && Catch::Contains("signed off") &&
                             Catch::Contains("bosco"));

    // Reopening needs --reason (a usage error without it), then the day takes payments again.
    CHECK(d.asRefusedEarly("sarah", {"desk", "reopen", "akello", "--date", kDay}).exitCode == 2);
    auto reopened = d.asOk("sarah", {"desk", "reopen", "akello", "--date", kDay, "--reason",
                                     "late mobile money", "--format", "json"});
    CHECK(Json::parse(reopened.out)["state"] == "open");
    CHECK(Json::parse(reopened.out)["closes"][0]["reopen_reason"] == "late mobile money");
    d.asOk("akello",
           {"payment", "add", "L1", "--amount", "10", "--method", "cash", "--date", kDay});

    // The local operator reads any officer's day; --officer is needed then.
    auto asOperator = d.ok({"desk", "day", "--officer", "akello", "--date", kDay});
    CHECK_THAT(asOperator.out,
               Catch::Contains("day 2026-11-02 of akello") && Catch::Contains("reopened by sarah"));
    CHECK(d.run({"desk", "day", "--date", kDay}).exitCode == 1);
    // No day is closed after today.
    auto future = d.asRefusedEarly(
        "akello", {"desk", "close", "--date", "2099-01-01", "--cash-counted", "0"});
    CHECK(future.exitCode == 1);
    CHECK_THAT(future.err, Catch::Contains("after today"));
}

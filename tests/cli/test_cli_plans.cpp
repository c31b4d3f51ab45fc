// Repayment plans and budgets through the real command line (interchange.md section 4) on the
// worked example: a settlement above the waiver limit that needs two supervisors, paid and
// settled; a reschedule that makes the loan current and puts it in watch; the refusals.
#include "cli_desk.h"

#include <nlohmann/json.hpp>

using rd::test::WorkedDesk;
using Json = nlohmann::json;

namespace {

struct PlanDesk : WorkedDesk {
    PlanDesk() {
        addUser("mary", "supervisor");
        addUser("tom", "supervisor");
        ok({"recompute", "--as-of", "2026-03-20"});
    }
    Json loan(const std::string& id, const std::string& asOf) const {
        return Json::parse(ok({"loan", id, "--as-of", asOf, "--format", "json"}).out);
    }
};

} // namespace

TEST_CASE("plans: a settlement waiving more than the limit needs two supervisors, then settles "
          "the loan and is exported with its waiver",
          "[cli][plans]") {
    PlanDesk d;
    // L2 as of 2026-03-20: principal 200.00 outstanding, installment 2 owes 10.00 interest
    // and 5.00 penalty: balance 215.00. A settlement at 150.00 waives 65.00 = 30% > 25%.
    d.asOk("sarah", {"budget", "set", "C1", "--income", "shop=400.00", "--expense", "rent=100.00",
                     "--date", "2026-03-20"});
    const std::vector<std::string> propose = {
        "plan",     "propose",    "L2",     "--kind",     "settlement", "--amount", "150.00",
        "--pay-by", "2026-04-10", "--date", "2026-03-20", "--format",   "json"};
    const Json plan = Json::parse(d.asOk("sarah", propose).out);
    CHECK(plan["status"] == "proposed");
    CHECK(plan["balance"] == "215.00");
    CHECK(plan["waived"] == "65.00");
    CHECK(plan["approvals_needed"] == 2);
    CHECK(plan["surplus"] == "300.00");
    // One sum 21 days away counts as a month: 150.00 <= 50% of 300.00, no reason needed.
    CHECK(plan["affordability_reason"].is_null());
    const std::string id = std::to_string(plan["plan_id"].get<int>());

    // A second proposal while one waits is refused.
    const auto second = d.as("sarah", propose);
    CHECK(second.exitCode == 1);
    CHECK_THAT(second.err, Catch::Contains("still waiting for approval"));

    // Never the proposer, never an officer, never the same supervisor twice.
    const auto own = d.as("sarah", {"plan", "approve", id, "--comment", "ok"});
    CHECK(own.exitCode == 1);
    CHECK_THAT(own.err, Catch::Contains("another supervisor"));
    const auto officer = d.as("akello", {"plan", "approve", id, "--comment", "ok"});
    CHECK(officer.exitCode == 1);
    CHECK_THAT(officer.err, Catch::Contains("permission denied for akello"));
    d.asOk("mary", {"plan", "approve", id, "--comment", "fair offer", "--date", "2026-03-21"});
    CHECK(Json::parse(d.ok({"plan", "show", id, "--format", "json"}).out)["status"] == "proposed");
    const auto twice = d.as("mary", {"plan", "approve", id, "--comment", "again"});
    CHECK(twice.exitCode == 1);
    CHECK_THAT(twice.err, Catch::Contains("second approval by a different supervisor"));
    d.asOk("tom", {"plan", "approve", id, "--comment", "agreed", "--date", "2026-03-21"});
    const Json active =
        Json::parse(d.ok({"plan", "show", id, "--as-of", "2026-03-21", "--format", "json"}).out);
    CHECK(active["status"] == "active");
    CHECK(active["installments"][0]["status"] == "pending");
    REQUIRE(active["approvals"].size() == 2);

    // The client pays 150.00 on 2026-04-05: the rest is waived that day.
    d.asOk("sarah", {"payment", "add", "L2", "--amount", "150.00", "--method", "cash", "--date",
                     "2026-04-05"});
    const Json before = d.loan("L2", "2026-04-04");
    CHECK(before["status"] == "active");
    const Json settled = d.loan("L2", "2026-04-05");
    CHECK(settled["status"] == "settled");
    CHECK(settled["outstanding_principal"] == "0.00");
    CHECK(settled["arrears"]["total"] == "0.00");
    CHECK(settled["settled_on"] == "2026-04-05");
    // 150.00 paid #2 (penalty 5.00, interest 10.00, principal 100.00), then #3 (due 04-01:
    // interest 10.00, principal 25.00). Waived: #3's principal 75.00. More than the 65.00
    // planned: #3's interest fell due after the start, and is paid.
    CHECK(settled["waived"]["principal"] == "75.00");
    CHECK(settled["waived"]["interest"] == "0.00");
    CHECK(settled["waived"]["total"] == "75.00");
    // Taking the payment recomputed the loan's case: closed as settled that day.
    const Json c = Json::parse(d.ok({"case", "show", "L2", "--format", "json"}).out);
    INFO(c.dump());
    CHECK(c.dump().find("\"settled\"") != std::string::npos);
    CHECK(Json::parse(d.ok({"plan", "show", id, "--as-of", "2026-04-06", "--format", "json"})
                          .out)["status"] == "completed");
    const Json exported =
        Json::parse(d.ok({"plans", "export", "--since", "2026-03-01", "--format", "json"}).out);
    REQUIRE(exported.size() == 1);
    CHECK(exported[0]["posted_on"] == "2026-04-05");
    CHECK(exported[0]["waiver"]["principal"] == "75.00");
    CHECK(exported[0]["waiver"]["interest"] == "0.00");
    const auto csv = d.ok({"plans", "export", "--since", "2026-04-06"});
    CHECK(csv.out == "plan_id,loan_id,kind,posted_on,start,amount,waived_principal,"
                     "waived_interest,waived_fees,waived_penalties,installments\n");
}

TEST_CASE("plans: an approved reschedule makes the loan current from its start, in watch, and "
          "leaves the figures before it alone",
          "[cli][plans]") {
    PlanDesk d;
    const Json before = d.loan("L1", "2026-03-19");
    CHECK(before["dpd"] == 18);
    // No budget: the reschedule needs a written reason.
    std::vector<std::string> propose = {
        "plan",     "propose",        "L1",          "--kind", "reschedule", "--rate",   "12",
        "--method", "declining",      "--day-count", "30/360", "--every",    "1",        "--unit",
        "months",   "--installments", "3",           "--date", "2026-03-20", "--format", "json"};
    const auto refused = d.as("sarah", propose);
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err, Catch::Contains("no budget worksheet"));
    CHECK_THAT(refused.err, Catch::Contains("--affordability-reason"));
    propose.insert(propose.end(), {"--affordability-reason", "harvest in April"});
    const Json plan = Json::parse(d.asOk("sarah", propose).out);
    CHECK(plan["kind"] == "reschedule");
    CHECK(plan["approvals_needed"] == 1);
    CHECK(plan["waived"] == "0.00");
    REQUIRE(plan["installments"].size() == 3);
    const std::string id = std::to_string(plan["plan_id"].get<int>());
    d.asOk("mary", {"plan", "approve", id, "--comment", "ok", "--date", "2026-03-20"});

    CHECK(d.loan("L1", "2026-03-19") == before); // figures before S never change
    const Json after = d.loan("L1", "2026-03-20");
    CHECK(after["dpd"] == 0);
    CHECK(after["arrears"]["total"] == "0.00");
    CHECK(after["restructured_on"] == "2026-03-20");
    CHECK(after["in_watch"] == true);
    CHECK(after["bucket"] == "restructured");
    const Json aging =
        Json::parse(d.ok({"report", "aging", "--as-of", "2026-03-20", "--format", "json"}).out);
    CHECK(aging["total"]["buckets"][1]["bucket"] == "restructured");
    CHECK(aging["total"]["buckets"][1]["loans"] == 1);
    const Json exported =
        Json::parse(d.ok({"plans", "export", "--since", "2026-03-20", "--format", "json"}).out);
    REQUIRE(exported.size() == 1);
    CHECK(exported[0]["kind"] == "reschedule");
}

TEST_CASE("plans: withdraw and reject need a reason, and end only a waiting proposal",
          "[cli][plans]") {
    PlanDesk d;
    const auto proposed =
        d.asOk("sarah", {"plan", "propose", "L2", "--kind", "arrangement", "--parts", "2",
                         "--every", "1", "--unit", "months", "--affordability-reason", "none yet",
                         "--date", "2026-03-20", "--format", "json"});
    const Json plan = Json::parse(proposed.out);
    // The arrears 115.00 in two parts plus the regular installment 3 (110.00, due 04-01) in
    // the first part's period.
    REQUIRE(plan["installments"].size() == 2);
    CHECK(plan["installments"][0]["amount"] == "167.50");
    CHECK(plan["installments"][1]["amount"] == "57.50");
    const std::string id = std::to_string(plan["plan_id"].get<int>());
    const auto officer = d.as("akello", {"plan", "reject", id, "--comment", "no"});
    CHECK(officer.exitCode == 1);
    d.asOk("mary", {"plan", "reject", id, "--comment", "too slow", "--date", "2026-03-20"});
    const auto again = d.as("sarah", {"plan", "withdraw", id, "--reason", "x"});
    CHECK(again.exitCode == 1);
    CHECK_THAT(again.err, Catch::Contains("already rejected by mary"));
    CHECK(Json::parse(d.ok({"plan", "show", id, "--format", "json"}).out)["status"] == "rejected");
    const auto list = Json::parse(d.ok({"plans", "--loan", "L2", "--format", "json"}).out);
    CHECK(list.size() == 1);
    CHECK(d.run({"plan", "show", "99"}).exitCode == 1);
    const auto bad = d.as(
        "sarah", {"plan", "propose", "L2", "--kind", "arrangement", "--installment", "2026-04-30"});
    CHECK(bad.exitCode == 1);
    CHECK_THAT(bad.err, Catch::Contains("is not DATE:AMOUNT"));
}

TEST_CASE("budget set: lines are NAME=AMOUNT, at least one income, by an officer or supervisor",
          "[cli][plans]") {
    PlanDesk d;
    const auto ok =
        d.asOk("akello", {"budget", "set", "C1", "--income", "shop=300.00", "--income",
                          "tailoring=50.00", "--expense", "rent=120.50", "--date", "2026-03-20"});
    CHECK_THAT(ok.out, Catch::Contains("income 350.00, expenses 120.50, surplus 229.50"));
    const auto badAmount = d.as("akello", {"budget", "set", "C1", "--income", "shop=1,000"});
    CHECK(badAmount.exitCode == 1);
    CHECK_THAT(badAmount.err, Catch::Contains("--income"));
    const auto noName = d.as("akello", {"budget", "set", "C1", "--income", "=100.00"});
    CHECK(noName.exitCode == 1);
    const auto admin = d.as("boss", {"budget", "set", "C1", "--income", "shop=1.00"});
    CHECK(admin.exitCode == 1);
    CHECK_THAT(admin.err, Catch::Contains("permission denied for boss"));
    const auto unknown = d.as("akello", {"budget", "set", "NOPE", "--income", "shop=1.00"});
    CHECK(unknown.exitCode == 1);
    CHECK_THAT(unknown.err, Catch::Contains("no client \"NOPE\""));
}

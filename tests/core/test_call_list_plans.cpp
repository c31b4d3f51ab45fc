// Issue 9 / domain.md 9c and 11: the call-list reasons of plans and referrals (broken_plan,
// plan_due, follow_up_due), a kept plan keeping the case off the list, and the urgency order.

#include "core/call_list.h"
#include "core/plan_standing.h"
#include "ledger_builders.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using rd::CallListCase;
using rd::CallReason;
using rd::PlanStatus;
using rdtest::day;

namespace {

const rd::Date kToday = day("2026-11-27");

rd::CallListOptions ugx() {
    rd::CallListOptions o;
    o.currencyCode = "UGX";
    o.currencyExponent = 0;
    return o;
}

CallListCase baseCase(std::string loanId, int dpd = 40) {
    CallListCase c;
    c.loanId = std::move(loanId);
    c.clientId = "C-" + c.loanId;
    c.clientName = "Amina Nakato";
    c.officer = "okello";
    c.position.asOf = kToday;
    c.position.daysPastDue = dpd;
    c.position.arrears.principal = 90000;
    c.bucket = "31-60";
    c.newNotContacted = true; // and an early warning: reasons a kept plan must silence
    c.flags.push_back({"no_contact", "No contact for 14 days"});
    return c;
}

rd::Payment paid(const char* on, rd::Amount amount, const char* id) {
    rd::Payment p;
    p.id = id;
    p.paidOn = day(on);
    p.amount = amount;
    return p;
}

// An arrangement from 2026-11-01 of 30,000 on 11-10, 11-28 and 12-20, approved on
// `approvedOn`; `payments` scored on kToday.
rd::PlanRecord arrangement(std::int64_t id, const char* approvedOn = "2026-11-01") {
    rd::PlanRecord p;
    p.id = id;
    p.loanId = "L1";
    p.kind = rd::PlanKind::Arrangement;
    p.start = day("2026-11-01");
    p.graceDays = 2;
    p.approvalsNeeded = 1;
    p.installments = {{1, day("2026-11-10"), 30000, {}},
                      {2, day("2026-11-28"), 30000, {}},
                      {3, day("2026-12-20"), 30000, {}}};
    p.decisions.push_back(
        {1, "approved", "sup", "2026-11-01T08:00:00Z", day(approvedOn), "ok", {}});
    return p;
}

std::vector<std::string> codes(const std::vector<CallReason>& reasons) {
    std::vector<std::string> out;
    for (CallReason r : reasons)
        out.push_back(rd::toString(r));
    return out;
}

using Strings = std::vector<std::string>;

} // namespace

TEST_CASE("the new reason codes are the interchange words, in the urgency order",
          "[call_list][plans]") {
    const Strings expected{"broken_plan", "broken_promise", "promise_due",   "hearing_due",
                           "plan_due",    "letter_due",     "follow_up_due", "action_due",
                           "new_case",    "early_warning"};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto r = static_cast<CallReason>(i);
        CHECK(rd::toString(r) == expected[i]);
        CHECK(rd::callReasonFromString(expected[i]) == r);
    }
    CHECK_FALSE(rd::callReasonFromString("court_date"));
}

TEST_CASE("a plan's standing on a date counts only the decisions taken by then",
          "[call_list][plans]") {
    auto p = arrangement(7, "2026-11-05");
    const std::vector<rd::Payment> pays{paid("2026-11-09", 30000, "P1")};
    CHECK(rd::planStanding(p, pays, day("2026-11-04")).status == PlanStatus::Proposed);
    const auto active = rd::planStanding(p, pays, day("2026-11-20"));
    CHECK(active.status == PlanStatus::Active);
    CHECK(active.activatedOn == day("2026-11-05"));
    p.decisions.push_back({2, "cancelled", "sup", "", day("2026-11-21"), "replaced", 8});
    CHECK(rd::planStanding(p, pays, day("2026-11-20")).status == PlanStatus::Active);
    CHECK(rd::planStanding(p, pays, day("2026-11-21")).status == PlanStatus::Cancelled);
    // A plan needing two approvals is proposed after the first.
    auto two = arrangement(9);
    two.approvalsNeeded = 2;
    CHECK(rd::planStanding(two, pays, kToday).status == PlanStatus::Proposed);
    two.decisions.push_back({3, "approved", "sup2", "", day("2026-11-02"), "ok", {}});
    CHECK(rd::planStanding(two, pays, kToday).status == PlanStatus::Active);
}

TEST_CASE("a kept plan keeps the case off the list, except the day before an installment",
          "[call_list][plans]") {
    auto c = baseCase("L1");
    const std::vector<rd::Payment> pays{paid("2026-11-09", 30000, "P1")};
    REQUIRE(rd::onCallList(c, kToday)); // new case and early warning, without a plan

    c.plan = rd::callListPlan({arrangement(7)}, pays, day("2026-11-26"));
    REQUIRE(c.plan);
    CHECK(c.plan->status == PlanStatus::Active);
    CHECK(rd::planBeingKept(c));
    CHECK(rd::callReasons(c, day("2026-11-26")).empty());
    CHECK_FALSE(rd::onCallList(c, day("2026-11-26")));

    // 2026-11-27 is the day before installment 2 (2026-11-28): 30,000 still to pay.
    c.plan = rd::callListPlan({arrangement(7)}, pays, kToday);
    CHECK(codes(rd::callReasons(c, kToday)) == Strings{"plan_due"});
    const auto items = rd::buildCallList({c}, kToday, ugx());
    REQUIRE(items.size() == 1);
    CHECK(items[0].why == "Plan installment 2 due tomorrow: UGX 30,000 to pay");
    CHECK(items[0].scoreParts.front().what == "plan installment due tomorrow");
    CHECK(items[0].scoreParts.front().points == 500);

    // Paid ahead: nothing owed on installment 2, so no call.
    const std::vector<rd::Payment> ahead{paid("2026-11-09", 30000, "P1"),
                                         paid("2026-11-20", 30000, "P2")};
    c.plan = rd::callListPlan({arrangement(7)}, ahead, kToday);
    CHECK_FALSE(rd::onCallList(c, kToday));
}

TEST_CASE("a broken plan goes to the top until a contact after it broke", "[call_list][plans]") {
    // Installment 1 (11-10, grace 2) unpaid: broken on 11-13.
    auto brokenCase = baseCase("L1", 20);
    brokenCase.newNotContacted = false;
    brokenCase.flags.clear();
    brokenCase.plan = rd::callListPlan({arrangement(7)}, {}, kToday);
    REQUIRE(brokenCase.plan);
    CHECK(brokenCase.plan->status == PlanStatus::Broken);
    CHECK(brokenCase.plan->score.brokenOn == day("2026-11-13"));
    CHECK(codes(rd::callReasons(brokenCase, kToday)) == Strings{"broken_plan"});

    // A big case with a broken promise and a high score still ranks below the broken plan.
    auto other = baseCase("L2", 300);
    other.position.arrears.principal = 9000000;
    rd::PromiseToPay promise;
    promise.id = "PR-2";
    promise.amount = 50000;
    promise.promisedFor = day("2026-11-20");
    promise.createdOn = day("2026-11-15");
    other.latestPromise = promise;
    other.latestPromiseEvaluation = rd::evaluatePromise(promise, {}, kToday);
    const auto items = rd::buildCallList({other, brokenCase}, kToday, ugx());
    REQUIRE(items.size() == 2);
    CHECK(items[0].entry.loanId == "L1");
    CHECK(items[0].why ==
          "Plan 7 (arrangement) broken 14 days ago: installment 1 not paid in full");
    CHECK(items[1].reasons.front() == CallReason::BrokenPromise);

    // The officer called on 11-14 (after it broke): the plan no longer tops the list, and
    // the case is worked like any other (the plan is over).
    brokenCase.lastContactAt = *rd::DateTime::parse("2026-11-14T09:00:00");
    CHECK(rd::callReasons(brokenCase, kToday).empty());
    brokenCase.nextActionOn = day("2026-11-27");
    CHECK(codes(rd::callReasons(brokenCase, kToday)) == Strings{"action_due"});
}

TEST_CASE("the latest activated plan is the one followed, a cancelled one is not",
          "[call_list][plans]") {
    auto old = arrangement(7, "2026-11-01");
    old.decisions.push_back({2, "cancelled", "sup", "", day("2026-11-15"), "replaced", 8});
    auto newer = arrangement(8, "2026-11-15");
    newer.start = day("2026-11-15");
    newer.installments = {{1, day("2026-11-30"), 45000, {}}, {2, day("2026-12-30"), 45000, {}}};
    const auto plan = rd::callListPlan({old, newer}, {}, kToday);
    REQUIRE(plan);
    CHECK(plan->planId == 8);
    CHECK(plan->status == PlanStatus::Active);
    // Before the newer one's approval, the old one was followed (broken by then: nothing paid).
    const auto before = rd::callListPlan({old, newer}, {}, day("2026-11-14"));
    REQUIRE(before);
    CHECK(before->planId == 7);
    CHECK(before->status == PlanStatus::Broken);
    CHECK_FALSE(rd::callListPlan({old}, {}, day("2026-11-16")));
}

TEST_CASE("a referral follow-up puts the case on the list, even one on a kept plan",
          "[call_list][plans][referrals]") {
    auto c = baseCase("L1");
    c.newNotContacted = false;
    c.flags.clear();
    CHECK_FALSE(rd::onCallList(c, kToday));
    c.followUps.push_back({4, "Kampala Vocational Institute", day("2026-11-27")});
    c.followUps.push_back({5, "Mengo Health Centre", day("2026-11-20")});
    CHECK(codes(rd::callReasons(c, kToday)) == Strings{"follow_up_due"});
    auto items = rd::buildCallList({c}, kToday, ugx());
    REQUIRE(items.size() == 1);
    CHECK(items[0].why == "Referral to Kampala Vocational Institute: follow-up due today; "
                          "Referral to Mengo Health Centre: follow-up due since 2026-11-20");
    CHECK(items[0].score == 300); // follow_up_due's weight; no money at stake given

    const std::vector<rd::Payment> pays{paid("2026-11-09", 30000, "P1")};
    c.plan = rd::callListPlan({arrangement(7)}, pays, kToday);
    CHECK(codes(rd::callReasons(c, kToday)) == Strings{"plan_due", "follow_up_due"});
}

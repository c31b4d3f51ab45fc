// Issue 9: the call list built by CallListService with real plans (PlanService) and referrals
// (CounsellingService) on a real database: a kept plan keeps the case off the list, the day
// before an installment brings it back, a broken plan tops the list, a referral follow-up
// puts the case on it; and the set-based list agrees with the case files.

#include "desk_fixture.h"
#include "services/call_list_service.h"
#include "services/counselling_service.h"
#include "services/plan_service.h"
#include "storage/portfolio_settings.h"

#include <algorithm>

using namespace deskfx;
using rd::services::CallListService;

namespace {

Date day(const char* text) {
    return Date::parse(text).value();
}

const rd::CallListItem* itemOf(const rd::services::CallList& list, const std::string& loan) {
    for (const auto& i : list.items)
        if (i.entry.loanId == loan)
            return &i;
    return nullptr;
}

struct PlanDesk : Desk {
    services::PlanService plans{*db, [this] { return clock; }};
    services::CounsellingService counselling{*db, [this] { return clock; }};
    User officer;

    PlanDesk() {
        recompute(day("2026-04-10"));
        const std::string name = officerOf("L3");
        REQUIRE(name != "(no open case)");
        officer = name == "akello" ? akello : bosco;
    }
    // An arrangement of L3's arrears in 2 monthly parts from 2026-04-10, approved by sarah.
    std::int64_t agreePlan() {
        auto parts = plans.arrangementFor(officer, "L3", day("2026-04-10"), 2, 1, true);
        REQUIRE(parts.ok());
        services::PlanProposal p;
        p.loanId = "L3";
        p.kind = PlanKind::Arrangement;
        p.start = day("2026-04-10");
        p.installments = *parts;
        p.note = "client agreed on a visit";
        p.affordabilityReason = "no budget yet; the client sells at the market daily";
        auto proposed = plans.propose(officer, p, day("2026-04-10"));
        INFO((proposed ? "" : proposed.error().message));
        REQUIRE(proposed.ok());
        auto approved = plans.approve(sarah, proposed->plan.id, "fits", day("2026-04-10"));
        INFO((approved ? "" : approved.error().message));
        REQUIRE(approved.ok());
        REQUIRE(approved->status == PlanStatus::Active);
        return proposed->plan.id;
    }
    rd::services::CallList listOn(const char* date) {
        auto list = CallListService(*db).forOfficer(officer, officer.username, day(date));
        REQUIRE(list.ok());
        return *list;
    }
};

} // namespace

TEST_CASE("call list service: a kept plan keeps the case off, the day before an installment "
          "and a broken plan bring it back",
          "[call-list][plans]") {
    PlanDesk d;
    REQUIRE(itemOf(d.listOn("2026-04-10"), "L3")); // new, 68 days past due
    const std::int64_t planId = d.agreePlan();
    const auto plan = d.plans.show(d.officer, planId, day("2026-04-10"));
    REQUIRE(plan.ok());
    const Date first = plan->plan.installments.at(0).dueDate;
    REQUIRE(first == day("2026-05-10"));

    CHECK_FALSE(itemOf(d.listOn("2026-04-10"), "L3"));
    CHECK_FALSE(itemOf(d.listOn("2026-05-08"), "L3"));
    const auto dayBefore = d.listOn("2026-05-09");
    const auto* due = itemOf(dayBefore, "L3");
    REQUIRE(due);
    CHECK(due->reasons == std::vector<CallReason>{CallReason::PlanDue});
    CHECK_THAT(due->why, Catch::Contains("Plan installment 1 due tomorrow"));
    CHECK_FALSE(itemOf(d.listOn("2026-05-10"), "L3")); // the day itself: still off

    // Nothing paid by 05-10 + 2 grace days: broken on 05-13, at the top of the list.
    const auto broken = d.listOn("2026-05-13");
    REQUIRE_FALSE(broken.items.empty());
    CHECK(broken.items.front().entry.loanId == "L3");
    CHECK(broken.items.front().reasons.front() == CallReason::BrokenPlan);
    CHECK_THAT(broken.items.front().why,
               Catch::Contains(fmt::format("Plan {} (arrangement) broken today", planId)));

    // The set-based list says what the case file says.
    const auto file = d.cases.caseFile(d.officer, "L3", day("2026-05-13"));
    REQUIRE(file.ok());
    REQUIRE(file->plan);
    CHECK(file->plan->planId == planId);
    CHECK(file->plan->status == PlanStatus::Broken);
    CHECK(rd::callReasons(file->callListCase(), day("2026-05-13")) == broken.items.front().reasons);

    // A contact after the break: the case is worked as usual again (no longer first for
    // the plan).
    auto call = d.call("L3", "2026-05-13T09:30");
    REQUIRE(d.contacts.addContact(d.officer, call).ok());
    const auto after = d.listOn("2026-05-14");
    if (const auto* item = itemOf(after, "L3"))
        CHECK(std::find(item->reasons.begin(), item->reasons.end(), CallReason::BrokenPlan) ==
              item->reasons.end());
}

TEST_CASE("call list service: a referral's follow-up date puts the case on the list, even "
          "during a kept plan, until the referral is updated",
          "[call-list][plans][referrals]") {
    PlanDesk d;
    d.agreePlan();
    auto referral = d.counselling.addReferral(
        d.officer, "L3", "Kampala Vocational Institute", ReferralService::VocationalTraining,
        day("2026-04-20"), "tailoring course", day("2026-04-10"));
    REQUIRE(referral.ok());
    CHECK_FALSE(itemOf(d.listOn("2026-04-19"), "L3"));
    const auto list = d.listOn("2026-04-22");
    const auto* item = itemOf(list, "L3");
    REQUIRE(item);
    CHECK(item->reasons == std::vector<CallReason>{CallReason::FollowUpDue});
    CHECK(item->why == "Referral to Kampala Vocational Institute: follow-up due since 2026-04-20");
    const auto weights = rd::storage::loadDeskSettings(*d.db).weights;
    CHECK(item->scoreParts.front().points == weights.followUpDue);

    // Updated (contacted, next follow-up in May): off the list again.
    REQUIRE(d.counselling
                .updateReferral(d.officer, *referral, ReferralStatus::Contacted, "enrolled",
                                day("2026-05-05"), day("2026-04-22"))
                .ok());
    CHECK_FALSE(itemOf(d.listOn("2026-04-22"), "L3"));
}

TEST_CASE("call list weights: the plan and referral weights are settings",
          "[call-list][plans][settings]") {
    PlanDesk d;
    d.set("priority_weights", "broken_plan=5,plan_due=7,follow_up_due=9");
    const auto w = rd::storage::loadDeskSettings(*d.db).weights;
    CHECK(w.brokenPlan == 5);
    CHECK(w.planDue == 7);
    CHECK(w.followUpDue == 9);
    CHECK(w.brokenPromise == 1000); // left out: the default
}

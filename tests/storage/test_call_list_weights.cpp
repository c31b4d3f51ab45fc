// Issue 8: the priority_weights setting carries the money-at-stake and bucket-roll weights
// (validated like the others), and the call list service gives the ranking what it needs
// (the client of each loan, when it rolls into the next bucket).
#include "desk_fixture.h"
#include "services/call_list_service.h"
#include "storage/portfolio_settings.h"

#include <algorithm>

using namespace rd;
using namespace rd::services;
using deskfx::Desk;
using rdst::day;

namespace {

bool hasPart(const CallListItem& item, const std::string& what) {
    return std::any_of(item.scoreParts.begin(), item.scoreParts.end(),
                       [&](const ScorePart& p) { return p.what.rfind(what, 0) == 0; });
}

} // namespace

TEST_CASE("priority_weights: money_at_stake and bucket_roll are weights like the others",
          "[settings][desk][call-list]") {
    Desk d;
    CHECK(*d.settings.change(d.admin, "priority_weights", "money_at_stake=0, bucket_roll=50") ==
          "broken_plan=1000,broken_promise=1000,promise_due=500,hearing_due=500,plan_due=500,"
          "letter_due=400,follow_up_due=300,action_due=300,new_case=200,early_warning=100,"
          "money_at_stake=0,bucket_roll=50");
    const auto bad = d.settings.change(d.admin, "priority_weights", "money_at_stake=lots");
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error().message, Catch::Contains("money_at_stake") &&
                                        Catch::Contains("whole number from 0 to 1000000"));
    const auto unknown = d.settings.change(d.admin, "priority_weights", "money=5");
    REQUIRE_FALSE(unknown.ok());
    CHECK_THAT(unknown.error().message,
               Catch::Contains("unknown key \"money\"") && Catch::Contains("money_at_stake") &&
                   Catch::Contains("bucket_roll") && Catch::Contains("broken_promise"));
    const auto parsed = storage::parsePriorityWeights("bucket_roll=7");
    REQUIRE(parsed.ok());
    CHECK(parsed->bucketRoll == 7);
    CHECK(parsed->moneyAtStake == PriorityWeights{}.moneyAtStake);
}

TEST_CASE("the call list service scores the money at stake and the coming bucket roll",
          "[settings][desk][call-list]") {
    Desk d;
    d.recompute(day("2026-03-20"));
    CallListService lists(*d.db);
    auto list = lists.forOfficer(d.akello, "akello", day("2026-03-20"));
    REQUIRE(list.ok());
    REQUIRE_FALSE(list->items.empty());
    for (const auto& item : list->items) {
        INFO(item.entry.loanId << ": " << scoreText(item));
        CHECK(item.entry.clientId == "C1");
        CHECK(hasPart(item, "money at stake"));
        REQUIRE(item.entry.roll);
        CHECK(item.entry.roll->days ==
              *BucketScheme::standard().buckets()[*item.entry.position.bucketIndex].maxDpd + 1 -
                  item.entry.position.daysPastDue);
    }
    d.set("priority_weights", "money_at_stake=0");
    list = lists.forOfficer(d.akello, "akello", day("2026-03-20"));
    REQUIRE(list.ok());
    for (const auto& item : list->items)
        CHECK_FALSE(hasPart(item, "money at stake"));
}

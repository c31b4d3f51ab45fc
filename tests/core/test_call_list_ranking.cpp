// Issue 8: the default ranking weighs the money at stake and how soon a case rolls into a
// worse bucket, not only the kind of reason; the score's parts explain it; the loans of one
// client are one call (groupByClient).

#include "core/call_list.h"
#include "ledger_builders.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using rd::CallListCase;
using rd::CallReason;
using rdtest::day;

namespace {

const rd::Date kToday = day("2026-11-27");

rd::CallListOptions ugx() {
    rd::CallListOptions o;
    o.currencyCode = "UGX";
    o.currencyExponent = 0;
    return o;
}

// A new, not yet contacted case of `dpd` days owing `outstanding` principal, all in arrears.
CallListCase newCase(std::string loanId, int dpd, rd::Amount outstanding,
                     std::string clientId = "") {
    CallListCase c;
    c.loanId = std::move(loanId);
    c.clientId = clientId.empty() ? "C-" + c.loanId : std::move(clientId);
    c.clientName = "Client " + c.clientId;
    c.officer = "okello";
    c.position.asOf = kToday;
    c.position.daysPastDue = dpd;
    c.position.outstandingPrincipal = outstanding;
    c.position.arrears.principal = outstanding;
    c.position.bucketIndex = rd::BucketScheme::standard().indexFor(dpd);
    c.bucket = rd::BucketScheme::standard().nameFor(dpd);
    c.roll = rd::nextBucketRoll(c.position, rd::BucketScheme::standard());
    c.newNotContacted = true;
    return c;
}

std::vector<std::string> loanIds(const std::vector<rd::CallListItem>& items) {
    std::vector<std::string> out;
    for (const auto& i : items)
        out.push_back(i.entry.loanId);
    return out;
}

using Strings = std::vector<std::string>;

} // namespace

TEST_CASE("the bucket a past-due loan rolls into next, and when", "[call_list][rank]") {
    const auto scheme = rd::BucketScheme::standard();
    rd::LoanPosition p;
    p.daysPastDue = 29;
    p.bucketIndex = scheme.indexFor(29);
    auto roll = rd::nextBucketRoll(p, scheme);
    REQUIRE(roll);
    CHECK(roll->days == 2);
    CHECK(roll->bucket == "31-60");
    p.daysPastDue = 9;
    CHECK(rd::nextBucketRoll(p, scheme)->days == 22);
    p.daysPastDue = 0;
    p.bucketIndex = 0;
    CHECK_FALSE(rd::nextBucketRoll(p, scheme)); // current: no DPD to count up
    p.daysPastDue = 694;
    p.bucketIndex = scheme.indexFor(694);
    CHECK_FALSE(rd::nextBucketRoll(p, scheme)); // the last bucket
    p.bucketIndex.reset();
    CHECK_FALSE(rd::nextBucketRoll(p, scheme)); // not active
}

TEST_CASE("money at stake is the balance at risk and the interest, fees and penalties owed",
          "[call_list][rank]") {
    rd::LoanPosition p;
    p.outstandingPrincipal = 800000;
    p.arrears.principal = 300000;
    p.arrears.interest = 50000;
    p.arrears.fees = 7000;
    p.arrears.penalties = 3000;
    CHECK(rd::moneyAtStake(p) == 860000);
}

TEST_CASE("a 694-day case owing 8.9M outranks a 9-day case owing little", "[call_list][rank]") {
    const auto small = newCase("L9D", 9, 146236);
    const auto big = newCase("L694", 694, 8900000);
    const auto items = rd::buildCallList({small, big}, kToday, ugx());
    CHECK(loanIds(items) == Strings{"L694", "L9D"});
    CHECK(items[0].score == 200 + 400);
    CHECK(rd::scoreText(items[0]) == "Score 600 = new case 200 + money at stake 400");
    // 400 * 146,236 / 8,900,000 = 6.57
    CHECK(rd::scoreText(items[1]) == "Score 207 = new case 200 + money at stake 7");
}

TEST_CASE("a case about to roll into a worse bucket gets points, more the sooner",
          "[call_list][rank]") {
    auto tomorrow = newCase("R1", 30, 100000);
    auto inTwo = newCase("R2", 29, 100000);
    auto inSeven = newCase("R7", 24, 100000);
    auto inEight = newCase("R8", 23, 100000);
    const auto items = rd::buildCallList({inEight, inSeven, inTwo, tomorrow}, kToday, ugx());
    REQUIRE(loanIds(items) == Strings{"R1", "R2", "R7", "R8"});
    CHECK(rd::scoreText(items[0]) ==
          "Score 900 = new case 200 + money at stake 400 + rolls into 31-60 tomorrow 300");
    // 300 * 6 / 7 = 257.1; 300 * 1 / 7 = 42.9
    CHECK(rd::scoreText(items[1]) ==
          "Score 857 = new case 200 + money at stake 400 + rolls into 31-60 in 2 days 257");
    CHECK(items[2].score == 200 + 400 + 43);
    CHECK(items[3].score == 200 + 400); // 8 days away: no roll part
}

TEST_CASE("a broken promise still comes first, whatever the money", "[call_list][rank]") {
    auto broken = newCase("B", 3, 1000);
    broken.newNotContacted = false;
    rd::PromiseToPay p;
    p.id = "PR-B";
    p.amount = 500;
    p.promisedFor = day("2026-11-20");
    p.createdOn = day("2026-11-18");
    broken.latestPromise = p;
    broken.latestPromiseEvaluation = rd::evaluatePromise(p, {}, kToday);
    const auto big = newCase("BIG", 100, 9000000);
    const auto items = rd::buildCallList({big, broken}, kToday, ugx());
    CHECK(loanIds(items) == Strings{"B", "BIG"});
    CHECK(items[0].reasons.front() == CallReason::BrokenPromise);
}

TEST_CASE("the money and roll weights are settings: at 0 the reasons alone rank",
          "[call_list][rank]") {
    auto action = newCase("A", 9, 1000);
    action.newNotContacted = false;
    action.nextActionOn = kToday;
    const auto big = newCase("BIG", 100, 9000000);
    auto opts = ugx();
    // Default: the new case with all the money (200 + 400) before the due action (300 + 0).
    CHECK(loanIds(rd::buildCallList({action, big}, kToday, opts)) == Strings{"BIG", "A"});
    opts.weights.moneyAtStake = 0;
    opts.weights.bucketRoll = 0;
    const auto items = rd::buildCallList({action, big}, kToday, opts);
    CHECK(loanIds(items) == Strings{"A", "BIG"});
    CHECK(rd::scoreText(items[1]) == "Score 200 = new case 200");
}

TEST_CASE("the loans of one client are one row, at the place of the most urgent",
          "[call_list][group]") {
    const auto other = newCase("L05", 60, 2000000, "C2");
    auto first = newCase("L17", 40, 300000, "C1");
    auto second = newCase("L18", 95, 9000000, "C1");
    const auto items = rd::buildCallList({first, other, second}, kToday, ugx());
    REQUIRE(loanIds(items) == Strings{"L18", "L05", "L17"});
    const auto groups = rd::groupByClient(items);
    REQUIRE(groups.size() == 2);
    REQUIRE(groups[0].items.size() == 2);
    CHECK(groups[0].lead().entry.loanId == "L18");
    CHECK(groups[0].items[1].entry.loanId == "L17");
    CHECK(groups[0].arrears() == 9300000);
    CHECK(groups[0].daysPastDue() == 95);
    CHECK(groups[0].hasLoan("L17"));
    CHECK_FALSE(groups[0].hasLoan("L05"));
    CHECK(groups[1].lead().entry.loanId == "L05");

    SECTION("without a client id, the name and phone say who it is") {
        auto a = newCase("X1", 10, 1000);
        auto b = newCase("X2", 12, 1000);
        a.clientId.clear();
        b.clientId.clear();
        a.clientName = b.clientName = "Amina Nakato";
        a.phone = b.phone = "+256772000001";
        CHECK(rd::groupByClient(rd::buildCallList({a, b}, kToday, ugx())).size() == 1);
        b.phone = "+256772000002";
        CHECK(rd::groupByClient(rd::buildCallList({a, b}, kToday, ugx())).size() == 2);
    }
}

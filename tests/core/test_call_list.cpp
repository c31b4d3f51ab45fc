// Issue 3 / interchange.md section 3: the daily call list (membership, reasons, why texts,
// ranking) and grouped money text.

#include "core/call_list.h"
#include "core/money_text.h"
#include "ledger_builders.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <limits>
#include <string>

using rd::CallListCase;
using rd::CallReason;
using rd::PromiseStatus;
using rdtest::day;

namespace {

const rd::Date kToday = day("2026-11-27");

rd::CallListOptions ugx() {
    rd::CallListOptions o;
    o.currencyCode = "UGX";
    o.currencyExponent = 0;
    return o;
}

CallListCase baseCase(std::string loanId, int dpd = 12, rd::Amount arrears = 65000) {
    CallListCase c;
    c.loanId = std::move(loanId);
    c.clientName = "Amina Nakato";
    c.phone = "+256772000001";
    c.officer = "okello";
    c.position.asOf = kToday;
    c.position.daysPastDue = dpd;
    c.position.arrears.principal = arrears;
    c.bucket = "1-30";
    return c;
}

// Gives the case a promise evaluated on kToday against `paid` paid on its promise date.
void withPromise(CallListCase& c, rd::Amount amount, std::string_view promisedFor,
                 std::string_view createdOn, rd::Amount paid = 0) {
    rd::PromiseToPay p;
    p.id = "PR-" + c.loanId;
    p.amount = amount;
    p.promisedFor = day(promisedFor);
    p.createdOn = day(createdOn);
    p.createdBy = "okello";
    std::vector<rd::Payment> payments;
    if (paid > 0) {
        rd::Payment pay;
        pay.id = "P1";
        pay.paidOn = p.promisedFor;
        pay.amount = paid;
        payments.push_back(pay);
    }
    c.latestPromiseEvaluation = rd::evaluatePromise(p, payments, kToday);
    c.latestPromise = p;
}

rd::DateTime at(std::string_view text) {
    return *rd::DateTime::parse(text);
}

std::vector<std::string> reasonCodes(const std::vector<CallReason>& reasons) {
    std::vector<std::string> out;
    for (CallReason r : reasons)
        out.push_back(rd::toString(r));
    return out;
}

std::vector<std::string> loanIds(const std::vector<rd::CallListItem>& items) {
    std::vector<std::string> out;
    for (const auto& i : items)
        out.push_back(i.entry.loanId);
    return out;
}

using Strings = std::vector<std::string>;

} // namespace

TEST_CASE("grouped amounts use the currency's decimals", "[call_list][money_text]") {
    CHECK(rd::formatAmountGrouped(0, 0) == "0");
    CHECK(rd::formatAmountGrouped(999, 0) == "999");
    CHECK(rd::formatAmountGrouped(1000, 0) == "1,000");
    CHECK(rd::formatAmountGrouped(50000, 0) == "50,000");
    CHECK(rd::formatAmountGrouped(999999, 0) == "999,999");
    CHECK(rd::formatAmountGrouped(1234567, 0) == "1,234,567");
    CHECK(rd::formatAmountGrouped(125050, 2) == "1,250.50");
    CHECK(rd::formatAmountGrouped(5, 2) == "0.05");
    CHECK(rd::formatAmountGrouped(99999, 2) == "999.99");
    CHECK(rd::formatAmountGrouped(100000000, 2) == "1,000,000.00");
    CHECK(rd::formatAmountGrouped(12500, 3) == "12.500");
    CHECK(rd::formatAmountGrouped(123456789012, 3) == "123,456,789.012");
    CHECK(rd::formatAmountGrouped(-125050, 2) == "-1,250.50");
    CHECK(rd::formatAmountGrouped(-100, 0) == "-100");
    CHECK(rd::formatAmountGrouped(-1000, 0) == "-1,000");
    CHECK(rd::formatAmountGrouped(std::numeric_limits<rd::Amount>::min(), 0) ==
          "-9,223,372,036,854,775,808");
    CHECK(rd::formatMoneyText("UGX", 50000, 0) == "UGX 50,000");
    CHECK(rd::formatMoneyText("KES", 125050, 2) == "KES 1,250.50");
    CHECK(rd::formatMoneyText("", 125050, 2) == "1,250.50");
}

TEST_CASE("reason codes are the interchange words", "[call_list]") {
    CHECK(std::string(rd::toString(CallReason::BrokenPromise)) == "broken_promise");
    CHECK(std::string(rd::toString(CallReason::PromiseDue)) == "promise_due");
    CHECK(std::string(rd::toString(CallReason::ActionDue)) == "action_due");
    CHECK(std::string(rd::toString(CallReason::NewCase)) == "new_case");
    CHECK(std::string(rd::toString(CallReason::EarlyWarning)) == "early_warning");
}

TEST_CASE("the interchange example: a promise broken yesterday", "[call_list]") {
    auto c = baseCase("L17");
    withPromise(c, 50000, "2026-11-24", "2026-11-20"); // deadline 2026-11-26
    c.lastContactAt = at("2026-11-20T10:15:00");
    REQUIRE(c.latestPromiseEvaluation->status == PromiseStatus::Broken);
    const auto items = rd::buildCallList({c}, kToday, ugx());
    REQUIRE(items.size() == 1);
    CHECK(items[0].rank == 1);
    CHECK(reasonCodes(items[0].reasons) == Strings{"broken_promise"});
    CHECK(items[0].why == "Promise of UGX 50,000 broken yesterday");
    CHECK(items[0].score == 1000);
    CHECK(items[0].entry.loanId == "L17");
    CHECK(items[0].entry.phone == "+256772000001");
}

TEST_CASE("membership and why texts, one reason at a time", "[call_list][membership]") {
    const auto opts = ugx();
    auto single = [&](const CallListCase& c) { return rd::buildCallList({c}, kToday, opts); };

    SECTION("nothing due: not on the list") {
        CHECK(single(baseCase("L1")).empty());
        CHECK_FALSE(rd::onCallList(baseCase("L1"), kToday));
    }
    SECTION("new and not yet contacted") {
        auto c = baseCase("L1", 3);
        c.newNotContacted = true;
        auto items = single(c);
        REQUIRE(items.size() == 1);
        CHECK(reasonCodes(items[0].reasons) == Strings{"new_case"});
        CHECK(items[0].why == "New: 3 days past due, not yet contacted");
        c.position.daysPastDue = 1;
        CHECK(single(c)[0].why == "New: 1 day past due, not yet contacted");
    }
    SECTION("next action due today, tomorrow, or overdue") {
        auto c = baseCase("L1");
        c.nextActionOn = kToday;
        CHECK(single(c)[0].why == "Next action due today");
        c.nextActionOn = kToday.addDays(-1);
        CHECK(single(c)[0].why == "Next action overdue since yesterday");
        c.nextActionOn = day("2026-11-24");
        CHECK(single(c)[0].why == "Next action overdue by 3 days (due 2026-11-24)");
        c.nextActionOn = kToday.addDays(1);
        CHECK(single(c).empty());
    }
    SECTION("flagged") {
        auto c = baseCase("L1", 29);
        c.flags = {{"bucket_roll", "Rolls into 31-60 in 2 days"}};
        auto items = single(c);
        REQUIRE(items.size() == 1);
        CHECK(reasonCodes(items[0].reasons) == Strings{"early_warning"});
        CHECK(items[0].why == "Rolls into 31-60 in 2 days");
        CHECK(items[0].score == 100);
    }
    SECTION("promise due today") {
        auto c = baseCase("L1");
        withPromise(c, 50000, "2026-11-27", "2026-11-25");
        auto items = single(c);
        REQUIRE(items.size() == 1);
        CHECK(reasonCodes(items[0].reasons) == Strings{"promise_due"});
        CHECK(items[0].why == "Promise of UGX 50,000 due today");
    }
    SECTION("a promise in its grace days is left alone") {
        auto c = baseCase("L1");
        withPromise(c, 50000, "2026-11-26", "2026-11-25"); // deadline 11-28
        CHECK(c.latestPromiseEvaluation->status == PromiseStatus::Pending);
        CHECK(single(c).empty());
    }
    SECTION("a broken promise days ago, and a partly kept one") {
        auto c = baseCase("L1");
        withPromise(c, 50000, "2026-11-18", "2026-11-10"); // deadline 11-20
        CHECK(single(c)[0].why == "Promise of UGX 50,000 broken 7 days ago");
        withPromise(c, 50000, "2026-11-18", "2026-11-10", 20000);
        REQUIRE(c.latestPromiseEvaluation->status == PromiseStatus::Partial);
        auto items = single(c);
        REQUIRE(items.size() == 1);
        CHECK(reasonCodes(items[0].reasons) == Strings{"broken_promise"});
        CHECK(items[0].why ==
              "Promise of UGX 50,000 partly kept (UGX 20,000 paid), deadline passed 7 days ago");
    }
    SECTION("a broken promise followed up after its deadline is no longer a reason") {
        auto c = baseCase("L1");
        withPromise(c, 50000, "2026-11-24", "2026-11-20");
        c.lastContactAt = at("2026-11-26T16:00:00"); // on the deadline day: not yet followed up
        CHECK(reasonCodes(rd::callReasons(c, kToday)) == Strings{"broken_promise"});
        c.lastContactAt = at("2026-11-27T09:00:00");
        CHECK(rd::callReasons(c, kToday).empty());
        CHECK(single(c).empty());
    }
    SECTION("a kept promise is no reason") {
        auto c = baseCase("L1");
        withPromise(c, 50000, "2026-11-24", "2026-11-20", 50000);
        CHECK(single(c).empty());
    }
}

TEST_CASE("a pending promise keeps a flagged case off the list until its deadline",
          "[call_list][membership]") {
    auto c = baseCase("L1", 29);
    c.flags = {{"bucket_roll", "Rolls into 31-60 in 2 days"}};
    withPromise(c, 50000, "2026-11-30", "2026-11-26"); // deadline 12-02
    CHECK(reasonCodes(rd::callReasons(c, kToday)) == Strings{"early_warning"});
    CHECK_FALSE(rd::onCallList(c, kToday));
    CHECK(rd::buildCallList({c}, kToday, ugx()).empty());

    SECTION("unless something else is due") {
        c.nextActionOn = kToday;
        auto items = rd::buildCallList({c}, kToday, ugx());
        REQUIRE(items.size() == 1);
        CHECK(reasonCodes(items[0].reasons) == Strings{"action_due", "early_warning"});
        CHECK(items[0].why == "Next action due today; Rolls into 31-60 in 2 days");
        CHECK(items[0].score == 400);
    }
    SECTION("once broken it is back, at the top") {
        const rd::Date after = day("2026-12-03");
        rd::PromiseToPay p = *c.latestPromise;
        c.latestPromiseEvaluation = rd::evaluatePromise(p, {}, after);
        auto items = rd::buildCallList({c}, after, ugx());
        REQUIRE(items.size() == 1);
        CHECK(reasonCodes(items[0].reasons) == Strings{"broken_promise", "early_warning"});
        CHECK(items[0].why == "Promise of UGX 50,000 broken yesterday; Rolls into 31-60 in 2 days");
    }
}

TEST_CASE("several reasons: all listed, most urgent first, weights summed", "[call_list]") {
    auto c = baseCase("L1");
    c.nextActionOn = day("2026-11-24");
    c.newNotContacted = true;
    c.flags = {{"no_contact", "No successful contact in 14 days"},
               {"payment_reversed", "Payment of UGX 100,000 reversed on 2026-11-20"}};
    auto items = rd::buildCallList({c}, kToday, ugx());
    REQUIRE(items.size() == 1);
    CHECK(reasonCodes(items[0].reasons) == Strings{"action_due", "new_case", "early_warning"});
    CHECK(items[0].score == 300 + 200 + 2 * 100);
    CHECK(items[0].why == "Next action overdue by 3 days (due 2026-11-24); New: 12 days past due, "
                          "not yet contacted; No successful contact in 14 days; Payment of UGX "
                          "100,000 reversed on 2026-11-20");
}

TEST_CASE("ranking: broken promises first, then score, DPD, arrears, loan id",
          "[call_list][rank]") {
    auto broken = baseCase("B", 2, 1000);
    withPromise(broken, 50000, "2026-11-24", "2026-11-20");
    auto due = baseCase("D", 40, 90000);
    withPromise(due, 30000, "2026-11-27", "2026-11-25");
    auto action = baseCase("A", 60, 500000);
    action.nextActionOn = kToday;
    auto fresh = baseCase("N", 5);
    fresh.newNotContacted = true;
    auto flagged = baseCase("F", 89, 900000);
    flagged.flags = {{"bucket_roll", "Rolls into 91-180 in 2 days"}};
    const std::vector<CallListCase> cases{flagged, fresh, action, due, broken};

    auto items = rd::buildCallList(cases, kToday, ugx());
    CHECK(loanIds(items) == Strings{"B", "D", "A", "N", "F"});
    for (std::size_t i = 0; i < items.size(); ++i)
        CHECK(items[i].rank == static_cast<int>(i) + 1);

    SECTION("weights are settings") {
        auto opts = ugx();
        opts.weights.earlyWarningPerFlag = 900;
        opts.weights.newCase = 1;
        CHECK(loanIds(rd::buildCallList(cases, kToday, opts)) == Strings{"B", "F", "D", "A", "N"});
    }
    SECTION("a broken promise stays on top whatever the weights") {
        auto opts = ugx();
        opts.weights.brokenPromise = 0;
        CHECK(loanIds(rd::buildCallList(cases, kToday, opts)).front() == "B");
    }
    SECTION("ties: higher DPD, then higher arrears, then loan id in byte order") {
        auto a = baseCase("L9", 10, 5000);
        auto b = baseCase("L10", 10, 5000);
        auto c = baseCase("L2", 10, 7000);
        auto d = baseCase("L1", 20, 1);
        for (auto* x : {&a, &b, &c, &d})
            x->nextActionOn = kToday;
        std::vector<CallListCase> tied{a, b, c, d};
        const Strings expected{"L1", "L2", "L10", "L9"};
        CHECK(loanIds(rd::buildCallList(tied, kToday, ugx())) == expected);
        // Deterministic whatever the input order.
        std::sort(tied.begin(), tied.end(),
                  [](const CallListCase& x, const CallListCase& y) { return x.loanId < y.loanId; });
        do {
            CHECK(loanIds(rd::buildCallList(tied, kToday, ugx())) == expected);
        } while (std::next_permutation(
            tied.begin(), tied.end(),
            [](const CallListCase& x, const CallListCase& y) { return x.loanId < y.loanId; }));
    }
}

TEST_CASE("an officer's list holds only their cases", "[call_list]") {
    auto mine = baseCase("L1");
    mine.nextActionOn = kToday;
    auto theirs = baseCase("L2");
    theirs.nextActionOn = kToday;
    theirs.officer = "atim";
    auto opts = ugx();
    opts.officer = "atim";
    auto items = rd::buildCallList({mine, theirs}, kToday, opts);
    CHECK(loanIds(items) == Strings{"L2"});
    CHECK(items[0].rank == 1);
    CHECK(rd::buildCallList({mine, theirs}, kToday, ugx()).size() == 2);
}

TEST_CASE("why texts use the currency's decimals", "[call_list][money_text]") {
    auto c = baseCase("K1");
    withPromise(c, 125050, "2026-11-24", "2026-11-20");
    rd::CallListOptions kes;
    kes.currencyCode = "KES";
    kes.currencyExponent = 2;
    CHECK(rd::buildCallList({c}, kToday, kes)[0].why == "Promise of KES 1,250.50 broken yesterday");
}

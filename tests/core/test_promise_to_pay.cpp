// domain.md section 8: promises to pay and their evaluation.

#include "core/promise_to_pay.h"
#include "ledger_builders.h"

#include <catch2/catch.hpp>

using rd::PromiseStatus;
using rdtest::day;
using rdtest::LedgerBuilder;

namespace Catch {
template <> struct StringMaker<rd::PromiseStatus> {
    static std::string convert(rd::PromiseStatus s) { return rd::toString(s); }
};
} // namespace Catch

namespace {

rd::PromiseToPay promise(rd::Amount amount, std::string_view promisedFor,
                         std::string_view createdOn) {
    rd::PromiseToPay p;
    p.id = "PR1";
    p.amount = amount;
    p.promisedFor = day(promisedFor);
    p.createdOn = day(createdOn);
    p.createdBy = "okello";
    return p;
}

std::vector<rd::Payment> payments(const LedgerBuilder& b) {
    return b.ledger().payments;
}

} // namespace

TEST_CASE("promise status text codes", "[promise]") {
    CHECK(std::string(rd::toString(PromiseStatus::Pending)) == "pending");
    CHECK(std::string(rd::toString(PromiseStatus::Kept)) == "kept");
    CHECK(std::string(rd::toString(PromiseStatus::Partial)) == "partial");
    CHECK(std::string(rd::toString(PromiseStatus::Broken)) == "broken");
    CHECK(*rd::parsePromiseStatus("partial") == PromiseStatus::Partial);
    auto bad = rd::parsePromiseStatus("Kept");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message ==
          "\"Kept\" is not a promise status (use pending, kept, partial or broken)");
}

TEST_CASE("a promise needs a positive amount and a date not in the past", "[promise]") {
    auto ok = rd::validatePromise(promise(50000, "2026-11-24", "2026-11-20"));
    CHECK(ok.ok());
    CHECK(rd::validatePromise(promise(50000, "2026-11-20", "2026-11-20")).ok());
    auto zero = rd::validatePromise(promise(0, "2026-11-24", "2026-11-20"));
    REQUIRE_FALSE(zero.ok());
    CHECK_THAT(zero.error().message, Catch::StartsWith("A promise needs an amount greater than 0"));
    auto past = rd::validatePromise(promise(50000, "2026-11-19", "2026-11-20"));
    REQUIRE_FALSE(past.ok());
    CHECK(past.error().message == "The promise date 2026-11-19 is before the day it is made "
                                  "(2026-11-20); enter a date on or after 2026-11-20");
}

TEST_CASE("promise evaluation around the deadline (promise date + 2 days grace)", "[promise]") {
    const auto p = promise(50000, "2026-11-24", "2026-11-20"); // deadline 2026-11-26

    SECTION("nothing paid: pending up to the deadline day, broken the day after") {
        LedgerBuilder b("L17");
        auto onDeadline = rd::evaluatePromise(p, payments(b), day("2026-11-26"));
        CHECK(onDeadline.status == PromiseStatus::Pending);
        CHECK(onDeadline.deadline == day("2026-11-26"));
        CHECK(onDeadline.paid == 0);
        auto after = rd::evaluatePromise(p, payments(b), day("2026-11-27"));
        CHECK(after.status == PromiseStatus::Broken);
        CHECK(after.paid == 0);
    }
    SECTION("full amount on the last day of grace: kept") {
        LedgerBuilder b("L17");
        b.payment("P1", "2026-11-26", 50000);
        CHECK(rd::evaluatePromise(p, payments(b), day("2026-11-30")).status == PromiseStatus::Kept);
    }
    SECTION("a payment the day after the deadline does not count") {
        LedgerBuilder b("L17");
        b.payment("P1", "2026-11-27", 50000);
        auto e = rd::evaluatePromise(p, payments(b), day("2026-11-30"));
        CHECK(e.status == PromiseStatus::Broken);
        CHECK(e.paid == 0);
    }
    SECTION("a payment before the promise was made does not count") {
        LedgerBuilder b("L17");
        b.payment("P0", "2026-11-19", 50000).payment("P1", "2026-11-20", 10000);
        auto e = rd::evaluatePromise(p, payments(b), day("2026-11-27"));
        CHECK(e.status == PromiseStatus::Partial);
        CHECK(e.paid == 10000);
    }
    SECTION("kept early as soon as the amount is paid, in several payments") {
        LedgerBuilder b("L17");
        b.payment("P1", "2026-11-21", 20000).payment("P2", "2026-11-22", 30000);
        auto first = rd::evaluatePromise(p, payments(b), day("2026-11-21"));
        CHECK(first.status == PromiseStatus::Pending);
        CHECK(first.paid == 20000);
        auto second = rd::evaluatePromise(p, payments(b), day("2026-11-22"));
        CHECK(second.status == PromiseStatus::Kept);
        CHECK(second.paid == 50000);
    }
    SECTION("more than promised is kept") {
        LedgerBuilder b("L17");
        b.payment("P1", "2026-11-24", 80000);
        auto e = rd::evaluatePromise(p, payments(b), day("2026-11-24"));
        CHECK(e.status == PromiseStatus::Kept);
        CHECK(e.paid == 80000);
    }
    SECTION("part paid: pending until the deadline, then partial") {
        LedgerBuilder b("L17");
        b.payment("P1", "2026-11-24", 49999);
        CHECK(rd::evaluatePromise(p, payments(b), day("2026-11-26")).status ==
              PromiseStatus::Pending);
        auto e = rd::evaluatePromise(p, payments(b), day("2026-11-27"));
        CHECK(e.status == PromiseStatus::Partial);
        CHECK(e.paid == 49999);
    }
    SECTION("a reversed payment does not count from its reversal date") {
        LedgerBuilder b("L17");
        b.payment("P1", "2026-11-24", 50000, "2026-11-29", rd::PaymentMethod::Cheque);
        CHECK(rd::evaluatePromise(p, payments(b), day("2026-11-28")).status == PromiseStatus::Kept);
        auto e = rd::evaluatePromise(p, payments(b), day("2026-11-29"));
        CHECK(e.status == PromiseStatus::Broken);
        CHECK(e.paid == 0);
    }
    SECTION("a payment after the evaluation date is not known yet") {
        LedgerBuilder b("L17");
        b.payment("P1", "2026-11-25", 50000);
        CHECK(rd::evaluatePromise(p, payments(b), day("2026-11-24")).status ==
              PromiseStatus::Pending);
        CHECK(rd::evaluatePromise(p, payments(b), day("2026-11-25")).status == PromiseStatus::Kept);
    }
}

TEST_CASE("configurable grace days", "[promise]") {
    const auto p = promise(50000, "2026-11-24", "2026-11-20");
    LedgerBuilder b("L17");
    SECTION("no grace: broken the day after the promise date") {
        CHECK(rd::evaluatePromise(p, payments(b), day("2026-11-24"), 0).status ==
              PromiseStatus::Pending);
        CHECK(rd::evaluatePromise(p, payments(b), day("2026-11-25"), 0).status ==
              PromiseStatus::Broken);
    }
    SECTION("five days of grace") {
        auto e = rd::evaluatePromise(p, payments(b), day("2026-11-29"), 5);
        CHECK(e.deadline == day("2026-11-29"));
        CHECK(e.status == PromiseStatus::Pending);
        CHECK(rd::evaluatePromise(p, payments(b), day("2026-11-30"), 5).status ==
              PromiseStatus::Broken);
    }
}

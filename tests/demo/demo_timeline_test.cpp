#include "demo/demo_timeline.h"

#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::demo;

TEST_CASE("disbursements fill the two years before the as-of date, in loan order",
          "[demo][timeline]") {
    const Date asOf = Date::parse("2026-11-28").value();
    const Timeline t(10'000, asOf, 1);
    REQUIRE(t.disbursedCount() == 9'900); // ~1% approved, not yet disbursed
    Date previous = t.disbursedOn(0);
    CHECK(previous <= asOf.addDays(-Timeline::kWindowDays + 1));
    std::int64_t firstYear = 0;
    for (std::int64_t k = 0; k < t.loans(); ++k) {
        const Date d = t.disbursedOn(k);
        CHECK(d >= previous);
        previous = d;
        CHECK(((d.days() % 7) + 7) % 7 != 3); // never a Sunday
        if (k < t.disbursedCount()) {
            CHECK(d <= asOf);
            CHECK(d >= asOf.addDays(-Timeline::kWindowDays - 1));
            if (d < asOf.addDays(-365))
                ++firstYear;
        } else {
            CHECK(d > asOf);
            CHECK(d <= asOf.addDays(32));
        }
    }
    // A growing portfolio: fewer loans in the older year, but a good share.
    CHECK(firstYear > 3'000);
    CHECK(firstYear < 4'950);
}

TEST_CASE("returning clients: two loans in ten, first loan earlier, numbers without gaps",
          "[demo][timeline]") {
    const Date asOf = Date::parse("2026-11-28").value();
    const Timeline t(5'000, asOf, 9);
    Rng rng(3);
    std::uint64_t nextClient = 1;
    std::int64_t repeats = 0;
    for (std::int64_t k = 0; k < t.loans(); ++k) {
        if (t.isRepeat(k)) {
            ++repeats;
            const std::int64_t first = t.earlierLoan(k, rng);
            REQUIRE(first < k);
            CHECK_FALSE(t.isRepeat(first));
            CHECK(t.clientNumber(first) < nextClient);
            CHECK(t.disbursedOn(first) <= t.disbursedOn(k));
        } else {
            CHECK(t.clientNumber(k) == nextClient);
            ++nextClient;
        }
    }
    CHECK(repeats == 2 * (5'000 / 10 - 1));
    CHECK(nextClient - 1 == static_cast<std::uint64_t>(5'000 - repeats));
}

#include "core/letter_deadlines.h"

#include <catch2/catch.hpp>

using namespace rd;

namespace {
Date day(const char* text) {
    return Date::parse(text).value();
}
} // namespace

TEST_CASE("weekdays count from Monday", "[letters]") {
    CHECK(day("1970-01-01").weekday() == 4);
    CHECK(day("2026-12-07").weekday() == 1);
    CHECK(day("2026-12-06").weekday() == 7);
    CHECK(day("1969-12-29").weekday() == 1);
}

TEST_CASE("letter deadlines parse, print back and refuse bad parts", "[letters]") {
    auto d = parseLetterDeadlines(kLetterDeadlinesDefault);
    REQUIRE(d.ok());
    CHECK(d.value().at("final_demand") == LetterDeadlineRule{14, false});
    auto w = parseLetterDeadlines(" final_demand:10w , pre_legal_notice:7");
    REQUIRE(w.ok());
    CHECK(w.value().at("final_demand") == LetterDeadlineRule{10, true});
    CHECK(letterDeadlinesText(w.value()) == "final_demand:10w,pre_legal_notice:7");
    for (const char* bad : {"final_demand", "final_demand:0", "final_demand:400", ":14",
                            "final_demand:14x", "final_demand:w"}) {
        CAPTURE(bad);
        auto r = parseLetterDeadlines(bad);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.error().message, Catch::Contains("KIND:DAYS"));
    }
}

TEST_CASE("a calendar deadline on a weekend or holiday moves to the next working day",
          "[letters]") {
    const Holidays uganda = parseHolidays(kHolidaysDefault).value();
    // 2026-12-11 (Friday) + 14 = 2026-12-25 (Christmas, Friday) -> 26th is a holiday and a
    // Saturday, 27th Sunday -> Monday 28th.
    CHECK(letterDeadline(day("2026-12-11"), {14, false}, uganda) == day("2026-12-28"));
    CHECK(letterDeadline(day("2026-12-01"), {14, false}, uganda) == day("2026-12-15"));
}

TEST_CASE("working days skip weekends and holidays, fixed and one-off", "[letters]") {
    Holidays h = parseHolidays("12-25,12-26,2027-01-04").value();
    // From Wednesday 23 December: 24 (1), [25, 26, 27 off], 28 (2), 29 (3), 30 (4), 31 (5).
    CHECK(letterDeadline(day("2026-12-23"), {5, true}, h) == day("2026-12-31"));
    // From 31 Dec: 1 Jan (1), [2, 3 weekend, 4 one-off], 5 Jan (2).
    CHECK(letterDeadline(day("2026-12-31"), {2, true}, h) == day("2027-01-05"));
    CHECK_FALSE(parseHolidays("25-12").ok());
    CHECK_FALSE(parseHolidays("2026-02-30").ok());
}

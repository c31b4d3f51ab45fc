// domain.md section 2: calendar dates, strict ISO text, plain day differences.

#include "core/clock.h"
#include "core/date.h"
#include "ledger_builders.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <string>

using rd::Date;
using rdtest::day;

TEST_CASE("Date::parse accepts strict YYYY-MM-DD of days that exist", "[date][parse]") {
    const auto d = Date::parse("2026-03-20");
    REQUIRE(d.ok());
    CHECK(d->year() == 2026);
    CHECK(d->month() == 3u);
    CHECK(d->day() == 20u);

    const auto leap = Date::parse("2024-02-29");
    REQUIRE(leap.ok());
    CHECK(leap->month() == 2u);
    CHECK(leap->day() == 29u);

    CHECK(Date::parse("2000-02-29").ok()); // divisible by 400: leap
    CHECK(Date::parse("1970-01-01").ok());
    CHECK(Date::parse("0001-01-01").ok());
    CHECK(Date::parse("9999-12-31").ok());
    CHECK(Date::parse("2026-12-31").ok());
    CHECK(Date::parse("2026-04-30").ok());
}

TEST_CASE("Date::parse rejects other forms and days that do not exist", "[date][parse]") {
    for (const char* text :
         {"2026-02-30", "2025-02-29", "1900-02-29",  "2026-2-01",        "20260201",
          "2026-13-01", "2026-00-10", "2026-01-00",  "2026-04-31",       "2026-01-32",
          "0000-01-01", "2026/01/01", "2026-01-01 ", " 2026-01-01",      "2026-01-1",
          "26-01-01",   "2026-01-0a", "+026-01-01",  "2026-01-01T00:00", "",
          "2026-1-1",   "2026--1-01", "-026-01-01"}) {
        INFO("text \"" << text << "\"");
        const auto r = Date::parse(text);
        CHECK_FALSE(r.ok());
        if (!r.ok())
            CHECK(r.error().message ==
                  "\"" + std::string(text) + "\" is not a date (YYYY-MM-DD, a day that exists)");
    }
}

TEST_CASE("date differences are plain calendar-day counts", "[date]") {
    CHECK(day("2024-03-01") - day("2024-02-28") == 2);
    CHECK(day("2025-03-01") - day("2025-02-28") == 1);
    CHECK(day("2026-03-20") - day("2026-03-01") == 19);
    CHECK(day("2026-03-01") - day("2026-03-20") == -19);
    CHECK(day("2025-01-01") - day("2024-01-01") == 366);
    CHECK(day("2026-01-01") - day("2025-01-01") == 365);
    CHECK(day("2025-02-28") - day("2024-02-29") == 365);
    CHECK(day("2025-03-01") - day("2024-02-29") == 366);
    CHECK(day("1970-01-01").days() == 0);
    CHECK(day("1970-01-02").days() == 1);
    CHECK(day("1969-12-31").days() == -1);
    CHECK(day("2000-03-01") - day("2000-02-28") == 2);
    CHECK(day("2100-03-01") - day("2100-02-28") == 1);
    CHECK(day("2026-03-01").addDays(19) == day("2026-03-20"));
    CHECK(day("2024-02-28").addDays(1) == day("2024-02-29"));
    CHECK(day("2024-12-31").addDays(1) == day("2025-01-01"));
    CHECK(day("2026-03-01") < day("2026-03-02"));
    CHECK(day("2025-12-31") < day("2026-01-01"));
}

TEST_CASE("toString and parse round-trip every day over two centuries", "[date]") {
    const Date first = day("1900-01-01");
    const Date last = day("2100-12-31");
    int checked = 0;
    int failures = 0;
    for (Date d = first; d <= last; d = d.addDays(1)) {
        const std::string text = d.toString();
        const auto back = Date::parse(text);
        if (!back.ok() || *back != d || text.size() != 10) {
            ++failures;
            FAIL_CHECK("round trip failed for day " << d.days() << " (" << text << ")");
        }
        ++checked;
    }
    CHECK(failures == 0);
    CHECK(checked == (last - first) + 1);
    CHECK(day("2026-03-01").toString() == "2026-03-01");
    CHECK(Date::fromDays(0).toString() == "1970-01-01");
    CHECK(Date::fromCivil(2024, 2, 29).toString() == "2024-02-29");
    CHECK(Date::fromCivil(5, 6, 7).toString() == "0005-06-07");
}

TEST_CASE("isValidCivil", "[date]") {
    CHECK(Date::isValidCivil(2024, 2, 29));
    CHECK_FALSE(Date::isValidCivil(2025, 2, 29));
    CHECK_FALSE(Date::isValidCivil(2025, 0, 1));
    CHECK_FALSE(Date::isValidCivil(2025, 13, 1));
    CHECK_FALSE(Date::isValidCivil(2025, 6, 31));
    CHECK(Date::isValidCivil(2025, 7, 31));
}

TEST_CASE("addMonths clamps to the last day of the month", "[date]") {
    CHECK(day("2024-01-31").addMonths(1) == day("2024-02-29"));
    CHECK(day("2025-01-31").addMonths(1) == day("2025-02-28"));
    CHECK(day("2025-03-31").addMonths(1) == day("2025-04-30"));
    CHECK(day("2025-03-31").addMonths(-1) == day("2025-02-28"));
    CHECK(day("2025-12-15").addMonths(1) == day("2026-01-15"));
    CHECK(day("2025-01-15").addMonths(-1) == day("2024-12-15"));
    CHECK(day("2024-02-29").addMonths(12) == day("2025-02-28"));
    CHECK(day("2024-02-29").addMonths(48) == day("2028-02-29"));
    CHECK(day("2026-01-01").addMonths(0) == day("2026-01-01"));
    CHECK(day("2026-01-01").addMonths(25) == day("2028-02-01"));
    CHECK(day("2026-01-31").addMonths(-13) == day("2024-12-31"));
    // Clamping does not accumulate: each month counts from the original date.
    CHECK(day("2025-01-31").addMonths(2) == day("2025-03-31"));
}

TEST_CASE("stored times are UTC whatever the process's time zone", "[clock]") {
    const char* before = std::getenv("TZ");
    const std::string saved = before ? before : "";
    setenv("TZ", "Africa/Kampala", 1); // UTC+3, what the command line sets
    tzset();
    const auto t = std::chrono::sys_days{std::chrono::year{2026} / 12 / 2} + std::chrono::hours{2} +
                   std::chrono::minutes{16} + std::chrono::seconds{4};
    CHECK(rd::isoTimestamp(std::chrono::time_point_cast<std::chrono::seconds>(t)) ==
          "2026-12-02T02:16:04Z");
    if (before)
        setenv("TZ", saved.c_str(), 1);
    else
        unsetenv("TZ");
    tzset();
}

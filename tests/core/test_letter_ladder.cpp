#include "core/letter_ladder.h"

#include <catch2/catch.hpp>

using namespace rd;

namespace {
Date day(const char* text) {
    return Date::parse(text).value();
}
LetterLadder standard() {
    return parseLetterLadder(kLetterLadderDefault, 30).value();
}
std::string dueKind(const LadderCase& c, const char* on) {
    const auto due = letterDue(standard(), c, day(on));
    return due ? due->kind : std::string("none");
}
} // namespace

TEST_CASE("the letter ladder parses, prints back and refuses bad rungs", "[letters]") {
    const auto ladder = standard();
    REQUIRE(ladder.rungs.size() == 4);
    CHECK(ladder.rungs[2] == LadderRung{"final_demand", 60, ""});
    CHECK(ladder.rungs[3] == LadderRung{"pre_legal_notice", 0, "final_demand"});
    CHECK(letterLadderText(ladder) == kLetterLadderDefault);
    CHECK(parseLetterLadder(" reminder : 5 , first_demand:20 ", 14).value().rungs.size() == 2);

    const auto refused = [](const char* text, const char* says) {
        const auto r = parseLetterLadder(text, 30);
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains(says));
    };
    refused("reminder", "there is no ':'");
    refused("reminder:seven", "whole number from 1 to 3650");
    refused("reminder:0", "whole number from 1 to 3650");
    refused("reminder:30,first_demand:30", "more days past due than the one before (30)");
    refused("Reminder:7", "lowercase letters");
    refused("reminder:7,reminder:9", "already on the ladder");
    refused("pre_legal_notice:after_final_demand", "\"final_demand\" is not an earlier rung");
    CHECK_FALSE(parseLetterLadder("reminder:7", 0));
    CHECK_FALSE(parseLetterLadder("reminder:7", 366));
}

TEST_CASE("only the highest rung a case has reached is due", "[letters]") {
    LadderCase c;
    c.daysPastDue = 6;
    CHECK(dueKind(c, "2026-03-01") == "none");
    c.daysPastDue = 7;
    CHECK(dueKind(c, "2026-03-01") == "reminder");
    c.daysPastDue = 45;
    CHECK(dueKind(c, "2026-03-01") == "first_demand");
    c.daysPastDue = 61;
    const auto due = letterDue(standard(), c, day("2026-03-01"));
    REQUIRE(due);
    CHECK(due->kind == "final_demand");
    CHECK(due->reason == "61 days past due (final demand from 60)");
    CHECK_FALSE(due->lastSent);
    c.daysPastDue = 0;
    CHECK(dueKind(c, "2026-03-01") == "none");
}

TEST_CASE("a letter sent satisfies its rung and those below for the repeat interval", "[letters]") {
    LadderCase c;
    c.daysPastDue = 40;
    c.sent.push_back({"first_demand", day("2026-03-01"), std::nullopt});
    CHECK(dueKind(c, "2026-03-01") == "none");
    CHECK(dueKind(c, "2026-03-30") == "none");
    // 30 days later it is due again, and says when it was last sent.
    const auto again = letterDue(standard(), c, day("2026-03-31"));
    REQUIRE(again);
    CHECK(again->kind == "first_demand");
    CHECK(again->lastSent == day("2026-03-01"));
    // A final demand sent (by hand, early) satisfies the first demand too.
    c.sent = {{"final_demand", day("2026-03-10"), day("2026-03-24")}};
    CHECK(dueKind(c, "2026-03-20") == "none");
    // A reminder below does not satisfy the first demand.
    c.sent = {{"reminder", day("2026-03-10"), std::nullopt}};
    CHECK(dueKind(c, "2026-03-20") == "first_demand");
    // A letter dated after the day is not counted.
    c.sent = {{"first_demand", day("2026-04-10"), std::nullopt}};
    CHECK(dueKind(c, "2026-03-20") == "first_demand");
}

TEST_CASE("the pre-legal notice is due once a final demand's deadline passed unpaid", "[letters]") {
    LadderCase c;
    c.daysPastDue = 65;
    c.sent = {{"final_demand", day("2026-03-02"), day("2026-03-16")}};
    CHECK(dueKind(c, "2026-03-16") == "none"); // the last day to pay
    const auto due = letterDue(standard(), c, day("2026-03-17"));
    REQUIRE(due);
    CHECK(due->kind == "pre_legal_notice");
    CHECK(due->reason == "the final demand's deadline 2026-03-16 passed unpaid");
    // Paid up: nothing is due.
    c.daysPastDue = 0;
    CHECK(dueKind(c, "2026-03-17") == "none");
    // Past the final demand's repeat interval without a deadline passing: still the notice.
    c.daysPastDue = 95;
    CHECK(dueKind(c, "2026-04-20") == "pre_legal_notice");
    c.sent.push_back({"pre_legal_notice", day("2026-03-18"), day("2026-04-01")});
    CHECK(dueKind(c, "2026-04-10") == "none");
    CHECK(dueKind(c, "2026-04-17") == "pre_legal_notice");
}

TEST_CASE("a kept plan pauses the ladder", "[letters]") {
    LadderCase c;
    c.daysPastDue = 70;
    c.planKept = true;
    CHECK(dueKind(c, "2026-03-01") == "none");
    c.planKept = false;
    CHECK(dueKind(c, "2026-03-01") == "final_demand");
}

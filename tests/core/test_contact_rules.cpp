// domain.md section 7: contact vocabulary, date-times, contact hours and attempts per day.

#include "core/contact.h"
#include "core/contact_rules.h"
#include "ledger_builders.h"

#include <catch2/catch.hpp>
#include <string>

using rd::ContactAttempt;
using rd::ContactChannel;
using rd::ContactDirection;
using rd::ContactOutcome;
using rd::PersonReached;

namespace {

rd::DateTime at(std::string_view text) {
    auto parsed = rd::DateTime::parse(text);
    if (!parsed)
        throw std::invalid_argument(parsed.error().message);
    return *parsed;
}

ContactAttempt attempt(std::string_view when, ContactChannel channel = ContactChannel::Call,
                       ContactDirection direction = ContactDirection::Outbound) {
    return ContactAttempt{at(when), channel, direction};
}

std::vector<std::string> codes(const std::vector<rd::RuleBreach>& breaches) {
    std::vector<std::string> out;
    for (const auto& b : breaches)
        out.push_back(b.code);
    return out;
}

} // namespace

TEST_CASE("contact codes are exactly the scripted words", "[contact][codes]") {
    CHECK(std::string(rd::toString(ContactChannel::Call)) == "call");
    CHECK(std::string(rd::toString(ContactChannel::Sms)) == "sms");
    CHECK(std::string(rd::toString(ContactChannel::Email)) == "email");
    CHECK(std::string(rd::toString(ContactChannel::Letter)) == "letter");
    CHECK(std::string(rd::toString(ContactChannel::Visit)) == "visit");
    CHECK(std::string(rd::toString(ContactChannel::Meeting)) == "meeting");
    CHECK(std::string(rd::toString(ContactDirection::Outbound)) == "outbound");
    CHECK(std::string(rd::toString(ContactDirection::Inbound)) == "inbound");
    CHECK(std::string(rd::toString(PersonReached::Client)) == "client");
    CHECK(std::string(rd::toString(PersonReached::Guarantor)) == "guarantor");
    CHECK(std::string(rd::toString(PersonReached::GroupLeader)) == "group_leader");
    CHECK(std::string(rd::toString(PersonReached::Other)) == "other");
    const std::vector<std::pair<ContactOutcome, std::string>> outcomes{
        {ContactOutcome::Reached, "reached"},
        {ContactOutcome::NoAnswer, "no_answer"},
        {ContactOutcome::WrongNumber, "wrong_number"},
        {ContactOutcome::Refused, "refused"},
        {ContactOutcome::Disputed, "disputed"},
        {ContactOutcome::Promised, "promised"},
        {ContactOutcome::Paid, "paid"},
        {ContactOutcome::Other, "other"}};
    for (const auto& [outcome, text] : outcomes) {
        CHECK(rd::toString(outcome) == text);
        auto parsed = rd::parseContactOutcome(text);
        REQUIRE(parsed.ok());
        CHECK(*parsed == outcome);
    }
    CHECK(*rd::parseContactChannel("visit") == ContactChannel::Visit);
    CHECK(*rd::parseContactDirection("inbound") == ContactDirection::Inbound);
    CHECK(*rd::parsePersonReached("group_leader") == PersonReached::GroupLeader);
}

TEST_CASE("contact codes refuse other spellings with the choices", "[contact][codes]") {
    auto outcome = rd::parseContactOutcome("no answer");
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error().message ==
          "\"no answer\" is not a contact outcome (use reached, no_answer, wrong_number, "
          "refused, disputed, promised, paid, sent or other)");
    auto channel = rd::parseContactChannel("SMS");
    REQUIRE_FALSE(channel.ok());
    CHECK(channel.error().message == "\"SMS\" is not a contact channel (use call, sms, email, "
                                     "letter, visit or meeting)");
    CHECK_FALSE(rd::parsePersonReached("group-leader").ok());
    CHECK_FALSE(rd::parseContactDirection("").ok());
    CHECK(rd::parseContactDirection("out").error().message ==
          "\"out\" is not a contact direction (use outbound or inbound)");
}

TEST_CASE("successful outcomes are reached, promised and paid", "[contact]") {
    CHECK(rd::isSuccessful(ContactOutcome::Reached));
    CHECK(rd::isSuccessful(ContactOutcome::Promised));
    CHECK(rd::isSuccessful(ContactOutcome::Paid));
    CHECK_FALSE(rd::isSuccessful(ContactOutcome::NoAnswer));
    CHECK_FALSE(rd::isSuccessful(ContactOutcome::WrongNumber));
    CHECK_FALSE(rd::isSuccessful(ContactOutcome::Refused));
    CHECK_FALSE(rd::isSuccessful(ContactOutcome::Disputed));
    CHECK_FALSE(rd::isSuccessful(ContactOutcome::Other));
}

TEST_CASE("date-time text form", "[contact][datetime]") {
    const auto t = at("2026-11-20T10:15:00");
    CHECK(t.date == rdtest::day("2026-11-20"));
    CHECK(t.minuteOfDay == 615);
    CHECK(t.toString() == "2026-11-20T10:15:00");
    CHECK(at("2026-11-20T10:15").toString() == "2026-11-20T10:15:00");
    CHECK(at("2026-11-20T23:59:59").toString() == "2026-11-20T23:59:00");
    CHECK(at("2026-11-20T00:00:00").minuteOfDay == 0);
    CHECK(at("2026-11-20T08:00:00") < at("2026-11-20T08:01:00"));
    CHECK(at("2026-11-19T23:59:00") < at("2026-11-20T00:00:00"));
    for (const char* bad : {"2026-11-20", "2026-11-20 10:15:00", "2026-11-20T24:00:00",
                            "2026-11-20T10:60:00", "2026-11-20T10:15:60", "2026-02-30T10:15:00",
                            "2026-11-20T1:15:00", "2026-11-20T10:15:00Z", ""}) {
        auto parsed = rd::DateTime::parse(bad);
        INFO(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK_THAT(parsed.error().message, Catch::Contains("use YYYY-MM-DDTHH:MM:SS"));
    }
    CHECK(*rd::parseTimeOfDay("08:00") == 480);
    CHECK(*rd::parseTimeOfDay("24:00") == 1440);
    CHECK_FALSE(rd::parseTimeOfDay("24:01").ok());
    CHECK_FALSE(rd::parseTimeOfDay("8:00").ok());
    CHECK(rd::formatTimeOfDay(1270) == "21:10");
}

TEST_CASE("calls are allowed 08:00-20:00, both ends included", "[contact][rules]") {
    const rd::ContactRules rules;
    CHECK(rd::checkContactRules(attempt("2026-11-20T08:00:00"), {}, rules).empty());
    CHECK(rd::checkContactRules(attempt("2026-11-20T20:00:00"), {}, rules).empty());
    CHECK(rd::checkContactRules(attempt("2026-11-20T20:00:59"), {}, rules).empty());

    auto late = rd::checkContactRules(attempt("2026-11-20T21:10:00"), {}, rules);
    REQUIRE(late.size() == 1);
    CHECK(late[0].code == "outside_hours");
    CHECK(late[0].message == "Calls are allowed 08:00-20:00; this one is at 21:10");

    auto justAfter = rd::checkContactRules(attempt("2026-11-20T20:01:00"), {}, rules);
    CHECK(codes(justAfter) == std::vector<std::string>{"outside_hours"});
    auto early = rd::checkContactRules(attempt("2026-11-20T07:59:00"), {}, rules);
    CHECK(codes(early) == std::vector<std::string>{"outside_hours"});

    auto visit =
        rd::checkContactRules(attempt("2026-11-20T06:30:00", ContactChannel::Visit), {}, rules);
    REQUIRE(visit.size() == 1);
    CHECK(visit[0].message == "Visits are allowed 08:00-20:00; this one is at 06:30");
    auto sms =
        rd::checkContactRules(attempt("2026-11-20T22:00:00", ContactChannel::Sms), {}, rules);
    REQUIRE(sms.size() == 1);
    CHECK(sms[0].message == "SMS messages are allowed 08:00-20:00; this one is at 22:00");
}

TEST_CASE("letters, e-mails, meetings and inbound contacts are not bound by hours",
          "[contact][rules]") {
    for (ContactChannel c :
         {ContactChannel::Letter, ContactChannel::Email, ContactChannel::Meeting})
        CHECK(rd::checkContactRules(attempt("2026-11-20T22:00:00", c), {}).empty());
    CHECK(rd::checkContactRules(
              attempt("2026-11-20T22:00:00", ContactChannel::Call, ContactDirection::Inbound), {})
              .empty());
}

TEST_CASE("configured hours", "[contact][rules]") {
    rd::ContactRules rules;
    rules.callsFrom = 9 * 60;
    rules.callsUntil = 17 * 60 + 30;
    auto b = rd::checkContactRules(attempt("2026-11-20T17:31:00"), {}, rules);
    REQUIRE(b.size() == 1);
    CHECK(b[0].message == "Calls are allowed 09:00-17:30; this one is at 17:31");
    CHECK(rd::checkContactRules(attempt("2026-11-20T09:00:00"), {}, rules).empty());
}

TEST_CASE("at most three attempts a day: the 3rd is fine, the 4th breaks the rule",
          "[contact][rules]") {
    const std::vector<ContactAttempt> two{attempt("2026-11-20T09:00:00"),
                                          attempt("2026-11-20T11:00:00", ContactChannel::Sms)};
    CHECK(rd::checkContactRules(attempt("2026-11-20T15:00:00"), two).empty());

    auto three = two;
    three.push_back(attempt("2026-11-20T15:00:00", ContactChannel::Visit));
    auto fourth = rd::checkContactRules(attempt("2026-11-20T17:00:00"), three);
    REQUIRE(fourth.size() == 1);
    CHECK(fourth[0].code == "too_many_attempts");
    CHECK(fourth[0].message ==
          "At most 3 contact attempts a day are allowed; this would be attempt 4 on 2026-11-20");

    SECTION("attempts on other days, inbound contacts and letters do not count") {
        std::vector<ContactAttempt> others{
            attempt("2026-11-19T09:00:00"),
            attempt("2026-11-19T10:00:00"),
            attempt("2026-11-19T11:00:00"),
            attempt("2026-11-20T09:00:00", ContactChannel::Call, ContactDirection::Inbound),
            attempt("2026-11-20T09:30:00", ContactChannel::Letter),
            attempt("2026-11-20T09:40:00", ContactChannel::Email),
            attempt("2026-11-20T10:00:00"),
            attempt("2026-11-20T10:30:00")};
        CHECK(rd::checkContactRules(attempt("2026-11-20T12:00:00"), others).empty());
    }
    SECTION("a letter on a busy day is not an attempt") {
        CHECK(rd::checkContactRules(attempt("2026-11-20T17:00:00", ContactChannel::Letter), three)
                  .empty());
    }
    SECTION("both rules broken at once") {
        auto both = rd::checkContactRules(attempt("2026-11-20T21:10:00"), three);
        CHECK(codes(both) == std::vector<std::string>{"outside_hours", "too_many_attempts"});
    }
    SECTION("a limit of 1") {
        rd::ContactRules rules;
        rules.maxAttemptsPerDay = 1;
        auto b = rd::checkContactRules(attempt("2026-11-20T17:00:00"),
                                       {attempt("2026-11-20T09:00:00")}, rules);
        REQUIRE(b.size() == 1);
        CHECK(b[0].message ==
              "At most 1 contact attempt a day are allowed; this would be attempt 2 on 2026-11-20");
    }
}

TEST_CASE("breaking a rule needs a written reason, which is kept", "[contact][rules]") {
    const auto breaches = rd::checkContactRules(attempt("2026-11-20T21:10:00"), {});
    REQUIRE(breaches.size() == 1);

    auto none = rd::requireOverrideReason(breaches, "");
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message ==
          "This contact breaks the contact rules: Calls are allowed 08:00-20:00; this one is "
          "at 21:10. Write the reason for the exception to save it anyway.");
    CHECK_FALSE(rd::requireOverrideReason(breaches, "   \t\n").ok());

    auto given = rd::requireOverrideReason(breaches, "  Client asked to be called after work ");
    REQUIRE(given.ok());
    CHECK(*given == "Client asked to be called after work");

    auto clean = rd::requireOverrideReason({}, "");
    REQUIRE(clean.ok());
    CHECK(clean->empty());
}

TEST_CASE("A contact and its corrections count as one attempt", "[contact_rules]") {
    using namespace rd;
    const Date day = Date::fromCivil(2026, 11, 27);
    std::vector<ContactRecord> contacts;
    for (int i = 1; i <= 3; ++i) {
        ContactRecord c;
        c.id = i;
        c.at = DateTime{day, 9 * 60 + i};
        contacts.push_back(c);
    }
    CHECK(attemptsOnRecord(contacts).size() == 3);
    // #4 corrects #2: still three attempts.
    ContactRecord fix = contacts[1];
    fix.id = 4;
    fix.correctsContactId = 2;
    contacts.push_back(fix);
    CHECK(attemptsOnRecord(contacts).size() == 3);
    // Correcting #3 now: the day's attempts before it are two, so the limit of three holds.
    const auto before = attemptsOnRecord(contacts, 3);
    CHECK(before.size() == 2);
    CHECK(checkContactRules({DateTime{day, 10 * 60}}, before, ContactRules{}).empty());
    CHECK_FALSE(
        checkContactRules({DateTime{day, 10 * 60}}, attemptsOnRecord(contacts), ContactRules{})
            .empty());
}

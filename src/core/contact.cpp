#include "contact.h"

#include <array>
#include <fmt/format.h>

namespace rd {

namespace {

bool twoDigits(std::string_view text, std::size_t at, int& value) {
    if (at + 2 > text.size())
        return false;
    const char a = text[at], b = text[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9')
        return false;
    value = (a - '0') * 10 + (b - '0');
    return true;
}

template <typename E, std::size_t N>
Result<E> parseEnum(std::string_view text, const std::array<E, N>& values, const char* what) {
    std::string choices;
    for (std::size_t i = 0; i < N; ++i) {
        if (text == toString(values[i]))
            return values[i];
        if (i > 0)
            choices += i + 1 == N ? " or " : ", ";
        choices += toString(values[i]);
    }
    return Error{fmt::format("\"{}\" is not a {} (use {})", text, what, choices)};
}

} // namespace

Result<int> parseTimeOfDay(std::string_view text) {
    int h = 0, m = 0;
    if (text.size() != 5 || text[2] != ':' || !twoDigits(text, 0, h) || !twoDigits(text, 3, m) ||
        m > 59 || h > 24 || (h == 24 && m != 0))
        return Error{fmt::format("\"{}\" is not a time of day (use HH:MM, e.g. 08:00)", text)};
    return h * 60 + m;
}

std::string formatTimeOfDay(int minuteOfDay) {
    return fmt::format("{:02}:{:02}", minuteOfDay / 60, minuteOfDay % 60);
}

Result<DateTime> DateTime::parse(std::string_view text) {
    auto fail = [&] {
        return Error{fmt::format(
            "\"{}\" is not a date and time (use YYYY-MM-DDTHH:MM:SS, e.g. 2026-11-20T10:15:00)",
            text)};
    };
    if ((text.size() != 16 && text.size() != 19) || text[10] != 'T')
        return fail();
    auto date = Date::parse(text.substr(0, 10));
    if (!date)
        return fail();
    int h = 0, m = 0, s = 0;
    if (text[13] != ':' || !twoDigits(text, 11, h) || !twoDigits(text, 14, m) || h > 23 || m > 59)
        return fail();
    if (text.size() == 19 && (text[16] != ':' || !twoDigits(text, 17, s) || s > 59))
        return fail();
    return DateTime{*date, h * 60 + m};
}

std::string DateTime::toString() const {
    return fmt::format("{}T{}:00", date.toString(), formatTimeOfDay(minuteOfDay));
}

const char* toString(ContactChannel v) {
    switch (v) {
    case ContactChannel::Call:
        return "call";
    case ContactChannel::Sms:
        return "sms";
    case ContactChannel::Email:
        return "email";
    case ContactChannel::Letter:
        return "letter";
    case ContactChannel::Visit:
        return "visit";
    case ContactChannel::Meeting:
        return "meeting";
    }
    return "call";
}

const char* toString(ContactDirection v) {
    return v == ContactDirection::Inbound ? "inbound" : "outbound";
}

const char* toString(PersonReached v) {
    switch (v) {
    case PersonReached::Client:
        return "client";
    case PersonReached::Guarantor:
        return "guarantor";
    case PersonReached::GroupLeader:
        return "group_leader";
    case PersonReached::Other:
        return "other";
    }
    return "other";
}

const char* toString(ContactOutcome v) {
    switch (v) {
    case ContactOutcome::Reached:
        return "reached";
    case ContactOutcome::NoAnswer:
        return "no_answer";
    case ContactOutcome::WrongNumber:
        return "wrong_number";
    case ContactOutcome::Refused:
        return "refused";
    case ContactOutcome::Disputed:
        return "disputed";
    case ContactOutcome::Promised:
        return "promised";
    case ContactOutcome::Paid:
        return "paid";
    case ContactOutcome::Sent:
        return "sent";
    case ContactOutcome::Other:
        return "other";
    }
    return "other";
}

Result<ContactChannel> parseContactChannel(std::string_view text) {
    static constexpr std::array values{ContactChannel::Call,  ContactChannel::Sms,
                                       ContactChannel::Email, ContactChannel::Letter,
                                       ContactChannel::Visit, ContactChannel::Meeting};
    return parseEnum(text, values, "contact channel");
}

Result<ContactDirection> parseContactDirection(std::string_view text) {
    static constexpr std::array values{ContactDirection::Outbound, ContactDirection::Inbound};
    return parseEnum(text, values, "contact direction");
}

Result<PersonReached> parsePersonReached(std::string_view text) {
    static constexpr std::array values{PersonReached::Client, PersonReached::Guarantor,
                                       PersonReached::GroupLeader, PersonReached::Other};
    return parseEnum(text, values, "person reached");
}

Result<ContactOutcome> parseContactOutcome(std::string_view text) {
    static constexpr std::array values{ContactOutcome::Reached,     ContactOutcome::NoAnswer,
                                       ContactOutcome::WrongNumber, ContactOutcome::Refused,
                                       ContactOutcome::Disputed,    ContactOutcome::Promised,
                                       ContactOutcome::Paid,        ContactOutcome::Sent,
                                       ContactOutcome::Other};
    return parseEnum(text, values, "contact outcome");
}

bool isSuccessful(ContactOutcome outcome) {
    return outcome == ContactOutcome::Reached || outcome == ContactOutcome::Promised ||
           outcome == ContactOutcome::Paid;
}

} // namespace rd

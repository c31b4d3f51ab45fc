#pragma once

#include "date.h"
#include "result.h"

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace rd {

// A business date and a time of day to the minute, without time zone.
struct DateTime {
    Date date;
    int minuteOfDay = 0; // 0..1439

    // YYYY-MM-DDTHH:MM:SS or YYYY-MM-DDTHH:MM; seconds are accepted and dropped (contact
    // times are kept to the minute).
    static Result<DateTime> parse(std::string_view text);
    // 2026-11-20T10:15:00
    std::string toString() const;

    friend auto operator<=>(const DateTime&, const DateTime&) = default;
};

// "08:00" for 480; the minute of day must be 0..1440.
std::string formatTimeOfDay(int minuteOfDay);
// "HH:MM" -> minute of day (00:00-24:00).
Result<int> parseTimeOfDay(std::string_view text);

// Contact vocabulary (domain.md section 7). Text codes are lower case with '_', exactly as
// interchange.md section 3 lists them; scripts depend on them.
enum class ContactChannel { Call, Sms, Email, Letter, Visit, Meeting };
enum class ContactDirection { Outbound, Inbound };
enum class PersonReached { Client, Guarantor, GroupLeader, Other };
enum class ContactOutcome {
    Reached,
    NoAnswer,
    WrongNumber,
    Refused,
    Disputed,
    Promised,
    Paid,
    Sent, // a letter recorded on its case (channel letter)
    Other
};

const char* toString(ContactChannel v);   // call sms email letter visit meeting
const char* toString(ContactDirection v); // outbound inbound
const char* toString(PersonReached v);    // client guarantor group_leader other
const char* toString(ContactOutcome v);   // reached no_answer wrong_number refused disputed sent
                                          // promised paid other
Result<ContactChannel> parseContactChannel(std::string_view text);
Result<ContactDirection> parseContactDirection(std::string_view text);
Result<PersonReached> parsePersonReached(std::string_view text);
Result<ContactOutcome> parseContactOutcome(std::string_view text);

// reached, promised and paid: the officer spoke with someone who engaged.
bool isSuccessful(ContactOutcome outcome);

} // namespace rd

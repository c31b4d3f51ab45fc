#pragma once

#include "date.h"
#include "result.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rd {

// How long a letter kind gives the client (setting letter_deadlines): calendar days, or
// working days that skip Saturdays, Sundays and the holidays of setting `holidays`.
struct LetterDeadlineRule {
    int days = 0;
    bool workingDays = false;
    friend bool operator==(const LetterDeadlineRule&, const LetterDeadlineRule&) = default;
};
using LetterDeadlines = std::map<std::string, LetterDeadlineRule, std::less<>>;

inline constexpr const char* kLetterDeadlinesDefault =
    "final_demand:14,pre_legal_notice:14,settlement_offer:30";
// "final_demand:14,pre_legal_notice:10w" (w: working days), 1-365 days each.
Result<LetterDeadlines> parseLetterDeadlines(std::string_view text);
std::string letterDeadlinesText(const LetterDeadlines& deadlines);

// Public holidays: a full date (YYYY-MM-DD, e.g. Easter Monday of one year) or a day of
// every year (MM-DD). The default is Uganda's fixed-date public holidays.
inline constexpr const char* kHolidaysDefault =
    "01-01,01-26,02-16,03-08,05-01,06-03,06-09,10-09,12-25,12-26";
struct Holidays {
    std::vector<Date> dates;
    std::vector<std::pair<unsigned, unsigned>> everyYear; // month, day
    bool contains(Date d) const;
};
Result<Holidays> parseHolidays(std::string_view text);

// Monday to Friday and not a holiday.
bool isWorkingDay(Date d, const Holidays& holidays);
// The last working day before `d`.
Date workingDayBefore(Date d, const Holidays& holidays);

// The deadline of a letter dated `from`: `days` calendar days later, or that many working
// days later; a calendar deadline falling on a weekend or holiday moves to the next working
// day, so the client always has a day the branch is open.
Date letterDeadline(Date from, const LetterDeadlineRule& rule, const Holidays& holidays);

} // namespace rd

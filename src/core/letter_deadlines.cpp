#include "letter_deadlines.h"

#include "text_trim.h"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

namespace rd {
bool isWorkingDay(Date d, const Holidays& holidays) {
    const int weekday = d.weekday(); // 1 Monday .. 7 Sunday
    return weekday <= 5 && !holidays.contains(d);
}

Date workingDayBefore(Date d, const Holidays& holidays) {
    do
        d = d.addDays(-1);
    while (!isWorkingDay(d, holidays));
    return d;
}

Result<LetterDeadlines> parseLetterDeadlines(std::string_view text) {
    LetterDeadlines out;
    for (std::string_view part : splitCommaList(text)) {
        const std::size_t colon = part.find(':');
        const auto bad = [&] {
            return Error{fmt::format("\"{}\" is not a letter deadline: give KIND:DAYS, e.g. "
                                     "final_demand:14, or KIND:DAYSw for working days, 1-365",
                                     part),
                         ErrorKind::Invalid};
        };
        if (colon == std::string_view::npos)
            return bad();
        std::string kind(trimView(part.substr(0, colon)));
        std::string_view days = trimView(part.substr(colon + 1));
        LetterDeadlineRule rule;
        if (!days.empty() && days.back() == 'w') {
            rule.workingDays = true;
            days.remove_suffix(1);
        }
        auto [end, ec] = std::from_chars(days.data(), days.data() + days.size(), rule.days);
        if (kind.empty() || ec != std::errc{} || end != days.data() + days.size() ||
            rule.days < 1 || rule.days > 365)
            return bad();
        out[kind] = rule;
    }
    return out;
}

std::string letterDeadlinesText(const LetterDeadlines& deadlines) {
    std::string text;
    for (const auto& [kind, rule] : deadlines)
        text += fmt::format("{}{}:{}{}", text.empty() ? "" : ",", kind, rule.days,
                            rule.workingDays ? "w" : "");
    return text;
}

bool Holidays::contains(Date d) const {
    if (std::find(dates.begin(), dates.end(), d) != dates.end())
        return true;
    return std::find(everyYear.begin(), everyYear.end(), std::pair{d.month(), d.day()}) !=
           everyYear.end();
}

Result<Holidays> parseHolidays(std::string_view text) {
    Holidays out;
    for (std::string_view part : splitCommaList(text)) {
        if (part.size() == 5 && part[2] == '-') {
            auto full = Date::parse(fmt::format("2000-{}", part));
            if (full) {
                out.everyYear.emplace_back(full->month(), full->day());
                continue;
            }
        } else if (auto d = Date::parse(part)) {
            out.dates.push_back(*d);
            continue;
        }
        return Error{fmt::format("\"{}\" is not a holiday: give YYYY-MM-DD for one day or MM-DD "
                                 "for the same day every year",
                                 part),
                     ErrorKind::Invalid};
    }
    return out;
}

Date letterDeadline(Date from, const LetterDeadlineRule& rule, const Holidays& holidays) {
    Date d = from;
    if (rule.workingDays) {
        for (int counted = 0; counted < rule.days;) {
            d = d.addDays(1);
            if (isWorkingDay(d, holidays))
                ++counted;
        }
        return d;
    }
    d = from.addDays(rule.days);
    while (!isWorkingDay(d, holidays))
        d = d.addDays(1);
    return d;
}

} // namespace rd

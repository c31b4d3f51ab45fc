#include "date.h"

#include <algorithm>
#include <fmt/format.h>

namespace rd {
namespace {

struct Civil {
    int year;
    unsigned month;
    unsigned day;
};

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
std::int32_t daysFromCivil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

Civil civilFromDays(std::int32_t z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned lastDayOfMonth(int y, unsigned m) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

} // namespace

bool Date::isValidCivil(int year, unsigned month, unsigned day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= lastDayOfMonth(year, month);
}

Date Date::fromCivil(int year, unsigned month, unsigned day) {
    return fromDays(daysFromCivil(year, month, day));
}

Result<Date> Date::parse(std::string_view text) {
    auto fail = [&] {
        return Error{fmt::format("\"{}\" is not a date (YYYY-MM-DD, a day that exists)", text)};
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return fail();
    int parts[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (int i = 0; i < lengths[p]; ++i) {
            const char c = text[starts[p] + i];
            if (c < '0' || c > '9')
                return fail();
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    if (!isValidCivil(parts[0], static_cast<unsigned>(parts[1]), static_cast<unsigned>(parts[2])))
        return fail();
    return fromCivil(parts[0], static_cast<unsigned>(parts[1]), static_cast<unsigned>(parts[2]));
}

int Date::year() const { return civilFromDays(days_).year; }
unsigned Date::month() const { return civilFromDays(days_).month; }
unsigned Date::day() const { return civilFromDays(days_).day; }

std::string Date::toString() const {
    const Civil c = civilFromDays(days_);
    if (c.year < 0 || c.year > 9999)
        return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
    // Hot in imports and exports: formatted by hand.
    std::string s(10, '-');
    const auto y = static_cast<unsigned>(c.year);
    s[0] = static_cast<char>('0' + y / 1000);
    s[1] = static_cast<char>('0' + y / 100 % 10);
    s[2] = static_cast<char>('0' + y / 10 % 10);
    s[3] = static_cast<char>('0' + y % 10);
    s[5] = static_cast<char>('0' + c.month / 10);
    s[6] = static_cast<char>('0' + c.month % 10);
    s[8] = static_cast<char>('0' + c.day / 10);
    s[9] = static_cast<char>('0' + c.day % 10);
    return s;
}

Date Date::addMonths(int n) const {
    const Civil c = civilFromDays(days_);
    int monthIndex = c.year * 12 + static_cast<int>(c.month) - 1 + n;
    const int y = monthIndex / 12;
    const unsigned m = static_cast<unsigned>(monthIndex % 12) + 1;
    const unsigned d = std::min(c.day, lastDayOfMonth(y, m));
    return fromCivil(y, m, d);
}

} // namespace rd

#pragma once

#include "result.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace rd {

// A calendar date without time zone, stored as days since 1970-01-01 so that
// differences are plain calendar-day counts.
class Date {
public:
    constexpr Date() = default;
    static constexpr Date fromDays(std::int32_t days) {
        Date d;
        d.days_ = days;
        return d;
    }
    static Date fromCivil(int year, unsigned month, unsigned day);
    static bool isValidCivil(int year, unsigned month, unsigned day);

    // Strict ISO form YYYY-MM-DD of a day that exists.
    static Result<Date> parse(std::string_view text);

    constexpr std::int32_t days() const { return days_; }
    int year() const;
    unsigned month() const;
    unsigned day() const;
    std::string toString() const;

    constexpr Date addDays(std::int32_t n) const { return fromDays(days_ + n); }
    Date addMonths(int n) const; // clamps to the month's last day
    // 1 Monday .. 7 Sunday (1970-01-01 was a Thursday).
    constexpr int weekday() const { return ((days_ % 7 + 7 + 3) % 7) + 1; }

    friend constexpr std::int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }
    friend constexpr auto operator<=>(Date a, Date b) = default;

private:
    std::int32_t days_ = 0;
};

} // namespace rd

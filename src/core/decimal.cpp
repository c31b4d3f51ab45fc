#include "decimal.h"

#include <fmt/format.h>

namespace rd {

Result<Decimal> parseDecimal(std::string_view text) {
    auto fail = [&] {
        return Error{fmt::format("\"{}\" is not a decimal number (digits, optionally '.' and "
                                 "more digits, such as 9.5 or 12)",
                                 text)};
    };
    std::string_view rest = text;
    const bool negative = !rest.empty() && rest.front() == '-';
    if (negative)
        rest.remove_prefix(1);
    const auto dot = rest.find('.');
    const std::string_view whole = rest.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && fraction.empty()))
        return fail();
    if (whole.size() + fraction.size() > static_cast<std::size_t>(kMaxDecimalDigits))
        return Error{fmt::format("\"{}\" has more than {} digits", text, kMaxDecimalDigits)};
    Decimal value;
    for (const std::string_view part : {whole, fraction})
        for (const char c : part) {
            if (c < '0' || c > '9')
                return fail();
            value.units = value.units * 10 + (c - '0');
        }
    value.scale = static_cast<int>(fraction.size());
    if (negative)
        value.units = -value.units;
    return value;
}

std::string toString(Decimal value) {
    // Trailing zeros of the fraction say nothing: 9.50 prints as 9.5.
    while (value.scale > 0 && value.units % 10 == 0) {
        value.units /= 10;
        --value.scale;
    }
    const bool negative = value.units < 0;
    std::string digits = std::to_string(negative ? -value.units : value.units);
    if (value.scale > 0) {
        if (digits.size() <= static_cast<std::size_t>(value.scale))
            digits.insert(0, static_cast<std::size_t>(value.scale) - digits.size() + 1, '0');
        digits.insert(digits.size() - static_cast<std::size_t>(value.scale), 1, '.');
    }
    return negative ? "-" + digits : digits;
}

} // namespace rd

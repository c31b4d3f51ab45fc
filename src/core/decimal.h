#pragma once

#include "result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace rd {

// An exact decimal number, units / 10^scale: 9.4822 is {94822, 4}. For rates and other
// figures that must never pass through binary floating point.
struct Decimal {
    std::int64_t units = 0;
    int scale = 0;

    friend bool operator==(const Decimal&, const Decimal&) = default;
};

// At most this many digits, so that units and 10^scale fit in an int64.
inline constexpr int kMaxDecimalDigits = 18;

// Parses an optional '-', one or more digits, then optionally '.' and one or more digits
// (at most kMaxDecimalDigits digits in all): "9.4822", "0", "-1.5". No '+', exponent,
// separator or space.
Result<Decimal> parseDecimal(std::string_view text);

// The shortest text that parseDecimal reads back as the same value: "9.4822", "-1.5", "7".
std::string toString(Decimal value);

} // namespace rd

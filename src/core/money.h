#pragma once

#include "result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rd {

// Every amount is an integer count of the currency's minor unit.
using Amount = std::int64_t;

// Wide intermediate for products and quotients of amounts.
__extension__ typedef __int128 WideAmount;

// The largest single amount RecoveryDesk accepts from a file or a person: 10^15 minor
// units (a thousand billion shillings). With it, sums over one loan's thousands of events
// stay far inside int64.
inline constexpr Amount kMaxAmount = 1'000'000'000'000'000;

// Parses the data-file text form: digits, then optionally '.' and 1..exponent digits.
// No sign, separators, symbol or spaces.
Result<Amount> parseAmount(std::string_view text, int exponent);

// Prints exactly `exponent` decimals: 1250.50, 125000, 12.500. Negative amounts get a '-'.
std::string formatAmount(Amount amount, int exponent);

// Describes the accepted text form, for error messages.
std::string amountFormHint(int exponent);

// numerator / denominator rounded half to even; denominator must be > 0.
Amount divideRoundHalfEven(WideAmount numerator, WideAmount denominator);

// Splits `total` into `parts` amounts that sum exactly to it: each part is the
// half-even rounded share, and the last absorbs the remainder. When the rounded share
// would make the last part negative, the share is rounded down instead.
std::vector<Amount> splitEvenly(Amount total, int parts);

} // namespace rd

#include "money.h"

#include <cstdlib>
#include <fmt/format.h>
#include <limits>

namespace rd {

std::string amountFormHint(int exponent) {
    if (exponent == 0)
        return "digits only, no decimals";
    return fmt::format("digits with at most {} decimal{}", exponent, exponent == 1 ? "" : "s");
}

Result<Amount> parseAmount(std::string_view text, int exponent) {
    auto fail = [&] {
        return Error{fmt::format("\"{}\" is not an amount ({})", text, amountFormHint(exponent))};
    };
    if (text.empty())
        return fail();
    const std::size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty())
        return fail();
    if (dot != std::string_view::npos &&
        (fraction.empty() || static_cast<int>(fraction.size()) > exponent))
        return fail();
    constexpr Amount kMax = std::numeric_limits<Amount>::max();
    Amount value = 0;
    bool tooLarge = false;
    auto accumulate = [&](char c) {
        if (c < '0' || c > '9')
            return false;
        const int digit = c - '0';
        if (tooLarge || value > (kMax - digit) / 10) {
            tooLarge = true; // keep reading: a letter further on is the first thing wrong
            return true;
        }
        value = value * 10 + digit;
        return true;
    };
    for (char c : whole)
        if (!accumulate(c))
            return fail();
    for (int i = 0; i < exponent; ++i)
        if (!accumulate(i < static_cast<int>(fraction.size()) ? fraction[i] : '0'))
            return fail();
    if (tooLarge)
        return Error{fmt::format("\"{}\" is too large to be an amount (at most {})", text,
                                 formatAmount(kMax, exponent))};
    return value;
}

std::string formatAmount(Amount amount, int exponent) {
    const bool negative = amount < 0;
    // Work on the magnitude as unsigned so INT64_MIN is printable too.
    unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(amount)
                                            : static_cast<unsigned long long>(amount);
    unsigned long long scale = 1;
    for (int i = 0; i < exponent; ++i)
        scale *= 10;
    const char* sign = negative ? "-" : "";
    if (exponent == 0)
        return fmt::format("{}{}", sign, magnitude);
    return fmt::format("{}{}.{:0{}}", sign, magnitude / scale, magnitude % scale, exponent);
}

Amount divideRoundHalfEven(WideAmount numerator, WideAmount denominator) {
    WideAmount quotient = numerator / denominator;
    WideAmount remainder = numerator % denominator;
    if (remainder < 0)
        remainder = -remainder;
    const WideAmount twice = remainder * 2;
    if (twice > denominator || (twice == denominator && quotient % 2 != 0))
        quotient += (numerator < 0) ? -1 : 1;
    return static_cast<Amount>(quotient);
}

std::vector<Amount> splitEvenly(Amount total, int parts) {
    std::vector<Amount> result;
    if (parts <= 0)
        return result;
    result.reserve(static_cast<std::size_t>(parts));
    Amount share = divideRoundHalfEven(total, parts);
    // Rounding the share up could leave the last part negative (11 into 7 parts: 2 x 6 =
    // 12 > 11); then the share rounds down and the last part absorbs a positive remainder.
    if (static_cast<WideAmount>(share) * (parts - 1) > total)
        share = static_cast<Amount>(static_cast<WideAmount>(total) / parts);
    Amount assigned = 0;
    for (int i = 0; i + 1 < parts; ++i) {
        result.push_back(share);
        assigned += share;
    }
    result.push_back(total - assigned);
    return result;
}

} // namespace rd

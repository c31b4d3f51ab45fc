#include "demo/demo_amounts.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace rd::demo {
namespace {

struct Rate {
    std::string_view code;
    std::int64_t ugxMilliPerMajor; // rough value of one unit in UGX, times 1000
};

// Rough rates (order of magnitude is what matters: plausible loan sizes).
constexpr std::array kRates = std::to_array<Rate>({
    {"AED", 1'000'000},  {"BHD", 9'800'000}, {"BIF", 1'300},     {"BWP", 270'000},
    {"CDF", 1'300},      {"CHF", 4'200'000}, {"CNY", 510'000},   {"EGP", 75'000},
    {"ETB", 30'000},     {"EUR", 4'000'000}, {"GBP", 4'700'000}, {"GHS", 240'000},
    {"INR", 44'000},     {"JOD", 5'200'000}, {"JPY", 25'000},    {"KES", 28'500},
    {"KWD", 12'000'000}, {"LYD", 760'000},   {"MWK", 2'100},     {"MZN", 58'000},
    {"NGN", 2'400},      {"OMR", 9'600'000}, {"RWF", 2'700},     {"SSP", 1'000},
    {"TND", 1'200'000},  {"TZS", 1'450},     {"UGX", 1'000},     {"USD", 3'700'000},
    {"XAF", 6'100},      {"XOF", 6'100},     {"ZAR", 200'000},   {"ZMW", 140'000},
});

} // namespace

AmountScale::AmountScale(const Currency& currency) : exponent_(std::max(0, currency.exponent)) {
    for (int i = 0; i < exponent_; ++i)
        minorPerMajor_ *= 10;
    const auto it = std::find_if(kRates.begin(), kRates.end(),
                                 [&](const Rate& r) { return r.code == currency.code; });
    if (it != kRates.end())
        ugxMilliPerMajor_ = it->ugxMilliPerMajor;
    else // unknown: without decimals, like UGX; with decimals, like USD
        ugxMilliPerMajor_ = exponent_ == 0 ? 1'000 : 3'700'000;
}

Amount AmountScale::fromUgx(std::int64_t ugx) const {
    const Amount minor = divideRoundHalfEven(static_cast<WideAmount>(ugx) * minorPerMajor_ * 1000,
                                             ugxMilliPerMajor_);
    return std::max<Amount>(minor, 1);
}

Amount AmountScale::stepFor(std::int64_t ugx) const {
    const Amount value = fromUgx(ugx);
    Amount step = 1;
    while (step <= value / 10)
        step *= 10;
    return step * 5 <= value ? step * 5 : step;
}

Amount roundToStep(Amount amount, Amount step) {
    if (amount <= 0)
        return 0;
    return std::max<Amount>(divideRoundHalfEven(amount, step), 1) * step;
}

Amount roundDownToStep(Amount amount, Amount step) {
    return amount / step * step;
}

Amount roundUpToStep(Amount amount, Amount step) {
    return (amount + step - 1) / step * step;
}

Amount applyBasisPoints(Amount amount, std::int64_t basisPoints) {
    return divideRoundHalfEven(static_cast<WideAmount>(amount) * basisPoints, 10000);
}

std::string formatRate(int basisPoints) {
    std::string text = std::to_string(basisPoints / 100);
    const int fraction = basisPoints % 100;
    if (fraction != 0) {
        text.push_back('.');
        text.push_back(static_cast<char>('0' + fraction / 10));
        if (fraction % 10 != 0)
            text.push_back(static_cast<char>('0' + fraction % 10));
    }
    return text;
}

} // namespace rd::demo

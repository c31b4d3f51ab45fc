#pragma once

#include "core/currency.h"
#include "core/money.h"

#include <cstdint>
#include <string>

namespace rd::demo {

// Converts the demo's amounts, thought in Uganda shillings, to the portfolio currency by a
// rough, fixed table of exchange rates (integer arithmetic, half-even rounding), so that
// a KES or USD portfolio has plausible sizes.
class AmountScale {
public:
    explicit AmountScale(const Currency& currency);

    int exponent() const { return exponent_; }
    // `ugx` whole shillings in minor units of the portfolio currency (at least 1).
    Amount fromUgx(std::int64_t ugx) const;
    // A round step for amounts of about `ugx` shillings: the largest 1 or 5 times a power
    // of ten, in minor units, not above the converted amount (at least 1). UGX 50,000 gives
    // 50,000; in KES (about 1,754) it gives 1,000.00.
    Amount stepFor(std::int64_t ugx) const;

private:
    int exponent_ = 0;
    std::int64_t minorPerMajor_ = 1;
    std::int64_t ugxMilliPerMajor_ = 1000; // value of one major unit in UGX, times 1000
};

// Nearest multiple of step (half to even); at least `step` when amount > 0.
Amount roundToStep(Amount amount, Amount step);
Amount roundDownToStep(Amount amount, Amount step);
Amount roundUpToStep(Amount amount, Amount step);
// amount * basisPoints / 10000, half-even.
Amount applyBasisPoints(Amount amount, std::int64_t basisPoints);

// 2400 -> "24", 3050 -> "30.5", 2425 -> "24.25".
std::string formatRate(int basisPoints);

} // namespace rd::demo

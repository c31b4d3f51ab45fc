#include "feasibility.h"

#include <algorithm>

namespace rd {

Amount expectedNetRecovery(const FeasibilityInput& in) {
    WideAmount security = 0;
    for (const auto& c : in.collateral)
        security += c.forcedSaleValue;
    for (const auto& g : in.guarantors)
        security += g.canPay;
    const WideAmount recoverable = std::min<WideAmount>(in.balance, security);
    const WideAmount scaled = recoverable * in.chancePercent;
    // Half away from zero: recoverable and chance are never negative here.
    const WideAmount expected = (scaled + 50) / 100;
    return static_cast<Amount>(expected - in.costs.total());
}

} // namespace rd

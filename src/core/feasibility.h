#pragma once

// The feasibility of legal action (domain.md section 11): what the loan's security could
// bring in, the estimated costs, and the officer's chance of recovery.
#include "money.h"

#include <optional>
#include <string>
#include <vector>

namespace rd {

struct FeasibilityCollateral {
    std::string description;
    Amount marketValue = 0;
    Amount forcedSaleValue = 0;
};

struct FeasibilityGuarantor {
    std::string fullName;
    std::string phone;
    bool reached = false;
    Amount canPay = 0;
};

struct FeasibilityCosts {
    Amount court = 0, lawyer = 0, auctioneer = 0, transport = 0;
    Amount total() const { return court + lawyer + auctioneer + transport; }
};

struct FeasibilityInput {
    Amount balance = 0;
    std::vector<FeasibilityCollateral> collateral;
    std::vector<FeasibilityGuarantor> guarantors;
    FeasibilityCosts costs;
    int chancePercent = 0; // 0..100
};

// min(balance, sum of forced-sale values + sum of guarantors' can-pay) x chance / 100 minus
// the total estimated costs; may be negative. The percentage is rounded half away from zero
// (to the minor unit) before the costs are taken off.
Amount expectedNetRecovery(const FeasibilityInput& in);

} // namespace rd

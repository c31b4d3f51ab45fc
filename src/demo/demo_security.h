#pragma once

#include "core/loan.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rd::demo {

// The guarantors and collateral of one demo loan, as guarantors.csv and collateral.csv rows.
struct DemoGuarantor {
    std::string guarantorId, fullName, phone, nationalId, relationship, address;
};

struct DemoCollateral {
    std::string collateralId, kind, description;
    Amount marketValue = 0, forcedSaleValue = 0;
    Date valuedOn;
    std::string registration;
};

struct DemoSecurity {
    std::vector<DemoGuarantor> guarantors;
    std::vector<DemoCollateral> collateral;
};

// Made from the seed and the loan's position in the portfolio alone (a stream of its own,
// so the other files do not change): one or two guarantors for most loans, collateral for
// about half of them. Values scale with the principal; `exponent` is the currency's.
DemoSecurity makeSecurity(std::uint64_t seed, std::uint64_t loanNumber, const LoanTerms& terms,
                          int exponent);

} // namespace rd::demo

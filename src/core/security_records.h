#pragma once

#include "date.h"
#include "money.h"

#include <optional>
#include <string>

namespace rd {

// A guarantor of one loan, as imported from guarantors.csv.
struct GuarantorRecord {
    std::string guarantorId, loanId, fullName;
    std::string phone, nationalId, relationship, address; // empty when not given
};

// One item of collateral pledged for a loan, as imported from collateral.csv.
struct CollateralRecord {
    std::string collateralId, loanId;
    std::string kind; // land, building, vehicle, equipment, household, savings, other
    std::string description;
    std::optional<Amount> marketValue, forcedSaleValue;
    std::optional<Date> valuedOn;
    std::string registration; // title or registry reference; empty when not given
};

} // namespace rd

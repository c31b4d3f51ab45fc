#pragma once

#include "money.h"

#include <string>
#include <string_view>

namespace rd {

// Money for people (call-list "why" texts, case headers): thousands grouped with ',' and
// exactly `exponent` decimals after '.': 50,000 (UGX), 1,250.50 (KES), 12.500 (KWD).
// Negative amounts get a leading '-'. Not for data files (see formatAmount).
std::string formatAmountGrouped(Amount amount, int exponent);

// "UGX 50,000": the currency code, a space and the grouped amount.
std::string formatMoneyText(std::string_view currencyCode, Amount amount, int exponent);

} // namespace rd

#pragma once

#include "core/loan.h"

#include <string>
#include <string_view>

namespace rd::storage {

// A compact binary copy of one loan as the engine needs it for portfolio figures: terms,
// schedule, charges and payments (without payment method and reference). Stored per loan
// in `loan_ledgers` so a portfolio run reads one small row per loan instead of every
// schedule and payment row. Integers are LEB128 varints, dates zigzag deltas.
void encodeLedger(const LoanLedger& loan, std::string& out);
// False if `data` is not a ledger of this format version.
bool decodeLedger(std::string_view data, LoanLedger& loan);

} // namespace rd::storage

#pragma once

#include "date.h"
#include "loan.h"
#include "money.h"
#include "result.h"

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace rd {

// An officer's day at the desk (recovery-rules.md, "End of day"): open while they take
// payments, closed when they have counted the cash, signed off by a supervisor; a
// supervisor may reopen a closed or signed-off day (with a reason), and it is open again.
enum class DayState { Open, Closed, SignedOff };
std::string_view toString(DayState state); // "open", "closed", "signed_off"

// What the day sheet needs of one receipt.
struct DayReceipt {
    PaymentMethod method = PaymentMethod::Cash;
    Amount amount = 0;
    Date takenOn;                   // the business date it was taken
    std::optional<Date> reversedOn; // the reversal's date, if reversed
};

struct MethodTotal {
    PaymentMethod method = PaymentMethod::Cash;
    int count = 0;
    Amount total = 0;
};

inline constexpr PaymentMethod kDayMethods[] = {PaymentMethod::Cash, PaymentMethod::Cheque,
                                                PaymentMethod::BankTransfer,
                                                PaymentMethod::MobileMoney, PaymentMethod::Other};

// The figures of one officer's day.
struct DaySummary {
    // One entry for each method, in kDayMethods order, also when nothing was taken with it.
    std::array<MethodTotal, 5> byMethod;
    int receiptCount = 0; // taken that day, reversed since or not
    Amount received = 0;
    int reversalCount = 0; // reversed that day, whenever taken
    Amount reversed = 0;
    // The cash that should be in the drawer: cash taken that day less the cash of those
    // receipts reversed the same day (a payment taken by mistake and taken again is one
    // amount of money). A receipt reversed on a later day stays in the day it was taken.
    Amount cashExpected = 0;
};

// Sums `receipts` (the officer's receipts taken on `day` or reversed on `day`) for `day`.
DaySummary summarizeDay(Date day, const std::vector<DayReceipt>& receipts);

// The cash counted against the cash expected: a difference (either way) needs a reason.
// Counted cash is not negative nor above kMaxAmount.
std::optional<Error> checkCashCount(Amount expected, Amount counted, std::string_view reason);

} // namespace rd

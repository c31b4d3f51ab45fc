#include "day_close.h"

namespace rd {

std::string_view toString(DayState state) {
    switch (state) {
    case DayState::Open:
        return "open";
    case DayState::Closed:
        return "closed";
    case DayState::SignedOff:
        return "signed_off";
    }
    return "open";
}

DaySummary summarizeDay(Date day, const std::vector<DayReceipt>& receipts) {
    DaySummary s;
    for (std::size_t i = 0; i < s.byMethod.size(); ++i)
        s.byMethod[i].method = kDayMethods[i];
    for (const auto& r : receipts) {
        const bool cash = r.method == PaymentMethod::Cash;
        if (r.takenOn == day) {
            for (auto& m : s.byMethod)
                if (m.method == r.method) {
                    ++m.count;
                    m.total += r.amount;
                }
            ++s.receiptCount;
            s.received += r.amount;
            if (cash)
                s.cashExpected += r.amount;
        }
        if (r.reversedOn == day) {
            ++s.reversalCount;
            s.reversed += r.amount;
            if (cash && r.takenOn == day)
                s.cashExpected -= r.amount;
        }
    }
    return s;
}

std::optional<Error> checkCashCount(Amount expected, Amount counted, std::string_view reason) {
    if (counted < 0)
        return Error{"the cash counted cannot be negative (count the notes and coins in the "
                     "drawer; 0 when there is none)"};
    if (counted > kMaxAmount)
        return Error{"the cash counted is more than the largest amount accepted; check it"};
    const bool explained = reason.find_first_not_of(" \t\r\n") != std::string_view::npos;
    if (counted != expected && !explained)
        return Error{counted > expected ? "the cash counted is more than the cash received: a "
                                          "difference needs a reason (what happened)"
                                        : "the cash counted is less than the cash received: a "
                                          "difference needs a reason (what happened)",
                     ErrorKind::Invalid, Hint::GiveReason};
    return std::nullopt;
}

} // namespace rd

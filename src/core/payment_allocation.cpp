#include "payment_allocation.h"

namespace rd {

PaymentAllocation previewAllocation(const LoanLedger& loan, const Payment& payment, Date asOf,
                                    const DelinquencyPolicy& policy) {
    PaymentAllocation out;
    PositionCalculator calc(policy);
    out.before = calc.compute(loan, asOf);
    ComponentAmounts paidBefore;
    for (const InstallmentState& s : calc.installments())
        paidBefore += s.paid;

    LoanLedger with = loan;
    with.payments.push_back(payment);
    out.after = calc.compute(with, asOf);
    ComponentAmounts paidAfter;
    for (const InstallmentState& s : calc.installments())
        paidAfter += s.paid;

    out.allocated = paidAfter - paidBefore;
    out.toCreditBalance = out.after.creditBalance - out.before.creditBalance;
    return out;
}

} // namespace rd

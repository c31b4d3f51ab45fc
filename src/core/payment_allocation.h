#pragma once

#include "loan.h"
#include "loan_position.h"

namespace rd {

// What one payment does to a loan (domain.md section 3): how much of it goes to each
// component and how much is left over as credit balance, with the loan's position without
// and with it. Shown before a payment is taken at the desk and printed on its receipt.
struct PaymentAllocation {
    ComponentAmounts allocated;
    Amount toCreditBalance = 0;
    LoanPosition before; // as of `asOf`, without the payment
    LoanPosition after;  // as of `asOf`, with it
};

// Replays `loan` as of `asOf` without and with `payment` and diffs the installments' paid
// amounts, so the payment is placed among the loan's other events exactly as the engine
// places it (a back-dated payment can change what a later payment paid; the difference is
// what this payment did). `payment` must not already be in `loan.payments`. A payment that
// does not count on `asOf` (dated later, or reversed by then) allocates nothing.
// allocated.total() + toCreditBalance == payment.amount when it counts.
PaymentAllocation previewAllocation(const LoanLedger& loan, const Payment& payment, Date asOf,
                                    const DelinquencyPolicy& policy);

} // namespace rd

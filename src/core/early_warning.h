#pragma once

#include "contact.h"
#include "loan.h"
#include "loan_position.h"
#include "promise_to_pay.h"

#include <optional>
#include <string>
#include <vector>

namespace rd {

// Thresholds of the early-warning signs (domain.md section 6); settings.
struct EarlyWarningPolicy {
    int partialInstallments = 2;   // partial payments on this many latest installments
    int brokenPromises = 2;        // this many broken promises or more
    int bucketLookaheadDays = 3;   // DPD crosses a bucket boundary within this many days
    int noContactDays = 14;        // no successful contact for this many days or more
    int reversalLookbackDays = 30; // a payment reversed this many days ago or less
};

// A successful or unsuccessful contact, as far as the signs care.
struct ContactOutcomeAt {
    DateTime at;
    ContactOutcome outcome = ContactOutcome::Other;
};

struct EarlyWarningFlag {
    // first_installment_missed, partial_payments, broken_promises, bucket_roll, no_contact,
    // payment_reversed
    std::string code;
    std::string text; // "Rolls into 31-60 in 2 days"
    friend bool operator==(const EarlyWarningFlag&, const EarlyWarningFlag&) = default;
};

struct EarlyWarningInput {
    const LoanLedger* loan = nullptr;
    Date asOf;
    std::string currencyCode; // for amounts in the texts
    int currencyExponent = 2;
    std::vector<PromiseStatus> promiseStatuses; // of all the loan's promises, evaluated asOf
    std::vector<ContactOutcomeAt> contacts;     // the loan's contacts
    std::optional<Date> caseOpenedOn;           // start of the no-contact count
};

// The early-warning signs of an active loan as of the date, in the order of the codes
// above; none for a loan that is not active. Rules:
// - first_installment_missed: the first installment is overdue (due before the date and
//   more than the arrears tolerance unpaid);
// - partial_payments: for each of the latest `partialInstallments` installments due before
//   the date, the payments (not reversed) made in its period - from the day after the
//   previous due date (disbursement day for the first) to its due date - are more than 0
//   and less than its scheduled amount (principal + interest + fee). Allocation is oldest
//   first, so the sign is read from the payments, not from what the installments show;
// - broken_promises: at least `brokenPromises` promises are broken (partial ones are not
//   counted: the client paid something);
// - bucket_roll: DPD > 0 and the loan passes the upper bound of its bucket within
//   `bucketLookaheadDays` days if nothing is paid;
// - no_contact: the later of the last successful contact (reached, promised, paid) and the
//   case opening is `noContactDays` or more days ago (no flag when there is neither);
// - payment_reversed: a payment was reversed within the last `reversalLookbackDays` days
//   (0..N days ago).
std::vector<EarlyWarningFlag> earlyWarnings(const EarlyWarningInput& input,
                                            PositionCalculator& calc,
                                            const EarlyWarningPolicy& policy = {});

} // namespace rd

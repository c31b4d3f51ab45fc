#pragma once

#include "loan.h"

#include <string>
#include <vector>

namespace rd {

// A way in which a loan's data breaks the import contract (interchange.md section 1).
struct LedgerProblem {
    enum class Subject { Terms, Schedule, Charge, Payment };
    Subject subject = Subject::Terms;
    int installmentNumber = 0; // the installment concerned, if any
    std::string column;        // the CSV column the problem is about
    std::string message; // what is wrong and what is expected
};

// Checks a whole loan: a schedule numbered 1..n without gaps, due dates strictly increasing
// and after disbursement, principal parts summing to the principal; charges on existing
// installments and not before disbursement; payments not before disbursement and reversals
// not before the payment; a write-off not before disbursement.
std::vector<LedgerProblem> checkLedger(const LoanLedger& loan, int currencyExponent);

} // namespace rd

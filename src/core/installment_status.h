#pragma once

#include "loan_position.h"

namespace rd {

// How an installment of the schedule stands on a date, for the case file's schedule tab.
enum class InstallmentStatus {
    Paid,     // nothing left unpaid
    Overdue,  // due before the date with more than the arrears tolerance unpaid
    PartPaid, // something paid, something left, not overdue
    Due,      // falls due on or after the date, nothing paid yet
};
const char* toString(InstallmentStatus status); // paid, overdue, part_paid, due

// An installment due before `asOf` with at most `tolerance` unpaid counts as paid, as the
// delinquency rules treat it (domain.md section 4).
InstallmentStatus installmentStatus(const InstallmentState& installment, Date asOf,
                                    Amount tolerance = 0);

} // namespace rd

#pragma once

#include "loan.h"
#include "loan_position.h"
#include "repayment_plan.h"
#include "result.h"
#include "schedule_calculator.h"

#include <vector>

namespace rd {

// What a reschedule from S starts from (domain.md section 9b), read from the loan as of S.
struct RescheduleBase {
    Date start;
    Amount outstandingPrincipal = 0;
    // Unpaid interest, fees and penalties of the installments due before S (their unpaid
    // principal is in the outstanding principal).
    ComponentAmounts unpaidBefore;
    // Every old installment frozen at what had been paid on it as of S (charges made up to S
    // included): the history the new schedule follows.
    std::vector<Installment> kept;

    // The amount the calculator reschedules: with `capitalise` the unpaid interest, fees and
    // penalties join the principal; otherwise they are added to the first new installment.
    Amount amount(bool capitalise) const {
        return outstandingPrincipal +
               (capitalise ? unpaidBefore.interest + unpaidBefore.fees + unpaidBefore.penalties
                           : 0);
    }
};

// Refused when the loan is not active as of S or has no principal left to reschedule.
Result<RescheduleBase> rescheduleBase(const LoanLedger& loan, Date start,
                                      const DelinquencyPolicy& policy);

// The loan's schedule from S: the kept installments, then the calculator's (numbered on
// from the old ones; the first takes the unpaid interest, fees and penalties component by
// component when they are not capitalised).
LocalReschedule composeReschedule(const RescheduleBase& base, bool capitalise,
                                  const ComputedSchedule& computed);

// The loan's schedule from S out of a proposal's stored new installments (their parts hold
// what the calculator and the carried unpaid amounts made them): the kept installments, then
// these, numbered on.
LocalReschedule composeReschedule(const RescheduleBase& base,
                                  const std::vector<PlanInstallment>& newInstallments);

// The new installments of a composed reschedule as plan installments (1..m), with parts.
std::vector<PlanInstallment> rescheduleInstallments(const LocalReschedule& reschedule);

} // namespace rd

#pragma once

#include "core/date.h"
#include "core/loan.h"
#include "core/money.h"

#include <vector>

namespace rd::demo {

enum class Frequency { Weekly, Biweekly, Monthly };
enum class InterestMethod { Flat, Declining };

const char* toString(Frequency frequency);
const char* toString(InterestMethod method);
int periodsPerYear(Frequency frequency);
// Rough length of one period in days (7, 14, 30).
int periodDays(Frequency frequency);

struct ScheduleTerms {
    Amount principal = 0;
    Date disbursedOn;
    int installments = 1;
    Frequency frequency = Frequency::Monthly;
    // The first installment falls due after this many periods (a seasonal grace period
    // for agricultural loans); the others one period apart.
    int firstDueAfterPeriods = 1;
    InterestMethod method = InterestMethod::Flat;
    int annualRateBasisPoints = 0;
    Amount feePerInstallment = 0;
};

// Builds the repayment schedule, in integers only:
// - principal: equal parts (rd::splitEvenly, the last part absorbs the remainder);
// - flat: total interest = principal x rate x term (in years), split evenly;
// - declining: interest on the balance outstanding during each period, half-even.
// Due dates are strictly after disbursement and strictly increasing.
void buildSchedule(const ScheduleTerms& terms, std::vector<Installment>& out);

} // namespace rd::demo

#include "demo/demo_schedule.h"

namespace rd::demo {

const char* toString(Frequency frequency) {
    switch (frequency) {
    case Frequency::Weekly:
        return "weekly";
    case Frequency::Biweekly:
        return "biweekly";
    case Frequency::Monthly:
        return "monthly";
    }
    return "monthly";
}

const char* toString(InterestMethod method) {
    return method == InterestMethod::Flat ? "flat" : "declining";
}

int periodsPerYear(Frequency frequency) {
    switch (frequency) {
    case Frequency::Weekly:
        return 52;
    case Frequency::Biweekly:
        return 26;
    case Frequency::Monthly:
        return 12;
    }
    return 12;
}

int periodDays(Frequency frequency) {
    switch (frequency) {
    case Frequency::Weekly:
        return 7;
    case Frequency::Biweekly:
        return 14;
    case Frequency::Monthly:
        return 30;
    }
    return 30;
}

namespace {

Date dueDate(const ScheduleTerms& t, int period) {
    switch (t.frequency) {
    case Frequency::Weekly:
        return t.disbursedOn.addDays(7 * period);
    case Frequency::Biweekly:
        return t.disbursedOn.addDays(14 * period);
    case Frequency::Monthly:
        return t.disbursedOn.addMonths(period);
    }
    return t.disbursedOn.addMonths(period);
}

} // namespace

void buildSchedule(const ScheduleTerms& t, std::vector<Installment>& out) {
    out.clear();
    const int n = t.installments;
    const int grace = t.firstDueAfterPeriods < 1 ? 1 : t.firstDueAfterPeriods;
    const std::vector<Amount> principalParts = splitEvenly(t.principal, n);
    const WideAmount yearDenominator = static_cast<WideAmount>(10000) * periodsPerYear(t.frequency);

    std::vector<Amount> flatInterest;
    if (t.method == InterestMethod::Flat) {
        const int termPeriods = n + grace - 1;
        const Amount total = divideRoundHalfEven(static_cast<WideAmount>(t.principal) *
                                                     t.annualRateBasisPoints * termPeriods,
                                                 yearDenominator);
        flatInterest = splitEvenly(total, n);
    }

    Amount outstanding = t.principal;
    for (int i = 0; i < n; ++i) {
        Installment inst;
        inst.number = i + 1;
        inst.dueDate = dueDate(t, grace + i);
        inst.principalDue = principalParts[static_cast<std::size_t>(i)];
        if (t.method == InterestMethod::Flat) {
            inst.interestDue = flatInterest[static_cast<std::size_t>(i)];
        } else {
            const int periods = i == 0 ? grace : 1;
            inst.interestDue = divideRoundHalfEven(static_cast<WideAmount>(outstanding) *
                                                       t.annualRateBasisPoints * periods,
                                                   yearDenominator);
        }
        inst.feeDue = t.feePerInstallment;
        outstanding -= inst.principalDue;
        out.push_back(inst);
    }
}

} // namespace rd::demo

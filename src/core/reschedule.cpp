#include "reschedule.h"

#include <fmt/format.h>

namespace rd {

Result<RescheduleBase> rescheduleBase(const LoanLedger& loan, Date start,
                                      const DelinquencyPolicy& policy) {
    PositionCalculator calc(policy);
    const LoanPosition pos = calc.compute(loan, start);
    if (pos.status != LoanStatus::Active)
        return Error{fmt::format("loan {} is {} as of {}: only an active loan can be rescheduled",
                                 loan.terms.loanId, toString(pos.status), start.toString()),
                     ErrorKind::Conflict};
    if (pos.outstandingPrincipal <= 0)
        return Error{fmt::format("loan {} has no principal left as of {} to reschedule",
                                 loan.terms.loanId, start.toString()),
                     ErrorKind::Conflict};
    RescheduleBase base;
    base.start = start;
    base.outstandingPrincipal = pos.outstandingPrincipal;
    for (const InstallmentState& s : calc.installments()) {
        if (s.dueDate < start) {
            const ComponentAmounts unpaid = s.unpaid();
            base.unpaidBefore.interest += unpaid.interest;
            base.unpaidBefore.fees += unpaid.fees;
            base.unpaidBefore.penalties += unpaid.penalties;
        }
        Installment kept;
        kept.number = s.number;
        kept.dueDate = s.dueDate;
        kept.principalDue = s.paid.principal;
        kept.interestDue = s.paid.interest;
        kept.feeDue = s.paid.fees;
        kept.penaltyDue = s.paid.penalties;
        base.kept.push_back(kept);
    }
    return base;
}

LocalReschedule composeReschedule(const RescheduleBase& base, bool capitalise,
                                  const ComputedSchedule& computed) {
    LocalReschedule r;
    r.start = base.start;
    r.schedule = base.kept;
    r.firstNew = r.schedule.size();
    int number = r.schedule.empty() ? 0 : r.schedule.back().number;
    for (const ScheduleLine& line : computed.installments) {
        Installment i;
        i.number = ++number;
        i.dueDate = line.dueDate;
        i.principalDue = line.principal;
        i.interestDue = line.interest;
        if (!capitalise && r.schedule.size() == r.firstNew) {
            i.interestDue += base.unpaidBefore.interest;
            i.feeDue += base.unpaidBefore.fees;
            i.penaltyDue += base.unpaidBefore.penalties;
        }
        r.schedule.push_back(i);
    }
    return r;
}

LocalReschedule composeReschedule(const RescheduleBase& base,
                                  const std::vector<PlanInstallment>& newInstallments) {
    LocalReschedule r;
    r.start = base.start;
    r.schedule = base.kept;
    r.firstNew = r.schedule.size();
    int number = r.schedule.empty() ? 0 : r.schedule.back().number;
    for (const PlanInstallment& p : newInstallments) {
        Installment i;
        i.number = ++number;
        i.dueDate = p.dueDate;
        i.principalDue = p.parts.principal;
        i.interestDue = p.parts.interest;
        i.feeDue = p.parts.fees;
        i.penaltyDue = p.parts.penalties;
        r.schedule.push_back(i);
    }
    return r;
}

std::vector<PlanInstallment> rescheduleInstallments(const LocalReschedule& reschedule) {
    std::vector<PlanInstallment> out;
    for (std::size_t k = reschedule.firstNew; k < reschedule.schedule.size(); ++k) {
        const Installment& i = reschedule.schedule[k];
        PlanInstallment p;
        p.n = static_cast<int>(out.size()) + 1;
        p.dueDate = i.dueDate;
        p.parts = {i.principalDue, i.interestDue, i.feeDue, i.penaltyDue};
        p.amount = p.parts.total();
        out.push_back(p);
    }
    return out;
}

} // namespace rd

#include "plan_standing.h"

namespace rd {

PlanStanding planStanding(const PlanRecord& plan, const std::vector<Payment>& payments, Date asOf) {
    PlanStanding s;
    int approvals = 0;
    const PlanDecisionRecord* ending = nullptr;
    for (const PlanDecisionRecord& d : plan.decisions) {
        if (d.businessDate > asOf)
            continue;
        if (d.decision == "approved") {
            if (++approvals == plan.approvalsNeeded)
                s.activatedOn = d.businessDate;
        } else if (!ending) {
            ending = &d;
        }
    }
    if (s.activatedOn) {
        s.score = scorePlan(plan.installments, plan.start, plan.graceDays, payments, asOf);
        s.status = s.score.status;
    }
    if (ending)
        s.status = ending->decision == "rejected"    ? PlanStatus::Rejected
                   : ending->decision == "withdrawn" ? PlanStatus::Withdrawn
                                                     : PlanStatus::Cancelled;
    return s;
}

std::optional<CurrentPlan> currentPlan(const std::vector<PlanRecord>& plans,
                                       const std::vector<Payment>& payments, Date asOf) {
    std::optional<CurrentPlan> best;
    for (const PlanRecord& p : plans) {
        PlanStanding s = planStanding(p, payments, asOf);
        if (!s.activatedOn || s.status == PlanStatus::Cancelled ||
            s.status == PlanStatus::Rejected || s.status == PlanStatus::Withdrawn)
            continue;
        if (!best || *s.activatedOn > *best->standing.activatedOn ||
            (*s.activatedOn == *best->standing.activatedOn && p.id > best->plan->id))
            best = CurrentPlan{&p, std::move(s)};
    }
    return best;
}

} // namespace rd

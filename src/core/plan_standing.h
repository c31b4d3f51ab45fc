#pragma once

#include "plan_records.h"

#include <optional>
#include <vector>

namespace rd {

// Where a plan stands on a date (domain.md 9c), from the decisions taken by then and the
// loan's payments: proposed until its last needed approval, then scored (active, broken,
// completed), unless rejected, withdrawn or cancelled by then.
struct PlanStanding {
    PlanStatus status = PlanStatus::Proposed;
    std::optional<Date> activatedOn; // the business date of the approval that made it active
    PlanScore score;                 // once active
};
PlanStanding planStanding(const PlanRecord& plan, const std::vector<Payment>& payments, Date asOf);

// The plan a loan follows on a date: of its plans activated by then and not ended, the one
// activated last (the higher id on the same day). None when there is none.
struct CurrentPlan {
    const PlanRecord* plan = nullptr;
    PlanStanding standing;
};
std::optional<CurrentPlan> currentPlan(const std::vector<PlanRecord>& plans,
                                       const std::vector<Payment>& payments, Date asOf);

} // namespace rd

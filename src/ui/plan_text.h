#pragma once

#include "core/currency.h"
#include "core/plan_records.h"
#include "desk_session.h"
#include "display_text.h"

#include <QString>

namespace rd::ui {

// The plan limits in force (settings plan_waiver_limit_percent, plan_max_share_of_surplus),
// read when a plan screen loads; the defaults when the settings cannot be read.
struct PlanLimits {
    int waiverLimitPercent = 25;
    int maxShareOfSurplus = 50;
};
PlanLimits loadPlanLimits(const DeskServices& services, const User& user);

// Words shared by the plan approvals, the case file's plans and the printed confirmation.

// "30.2%": the waiver as a share of the balance, one decimal (exact integer arithmetic).
QString waiverShareText(const PlanRecord& plan);
// "30.2% (limit 25%)", "none" without a waiver.
QString waiverAgainstLimitText(const PlanRecord& plan, const PlanLimits& limits);
// "0 of 2", "1 of 2", "1 of 1".
QString approvalsText(const PlanRecord& plan);
// "45,000 a month, allowed 60,000" / "... above the allowed 30,000" / "no budget" / "no
// surplus in the budget".
QString affordabilityText(const PlanRecord& plan, const PlanLimits& limits,
                          const Currency& currency);
// Whether the monthly amount is above the allowed share (or there is no budget surplus).
bool aboveAllowedShare(const PlanRecord& plan, const PlanLimits& limits);
// A decision in words: "approved by Mary Auma (sup.kampala-central) on 27/11/2026: fair".
QString planDecisionText(const PlanDecisionRecord& decision, const FullNames& names);
// The words of a stored decision code ("approved", "rejected", "withdrawn", "cancelled").
QString planDecisionWord(const std::string& decision);
// The status as a list shows it: "waiting for approval (1 of 2 approvals)", "active", ...
QString planStatusLine(PlanStatus status, const PlanRecord& plan);

} // namespace rd::ui

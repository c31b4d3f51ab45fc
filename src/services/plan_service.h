#pragma once

#include "core/clock.h"
#include "core/plan_records.h"
#include "core/repayment_plan.h"
#include "core/result.h"
#include "core/schedule_calculator.h"
#include "core/user.h"
#include "storage_fwd.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::services {

// What an officer puts forward (domain.md section 9b). An arrangement or settlement gives its
// dated amounts; a reschedule gives the calculator's terms (the amount is the loan's, as of
// the start) and whether to capitalise.
struct PlanProposal {
    std::string loanId;
    PlanKind kind = PlanKind::Arrangement;
    std::optional<Date> start; // default: the business date
    std::vector<PlanInstallment> installments;
    std::optional<ScheduleInput> reschedule;
    bool capitalise = false;
    std::string note;
    std::string affordabilityReason;
};

// A proposal worked out against the loan and the client's budget, before or after saving.
struct PlanDraft {
    PlanKind kind = PlanKind::Arrangement;
    Date start;
    std::vector<PlanInstallment> installments;
    Amount total = 0;
    Amount balance = 0;       // outstanding principal + unpaid interest, fees, penalties before S
    Amount arrears = 0;       // as of S
    Amount waived = 0;        // a settlement's
    Amount waiverLimit = 0;   // plan_waiver_limit_percent of the balance
    int approvalsNeeded = 1;  // 2 when the waiver is above the limit
    Amount monthlyAmount = 0; // monthlyPlanAmount
    std::optional<BudgetRecord> budget;
    std::optional<Amount> allowedMonthly; // plan_max_share_of_surplus of the surplus
    bool needsAffordabilityReason = false;
    std::vector<PlanProblem> problems; // the plan cannot be proposed while there are any
    std::vector<std::string> warnings;
    // A reschedule's loan schedule from S (kept rows, then the new ones).
    std::optional<LocalReschedule> schedule;
    Amount rescheduledAmount = 0;
};

// A plan with where it stands as of a date.
struct PlanView {
    PlanRecord plan;
    PlanStatus status = PlanStatus::Proposed;
    PlanScore score; // for an approved plan
    std::string clientName;
    std::string branch;
    std::optional<Date> activatedOn; // the business date of the approval that made it active
    std::optional<PlanWaiverRecord> waiver;
    std::optional<BudgetRecord> budget;
};

// An approved reschedule or a completed settlement for posting in the core banking system.
struct PlanExportRow {
    PlanView view;
    Date postedOn; // approval (reschedule) or waiver (settlement) date
};

// Repayment plans and budgets (domain.md section 9): proposed by the officer working the
// case (or a supervisor of the branch), approved or rejected by a supervisor of the branch
// who did not propose it, two different supervisors above the waiver limit. Every write is
// one transaction and audited.
class PlanService {
public:
    PlanService(storage::Database& db, Clock clock = {});

    // Works the proposal out without saving anything; the actor must be able to propose.
    Result<PlanDraft> draft(const User& actor, const PlanProposal& proposal, Date businessDate);
    // The arrangement the editor proposes (repayment_plan.h proposeArrangement): the arrears
    // as of `start` in `parts` parts plus the regular installments of each part's period.
    Result<std::vector<PlanInstallment>> arrangementFor(const User& actor, std::string_view loanId,
                                                        Date start, int parts, int every,
                                                        bool months);
    Result<PlanView> propose(const User& actor, const PlanProposal& proposal, Date businessDate);
    Result<PlanView> approve(const User& actor, std::int64_t planId, std::string comment,
                             Date businessDate);
    Result<PlanView> reject(const User& actor, std::int64_t planId, std::string comment,
                            Date businessDate);
    // By whoever proposed it or a supervisor of the branch, while it waits for approval.
    Result<PlanView> withdraw(const User& actor, std::int64_t planId, std::string reason,
                              Date businessDate);

    Result<PlanView> show(const User& actor, std::int64_t planId, Date asOf);
    // Plans of the loans the actor may read, oldest first; filtered by loan and status.
    Result<std::vector<PlanView>> list(const User& actor, const std::optional<std::string>& loanId,
                                       std::optional<PlanStatus> status, Date asOf);
    // Approved reschedules (by approval date) and completed settlements (by waiver date) on
    // or after `since`.
    Result<std::vector<PlanExportRow>> exportSince(const User& actor, Date since);

    // A new budget worksheet for the client, by an officer or supervisor of the client's
    // branch (a budget belongs to the household, not to one case: the client may have no
    // open case yet); lines with a name and a monthly amount >= 0, at least one income.
    Result<BudgetRecord> setBudget(const User& actor, std::string_view clientId,
                                   std::vector<BudgetLine> lines, Date businessDate,
                                   std::string note = {});
    Result<std::optional<BudgetRecord>> latestBudget(const User& actor, std::string_view clientId,
                                                     Date asOf);
    // All of the client's budget worksheets, newest first (the case file's budget history);
    // needs ReadBranch in the client's branch.
    Result<std::vector<BudgetRecord>> budgetsOfClient(const User& actor, std::string_view clientId);

private:
    storage::Database& db_;
    Clock clock_;
};

} // namespace rd::services

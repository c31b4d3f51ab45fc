#pragma once

#include "loan.h"
#include "loan_position.h"
#include "result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd {

// Repayment plans (domain.md section 9b-9c).
enum class PlanKind { Arrangement, Reschedule, Settlement };
enum class PlanStatus { Proposed, Rejected, Withdrawn, Active, Cancelled, Broken, Completed };
enum class PlanInstallmentStatus { Pending, Kept, Broken };

// arrangement, reschedule, settlement
const char* toString(PlanKind kind);
std::optional<PlanKind> planKindFromString(std::string_view text);
// proposed, rejected, withdrawn, active, cancelled, broken, completed
const char* toString(PlanStatus status);
std::optional<PlanStatus> planStatusFromString(std::string_view text);
// pending, kept, broken
const char* toString(PlanInstallmentStatus status);

// One dated amount the client agreed to pay. A reschedule's installments also carry the
// components of the new loan schedule.
struct PlanInstallment {
    int n = 0;
    Date dueDate;
    Amount amount = 0;
    ComponentAmounts parts; // reschedule only
};

Amount planTotal(const std::vector<PlanInstallment>& installments);

// Where a plan stands as of a date, scored like promises (section 8), cumulatively:
// installment j is kept when payments dated from the start to D_j + grace (made by asOf and
// not reversed as of asOf) sum to at least the plan's amounts through j; broken when they do
// not and D_j + grace has passed. The plan is broken at its first broken installment and
// completed when its last one is kept.
struct PlanScore {
    PlanStatus status = PlanStatus::Active;
    std::vector<PlanInstallmentStatus> installments;
    Amount paid = 0;                 // payments from the start counted as of asOf
    std::optional<std::size_t> next; // the first installment not kept
    std::optional<Date> brokenOn;    // deadline of the first broken installment + 1
};
PlanScore scorePlan(const std::vector<PlanInstallment>& installments, Date start, int graceDays,
                    const std::vector<Payment>& payments, Date asOf);

// The balance a waiver is measured against (section 9c): outstanding principal as of S plus
// the unpaid interest, fees and penalties of installments due before S.
Amount planBalance(const LoanPosition& positionAtStart);

// A problem with one installment row of a plan (or the whole list when row is none), in
// words that say what to change.
struct PlanProblem {
    std::optional<std::size_t> row;
    std::string column; // "due_date", "amount" or "" for the whole plan
    std::string message;
};

// Checks an edited installment list: at least one row, dates strictly increasing and not
// before the start, every amount above 0, and a total of at least `minimumTotal`.
std::vector<PlanProblem> checkPlanInstallments(const std::vector<PlanInstallment>& installments,
                                               Date start, Amount minimumTotal, int exponent);

// Due dates of a plan in parts: the start plus i periods of k weeks or months, from one anchor
// (a day the month does not have falls back to its last day).
std::vector<Date> planDates(Date start, int parts, int every, bool months);

// The arrangement the editor proposes (section 9b): the arrears as of S split into N parts
// every k weeks or months, plus the unpaid regular installments falling due in each part's
// period (after the previous part's date, up to its own). A part that would be 0 is left
// out, so there may be fewer than N (none when there is nothing to pay).
std::vector<PlanInstallment> proposeArrangement(const std::vector<InstallmentState>& atStart,
                                                Date start, Amount arrears, int parts, int every,
                                                bool months);

// A settlement of `total` in `parts` dated parts (one sum when parts is 1, due `payBy`).
std::vector<PlanInstallment> proposeSettlement(Amount total, Date start, int parts, int every,
                                               bool months);

// A plan's installments as a monthly amount (section 9c), the heaviest of them: each
// installment over the time since the one before (the start for the first). A gap of 1 to 3
// whole weeks is weekly money (amount x 52 / (12 x weeks)); any other gap counts in months
// (days / 30.4375 rounded, at least 1), amount / months. A plan of one sum is saved up
// for: always counted in months.
Amount monthlyPlanAmount(const std::vector<PlanInstallment>& installments, Date start);

} // namespace rd

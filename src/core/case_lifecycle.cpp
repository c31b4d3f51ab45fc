#include "case_lifecycle.h"

#include <algorithm>
#include <fmt/format.h>
#include <vector>

namespace rd {

const char* toString(CaseAction action) {
    switch (action) {
    case CaseAction::Keep:
        return "keep";
    case CaseAction::Open:
        return "open";
    case CaseAction::CloseCured:
        return "close-cured";
    case CaseAction::ClosePaid:
        return "close-paid";
    case CaseAction::MoveToPostWriteOff:
        return "move-to-post-write-off";
    case CaseAction::CloseSettled:
        return "close-settled";
    }
    return "keep";
}

std::optional<Date> currentSince(const LoanLedger& loan, Date asOf, PositionCalculator& calc) {
    if (calc.compute(loan, asOf).daysPastDue != 0)
        return std::nullopt;
    // DPD changes only on event dates: due date + 1, payment, charge and reversal dates.
    // Of these, due dates, charges and reversals can only add to what is overdue; only a
    // payment can bring DPD from non-zero back to 0. So an unbroken current run that ends
    // on asOf starts on a payment date (or at the very beginning), and those are the only
    // candidates to look at.
    std::vector<Date> changes;
    changes.reserve(loan.payments.size());
    for (const Payment& p : loan.payments)
        if (p.paidOn <= asOf)
            changes.push_back(p.paidOn);
    for (const LocalReschedule& r : loan.reschedules)
        if (r.start <= asOf)
            changes.push_back(r.start);
    std::sort(changes.begin(), changes.end());
    changes.erase(std::unique(changes.begin(), changes.end()), changes.end());

    Date earliest = loan.terms.disbursedOn;
    if (!changes.empty())
        earliest = std::min(earliest, changes.front());
    // Walk back over the payment dates, newest first: DPD is zero from `since` to asOf; if
    // it is non-zero the day before `since`, the run starts at `since`.
    auto it = changes.end();
    while (it != changes.begin()) {
        --it;
        const Date since = *it;
        if (calc.compute(loan, since.addDays(-1)).daysPastDue != 0)
            return since;
    }
    return std::min(earliest, asOf);
}

CaseDecision decideCase(const LoanLedger& loan, const std::optional<OpenCaseState>& openCase,
                        Date asOf, const CasePolicy& policy, PositionCalculator& calc) {
    CaseDecision d;
    d.position = calc.compute(loan, asOf);
    const LoanPosition& pos = d.position;
    d.stage = suggestedStage(pos.daysPastDue, pos.status);

    if (!openCase) {
        const bool eligible =
            pos.status == LoanStatus::Active || pos.status == LoanStatus::WrittenOff;
        if (eligible && pos.daysPastDue >= std::max(1, policy.openAtDpd)) {
            d.action = CaseAction::Open;
            d.reason = fmt::format("{} day{} past due (a case opens at {})", pos.daysPastDue,
                                   pos.daysPastDue == 1 ? "" : "s", std::max(1, policy.openAtDpd));
        }
        return d;
    }

    switch (pos.status) {
    case LoanStatus::PaidOff:
        d.action = CaseAction::ClosePaid;
        d.reason = "Loan paid off";
        return d;
    case LoanStatus::WrittenOff:
        if (openCase->stage != CaseStage::PostWriteOff) {
            d.action = CaseAction::MoveToPostWriteOff;
            d.stage = CaseStage::PostWriteOff;
            d.reason = fmt::format("Loan written off on {}",
                                   loan.terms.writtenOffOn ? loan.terms.writtenOffOn->toString()
                                                           : asOf.toString());
        }
        return d;
    case LoanStatus::Settled:
        d.action = CaseAction::CloseSettled;
        d.reason = fmt::format("Settled on {}: the rest was waived",
                               pos.settledOn ? pos.settledOn->toString() : asOf.toString());
        return d;
    case LoanStatus::NotDisbursed:
        return d;
    case LoanStatus::Active:
        break;
    }
    if (pos.daysPastDue != 0 || pos.inWatch)
        return d;
    d.currentSince = currentSince(loan, asOf, calc);
    const Date from = std::max(*d.currentSince, openCase->openedOn);
    const int days = asOf - from;
    if (days >= policy.cureDays) {
        d.action = CaseAction::CloseCured;
        d.reason = fmt::format("Current since {} ({} days; cured after {})",
                               d.currentSince->toString(), asOf - *d.currentSince, policy.cureDays);
    }
    return d;
}

} // namespace rd

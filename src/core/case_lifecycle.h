#pragma once

#include "case_stage.h"
#include "loan.h"
#include "loan_position.h"

#include <optional>
#include <string>

namespace rd {

struct CasePolicy {
    int openAtDpd = 1; // a case opens when DPD reaches this
    int cureDays = 30; // closes as cured after this many days current
};

// What the lifecycle needs to know about a loan's open case.
struct OpenCaseState {
    Date openedOn;
    CaseStage stage = CaseStage::Early;
};

enum class CaseAction {
    Keep,              // nothing to do
    Open,              // open a case (stage = suggested stage)
    CloseCured,        // current for at least cureDays
    ClosePaid,         // paid off
    CloseSettled,      // a settlement completed: the rest was waived
    MoveToPostWriteOff // written off; the case stays open in post-write-off
};
// keep, open, close-cured, close-paid, close-settled, move-to-post-write-off
const char* toString(CaseAction action);

struct CaseDecision {
    CaseAction action = CaseAction::Keep;
    CaseStage stage = CaseStage::Early; // for Open/Move: the stage to set; else the suggestion
    LoanPosition position;              // as of the business date
    std::optional<Date> currentSince;   // set when the loan is current (DPD 0) and active
    std::string reason;                 // in words, for the audit trail
};

// The first day of the unbroken run of days, ending on `asOf`, on which the loan's DPD
// was 0; none when DPD is not 0 on `asOf`. DPD only changes on event dates (due date + 1,
// payment, charge and reversal dates), and only a payment or a reschedule's start can
// bring it back to 0, so the position is evaluated only on the day before each of those,
// newest first, never day by day. For a loan that was never past due this is the disbursement date
// (or the first payment, if earlier; or `asOf` itself when that is earlier still).
std::optional<Date> currentSince(const LoanLedger& loan, Date asOf, PositionCalculator& calc);

// Decides what happens to a loan's case on the business date (domain.md section 6):
// - no open case: open one when the loan is active or written off and DPD >= openAtDpd
//   (stage: the suggested stage; post-write-off for a written-off loan);
// - open case: close as paid when the loan is paid off, as settled when a settlement
//   completed; move to post-write-off when it is written off (kept when already there);
//   close as cured when it is active, not in a restructure's watch, and has been
//   current for at least cureDays days, counted from the later of currentSince and the
//   day the case opened (a case opened by hand on a current loan gets the full period);
// - otherwise keep (the stage is moved by people; `stage` then holds the suggestion).
CaseDecision decideCase(const LoanLedger& loan, const std::optional<OpenCaseState>& openCase,
                        Date asOf, const CasePolicy& policy, PositionCalculator& calc);

} // namespace rd

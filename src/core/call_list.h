#pragma once

#include "case_stage.h"
#include "contact.h"
#include "early_warning.h"
#include "loan_position.h"
#include "promise_to_pay.h"

#include <optional>
#include <string>
#include <vector>

namespace rd {

// Why a case is on the daily call list; the order is the urgency order.
enum class CallReason { BrokenPromise, PromiseDue, ActionDue, NewCase, EarlyWarning };
// broken_promise, promise_due, action_due, new_case, early_warning
const char* toString(CallReason reason);

// Priority weights (settings). A case's score is the sum of the weights of its reasons
// (early_warning counts once per flag). Cases with a broken promise always rank above the
// others; then higher score, higher DPD, higher total arrears, and loan id (byte order).
struct PriorityWeights {
    int brokenPromise = 1000;
    int promiseDue = 500;
    int actionDue = 300;
    int newCase = 200;
    int earlyWarningPerFlag = 100;
};

// One open case, as the call list needs it.
struct CallListCase {
    std::string loanId;
    std::string clientName;
    std::string phone;
    std::string officer; // assigned recovery officer
    LoanPosition position;
    std::string bucket; // bucket name of the position ("" when none)
    CaseStage stage = CaseStage::Early;
    std::optional<PromiseToPay> latestPromise;
    std::optional<PromiseEvaluation> latestPromiseEvaluation; // evaluated on the list date
    std::optional<DateTime> lastContactAt;
    std::optional<Date> nextActionOn;
    std::vector<EarlyWarningFlag> flags;
    bool newNotContacted = false; // opened and nobody has contacted the client yet
};

struct CallListOptions {
    std::string currencyCode; // "UGX"
    int currencyExponent = 2;
    PriorityWeights weights;
    std::optional<std::string> officer; // only this officer's cases when set
};

struct CallListItem {
    int rank = 0; // 1-based
    int score = 0;
    std::vector<CallReason> reasons; // most urgent first
    std::string why;                 // the reasons in words, "; " between them
    CallListCase entry;
};

// The reasons a case has on `date`:
// - broken_promise: the latest promise is broken or partial (past its deadline without the
//   full amount) and no contact has been logged since its deadline passed;
// - promise_due: the latest promise is pending and falls due today;
// - action_due: the next action date is on or before the date;
// - new_case: new and not yet contacted;
// - early_warning: one or more early-warning flags.
std::vector<CallReason> callReasons(const CallListCase& c, Date date);

// Whether the case belongs on the list: it has a reason, except that a pending promise
// (until its deadline) keeps it off when its only reason is early_warning.
bool onCallList(const CallListCase& c, Date date);

// The daily call list: the cases that need action on `date`, in rank order.
std::vector<CallListItem> buildCallList(const std::vector<CallListCase>& cases, Date date,
                                        const CallListOptions& options = {});

} // namespace rd

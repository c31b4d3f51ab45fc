#pragma once

#include "bucket_scheme.h"
#include "case_stage.h"
#include "contact.h"
#include "early_warning.h"
#include "loan_position.h"
#include "plan_records.h"
#include "promise_to_pay.h"
#include "repayment_plan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd {

// Why a case is on the daily call list; the order is the urgency order (recovery-rules.md).
enum class CallReason {
    BrokenPlan,
    BrokenPromise,
    PromiseDue,
    HearingDue,
    PlanDue,
    LetterDue,
    FollowUpDue,
    ActionDue,
    NewCase,
    EarlyWarning
};
// broken_plan, broken_promise, promise_due, hearing_due, plan_due, letter_due, follow_up_due,
// action_due, new_case, early_warning
const char* toString(CallReason reason);
std::optional<CallReason> callReasonFromString(std::string_view code);

// Priority weights (settings, recovery-rules.md). A case's score is the sum of
// - the weights of its reasons (early_warning counts once per flag);
// - money at stake: moneyAtStake times the case's money at stake divided by the largest
//   money at stake on the list (rounded), so the case with the most money gets it in full;
// - the bucket roll: bucketRoll in full when the case rolls into a worse bucket tomorrow,
//   one seventh less for each day more, nothing after kRollWindowDays days.
// Cases with a broken plan always rank first, then those with a broken promise; then higher
// score, higher DPD, higher total arrears, and loan id (byte order).
struct PriorityWeights {
    int brokenPlan = 1000;
    int brokenPromise = 1000;
    int promiseDue = 500;
    int hearingDue = 500;
    int planDue = 500;
    int letterDue = 400;
    int followUpDue = 300;
    int actionDue = 300;
    int newCase = 200;
    int earlyWarningPerFlag = 100;
    int moneyAtStake = 400;
    int bucketRoll = 300;
};
inline constexpr int kRollWindowDays = 7;

// When a past-due loan reaches the next, worse bucket if nothing is paid.
struct BucketRoll {
    int days = 0;       // 1 = tomorrow
    std::string bucket; // its name, "31-60"
};
// None for a loan that is current, not active, or in the last bucket.
std::optional<BucketRoll> nextBucketRoll(const LoanPosition& position, const BucketScheme& scheme);

// What the client loses if the loan is not recovered: the outstanding principal (the
// balance at risk) and the interest, fees and penalties in arrears.
Amount moneyAtStake(const LoanPosition& position);

// The loan's repayment plan as the call list needs it: the latest plan that was approved and
// not ended (cancelled) as of the list date, scored on that date.
struct CallListPlan {
    std::int64_t planId = 0;
    PlanKind kind = PlanKind::Arrangement;
    PlanStatus status = PlanStatus::Active; // active, broken or completed
    std::vector<PlanInstallment> installments;
    PlanScore score;
};

// The plan of these (the loan's) the call list follows on `date` (plan_standing.h
// currentPlan), none when the loan has none then.
std::optional<CallListPlan> callListPlan(const std::vector<PlanRecord>& plans,
                                         const std::vector<Payment>& payments, Date date);

// A referral whose follow-up date has come (domain.md section 11).
struct CallListFollowUp {
    std::int64_t referralId = 0;
    std::string organisation;
    Date due;
};

// A hearing or mediation session of the loan's legal case without an outcome yet, from
// the working day before it until its day (core/legal_records.h hearingDueOn).
struct CallListHearing {
    std::int64_t sessionId = 0;
    bool mediation = false;
    Date date;
    std::string time; // "09:30" or empty
    std::string place;
};

// The latest letter sent on the case that gave the client a deadline (a final demand, a
// pre-legal notice, a settlement offer).
struct CallListLetterDeadline {
    std::int64_t letterNo = 0;
    std::string kind; // final_demand
    Date deadline;
};

// One open case, as the call list needs it.
struct CallListCase {
    std::string loanId;
    std::string clientId; // the loans of one client are one call (groupByClient)
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
    std::optional<BucketRoll> roll;
    std::optional<CallListPlan> plan;
    std::vector<CallListFollowUp> followUps; // due on or before the list date
    std::vector<CallListHearing> hearings;   // due on the list date
    std::optional<CallListLetterDeadline> letterDeadline;
};

struct CallListOptions {
    std::string currencyCode; // "UGX"
    int currencyExponent = 2;
    PriorityWeights weights;
    std::optional<std::string> officer; // only this officer's cases when set
};

// One part of a score: "new case" 200, "money at stake" 400.
struct ScorePart {
    std::string what;
    int points = 0;
};

struct CallListItem {
    int rank = 0; // 1-based
    int score = 0;
    std::vector<ScorePart> scoreParts; // adding up to the score; parts of 0 left out
    std::vector<CallReason> reasons;   // most urgent first
    std::string why;                   // the reasons in words, "; " between them
    CallListCase entry;
};

// "Score 857 = new case 200 + money at stake 400 + rolls into 31-60 in 2 days 257".
std::string scoreText(const CallListItem& item);

// The reasons a case has on `date`:
// - broken_plan: the plan is broken (domain.md 9c) and no contact has been logged since the
//   day it broke;
// - broken_promise: the latest promise is broken or partial (past its deadline without the
//   full amount) and no contact has been logged since its deadline passed;
// - promise_due: the latest promise is pending and falls due today;
// - hearing_due: a hearing or mediation session is tomorrow, the next working day or today;
// - plan_due: the plan is active and tomorrow is the due date of an installment whose
//   cumulative amount is not paid yet;
// - letter_due: the deadline of the latest letter that gave one has passed, the loan is still
//   past due, and no contact has been logged since the deadline;
// - follow_up_due: a referral's follow-up date has come (until the referral is updated);
// - action_due: the next action date is on or before the date;
// - new_case: new and not yet contacted;
// - early_warning: one or more early-warning flags.
// While the plan is active and kept, only plan_due, hearing_due and follow_up_due apply: a
// plan being kept keeps the case off the list otherwise.
std::vector<CallReason> callReasons(const CallListCase& c, Date date);

// Whether the case belongs on the list: it has a reason, except that a pending promise
// (until its deadline) keeps it off when its only reason is early_warning.
bool onCallList(const CallListCase& c, Date date);

// Whether the case's plan is active and kept (not broken, not completed) on the list date.
bool planBeingKept(const CallListCase& c);

// The daily call list: the cases that need action on `date`, in rank order.
std::vector<CallListItem> buildCallList(const std::vector<CallListCase>& cases, Date date,
                                        const CallListOptions& options = {});

// The call list as the desk works it: one call covers all of a client's loans, so the
// items of one client (by client id; by name and phone when it is empty) are one group,
// placed where its most urgent item stands; the items keep their rank order.
struct CallListGroup {
    std::vector<CallListItem> items; // rank order; never empty

    const CallListItem& lead() const { return items.front(); }
    Amount arrears() const;  // summed
    int daysPastDue() const; // the highest
    bool hasLoan(const std::string& loanId) const;
};
std::vector<CallListGroup> groupByClient(const std::vector<CallListItem>& items);

} // namespace rd

#pragma once

#include "core/call_list.h"
#include "core/case_lifecycle.h"
#include "core/case_records.h"
#include "core/clock.h"
#include "core/contact_rules.h"
#include "core/currency.h"
#include "core/early_warning.h"
#include "core/loan_position.h"
#include "core/result.h"
#include "core/security_records.h"
#include "core/user.h"
#include "storage_fwd.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::services {

// The actor written into the audit trail by the nightly recompute.
inline constexpr const char* kSystemActor = "system";

struct RecomputeSummary {
    Date asOf;
    std::int64_t loans = 0; // loans looked at
    int opened = 0;
    int unassigned = 0; // opened without an officer (none works in the loan's branch)
    int closedCured = 0;
    int closedPaid = 0;
    int closedSettled = 0;
    int movedToPostWriteOff = 0;
    bool changedNothing() const {
        return opened == 0 && closedCured == 0 && closedPaid == 0 && closedSettled == 0 &&
               movedToPostWriteOff == 0;
    }
};

// What the desk recorded about one of the loan's payments taken at the desk: who took it,
// and who reversed it, when and why (the ledger holds only the dates).
struct DeskPaymentFacts {
    std::string paymentId; // "DESK-000042"
    std::string takenBy;
    std::string takenAt; // ISO 8601 UTC
    std::optional<Date> reversedOn;
    std::string reversedBy;         // empty when not reversed, or reversed by an import
    std::string reversalReason;     // likewise
    std::string reversalRecordedAt; // ISO 8601 UTC, or empty
};

struct PromiseView {
    PromiseToPay promise;
    PromiseEvaluation evaluation; // as of the case file's date
};

// Everything about one loan's case as of a business date: the case file.
struct CaseFile {
    Currency currency;
    Date asOf;
    LoanInfo loan;
    std::optional<ClientDetails> client;
    LoanLedger ledger;
    LoanPosition position;
    // The schedule as of `asOf` (paid, part-paid, overdue) and the arrears tolerance the
    // position was computed with.
    std::vector<InstallmentState> installments;
    Amount arrearsTolerance = 0;
    // The contact rules in force (contact hours, attempts a day), for the log-contact form.
    ContactRules contactRules;
    std::string bucket; // "" when none applies
    // When the loan rolls into the next bucket if nothing is paid (the call list's score).
    std::optional<BucketRoll> roll;
    CaseStage suggestedStage = CaseStage::Early;
    std::optional<CaseRecord> caseRecord; // the open case, else the latest closed one
    std::vector<EarlyWarningFlag> flags;
    std::vector<ContactRecord> contacts;
    std::vector<PromiseView> promises; // in recording order; the last is the latest
    std::vector<CaseEventRecord> events;
    // Notes, legal approvals and review sign-offs of all the loan's cases, oldest first
    // (the timeline shows them with the events).
    std::vector<CaseNoteRecord> notes;
    std::vector<ApprovalRecord> approvals;
    std::vector<CaseReviewRecord> reviews;
    int promiseGraceDays = 2;                   // the setting the promises were evaluated with
    std::vector<DeskPaymentFacts> deskPayments; // by receipt number
    // The loan's guarantors and collateral as imported, by their ids.
    std::vector<GuarantorRecord> guarantors;
    std::vector<CollateralRecord> collateral;
    // The full name of every user, by username: the faces name who did what with it.
    std::map<std::string, std::string> fullNames;

    // The plan the loan follows as of `asOf` and the referral follow-ups due (call list).
    std::optional<CallListPlan> plan;
    std::vector<CallListFollowUp> followUps;
    // The hearings due and the latest letter deadline of the open case (call list).
    std::vector<CallListHearing> hearings;
    std::optional<CallListLetterDeadline> letterDeadline;

    // The case as the call list sees it (only meaningful for an open case).
    CallListCase callListCase() const;
};

// Recovery cases (domain.md section 6): the nightly recompute that opens and closes cases,
// reassignment by a supervisor, and the case file. Promise status is never stored: it is
// evaluated against the payments whenever a case is read.
class CaseService {
public:
    explicit CaseService(storage::Database& db, Clock clock = {});

    // Any enabled user, or the local operator, may run it: it applies the rules and decides
    // nothing (the summary audit record's actor is `system`; `requested_by` names the actor).
    // Opens and closes cases as of `asOf` by the rules of core/case_lifecycle.h for every
    // loan (or those of one branch), in one transaction with one summary audit record (actor
    // `system`), and for each case it changes a timeline event and an audit record on the
    // case (open_case, assign_case, close_case, change_stage) whose actor is the user who
    // ran it. The opening threshold, cure days and
    // assignment rule are the stored settings (case_open_dpd, case_cure_days,
    // case_assignment), read at each run. A new case gets the suggested stage and, by
    // default, the officer of the loan's branch with the fewest open cases (ties: username,
    // byte order); none when no enabled officer works there. Running it again the same day
    // changes nothing.
    Result<RecomputeSummary> recompute(const User& actor, Date asOf,
                                       const std::optional<std::string>& branch = {});
    // The same for one loan, inside the caller's write transaction (a payment taken or
    // reversed at the desk closes, or opens, the loan's case at once); services only.
    RecomputeSummary recomputeLoan(Date asOf, std::string_view loanId);

    // Needs ReassignCases in the loan's branch; the new officer must be an enabled officer
    // or supervisor working in that branch.
    Result<CaseRecord> reassign(const User& actor, std::string_view loanId,
                                std::string_view toUsername, Date businessDate);

    // Needs ReadBranch in the loan's branch.
    Result<CaseFile> caseFile(const User& actor, std::string_view loanId, Date asOf) const;

private:
    RecomputeSummary recomputeIn(Date asOf, const std::optional<std::string>& branch,
                                 const std::optional<std::string>& loanId,
                                 const std::string& requestedBy);
    Result<CaseFile> readCaseFile(const LoanInfo& loan, Date asOf) const;
    storage::Database& db_;
    Clock clock_;
};

} // namespace rd::services

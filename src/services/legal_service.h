#pragma once

#include "core/clock.h"
#include "core/date.h"
#include "core/legal_records.h"
#include "core/result.h"
#include "core/user.h"
#include "storage_fwd.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::services {

// What an officer gives for a feasibility assessment. A collateral or guarantor line with
// an imported id and no values of its own takes them from the import (a guarantor then
// counts as not reached and able to pay nothing until the officer says otherwise).
struct FeasibilityRequest {
    std::vector<AssessedCollateral> collateral;
    std::vector<AssessedGuarantor> guarantors;
    FeasibilityCosts costs;
    int chancePercent = 0;
    std::string note;
};

struct LegalCaseRequest {
    ForumKind forumKind = ForumKind::Court;
    std::string forum; // "Chief Magistrate's Court, Gulu"
    std::string caseNumber;
    std::string lawyer;
    Date filedOn;
    std::string note;
};

struct LegalSessionRequest {
    LegalSessionKind kind = LegalSessionKind::Hearing;
    Date date;
    std::string time; // HH:MM or empty
    std::string place;
    std::string purpose;
};

struct CostRequest {
    CostKind kind = CostKind::Other;
    Date date;
    Amount amount = 0; // > 0
    std::string reference;
    std::string note;
    std::optional<std::int64_t> legalCaseId;
};

// Everything legal about one loan, for the case file.
struct LegalFile {
    std::vector<FeasibilityRecord> assessments; // oldest first
    std::vector<LegalCaseRecord> cases;         // oldest first
    std::vector<RecoveryCostRecord> costs;      // by date
    Amount costTotal = 0;                       // reversals taken off
};

// Legal action and recovery costs (domain.md section 11, docs/legal.md). Every write is one
// transaction with an audit record on the case (entity 'case', key the loan id); everything
// is append-only: a status changes by a new update row, a cost is corrected by a reversing
// row. Who may:
// - assess feasibility, open a legal case (the case in stage legal), record its status,
//   sessions, outcomes, judgments and enforcement, and add a cost: whoever may work the
//   loan's open case; once the case has closed, a supervisor of the branch;
// - reverse a cost: a supervisor of the branch;
// - read: ReadBranch in the loan's branch.
// A closed legal case takes no more updates, sessions, judgments or enforcement.
class LegalService {
public:
    explicit LegalService(storage::Database& db, Clock clock = {});

    // The balance (outstanding principal and the interest, fees and penalties in arrears) as
    // of `businessDate`, the lines and the expected net recovery (core/feasibility.h) are
    // recorded. The chance is 0-100; amounts and values are not negative; a line needs a
    // description (a name for a guarantor); an imported id must be one of the loan's.
    Result<FeasibilityRecord> assessFeasibility(const User& actor, std::string_view loanId,
                                                FeasibilityRequest request, Date businessDate);

    // Opens a legal case on the loan's open case, which must be in stage legal; one legal
    // case at a time (a closed one may be followed by another). Returns its id.
    Result<std::int64_t> openLegalCase(const User& actor, std::string_view loanId,
                                       LegalCaseRequest request, Date businessDate);
    // A new status, with an optional new case number or lawyer; the same status again is
    // allowed only with a new number or lawyer. Closing needs a note.
    Result<LegalCaseRecord> updateStatus(const User& actor, std::int64_t legalCaseId,
                                         LegalStatus status, std::string note,
                                         std::optional<std::string> caseNumber,
                                         std::optional<std::string> lawyer, Date businessDate);
    // Schedules a hearing or mediation session (not before the case was filed). Returns its id.
    Result<std::int64_t> addSession(const User& actor, std::int64_t legalCaseId,
                                    LegalSessionRequest request, Date businessDate);
    // What came of a session (once; not before its date). A next date (after the session)
    // schedules the next session of the same kind at the same place. Returns the session.
    Result<LegalSessionRecord> recordOutcome(const User& actor, std::int64_t sessionId,
                                             std::string outcome, std::optional<Date> nextDate,
                                             Date businessDate);
    // A judgment (date not in the future of `businessDate`); the status moves to judgment.
    Result<std::int64_t> recordJudgment(const User& actor, std::int64_t legalCaseId,
                                        Date judgmentDate, Amount amountAwarded,
                                        Amount costsAwarded, std::string note, Date businessDate);
    // An attachment or repossession (the items required); the status moves to enforcement.
    Result<std::int64_t> recordEnforcement(const User& actor, std::int64_t legalCaseId,
                                           EnforcementKind kind, std::string items, Date actionDate,
                                           Amount proceeds, std::string note, Date businessDate);

    // A recovery cost on the loan's case (the legal case, when named, must be the loan's).
    Result<std::int64_t> addCost(const User& actor, std::string_view loanId, CostRequest request,
                                 Date businessDate);
    // Reverses a cost once, with a reason; returns the reversing row's id.
    Result<std::int64_t> reverseCost(const User& actor, std::int64_t costId, std::string reason,
                                     Date businessDate);

    Result<LegalFile> legalOfLoan(const User& actor, std::string_view loanId) const;
    Result<LegalCaseRecord> legalCase(const User& actor, std::int64_t legalCaseId) const;
    // The assessment a request to move a case to legal carries (ReadBranch in its branch).
    Result<std::optional<FeasibilityRecord>> requestAssessment(const User& actor,
                                                               std::int64_t approvalId) const;

    // The hearings and mediation sessions from `from` to `to` of the branches the actor may
    // read, only those of `officer`'s cases when given, by date and time.
    Result<std::vector<CalendarEntry>> calendar(const User& actor, Date from, Date to,
                                                const std::string& officer = {}) const;

private:
    storage::Database& db_;
    Clock clock_;
};

} // namespace rd::services

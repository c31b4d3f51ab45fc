#pragma once

#include "core/case_records.h"
#include "core/case_stage.h"
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

// A legal approval request with what a supervisor's list needs to show about its case.
struct ApprovalView {
    ApprovalRecord approval;
    std::string clientName;
    CaseStage stage = CaseStage::Early; // the case's stage now
    bool caseOpen = true;
    std::string assignedUsername; // the case's officer; empty when none
    // The feasibility assessment the request carries (none for a request made before
    // assessments were recorded).
    std::optional<FeasibilityRecord> feasibility;
    bool pending() const { return !approval.decision.has_value(); }
};

// What people do to a case besides contacts and promises (domain.md sections 6-7): stage
// changes, the supervisor's approval of a move to legal, notes, review sign-offs, and
// reading the case's audit trail. Every write is one transaction with an audit_log row
// (entity 'case', entity_key the loan id); notes, approvals, decisions and reviews are
// append-only (schema version 5).
class CaseActionsService {
public:
    explicit CaseActionsService(storage::Database& db, Clock clock = {});

    // Moves the open case to `to`: the case's officer or a supervisor of its branch. Any
    // move except into legal applies at once (a stage_changed event with the note). Into
    // legal: a supervisor of the branch moves it at once and the move is recorded as an
    // approval requested and approved by them; anyone else is refused with a message to
    // request it (requestLegal). A closed case, an unknown stage move (already there) or
    // an admin is refused.
    Result<CaseRecord> changeStage(const User& actor, std::string_view loanId, CaseStage to,
                                   std::string note, Date businessDate);

    // Asks a supervisor to move the case to legal: the case's officer or a supervisor of the
    // branch; one pending request per case; the reason (`note`) is required. The request
    // carries the newest feasibility assessment of the case (LegalService), and is refused
    // when there is none; so is a supervisor's own move into legal. Returns the approval id.
    Result<std::int64_t> requestLegal(const User& actor, std::string_view loanId, std::string note,
                                      Date businessDate);

    // Approves or rejects a pending request: needs ApprovePlans in the case's branch; the
    // requester may not decide their own request; a comment is required. Approving moves the
    // case to legal (a stage_changed event). A request whose case has closed can only be
    // rejected. Returns the decided request.
    Result<ApprovalView> decideApproval(const User& actor, std::int64_t approvalId, bool approve,
                                        std::string comment, Date businessDate);

    // Requests of the cases in the branches the actor may read (an admin: all), newest
    // first; only undecided ones when `pendingOnly`.
    Result<std::vector<ApprovalView>> approvals(const User& actor, bool pendingOnly) const;

    // A note on the loan's open case by whoever may work it. `correctsNoteId` names an
    // earlier note of the same loan that this one corrects (the old one is kept).
    Result<std::int64_t> addNote(const User& actor, std::string_view loanId, std::string text,
                                 std::optional<std::int64_t> correctsNoteId, Date businessDate);

    // A supervisor signs off a review of the loan's open case (needs SignOffReviews in its
    // branch); a comment is required.
    Result<std::int64_t> signOffReview(const User& actor, std::string_view loanId,
                                       std::string comment, Date businessDate);
    // The loan's review sign-offs, oldest first; needs ReadBranch in the loan's branch.
    Result<std::vector<CaseReviewRecord>> reviews(const User& actor, std::string_view loanId) const;

    // Every audit record of the loan's case work (entity 'case', key the loan id), oldest
    // first. A supervisor of the loan's branch or an admin may read it; an officer only
    // while the loan's case is assigned to them.
    Result<std::vector<AuditEntry>> auditTrail(const User& actor, std::string_view loanId) const;

private:
    storage::Database& db_;
    Clock clock_;
};

} // namespace rd::services

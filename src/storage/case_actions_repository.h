#pragma once

#include "core/date.h"
#include "database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::storage {

// A case note (schema version 5): append-only; a correction names the note it corrects.
struct CaseNoteRecord {
    std::int64_t id = 0;
    std::int64_t caseId = 0;
    std::string at; // ISO 8601 UTC, when it was written
    Date businessDate;
    std::string author;
    std::string text;
    std::optional<std::int64_t> correctsNoteId;
};

struct ApprovalDecisionRecord {
    bool approved = false;
    std::string decidedBy;
    std::string decidedAt;
    Date businessDate;
    std::string comment;
};

// A request to move a case to legal, with its decision once made.
struct ApprovalRecord {
    std::int64_t id = 0;
    std::int64_t caseId = 0;
    std::string loanId;
    std::string branch;
    std::string kind; // legal
    std::string requestedBy;
    std::string requestedAt;
    Date businessDate;
    std::string note;
    std::optional<ApprovalDecisionRecord> decision; // none while pending
};

struct CaseReviewRecord {
    std::int64_t id = 0;
    std::int64_t caseId = 0;
    std::string reviewer;
    std::string at;
    Date businessDate;
    std::string comment;
};

// One audit_log row.
struct AuditEntry {
    std::int64_t id = 0;
    std::string at;
    std::string actor;
    std::string action;
    std::optional<std::string> before;
    std::optional<std::string> after;
};

// The SQL of case notes, approvals and reviews (schema version 5) and of a case's audit
// trail. No permission checks here; callers open the transaction around writes.
class CaseActionsRepository {
public:
    explicit CaseActionsRepository(Database& db) : db_(db) {}

    std::int64_t insertNote(std::int64_t caseId, std::int64_t loanKey, const CaseNoteRecord& note);
    std::optional<CaseNoteRecord> note(std::int64_t noteId) const;
    // The loan's notes in writing order.
    std::vector<CaseNoteRecord> notes(std::int64_t loanKey) const;
    std::int64_t loanKeyOfNote(std::int64_t noteId) const; // 0 when there is no such note

    std::int64_t insertApproval(const ApprovalRecord& request);
    void insertDecision(std::int64_t approvalId, const ApprovalDecisionRecord& decision);
    std::optional<ApprovalRecord> approval(std::int64_t approvalId) const;
    // The loan's approvals (of all its cases) in request order.
    std::vector<ApprovalRecord> approvalsOfLoan(std::int64_t loanKey) const;
    // Approvals of cases in these branches (every branch when `allBranches`), newest first.
    std::vector<ApprovalRecord> approvals(const std::vector<std::string>& branches,
                                          bool allBranches, bool pendingOnly) const;

    std::int64_t insertReview(const CaseReviewRecord& review);
    // The loan's reviews (of all its cases) in order.
    std::vector<CaseReviewRecord> reviewsOfLoan(std::int64_t loanKey) const;

    // Every audit_log row with entity 'case' and this loan id, in order.
    std::vector<AuditEntry> auditTrail(std::string_view loanId) const;

private:
    std::vector<ApprovalRecord> queryApprovals(const std::string& where,
                                               const std::vector<std::string>& args) const;
    Database& db_;
};

} // namespace rd::storage

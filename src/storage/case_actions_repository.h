#pragma once

#include "core/case_records.h"
#include "core/date.h"
#include "database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::storage {

using rd::ApprovalDecisionRecord;
using rd::ApprovalRecord;
using rd::AuditEntry;
using rd::CaseNoteRecord;
using rd::CaseReviewRecord;

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

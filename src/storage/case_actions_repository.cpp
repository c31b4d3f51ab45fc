#include "case_actions_repository.h"

#include "date_columns.h"
namespace rd::storage {
namespace {

constexpr const char* kApprovalColumns =
    "SELECT a.id, a.case_id, l.loan_id, l.branch, a.kind, a.requested_by, a.requested_at, "
    "a.business_date, a.note, d.decision, d.decided_by, d.decided_at, d.business_date, "
    "d.comment FROM case_approvals a JOIN cases c ON c.id = a.case_id "
    "JOIN loans l ON l.id = c.loan_pk "
    "LEFT JOIN case_approval_decisions d ON d.approval_id = a.id ";

ApprovalRecord approvalFrom(const Statement& s) {
    ApprovalRecord a;
    a.id = s.int64(0);
    a.caseId = s.int64(1);
    a.loanId = s.string(2);
    a.branch = s.string(3);
    a.kind = s.string(4);
    a.requestedBy = s.string(5);
    a.requestedAt = s.string(6);
    a.businessDate = dateColumn(s, 7);
    a.note = s.string(8);
    if (!s.isNull(9))
        a.decision = ApprovalDecisionRecord{s.text(9) == "approved", s.string(10), s.string(11),
                                            dateColumn(s, 12), s.string(13)};
    return a;
}

CaseNoteRecord noteFrom(const Statement& s) {
    CaseNoteRecord n;
    n.id = s.int64(0);
    n.caseId = s.int64(1);
    n.at = s.string(2);
    n.businessDate = dateColumn(s, 3);
    n.author = s.string(4);
    n.text = s.string(5);
    if (!s.isNull(6))
        n.correctsNoteId = s.int64(6);
    return n;
}

constexpr const char* kNoteColumns =
    "SELECT id, case_id, at, business_date, author, text, corrects_note_id FROM case_notes ";

} // namespace

std::int64_t CaseActionsRepository::insertNote(std::int64_t caseId, std::int64_t loanKey,
                                               const CaseNoteRecord& n) {
    auto s = db_.prepare("INSERT INTO case_notes(case_id, loan_pk, at, business_date, author, "
                         "text, corrects_note_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, caseId).bind(2, loanKey).bind(3, n.at).bind(4, n.businessDate.toString());
    s.bind(5, n.author).bind(6, n.text).bind(7, n.correctsNoteId);
    s.execute();
    return sqlite3_last_insert_rowid(db_.handle());
}

std::optional<CaseNoteRecord> CaseActionsRepository::note(std::int64_t noteId) const {
    auto s = db_.prepare(std::string(kNoteColumns) + "WHERE id = ?");
    s.bind(1, noteId);
    if (!s.step())
        return std::nullopt;
    return noteFrom(s);
}

std::vector<CaseNoteRecord> CaseActionsRepository::notes(std::int64_t loanKey) const {
    auto s = db_.prepare(std::string(kNoteColumns) + "WHERE loan_pk = ? ORDER BY id");
    s.bind(1, loanKey);
    std::vector<CaseNoteRecord> out;
    while (s.step())
        out.push_back(noteFrom(s));
    return out;
}

std::int64_t CaseActionsRepository::loanKeyOfNote(std::int64_t noteId) const {
    auto s = db_.prepare("SELECT loan_pk FROM case_notes WHERE id = ?");
    s.bind(1, noteId);
    return s.step() ? s.int64(0) : 0;
}

std::int64_t CaseActionsRepository::insertApproval(const ApprovalRecord& a) {
    auto s = db_.prepare("INSERT INTO case_approvals(case_id, kind, requested_by, requested_at, "
                         "business_date, note) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, a.caseId).bind(2, a.kind).bind(3, a.requestedBy).bind(4, a.requestedAt);
    s.bind(5, a.businessDate.toString()).bind(6, a.note);
    s.execute();
    return sqlite3_last_insert_rowid(db_.handle());
}

void CaseActionsRepository::insertDecision(std::int64_t approvalId,
                                           const ApprovalDecisionRecord& d) {
    auto s = db_.prepare("INSERT INTO case_approval_decisions(approval_id, decision, decided_by, "
                         "decided_at, business_date, comment) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, approvalId).bind(2, d.approved ? "approved" : "rejected").bind(3, d.decidedBy);
    s.bind(4, d.decidedAt).bind(5, d.businessDate.toString()).bind(6, d.comment);
    s.execute();
}

std::vector<ApprovalRecord>
CaseActionsRepository::queryApprovals(const std::string& where,
                                      const std::vector<std::string>& args) const {
    auto s = db_.prepare(std::string(kApprovalColumns) + where);
    for (std::size_t i = 0; i < args.size(); ++i)
        s.bind(static_cast<int>(i + 1), std::string_view(args[i]));
    std::vector<ApprovalRecord> out;
    while (s.step())
        out.push_back(approvalFrom(s));
    return out;
}

std::optional<ApprovalRecord> CaseActionsRepository::approval(std::int64_t approvalId) const {
    auto found = queryApprovals("WHERE a.id = ?", {std::to_string(approvalId)});
    if (found.empty())
        return std::nullopt;
    return found.front();
}

std::vector<ApprovalRecord> CaseActionsRepository::approvalsOfLoan(std::int64_t loanKey) const {
    return queryApprovals("WHERE c.loan_pk = ? ORDER BY a.id", {std::to_string(loanKey)});
}

std::vector<ApprovalRecord>
CaseActionsRepository::approvals(const std::vector<std::string>& branches, bool allBranches,
                                 bool pendingOnly) const {
    std::string where = "WHERE 1 = 1";
    if (pendingOnly)
        where += " AND d.approval_id IS NULL";
    if (!allBranches) {
        if (branches.empty())
            return {};
        where += " AND l.branch IN (";
        for (std::size_t i = 0; i < branches.size(); ++i)
            where += i == 0 ? "?" : ", ?";
        where += ")";
    }
    return queryApprovals(where + " ORDER BY a.id DESC",
                          allBranches ? std::vector<std::string>{} : branches);
}

std::int64_t CaseActionsRepository::insertReview(const CaseReviewRecord& r) {
    auto s = db_.prepare("INSERT INTO case_reviews(case_id, reviewer, at, business_date, comment) "
                         "VALUES (?, ?, ?, ?, ?)");
    s.bind(1, r.caseId).bind(2, r.reviewer).bind(3, r.at).bind(4, r.businessDate.toString());
    s.bind(5, r.comment);
    s.execute();
    return sqlite3_last_insert_rowid(db_.handle());
}

std::vector<CaseReviewRecord> CaseActionsRepository::reviewsOfLoan(std::int64_t loanKey) const {
    auto s = db_.prepare("SELECT r.id, r.case_id, r.reviewer, r.at, r.business_date, r.comment "
                         "FROM case_reviews r JOIN cases c ON c.id = r.case_id "
                         "WHERE c.loan_pk = ? ORDER BY r.id");
    s.bind(1, loanKey);
    std::vector<CaseReviewRecord> out;
    while (s.step())
        out.push_back(
            {s.int64(0), s.int64(1), s.string(2), s.string(3), dateColumn(s, 4), s.string(5)});
    return out;
}

std::vector<AuditEntry> CaseActionsRepository::auditTrail(std::string_view loanId) const {
    auto s = db_.prepare("SELECT id, at, actor, action, before, after FROM audit_log "
                         "WHERE entity = 'case' AND entity_key = ? ORDER BY id");
    s.bind(1, loanId);
    std::vector<AuditEntry> out;
    while (s.step())
        out.push_back({s.int64(0), s.string(1), s.string(2), s.string(3), s.optionalString(4),
                       s.optionalString(5)});
    return out;
}

} // namespace rd::storage

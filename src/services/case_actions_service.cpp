#include "case_actions_service.h"

#include "case_access.h"
#include "core/text_trim.h"
#include "service_edge.h"
#include "storage/case_actions_repository.h"
#include "storage/case_repository.h"
#include "storage/database.h"
#include "storage/legal_repository.h"

#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

namespace rd::services {
namespace {

using Json = nlohmann::ordered_json;
using storage::ApprovalRecord;
using storage::CaseActionsRepository;
using storage::CaseRecord;
using storage::CaseRepository;
using storage::LegalRepository;

Json textOrNull(const std::string& s) {
    return s.empty() ? Json(nullptr) : Json(s);
}

// The error for a loan without an open case: closed cases keep their last state.
Error noOpenCase(storage::Database& db, std::string_view loanId, const Error& fallback) {
    const auto latest = CaseRepository(db).latestCase(loanId);
    if (latest && !latest->open)
        return Error{fmt::format("the case of {} was closed on {} ({}); a closed case cannot be "
                                 "changed (a new case opens when the loan falls behind again)",
                                 loanId, latest->closedOn ? latest->closedOn->toString() : "?",
                                 latest->closeReason),
                     ErrorKind::Conflict};
    return fallback;
}

Error decideDenied(const User& who, const std::string& branch) {
    return Error{fmt::format("permission denied for {} ({}): only a supervisor of branch {} may "
                             "decide a request to move a case to legal",
                             who.username, roleCode(who.role), branch),
                 ErrorKind::Denied};
}

ApprovalView viewOf(storage::Database& db, ApprovalRecord a) {
    ApprovalView v;
    CaseRepository cases(db);
    if (auto info = cases.loanInfo(a.loanId))
        v.clientName = info->clientName;
    if (auto c = cases.latestCase(a.loanId)) {
        v.stage = c->stage;
        v.caseOpen = c->open && c->id == a.caseId;
        v.assignedUsername = c->assignedUsername;
    }
    if (auto id = LegalRepository(db).requestAssessment(a.id))
        v.feasibility = LegalRepository(db).assessment(*id);
    v.approval = std::move(a);
    return v;
}

// The newest feasibility assessment made on this case: what a move to legal carries.
Result<std::int64_t> assessmentForLegal(storage::Database& db, const CaseRecord& c) {
    const auto assessments = LegalRepository(db).assessmentsOfLoan(c.loanKey);
    for (auto it = assessments.rbegin(); it != assessments.rend(); ++it)
        if (it->caseId == c.id)
            return it->id;
    return Error{fmt::format("the case of {} has no feasibility assessment: legal action is "
                             "weighed first (balance, security, costs and the chance of "
                             "recovery), and the move to legal carries that assessment",
                             c.loanId),
                 ErrorKind::Conflict,
                 Hint::AssessFeasibility,
                 {{"loan", c.loanId}}};
}

} // namespace

CaseActionsService::CaseActionsService(storage::Database& db, Clock clock)
    : db_(db), clock_(std::move(clock)) {}

Result<CaseRecord> CaseActionsService::changeStage(const User& actor, std::string_view loanId,
                                                   CaseStage to, std::string note,
                                                   Date businessDate) {
    return atEdge([&]() -> Result<CaseRecord> {
        note = trimmed(note);
        storage::Transaction tx(db_);
        auto c = workableCase(db_, actor, loanId);
        if (!c)
            return noOpenCase(db_, loanId, c.error());
        const User who = currentUser(db_, actor).value_or(actor);
        if (c->stage == to)
            return Error{fmt::format("the case of {} is already in stage {}", loanId, toString(to)),
                         ErrorKind::Conflict};
        CaseRepository repo(db_);
        CaseActionsRepository actions(db_);
        const std::string now = clock_.isoNow();
        std::optional<std::int64_t> approvalId;
        if (needsApproval(c->stage, to)) {
            if (!allows(who, Permission::ApprovePlans, c->branch))
                return Error{fmt::format("moving the case of {} to legal needs the approval of a "
                                         "supervisor of branch {}: request it instead",
                                         loanId, c->branch),
                             ErrorKind::Denied,
                             Hint::RequestLegal,
                             {{"loan", std::string(loanId)}}};
            auto assessment = assessmentForLegal(db_, *c);
            if (!assessment)
                return assessment.error();
            // Our rule: a supervisor's own move to legal is recorded as a request they approved.
            ApprovalRecord request;
            request.caseId = c->id;
            request.kind = "legal";
            request.requestedBy = who.username;
            request.requestedAt = now;
            request.businessDate = businessDate;
            request.note = note;
            approvalId = actions.insertApproval(request);
            LegalRepository(db_).linkRequest(*approvalId, *assessment);
            actions.insertDecision(
                *approvalId,
                {true, who.username, now, businessDate,
                 note.empty() ? "moved to legal by a supervisor of the branch" : note});
        }
        repo.setStage(c->id, to);
        repo.addEvent(c->id, {now, businessDate, who.username, "stage_changed",
                              std::string(toString(c->stage)), std::string(toString(to)), note});
        Json after;
        after["from"] = toString(c->stage);
        after["to"] = toString(to);
        after["note"] = textOrNull(note);
        after["approval_id"] = approvalId ? Json(*approvalId) : Json(nullptr);
        repo.audit(now, who.username, "change_stage", "case", c->loanId, toString(c->stage),
                   after.dump());
        tx.commit();
        CaseRecord moved = *c;
        moved.stage = to;
        return moved;
    });
}

Result<std::int64_t> CaseActionsService::requestLegal(const User& actor, std::string_view loanId,
                                                      std::string note, Date businessDate) {
    return atEdge([&]() -> Result<std::int64_t> {
        note = trimmed(note);
        if (note.empty())
            return Error{"a request to move a case to legal needs a reason for the supervisor",
                         ErrorKind::Invalid, Hint::GiveReason};
        storage::Transaction tx(db_);
        auto c = workableCase(db_, actor, loanId);
        if (!c)
            return noOpenCase(db_, loanId, c.error());
        const User who = currentUser(db_, actor).value_or(actor);
        if (c->stage == CaseStage::Legal)
            return Error{fmt::format("the case of {} is already in stage legal", loanId),
                         ErrorKind::Conflict};
        CaseActionsRepository actions(db_);
        for (const auto& a : actions.approvalsOfLoan(c->loanKey))
            if (a.caseId == c->id && !a.decision)
                return Error{fmt::format("the case of {} already has a pending request to move to "
                                         "legal (approval {}, by {}); a supervisor of branch {} "
                                         "decides it",
                                         loanId, a.id, a.requestedBy, c->branch),
                             ErrorKind::Conflict};
        auto assessment = assessmentForLegal(db_, *c);
        if (!assessment)
            return assessment.error();
        ApprovalRecord request;
        request.caseId = c->id;
        request.kind = "legal";
        request.requestedBy = who.username;
        request.requestedAt = clock_.isoNow();
        request.businessDate = businessDate;
        request.note = note;
        const auto id = actions.insertApproval(request);
        LegalRepository(db_).linkRequest(id, *assessment);
        Json after;
        after["approval_id"] = id;
        after["kind"] = "legal";
        after["assessment_id"] = *assessment;
        after["stage"] = toString(c->stage);
        after["note"] = textOrNull(note);
        CaseRepository(db_).audit(request.requestedAt, who.username, "request_legal", "case",
                                  c->loanId, std::nullopt, after.dump());
        tx.commit();
        return id;
    });
}

Result<ApprovalView> CaseActionsService::decideApproval(const User& actor, std::int64_t approvalId,
                                                        bool approve, std::string comment,
                                                        Date businessDate) {
    return atEdge([&]() -> Result<ApprovalView> {
        comment = trimmed(comment);
        storage::Transaction tx(db_);
        CaseActionsRepository actions(db_);
        auto request = actions.approval(approvalId);
        if (!request)
            return Error{fmt::format("there is no approval request {} (the case file and the "
                                     "supervisor's approvals list show the requests)",
                                     approvalId),
                         ErrorKind::NotFound};
        const auto current = currentUser(db_, actor);
        const User& who = current ? *current : actor;
        if (!current || !allows(who, Permission::ApprovePlans, request->branch))
            return decideDenied(who, request->branch);
        if (request->decision)
            return Error{fmt::format("approval request {} was already {} by {} on {}", approvalId,
                                     request->decision->approved ? "approved" : "rejected",
                                     request->decision->decidedBy,
                                     request->decision->businessDate.toString()),
                         ErrorKind::Conflict};
        if (request->requestedBy == who.username)
            return Error{fmt::format("{} requested approval {} and may not decide it: another "
                                     "supervisor of branch {} decides it",
                                     who.username, approvalId, request->branch),
                         ErrorKind::Denied};
        if (comment.empty())
            return Error{"a decision needs a comment that says why", ErrorKind::Invalid,
                         Hint::GiveComment};
        CaseRepository repo(db_);
        const auto open = repo.openCase(request->loanId);
        const bool caseOpen = open && open->id == request->caseId;
        if (approve && !caseOpen)
            return Error{
                fmt::format("the case of request {} ({}) is closed; the request can only be "
                            "rejected",
                            approvalId, request->loanId),
                ErrorKind::Conflict};
        const std::string now = clock_.isoNow();
        actions.insertDecision(approvalId, {approve, who.username, now, businessDate, comment});
        std::optional<std::string> from;
        if (approve && open->stage != CaseStage::Legal) {
            from = toString(open->stage);
            repo.setStage(open->id, CaseStage::Legal);
            repo.addEvent(open->id, {now, businessDate, who.username, "stage_changed", from,
                                     std::string(toString(CaseStage::Legal)),
                                     fmt::format("approval {} of {}: {}", approvalId,
                                                 request->requestedBy, comment)});
        }
        Json after;
        after["approval_id"] = approvalId;
        after["decision"] = approve ? "approved" : "rejected";
        after["comment"] = comment;
        after["requested_by"] = request->requestedBy;
        after["stage"] = from ? Json(toString(CaseStage::Legal)) : Json(nullptr);
        repo.audit(now, who.username, approve ? "approve_legal" : "reject_legal", "case",
                   request->loanId, from, after.dump());
        tx.commit();
        auto decided = actions.approval(approvalId);
        return viewOf(db_, *decided);
    });
}

Result<std::vector<ApprovalView>> CaseActionsService::approvals(const User& actor,
                                                                bool pendingOnly) const {
    return atEdge([&]() -> Result<std::vector<ApprovalView>> {
        const auto current = currentUser(db_, actor);
        if (!current || current->disabled)
            return permissionDenied(current.value_or(actor), Permission::ReadBranch);
        const bool all = current->role == Role::Admin || current->role == Role::LocalOperator;
        std::vector<std::string> branches;
        for (const auto& b : current->branches)
            if (allows(*current, Permission::ReadBranch, b))
                branches.push_back(b);
        std::vector<ApprovalView> out;
        for (auto& a : CaseActionsRepository(db_).approvals(branches, all, pendingOnly))
            out.push_back(viewOf(db_, std::move(a)));
        return out;
    });
}

Result<std::int64_t> CaseActionsService::addNote(const User& actor, std::string_view loanId,
                                                 std::string text,
                                                 std::optional<std::int64_t> correctsNoteId,
                                                 Date businessDate) {
    return atEdge([&]() -> Result<std::int64_t> {
        text = trimmed(text);
        if (text.empty())
            return Error{"a note needs some text", ErrorKind::Invalid, Hint::GiveText};
        storage::Transaction tx(db_);
        auto c = workableCase(db_, actor, loanId);
        if (!c)
            return noOpenCase(db_, loanId, c.error());
        const User who = currentUser(db_, actor).value_or(actor);
        CaseActionsRepository actions(db_);
        if (correctsNoteId && actions.loanKeyOfNote(*correctsNoteId) != c->loanKey)
            return Error{
                fmt::format("note {} is not a note of loan {}: a correction names a note of "
                            "the same loan",
                            *correctsNoteId, loanId),
                ErrorKind::Invalid,
                Hint::ShowCase,
                {{"loan", std::string(loanId)}}};
        CaseNoteRecord note;
        note.caseId = c->id;
        note.at = clock_.isoNow();
        note.businessDate = businessDate;
        note.author = who.username;
        note.text = text;
        note.correctsNoteId = correctsNoteId;
        const auto id = actions.insertNote(c->id, c->loanKey, note);
        Json after;
        after["note_id"] = id;
        after["text"] = text;
        after["corrects_note_id"] = correctsNoteId ? Json(*correctsNoteId) : Json(nullptr);
        CaseRepository(db_).audit(note.at, who.username, "add_note", "case", c->loanId,
                                  std::nullopt, after.dump());
        tx.commit();
        return id;
    });
}

Result<std::int64_t> CaseActionsService::signOffReview(const User& actor, std::string_view loanId,
                                                       std::string comment, Date businessDate) {
    return atEdge([&]() -> Result<std::int64_t> {
        comment = trimmed(comment);
        storage::Transaction tx(db_);
        CaseRepository repo(db_);
        auto c = repo.openCase(loanId);
        if (!c)
            return noOpenCase(db_, loanId, rd::services::noOpenCase(loanId));
        const auto current = currentUser(db_, actor);
        const User& who = current ? *current : actor;
        if (!current || !allows(who, Permission::SignOffReviews, c->branch))
            return permissionDenied(who, Permission::SignOffReviews);
        if (comment.empty())
            return Error{"a review sign-off needs a comment", ErrorKind::Invalid,
                         Hint::GiveComment};
        CaseReviewRecord review;
        review.caseId = c->id;
        review.reviewer = who.username;
        review.at = clock_.isoNow();
        review.businessDate = businessDate;
        review.comment = comment;
        const auto id = CaseActionsRepository(db_).insertReview(review);
        Json after;
        after["review_id"] = id;
        after["stage"] = toString(c->stage);
        after["officer"] = textOrNull(c->assignedUsername);
        after["comment"] = comment;
        repo.audit(review.at, who.username, "sign_off_review", "case", c->loanId, std::nullopt,
                   after.dump());
        tx.commit();
        return id;
    });
}

Result<std::vector<CaseReviewRecord>> CaseActionsService::reviews(const User& actor,
                                                                  std::string_view loanId) const {
    return atEdge([&]() -> Result<std::vector<CaseReviewRecord>> {
        auto info = readableLoan(db_, actor, loanId);
        if (!info)
            return info.error();
        return CaseActionsRepository(db_).reviewsOfLoan(info->key);
    });
}

Result<std::vector<AuditEntry>> CaseActionsService::auditTrail(const User& actor,
                                                               std::string_view loanId) const {
    return atEdge([&]() -> Result<std::vector<AuditEntry>> {
        CaseRepository cases(db_);
        const auto info = cases.loanInfo(loanId);
        if (!info)
            return noLoan(loanId);
        const auto current = currentUser(db_, actor);
        const User& who = current ? *current : actor;
        if (!current || !allows(who, Permission::ReadBranch, info->branch))
            return permissionDenied(who, Permission::ReadBranch);
        if (who.role == Role::Officer) {
            // Our rule: an officer reads the trail of the case they hold, not their colleagues'.
            const auto c = cases.openCase(loanId);
            if (!c || c->assignedTo != who.id)
                return Error{
                    fmt::format("permission denied for {} (officer): an officer reads the "
                                "audit trail of their own open cases only; a supervisor of "
                                "branch {} reads every case's",
                                who.username, info->branch),
                    ErrorKind::Denied};
        }
        return CaseActionsRepository(db_).auditTrail(loanId);
    });
}

} // namespace rd::services

#include "case_service.h"

#include "case_access.h"
#include "service_edge.h"
#include "storage/case_actions_repository.h"
#include "storage/case_repository.h"
#include "storage/client_repository.h"
#include "storage/counselling_repository.h"
#include "storage/database.h"
#include "storage/desk_payment_repository.h"
#include "storage/legal_repository.h"
#include "storage/letter_repository.h"
#include "storage/loan_repository.h"
#include "storage/plan_repository.h"
#include "storage/portfolio_settings.h"
#include "storage/security_repository.h"
#include "storage/user_repository.h"
#include "user_service.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>

namespace rd::services {
namespace {

// A completed settlement (the loan's status became settled): its waiver is recorded once
// with its parts, for posting and the audit trail (domain.md section 9b).
void recordSettlementWaiver(storage::Database& db, std::int64_t loanKey, const std::string& loanId,
                            const LoanPosition& position, const std::string& now,
                            const std::string& by) {
    if (!position.settledOn)
        return;
    storage::PlanRepository plans(db);
    for (const PlanRecord& p : plans.ofLoan(loanKey)) {
        if (p.kind != PlanKind::Settlement || p.ending() || p.approvals() < p.approvalsNeeded ||
            plans.waiver(p.id))
            continue;
        plans.insertWaiver({p.id, *position.settledOn, position.waived, now, by});
        nlohmann::ordered_json after;
        after["plan"] = p.id;
        after["loan"] = loanId;
        after["waived_on"] = position.settledOn->toString();
        after["principal"] = position.waived.principal;
        after["interest"] = position.waived.interest;
        after["fees"] = position.waived.fees;
        after["penalties"] = position.waived.penalties;
        storage::CaseRepository(db).audit(now, by, "complete_settlement", "plan",
                                          std::to_string(p.id), "active", after.dump());
        return;
    }
}

using storage::CaseEventRecord;
using storage::CaseRecord;
using storage::CaseRepository;

std::string summaryJson(const RecomputeSummary& s, const std::optional<std::string>& branch,
                        const std::string& requestedBy) {
    nlohmann::ordered_json j;
    if (!requestedBy.empty())
        j["requested_by"] = requestedBy;
    j["as_of"] = s.asOf.toString();
    j["branch"] = branch ? nlohmann::ordered_json(*branch) : nullptr;
    j["loans"] = s.loans;
    j["opened"] = s.opened;
    j["unassigned"] = s.unassigned;
    j["closed_cured"] = s.closedCured;
    j["closed_paid"] = s.closedPaid;
    j["closed_settled"] = s.closedSettled;
    j["moved_to_post_write_off"] = s.movedToPostWriteOff;
    return j.dump();
}

// recomputeLoan reads its one loan on the caller's connection, so it sees the caller's
// uncommitted writes (the partitioned sources have their own connections).
class OneLedgerSource : public LoanLedgerSource {
public:
    explicit OneLedgerSource(std::optional<LoanLedger> ledger) : ledger_(std::move(ledger)) {}
    std::int64_t size() const override { return ledger_ ? 1 : 0; }
    bool next(LoanLedger& loan) override {
        if (!ledger_)
            return false;
        loan = std::move(*ledger_);
        ledger_.reset();
        return true;
    }

private:
    std::optional<LoanLedger> ledger_;
};

std::unordered_map<std::string, storage::LoanInfo> oneLoan(const CaseRepository& repo,
                                                           const std::string& loanId) {
    std::unordered_map<std::string, storage::LoanInfo> out;
    if (auto info = repo.loanInfo(loanId))
        out.emplace(loanId, std::move(*info));
    return out;
}

std::vector<CaseRecord> openCaseOf(const CaseRepository& repo, const std::string& loanId) {
    std::vector<CaseRecord> out;
    if (auto c = repo.openCase(loanId))
        out.push_back(std::move(*c));
    return out;
}

} // namespace

CaseService::CaseService(storage::Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

Result<RecomputeSummary> CaseService::recompute(const User& actor, Date asOf,
                                                const std::optional<std::string>& branch) {
    return atEdge([&]() -> Result<RecomputeSummary> {
        const auto who = currentUser(db_, actor);
        if (!who || who->disabled)
            return Error{fmt::format("permission denied for {}: only an enabled user may "
                                     "recompute the cases",
                                     actor.username),
                         ErrorKind::Denied};
        storage::Transaction tx(db_);
        RecomputeSummary summary = recomputeIn(asOf, branch, std::nullopt, who->username);
        tx.commit();
        return summary;
    });
}

RecomputeSummary CaseService::recomputeLoan(Date asOf, std::string_view loanId) {
    return recomputeIn(asOf, std::nullopt, std::string(loanId), {});
}

RecomputeSummary CaseService::recomputeIn(Date asOf, const std::optional<std::string>& branch,
                                          const std::optional<std::string>& loanId,
                                          const std::string& requestedBy) {
    RecomputeSummary summary;
    summary.asOf = asOf;
    const storage::DeskSettings settings = storage::loadDeskSettings(db_);
    const CasePolicy policy = settings.casePolicy;
    const std::string& assignment = settings.caseAssignment;
    PositionCalculator calc(storage::loadDelinquencyPolicy(db_));

    CaseRepository repo(db_);
    // One loan: its record. The whole portfolio: nothing up front - the ledgers carry the
    // branch and credit officer, and the loan key is read only for the loans that open a case.
    const auto loans =
        loanId ? oneLoan(repo, *loanId) : std::unordered_map<std::string, storage::LoanInfo>{};
    std::map<std::string, CaseRecord> open;
    for (auto& c : loanId ? openCaseOf(repo, *loanId) : repo.openCases())
        open.emplace(c.loanId, std::move(c));
    std::map<std::string, std::vector<storage::OfficerLoad>> officers;
    const std::string now = clock_.isoNow();
    // Who ran it: the actor of the timeline events and the case audit records it writes.
    const std::string runBy = requestedBy.empty() ? std::string(kSystemActor) : requestedBy;
    const auto auditCase = [&](const std::string& loan, const char* action,
                               const std::optional<std::string>& before,
                               const nlohmann::ordered_json& after) {
        repo.audit(now, runBy, action, "case", loan, before, after.dump());
    };

    // Phase 1: decide, loan by loan, what happens to each case. Pure computation on the
    // ledgers, so the whole portfolio is split into key ranges decided on their own threads
    // (each with its own read connection), as the aging report does.
    struct Change {
        storage::LoanInfo info;
        CaseDecision decision;
        const CaseRecord* existing = nullptr;
    };
    const DelinquencyPolicy delinquency = calc.policy();
    const auto decideAll = [&](LoanLedgerSource& source, std::vector<Change>& changes,
                               std::int64_t& looked) {
        PositionCalculator calculator(delinquency);
        LoanLedger ledger;
        while (source.next(ledger)) {
            const storage::LoanInfo* known = nullptr;
            if (loanId) {
                const auto found = loans.find(ledger.terms.loanId);
                if (found == loans.end())
                    continue;
                known = &found->second;
            }
            if (branch && ledger.terms.branch != *branch)
                continue;
            ++looked;
            const auto existing = open.find(ledger.terms.loanId);
            std::optional<OpenCaseState> state;
            if (existing != open.end())
                state = OpenCaseState{existing->second.openedOn, existing->second.stage};
            const CaseDecision d = decideCase(ledger, state, asOf, policy, calculator);
            if (d.action == CaseAction::Keep)
                continue;
            storage::LoanInfo info;
            if (known) {
                info = *known;
            } else {
                info.loanId = ledger.terms.loanId;
                info.branch = ledger.terms.branch;
                info.creditOfficer = ledger.terms.creditOfficer;
            }
            changes.push_back(
                {std::move(info), d, existing != open.end() ? &existing->second : nullptr});
        }
    };
    std::vector<std::vector<Change>> decided;
    if (loanId) {
        OneLedgerSource source(storage::LoanRepository(db_).findLoan(*loanId));
        decided.emplace_back();
        decideAll(source, decided.back(), summary.loans);
    } else {
        auto sources = storage::LoanRepository(db_).partitionedSources(
            std::max(1u, std::thread::hardware_concurrency()));
        decided.resize(sources.size());
        std::vector<std::int64_t> looked(sources.size(), 0);
        std::vector<std::exception_ptr> failures(sources.size());
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < sources.size(); ++i)
            threads.emplace_back([&, i] {
                try {
                    decideAll(*sources[i], decided[i], looked[i]);
                } catch (...) {
                    failures[i] = std::current_exception();
                }
            });
        for (auto& t : threads)
            t.join();
        for (std::size_t i = 0; i < sources.size(); ++i) {
            if (failures[i])
                std::rethrow_exception(failures[i]);
            summary.loans += looked[i];
        }
    }

    // Phase 2: apply the changes in loan key order (the partitions are key ranges in order),
    // so assignment to the officer with the fewest open cases is the same as one pass.
    for (auto& part : decided) {
        for (auto& change : part) {
            const storage::LoanInfo* info = &change.info;
            const CaseDecision& d = change.decision;
            const auto* existingCase = change.existing;
            CaseEventRecord event{now, asOf, runBy, "", std::nullopt, std::nullopt, d.reason};
            nlohmann::ordered_json after;
            switch (d.action) {
            case CaseAction::Keep:
                break;
            case CaseAction::Open: {
                auto& candidates = officers.try_emplace(info->branch).first->second;
                if (candidates.empty())
                    candidates = repo.officersOf(info->branch);
                std::optional<std::int64_t> assignee;
                std::string assigneeName;
                std::string assignedWhy = "fewest open cases";
                std::string rule = storage::kAssignFewestOpenCases;
                auto best = candidates.end();
                if (assignment == storage::kAssignCreditOfficer)
                    best = std::find_if(candidates.begin(), candidates.end(), [&](const auto& o) {
                        return !info->creditOfficer.empty() && o.username == info->creditOfficer;
                    });
                if (best != candidates.end()) {
                    assignedWhy = "credit officer of the loan";
                    rule = storage::kAssignCreditOfficer;
                } else if (assignment != storage::kAssignUnassigned)
                    best = std::min_element(
                        candidates.begin(), candidates.end(),
                        [](const auto& a, const auto& b) { return a.openCases < b.openCases; });
                if (best != candidates.end()) {
                    ++best->openCases;
                    assignee = best->userId;
                    assigneeName = best->username;
                } else {
                    ++summary.unassigned;
                }
                const std::int64_t loanKey =
                    info->key ? info->key : repo.loanKey(info->loanId).value_or(0);
                const auto id = repo.insertCase(loanKey, asOf, kSystemActor, d.stage, assignee);
                event.kind = "opened";
                event.after = toString(d.stage);
                repo.addEvent(id, event);
                after["stage"] = toString(d.stage);
                after["dpd"] = d.position.daysPastDue;
                after["opens_at_dpd"] = std::max(1, policy.openAtDpd);
                after["as_of"] = asOf.toString();
                after["officer"] =
                    assignee ? nlohmann::ordered_json(assigneeName) : nlohmann::ordered_json();
                after["reason"] = d.reason;
                auditCase(info->loanId, "open_case", std::nullopt, after);
                if (assignee) {
                    CaseEventRecord assigned{now,          asOf,         runBy,      "assigned",
                                             std::nullopt, assigneeName, assignedWhy};
                    repo.addEvent(id, assigned);
                    nlohmann::ordered_json to;
                    to["officer"] = assigneeName;
                    to["rule"] = rule;
                    auditCase(info->loanId, "assign_case", std::nullopt, to);
                }
                ++summary.opened;
                break;
            }
            case CaseAction::CloseCured:
            case CaseAction::ClosePaid:
            case CaseAction::CloseSettled: {
                const std::string reason = d.action == CaseAction::CloseCured  ? "cured"
                                           : d.action == CaseAction::ClosePaid ? "paid"
                                                                               : "settled";
                if (d.action == CaseAction::CloseSettled)
                    recordSettlementWaiver(db_, existingCase->loanKey, existingCase->loanId,
                                           d.position, now, runBy);
                repo.closeCase(existingCase->id, asOf, reason);
                event.kind = "closed";
                event.before = "open";
                event.after = reason;
                repo.addEvent(existingCase->id, event);
                after["reason"] = reason;
                after["as_of"] = asOf.toString();
                after["current_since"] = d.currentSince
                                             ? nlohmann::ordered_json(d.currentSince->toString())
                                             : nlohmann::ordered_json();
                after["note"] = d.reason;
                auditCase(existingCase->loanId, "close_case", std::string("open"), after);
                ++(d.action == CaseAction::CloseCured  ? summary.closedCured
                   : d.action == CaseAction::ClosePaid ? summary.closedPaid
                                                       : summary.closedSettled);
                break;
            }
            case CaseAction::MoveToPostWriteOff:
                repo.setStage(existingCase->id, CaseStage::PostWriteOff);
                event.kind = "stage_changed";
                event.before = toString(existingCase->stage);
                event.after = toString(CaseStage::PostWriteOff);
                repo.addEvent(existingCase->id, event);
                after["from"] = toString(existingCase->stage);
                after["to"] = toString(CaseStage::PostWriteOff);
                after["note"] = d.reason;
                after["approval_id"] = nullptr;
                after["automatic"] = true;
                auditCase(existingCase->loanId, "change_stage",
                          std::string(toString(existingCase->stage)), after);
                ++summary.movedToPostWriteOff;
                break;
            }
        }
    }
    // Our rule: a run that changes nothing leaves no trace, so running it twice a day is
    // harmless.
    if (!summary.changedNothing())
        repo.audit(now, kSystemActor, "recompute_cases", "cases", asOf.toString(), std::nullopt,
                   summaryJson(summary, branch, requestedBy));
    return summary;
}

Result<CaseRecord> CaseService::reassign(const User& actor, std::string_view loanId,
                                         std::string_view toUsername, Date businessDate) {
    return atEdge([&]() -> Result<CaseRecord> {
        storage::UserRepository users(db_);
        const auto current = users.find(actor.username);
        const User& who = current ? current->user : actor;
        storage::Transaction tx(db_);
        CaseRepository repo(db_);
        auto c = repo.openCase(loanId);
        if (!c)
            return noOpenCase(loanId);
        if (!current || !allows(who, Permission::ReassignCases, c->branch))
            return permissionDenied(who, Permission::ReassignCases);
        const auto target = users.find(toUsername);
        if (!target || target->user.disabled || target->user.role == Role::Admin ||
            !target->user.worksIn(c->branch))
            return Error{fmt::format("\"{}\" is not an enabled officer or supervisor of branch {}",
                                     toUsername, c->branch),
                         ErrorKind::Invalid, Hint::ListUsers};
        if (c->assignedTo == target->user.id)
            return Error{
                fmt::format("the case of {} is already assigned to {}", loanId, toUsername),
                ErrorKind::Conflict};
        const std::string now = clock_.isoNow();
        const std::optional<std::string> before =
            c->assignedUsername.empty() ? std::nullopt : std::optional(c->assignedUsername);
        repo.setAssignee(c->id, target->user.id);
        repo.addEvent(c->id, {now, businessDate, who.username, "assigned", before,
                              target->user.username, "reassigned"});
        repo.audit(now, who.username, "reassign_case", "case", c->loanId, before,
                   target->user.username);
        tx.commit();
        c->assignedTo = target->user.id;
        c->assignedUsername = target->user.username;
        return *c;
    });
}

Result<CaseFile> CaseService::caseFile(const User& actor, std::string_view loanId,
                                       Date asOf) const {
    return atEdge([&]() -> Result<CaseFile> {
        auto readable = readableLoan(db_, actor, loanId);
        if (!readable)
            return readable.error();
        return readCaseFile(*readable, asOf);
    });
}

Result<CaseFile> CaseService::readCaseFile(const LoanInfo& loan, Date asOf) const {
    CaseFile f;
    const auto currency = db_.currency();
    CaseRepository repo(db_);
    const std::string_view loanId = loan.loanId;
    const auto* info = &loan;
    auto ledger = storage::LoanRepository(db_).findLoan(loanId);
    if (!currency || !ledger)
        return noLoan(loanId);
    f.currency = *currency;
    f.asOf = asOf;
    f.loan = *info;
    f.ledger = std::move(*ledger);
    PositionCalculator calc(storage::loadDelinquencyPolicy(db_));
    f.position = calc.compute(f.ledger, asOf);
    f.installments = calc.installments();
    f.arrearsTolerance = calc.policy().arrearsTolerance;
    f.client = storage::ClientRepository(db_).findByLoan(loanId);
    if (f.position.bucketIndex)
        f.bucket = calc.policy().buckets.nameFor(f.position.daysPastDue);
    f.roll = nextBucketRoll(f.position, calc.policy().buckets);
    f.suggestedStage = suggestedStage(f.position.daysPastDue, f.position.status);
    f.caseRecord = repo.latestCase(loanId);
    f.contacts = repo.contacts(info->key);
    const auto desk = storage::loadDeskSettings(db_);
    f.promiseGraceDays = desk.promiseGraceDays;
    f.contactRules = desk.contactRules;
    storage::CaseActionsRepository actions(db_);
    f.notes = actions.notes(info->key);
    f.approvals = actions.approvalsOfLoan(info->key);
    f.reviews = actions.reviewsOfLoan(info->key);
    f.plan = callListPlan(storage::PlanRepository(db_).ofLoan(info->key), f.ledger.payments, asOf);
    for (const auto& due : storage::CounsellingRepository(db_).followUpsDue(asOf))
        if (due.loanId == loanId)
            f.followUps.push_back({due.referralId, due.organisation, due.followUpOn});
    if (f.caseRecord && f.caseRecord->open) {
        const auto holidays = parseHolidays(db_.setting("holidays").value_or(kHolidaysDefault));
        auto hearings =
            storage::LegalRepository(db_).hearingsDue(asOf, holidays ? *holidays : Holidays{});
        if (auto h = hearings.find(std::string(loanId)); h != hearings.end())
            f.hearings = std::move(h->second);
        const auto deadlines = storage::LetterRepository(db_).latestDeadlines(asOf);
        if (auto l = deadlines.find(f.caseRecord->id); l != deadlines.end())
            f.letterDeadline = l->second;
    }
    for (const auto& r : storage::DeskPaymentRepository(db_).forLoan(loanId))
        f.deskPayments.push_back({r.paymentId, r.takenBy, r.takenAt, r.reversedOn, r.reversedBy,
                                  r.reversalReason, r.reversalRecordedAt});
    const storage::SecurityRepository security(db_);
    f.guarantors = security.guarantorsOf(info->key);
    f.collateral = security.collateralOf(info->key);
    for (const auto& u : storage::UserRepository(db_).list())
        f.fullNames.emplace(u.user.username, u.user.fullName);
    EarlyWarningInput input;
    input.loan = &f.ledger;
    input.asOf = asOf;
    input.currencyCode = f.currency.code;
    input.currencyExponent = f.currency.exponent;
    for (auto& p : repo.promises(info->key)) {
        PromiseView v{p, evaluatePromise(p, f.ledger.payments, asOf, f.promiseGraceDays)};
        input.promiseStatuses.push_back(v.evaluation.status);
        f.promises.push_back(std::move(v));
    }
    for (const auto& c : f.contacts)
        if (c.at.date <= asOf)
            input.contacts.push_back({c.at, c.outcome});
    if (f.caseRecord && f.caseRecord->open) {
        input.caseOpenedOn = f.caseRecord->openedOn;
        f.events = repo.events(f.caseRecord->id);
    } else if (f.caseRecord) {
        f.events = repo.events(f.caseRecord->id);
    }
    f.flags = earlyWarnings(input, calc);
    return f;
}

CallListCase CaseFile::callListCase() const {
    CallListCase c;
    c.loanId = loan.loanId;
    c.clientId = ledger.terms.clientId;
    c.clientName = loan.clientName;
    c.phone = loan.phone;
    c.position = position;
    c.bucket = bucket;
    c.roll = roll;
    c.flags = flags;
    c.plan = plan;
    c.followUps = followUps;
    c.hearings = hearings;
    c.letterDeadline = letterDeadline;
    if (caseRecord) {
        c.officer = caseRecord->assignedUsername;
        c.stage = caseRecord->stage;
        c.nextActionOn = caseRecord->nextActionOn;
    }
    if (!promises.empty()) {
        c.latestPromise = promises.back().promise;
        c.latestPromiseEvaluation = promises.back().evaluation;
    }
    bool contactedSinceOpening = false;
    for (const auto& contact : contacts) {
        if (contact.at.date > asOf)
            continue;
        c.lastContactAt = contact.at;
        if (caseRecord && contact.at.date >= caseRecord->openedOn)
            contactedSinceOpening = true;
    }
    c.newNotContacted = caseRecord && caseRecord->open && !contactedSinceOpening;
    return c;
}

} // namespace rd::services

#include "legal_service.h"

#include "case_access.h"
#include "case_service.h"
#include "core/text_trim.h"
#include "service_edge.h"
#include "storage/case_repository.h"
#include "storage/database.h"
#include "storage/legal_repository.h"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rd::services {
namespace {

using Json = nlohmann::ordered_json;
using storage::CaseRepository;
using storage::LegalRepository;

Json textOrNull(const std::string& s) {
    return s.empty() ? Json(nullptr) : Json(s);
}

Error invalid(std::string text) {
    return Error{std::move(text), ErrorKind::Invalid};
}

Error negativeAmount(const char* what) {
    return invalid(fmt::format("{} cannot be negative: give 0 or more", what));
}

// The imported item of the case file with this id, or null.
template <typename T>
const T* imported(const std::vector<T>& items, std::string T::*id, const std::string& wanted) {
    for (const auto& item : items)
        if (item.*id == wanted)
            return &item;
    return nullptr;
}

Error notTheLoans(const CaseFile& file, const char* what, const char* listed,
                  const std::string& id) {
    return invalid(fmt::format("loan {} has no {} \"{}\" (the case file lists the loan's {} as "
                               "imported)",
                               file.loan.loanId, what, id, listed));
}

// A collateral line: an imported item brings its description and values unless typed in.
Result<AssessedCollateral> collateralLine(AssessedCollateral line, const CaseFile& file) {
    auto& v = line.value;
    v.description = trimmed(v.description);
    if (line.collateralId) {
        const auto* item =
            imported(file.collateral, &CollateralRecord::collateralId, *line.collateralId);
        if (!item)
            return notTheLoans(file, "collateral", "collateral", *line.collateralId);
        if (v.description.empty())
            v = {item->description, item->marketValue.value_or(0),
                 item->forcedSaleValue.value_or(0)};
    }
    if (v.description.empty())
        return invalid("a collateral line needs a description of the item");
    if (v.marketValue < 0 || v.forcedSaleValue < 0)
        return negativeAmount("a collateral value");
    return line;
}

// A guarantor line: an imported guarantor brings the name and phone unless typed in.
Result<AssessedGuarantor> guarantorLine(AssessedGuarantor line, const CaseFile& file) {
    auto& v = line.value;
    v.fullName = trimmed(v.fullName);
    if (line.guarantorId) {
        const auto* g = imported(file.guarantors, &GuarantorRecord::guarantorId, *line.guarantorId);
        if (!g)
            return notTheLoans(file, "guarantor", "guarantors", *line.guarantorId);
        if (v.fullName.empty()) {
            v.fullName = g->fullName;
            v.phone = g->phone;
        }
    }
    if (v.fullName.empty())
        return invalid("a guarantor line needs the guarantor's name");
    if (v.canPay < 0)
        return negativeAmount("what a guarantor can pay");
    return line;
}

// The case legal work is recorded on: the loan's open case if the actor may work it; once the
// loan has no open case, its latest case for a supervisor of the branch.
Result<CaseRecord> legalWorkCase(storage::Database& db, const User& actor,
                                 std::string_view loanId) {
    CaseRepository cases(db);
    if (cases.openCase(loanId))
        return workableCase(db, actor, loanId);
    auto latest = cases.latestCase(loanId);
    if (!latest) {
        if (!cases.loanInfo(loanId))
            return noLoan(loanId);
        return noOpenCase(loanId);
    }
    const auto current = currentUser(db, actor);
    if (current && allows(*current, Permission::WorkBranchCases, latest->branch))
        return *latest;
    return Error{fmt::format("permission denied for {} ({}): the case of {} has closed, and only "
                             "a supervisor of branch {} records its legal work now",
                             actor.username, roleCode(actor.role), loanId, latest->branch),
                 ErrorKind::Denied};
}

Error noLegalCase(std::int64_t id) {
    return Error{fmt::format("there is no legal case {} (the case file's legal tab and the "
                             "hearing calendar show the legal cases)",
                             id),
                 ErrorKind::NotFound};
}

struct Writable {
    LegalCaseRecord legal;
    CaseRecord onCase;
};

// A legal case that is not closed, on a case the actor may record legal work on.
Result<Writable> writableLegalCase(storage::Database& db, const User& actor, std::int64_t id) {
    auto legal = LegalRepository(db).legalCase(id);
    if (!legal)
        return noLegalCase(id);
    auto c = legalWorkCase(db, actor, legal->loanId);
    if (!c)
        return c.error();
    if (legal->status() == LegalStatus::Closed)
        return Error{fmt::format("legal case {} of loan {} is closed; open a new legal case for "
                                 "new proceedings",
                                 id, legal->loanId),
                     ErrorKind::Conflict};
    return Writable{std::move(*legal), std::move(*c)};
}

std::string actorName(storage::Database& db, const User& actor) {
    return currentUser(db, actor).value_or(actor).username;
}

bool validTime(const std::string& t) {
    if (t.empty())
        return true;
    if (t.size() != 5 || t[2] != ':')
        return false;
    for (int i : {0, 1, 3, 4})
        if (t[i] < '0' || t[i] > '9')
            return false;
    return (t[0] - '0') * 10 + (t[1] - '0') < 24 && t[3] < '6';
}

Json assessmentJson(const FeasibilityRecord& a) {
    Json j;
    j["assessment_id"] = a.id;
    j["balance"] = a.balance;
    Json collateral = Json::array();
    for (const auto& c : a.collateral)
        collateral.push_back({{"collateral_id", c.collateralId ? Json(*c.collateralId) : Json()},
                              {"description", c.value.description},
                              {"market_value", c.value.marketValue},
                              {"forced_sale_value", c.value.forcedSaleValue}});
    j["collateral"] = collateral;
    Json guarantors = Json::array();
    for (const auto& g : a.guarantors)
        guarantors.push_back({{"guarantor_id", g.guarantorId ? Json(*g.guarantorId) : Json()},
                              {"full_name", g.value.fullName},
                              {"reached", g.value.reached},
                              {"can_pay", g.value.canPay}});
    j["guarantors"] = guarantors;
    j["costs"] = {{"court", a.costs.court},
                  {"lawyer", a.costs.lawyer},
                  {"auctioneer", a.costs.auctioneer},
                  {"transport", a.costs.transport}};
    j["chance_percent"] = a.chancePercent;
    j["expected_net_recovery"] = a.expectedNetRecovery;
    j["note"] = textOrNull(a.note);
    return j;
}

} // namespace

LegalService::LegalService(storage::Database& db, Clock clock)
    : db_(db), clock_(std::move(clock)) {}

Result<FeasibilityRecord> LegalService::assessFeasibility(const User& actor,
                                                          std::string_view loanId,
                                                          FeasibilityRequest request,
                                                          Date businessDate) {
    return atEdge([&]() -> Result<FeasibilityRecord> {
        if (request.chancePercent < 0 || request.chancePercent > 100)
            return invalid(fmt::format("the chance of recovery is a percentage from 0 to 100, "
                                       "not {}",
                                       request.chancePercent));
        const auto& k = request.costs;
        if (k.court < 0 || k.lawyer < 0 || k.auctioneer < 0 || k.transport < 0)
            return negativeAmount("an estimated cost");
        storage::Transaction tx(db_);
        auto c = workableCase(db_, actor, loanId);
        if (!c)
            return c.error();
        auto file = CaseService(db_, clock_).caseFile(actor, loanId, businessDate);
        if (!file)
            return file.error();
        FeasibilityRecord a;
        a.loanId = std::string(loanId);
        a.caseId = c->id;
        a.businessDate = businessDate;
        a.assessedBy = actorName(db_, actor);
        a.assessedAt = clock_.isoNow();
        const auto& p = file->position;
        a.balance =
            p.outstandingPrincipal + p.arrears.interest + p.arrears.fees + p.arrears.penalties;
        for (auto& line : request.collateral) {
            auto checked = collateralLine(std::move(line), *file);
            if (!checked)
                return checked.error();
            a.collateral.push_back(std::move(*checked));
        }
        for (auto& line : request.guarantors) {
            auto checked = guarantorLine(std::move(line), *file);
            if (!checked)
                return checked.error();
            a.guarantors.push_back(std::move(*checked));
        }
        a.costs = request.costs;
        a.chancePercent = request.chancePercent;
        a.note = trimmed(request.note);
        a.expectedNetRecovery = expectedNetRecovery(a.input());
        LegalRepository repo(db_);
        a.id = repo.insertAssessment(c->loanKey, a);
        CaseRepository(db_).audit(a.assessedAt, a.assessedBy, "assess_feasibility", "case",
                                  c->loanId, std::nullopt, assessmentJson(a).dump());
        tx.commit();
        return *repo.assessment(a.id);
    });
}

Result<std::int64_t> LegalService::openLegalCase(const User& actor, std::string_view loanId,
                                                 LegalCaseRequest request, Date businessDate) {
    return atEdge([&]() -> Result<std::int64_t> {
        request.forum = trimmed(request.forum);
        request.caseNumber = trimmed(request.caseNumber);
        request.lawyer = trimmed(request.lawyer);
        request.note = trimmed(request.note);
        if (request.forum.empty())
            return invalid("a legal case needs its court or agency: name where it is filed");
        if (request.filedOn > businessDate)
            return invalid(fmt::format("the filing date {} is after today ({}): a case is "
                                       "recorded once it is filed",
                                       request.filedOn.toString(), businessDate.toString()));
        storage::Transaction tx(db_);
        auto c = workableCase(db_, actor, loanId);
        if (!c)
            return c.error();
        if (c->stage != CaseStage::Legal)
            return Error{fmt::format("the case of {} is in stage {}, not legal: a supervisor "
                                     "approves the move to legal first",
                                     loanId, toString(c->stage)),
                         ErrorKind::Conflict, Hint::RequestLegal};
        LegalRepository repo(db_);
        for (const auto& other : repo.legalCasesOfLoan(c->loanKey))
            if (other.status() != LegalStatus::Closed)
                return Error{fmt::format("loan {} already has legal case {} at {} ({}); close it "
                                         "before opening another",
                                         loanId, other.id, other.forum, toString(other.status())),
                             ErrorKind::Conflict};
        LegalCaseRecord legal;
        legal.caseId = c->id;
        legal.forumKind = request.forumKind;
        legal.forum = request.forum;
        legal.caseNumber = request.caseNumber;
        legal.lawyer = request.lawyer;
        legal.filedOn = request.filedOn;
        legal.openedBy = actorName(db_, actor);
        legal.openedAt = clock_.isoNow();
        legal.businessDate = businessDate;
        legal.note = request.note;
        const auto id = repo.insertLegalCase(c->loanKey, legal);
        Json after;
        after["legal_case_id"] = id;
        after["forum_kind"] = toString(legal.forumKind);
        after["forum"] = legal.forum;
        after["case_number"] = textOrNull(legal.caseNumber);
        after["lawyer"] = textOrNull(legal.lawyer);
        after["filed_on"] = legal.filedOn.toString();
        after["note"] = textOrNull(legal.note);
        CaseRepository(db_).audit(legal.openedAt, legal.openedBy, "open_legal_case", "case",
                                  c->loanId, std::nullopt, after.dump());
        tx.commit();
        return id;
    });
}

Result<LegalCaseRecord> LegalService::updateStatus(const User& actor, std::int64_t legalCaseId,
                                                   LegalStatus status, std::string note,
                                                   std::optional<std::string> caseNumber,
                                                   std::optional<std::string> lawyer,
                                                   Date businessDate) {
    return atEdge([&]() -> Result<LegalCaseRecord> {
        note = trimmed(note);
        if (caseNumber)
            caseNumber = trimmed(*caseNumber);
        if (lawyer)
            lawyer = trimmed(*lawyer);
        if (caseNumber && caseNumber->empty())
            caseNumber.reset();
        if (lawyer && lawyer->empty())
            lawyer.reset();
        storage::Transaction tx(db_);
        auto w = writableLegalCase(db_, actor, legalCaseId);
        if (!w)
            return w.error();
        const auto& legal = w->legal;
        if (status == legal.status() && !caseNumber && !lawyer)
            return Error{fmt::format("legal case {} is already {}: give a new status, case "
                                     "number or lawyer",
                                     legalCaseId, toString(status)),
                         ErrorKind::Conflict};
        if (status == LegalStatus::Closed && note.empty())
            return Error{"closing a legal case needs a note saying how it ended",
                         ErrorKind::Invalid, Hint::GiveText};
        LegalStatusUpdate u;
        u.status = status;
        u.caseNumber = caseNumber;
        u.lawyer = lawyer;
        u.businessDate = businessDate;
        u.note = note;
        u.recordedBy = actorName(db_, actor);
        u.recordedAt = clock_.isoNow();
        LegalRepository repo(db_);
        repo.insertUpdate(legalCaseId, u);
        Json before;
        before["status"] = toString(legal.status());
        Json after;
        after["legal_case_id"] = legalCaseId;
        after["status"] = toString(status);
        after["case_number"] = caseNumber ? Json(*caseNumber) : Json();
        after["lawyer"] = lawyer ? Json(*lawyer) : Json();
        after["note"] = textOrNull(note);
        CaseRepository(db_).audit(u.recordedAt, u.recordedBy, "update_legal_case", "case",
                                  legal.loanId, before.dump(), after.dump());
        tx.commit();
        return *repo.legalCase(legalCaseId);
    });
}

Result<std::int64_t> LegalService::addSession(const User& actor, std::int64_t legalCaseId,
                                              LegalSessionRequest request, Date businessDate) {
    return atEdge([&]() -> Result<std::int64_t> {
        request.time = trimmed(request.time);
        request.place = trimmed(request.place);
        request.purpose = trimmed(request.purpose);
        if (!validTime(request.time))
            return invalid(
                fmt::format("\"{}\" is not a time: give HH:MM, e.g. 09:30", request.time));
        storage::Transaction tx(db_);
        auto w = writableLegalCase(db_, actor, legalCaseId);
        if (!w)
            return w.error();
        if (request.date < w->legal.filedOn)
            return invalid(fmt::format("the session's date {} is before the case was filed "
                                       "({})",
                                       request.date.toString(), w->legal.filedOn.toString()));
        LegalSessionRecord s;
        s.legalCaseId = legalCaseId;
        s.kind = request.kind;
        s.date = request.date;
        s.time = request.time;
        s.place = request.place.empty() ? w->legal.forum : request.place;
        s.purpose = request.purpose;
        s.recordedBy = actorName(db_, actor);
        s.recordedAt = clock_.isoNow();
        s.businessDate = businessDate;
        LegalRepository repo(db_);
        const auto id = repo.insertSession(s);
        Json after;
        after["legal_case_id"] = legalCaseId;
        after["session_id"] = id;
        after["kind"] = toString(s.kind);
        after["date"] = s.date.toString();
        after["time"] = textOrNull(s.time);
        after["place"] = s.place;
        after["purpose"] = textOrNull(s.purpose);
        CaseRepository(db_).audit(s.recordedAt, s.recordedBy, "add_legal_session", "case",
                                  w->legal.loanId, std::nullopt, after.dump());
        tx.commit();
        return id;
    });
}

Result<LegalSessionRecord> LegalService::recordOutcome(const User& actor, std::int64_t sessionId,
                                                       std::string outcome,
                                                       std::optional<Date> nextDate,
                                                       Date businessDate) {
    return atEdge([&]() -> Result<LegalSessionRecord> {
        outcome = trimmed(outcome);
        if (outcome.empty())
            return Error{"say what came of the session (adjourned, settled, ruling reserved...)",
                         ErrorKind::Invalid, Hint::GiveText};
        storage::Transaction tx(db_);
        LegalRepository repo(db_);
        auto session = repo.session(sessionId);
        if (!session)
            return Error{fmt::format("there is no hearing or mediation session {} (the hearing "
                                     "calendar shows them)",
                                     sessionId),
                         ErrorKind::NotFound};
        auto w = writableLegalCase(db_, actor, session->legalCaseId);
        if (!w)
            return w.error();
        if (session->outcome)
            return Error{fmt::format("session {} already has its outcome (\"{}\"); schedule the "
                                     "next session instead",
                                     sessionId, session->outcome->outcome),
                         ErrorKind::Conflict};
        if (session->date > businessDate)
            return invalid(fmt::format("session {} is on {}, after today ({}): record its "
                                       "outcome on or after the day",
                                       sessionId, session->date.toString(),
                                       businessDate.toString()));
        if (nextDate && *nextDate <= session->date)
            return invalid(fmt::format("the next date {} is not after the session ({})",
                                       nextDate->toString(), session->date.toString()));
        LegalSessionOutcome o;
        o.outcome = outcome;
        o.nextDate = nextDate;
        o.recordedBy = actorName(db_, actor);
        o.recordedAt = clock_.isoNow();
        o.businessDate = businessDate;
        repo.insertOutcome(sessionId, o);
        Json after;
        after["legal_case_id"] = session->legalCaseId;
        after["session_id"] = sessionId;
        after["outcome"] = outcome;
        after["next_date"] = nextDate ? Json(nextDate->toString()) : Json();
        if (nextDate) {
            LegalSessionRecord next;
            next.legalCaseId = session->legalCaseId;
            next.kind = session->kind;
            next.date = *nextDate;
            next.place = session->place;
            next.purpose = fmt::format("continued from {}", session->date.toString());
            next.recordedBy = o.recordedBy;
            next.recordedAt = o.recordedAt;
            next.businessDate = businessDate;
            after["next_session_id"] = repo.insertSession(next);
        }
        CaseRepository(db_).audit(o.recordedAt, o.recordedBy, "record_session_outcome", "case",
                                  w->legal.loanId, std::nullopt, after.dump());
        tx.commit();
        return *repo.session(sessionId);
    });
}

Result<std::int64_t> LegalService::recordJudgment(const User& actor, std::int64_t legalCaseId,
                                                  Date judgmentDate, Amount amountAwarded,
                                                  Amount costsAwarded, std::string note,
                                                  Date businessDate) {
    return atEdge([&]() -> Result<std::int64_t> {
        note = trimmed(note);
        if (amountAwarded < 0 || costsAwarded < 0)
            return negativeAmount("an amount awarded");
        if (judgmentDate > businessDate)
            return invalid(fmt::format("the judgment date {} is after today ({})",
                                       judgmentDate.toString(), businessDate.toString()));
        storage::Transaction tx(db_);
        auto w = writableLegalCase(db_, actor, legalCaseId);
        if (!w)
            return w.error();
        if (judgmentDate < w->legal.filedOn)
            return invalid(fmt::format("the judgment date {} is before the case was filed ({})",
                                       judgmentDate.toString(), w->legal.filedOn.toString()));
        JudgmentRecord j;
        j.date = judgmentDate;
        j.amountAwarded = amountAwarded;
        j.costsAwarded = costsAwarded;
        j.note = note;
        j.recordedBy = actorName(db_, actor);
        j.recordedAt = clock_.isoNow();
        LegalRepository repo(db_);
        const auto id = repo.insertJudgment(legalCaseId, j);
        if (w->legal.status() != LegalStatus::Judgment) {
            LegalStatusUpdate u;
            u.status = LegalStatus::Judgment;
            u.businessDate = businessDate;
            u.note = fmt::format("judgment of {}", judgmentDate.toString());
            u.recordedBy = j.recordedBy;
            u.recordedAt = j.recordedAt;
            repo.insertUpdate(legalCaseId, u);
        }
        Json after;
        after["legal_case_id"] = legalCaseId;
        after["judgment_id"] = id;
        after["date"] = judgmentDate.toString();
        after["amount_awarded"] = amountAwarded;
        after["costs_awarded"] = costsAwarded;
        after["note"] = textOrNull(note);
        CaseRepository(db_).audit(j.recordedAt, j.recordedBy, "record_judgment", "case",
                                  w->legal.loanId, std::nullopt, after.dump());
        tx.commit();
        return id;
    });
}

Result<std::int64_t> LegalService::recordEnforcement(const User& actor, std::int64_t legalCaseId,
                                                     EnforcementKind kind, std::string items,
                                                     Date actionDate, Amount proceeds,
                                                     std::string note, Date businessDate) {
    return atEdge([&]() -> Result<std::int64_t> {
        items = trimmed(items);
        note = trimmed(note);
        if (items.empty())
            return invalid("an enforcement needs the items attached or repossessed");
        if (proceeds < 0)
            return negativeAmount("the proceeds");
        if (actionDate > businessDate)
            return invalid(fmt::format("the enforcement date {} is after today ({})",
                                       actionDate.toString(), businessDate.toString()));
        storage::Transaction tx(db_);
        auto w = writableLegalCase(db_, actor, legalCaseId);
        if (!w)
            return w.error();
        EnforcementRecord e;
        e.kind = kind;
        e.items = items;
        e.date = actionDate;
        e.proceeds = proceeds;
        e.note = note;
        e.recordedBy = actorName(db_, actor);
        e.recordedAt = clock_.isoNow();
        LegalRepository repo(db_);
        const auto id = repo.insertEnforcement(legalCaseId, e);
        if (w->legal.status() != LegalStatus::Enforcement) {
            LegalStatusUpdate u;
            u.status = LegalStatus::Enforcement;
            u.businessDate = businessDate;
            u.note = fmt::format("{} of {}", toString(kind), items);
            u.recordedBy = e.recordedBy;
            u.recordedAt = e.recordedAt;
            repo.insertUpdate(legalCaseId, u);
        }
        Json after;
        after["legal_case_id"] = legalCaseId;
        after["enforcement_id"] = id;
        after["kind"] = toString(kind);
        after["items"] = items;
        after["date"] = actionDate.toString();
        after["proceeds"] = proceeds;
        after["note"] = textOrNull(note);
        CaseRepository(db_).audit(e.recordedAt, e.recordedBy, "record_enforcement", "case",
                                  w->legal.loanId, std::nullopt, after.dump());
        tx.commit();
        return id;
    });
}

Result<std::int64_t> LegalService::addCost(const User& actor, std::string_view loanId,
                                           CostRequest request, Date businessDate) {
    return atEdge([&]() -> Result<std::int64_t> {
        request.reference = trimmed(request.reference);
        request.note = trimmed(request.note);
        if (request.amount <= 0)
            return invalid("a recovery cost is more than 0: a correction is a reversal of the "
                           "cost");
        if (request.date > businessDate)
            return invalid(fmt::format("the cost's date {} is after today ({})",
                                       request.date.toString(), businessDate.toString()));
        storage::Transaction tx(db_);
        auto c = legalWorkCase(db_, actor, loanId);
        if (!c)
            return c.error();
        LegalRepository repo(db_);
        if (request.legalCaseId) {
            auto legal = repo.legalCase(*request.legalCaseId);
            if (!legal || legal->loanId != loanId)
                return invalid(
                    fmt::format("loan {} has no legal case {}", loanId, *request.legalCaseId));
        }
        RecoveryCostRecord cost;
        cost.caseId = c->id;
        cost.kind = request.kind;
        cost.date = request.date;
        cost.amount = request.amount;
        cost.reference = request.reference;
        cost.note = request.note;
        cost.legalCaseId = request.legalCaseId;
        cost.recordedBy = actorName(db_, actor);
        cost.recordedAt = clock_.isoNow();
        const auto id = repo.insertCost(c->loanKey, cost);
        Json after;
        after["cost_id"] = id;
        after["kind"] = toString(cost.kind);
        after["date"] = cost.date.toString();
        after["amount"] = cost.amount;
        after["reference"] = textOrNull(cost.reference);
        after["legal_case_id"] = cost.legalCaseId ? Json(*cost.legalCaseId) : Json();
        after["note"] = textOrNull(cost.note);
        CaseRepository(db_).audit(cost.recordedAt, cost.recordedBy, "add_cost", "case", c->loanId,
                                  std::nullopt, after.dump());
        tx.commit();
        return id;
    });
}

Result<std::int64_t> LegalService::reverseCost(const User& actor, std::int64_t costId,
                                               std::string reason, Date businessDate) {
    return atEdge([&]() -> Result<std::int64_t> {
        reason = trimmed(reason);
        if (reason.empty())
            return Error{"a reversal needs a reason", ErrorKind::Invalid, Hint::GiveReason};
        storage::Transaction tx(db_);
        LegalRepository repo(db_);
        auto cost = repo.cost(costId);
        if (!cost)
            return Error{fmt::format("there is no recovery cost {} (the case file lists the "
                                     "costs)",
                                     costId),
                         ErrorKind::NotFound};
        const auto info = CaseRepository(db_).loanInfo(cost->loanId);
        const auto current = currentUser(db_, actor);
        const User& who = current ? *current : actor;
        if (!current || !allows(who, Permission::WorkBranchCases, info->branch))
            return permissionDenied(who, Permission::WorkBranchCases);
        if (cost->reversesCostId)
            return Error{fmt::format("cost {} is itself a reversal (of cost {}); record the cost "
                                     "again instead",
                                     costId, *cost->reversesCostId),
                         ErrorKind::Conflict};
        if (cost->reversedById)
            return Error{
                fmt::format("cost {} was already reversed (by {})", costId, *cost->reversedById),
                ErrorKind::Conflict};
        RecoveryCostRecord r = *cost;
        r.date = businessDate;
        r.amount = -cost->amount;
        r.note = reason;
        r.reversesCostId = costId;
        r.recordedBy = who.username;
        r.recordedAt = clock_.isoNow();
        const auto id = repo.insertCost(info->key, r);
        Json before;
        before["cost_id"] = costId;
        before["amount"] = cost->amount;
        Json after;
        after["cost_id"] = id;
        after["reverses_cost_id"] = costId;
        after["kind"] = toString(cost->kind);
        after["amount"] = r.amount;
        after["reason"] = reason;
        CaseRepository(db_).audit(r.recordedAt, r.recordedBy, "reverse_cost", "case", cost->loanId,
                                  before.dump(), after.dump());
        tx.commit();
        return id;
    });
}

Result<LegalFile> LegalService::legalOfLoan(const User& actor, std::string_view loanId) const {
    return atEdge([&]() -> Result<LegalFile> {
        auto loan = readableLoan(db_, actor, loanId);
        if (!loan)
            return loan.error();
        LegalRepository repo(db_);
        LegalFile f;
        f.assessments = repo.assessmentsOfLoan(loan->key);
        f.cases = repo.legalCasesOfLoan(loan->key);
        f.costs = repo.costsOfLoan(loan->key);
        f.costTotal = totalCosts(f.costs);
        return f;
    });
}

Result<LegalCaseRecord> LegalService::legalCase(const User& actor, std::int64_t legalCaseId) const {
    return atEdge([&]() -> Result<LegalCaseRecord> {
        auto legal = LegalRepository(db_).legalCase(legalCaseId);
        if (!legal)
            return noLegalCase(legalCaseId);
        if (auto loan = readableLoan(db_, actor, legal->loanId); !loan)
            return loan.error();
        return *legal;
    });
}

Result<std::optional<FeasibilityRecord>>
LegalService::requestAssessment(const User& actor, std::int64_t approvalId) const {
    return atEdge([&]() -> Result<std::optional<FeasibilityRecord>> {
        LegalRepository repo(db_);
        const auto id = repo.requestAssessment(approvalId);
        if (!id)
            return std::optional<FeasibilityRecord>{};
        auto a = repo.assessment(*id);
        if (auto loan = readableLoan(db_, actor, a->loanId); !loan)
            return loan.error();
        return a;
    });
}

Result<std::vector<CalendarEntry>> LegalService::calendar(const User& actor, Date from, Date to,
                                                          const std::string& officer) const {
    return atEdge([&]() -> Result<std::vector<CalendarEntry>> {
        if (to < from)
            return invalid(fmt::format("the calendar's end {} is before its start {}",
                                       to.toString(), from.toString()));
        auto scope = readScope(db_, actor);
        if (!scope)
            return scope.error();
        std::vector<CalendarEntry> out;
        for (auto& e : LegalRepository(db_).calendar(from, to, false)) {
            if (!scope->all && std::find(scope->branches.begin(), scope->branches.end(),
                                         e.branch) == scope->branches.end())
                continue;
            if (!officer.empty() && e.officer != officer)
                continue;
            out.push_back(std::move(e));
        }
        return out;
    });
}

} // namespace rd::services

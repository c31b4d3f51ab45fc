#include "legal_repository.h"

#include "date_columns.h"

namespace rd::storage {
namespace {

std::optional<std::string> dateText(const std::optional<Date>& d) {
    if (!d)
        return std::nullopt;
    return d->toString();
}

std::int64_t lastId(Database& db) {
    return sqlite3_last_insert_rowid(db.handle());
}

constexpr const char* kAssessmentColumns =
    "SELECT a.id, l.loan_id, a.case_id, a.business_date, a.assessed_by, a.assessed_at, "
    "a.balance, a.cost_court, a.cost_lawyer, a.cost_auctioneer, a.cost_transport, "
    "a.chance_percent, a.expected_net_recovery, a.note FROM feasibility_assessments a "
    "JOIN loans l ON l.id = a.loan_pk ";

constexpr const char* kCaseColumns =
    "SELECT c.id, l.loan_id, l.branch, c.case_id, c.forum_kind, c.forum, c.case_number, "
    "c.lawyer, c.filed_on, c.opened_by, c.opened_at, c.business_date, c.note "
    "FROM legal_cases c JOIN loans l ON l.id = c.loan_pk ";

constexpr const char* kSessionColumns =
    "SELECT s.id, s.legal_case_id, s.kind, s.session_date, s.session_time, s.place, s.purpose, "
    "s.recorded_by, s.recorded_at, s.business_date, o.outcome, o.next_date, o.recorded_by, "
    "o.recorded_at, o.business_date FROM legal_sessions s "
    "LEFT JOIN legal_session_outcomes o ON o.session_id = s.id ";

constexpr const char* kCostColumns =
    "SELECT c.id, l.loan_id, c.case_id, c.kind, c.cost_date, c.amount, c.reference, c.note, "
    "c.legal_case_id, c.reverses_cost_id, r.id, c.recorded_by, c.recorded_at "
    "FROM recovery_costs c JOIN loans l ON l.id = c.loan_pk "
    "LEFT JOIN recovery_costs r ON r.reverses_cost_id = c.id ";

std::optional<std::int64_t> optionalInt(const Statement& s, int column) {
    if (s.isNull(column))
        return std::nullopt;
    return s.int64(column);
}

LegalSessionRecord sessionFrom(const Statement& s) {
    constexpr int at = 0;
    LegalSessionRecord r;
    r.id = s.int64(at + 0);
    r.legalCaseId = s.int64(at + 1);
    r.kind = parseLegalSessionKind(s.text(at + 2)).value();
    r.date = dateColumn(s, at + 3);
    r.time = s.string(at + 4);
    r.place = s.string(at + 5);
    r.purpose = s.string(at + 6);
    r.recordedBy = s.string(at + 7);
    r.recordedAt = s.string(at + 8);
    r.businessDate = dateColumn(s, at + 9);
    if (!s.isNull(at + 10)) {
        LegalSessionOutcome o;
        o.outcome = s.string(at + 10);
        o.nextDate = optionalDateColumn(s, at + 11);
        o.recordedBy = s.string(at + 12);
        o.recordedAt = s.string(at + 13);
        o.businessDate = dateColumn(s, at + 14);
        r.outcome = std::move(o);
    }
    return r;
}

RecoveryCostRecord costFrom(const Statement& s) {
    RecoveryCostRecord c;
    c.id = s.int64(0);
    c.loanId = s.string(1);
    c.caseId = s.int64(2);
    c.kind = parseCostKind(s.text(3)).value();
    c.date = dateColumn(s, 4);
    c.amount = s.int64(5);
    c.reference = s.string(6);
    c.note = s.string(7);
    c.legalCaseId = optionalInt(s, 8);
    c.reversesCostId = optionalInt(s, 9);
    c.reversedById = optionalInt(s, 10);
    c.recordedBy = s.string(11);
    c.recordedAt = s.string(12);
    return c;
}

} // namespace

std::optional<std::int64_t> LegalRepository::collateralKey(std::int64_t loanKey,
                                                           std::string_view id) const {
    auto s = db_.prepare("SELECT id FROM collateral WHERE loan_pk = ? AND collateral_id = ?");
    s.bind(1, loanKey).bind(2, id);
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

std::optional<std::int64_t> LegalRepository::guarantorKey(std::int64_t loanKey,
                                                          std::string_view id) const {
    auto s = db_.prepare("SELECT id FROM guarantors WHERE loan_pk = ? AND guarantor_id = ?");
    s.bind(1, loanKey).bind(2, id);
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

std::int64_t LegalRepository::insertAssessment(std::int64_t loanKey, const FeasibilityRecord& a) {
    auto s = db_.prepare(
        "INSERT INTO feasibility_assessments(loan_pk, case_id, business_date, assessed_by, "
        "assessed_at, balance, cost_court, cost_lawyer, cost_auctioneer, cost_transport, "
        "chance_percent, expected_net_recovery, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?)");
    s.bind(1, loanKey).bind(2, a.caseId).bind(3, a.businessDate.toString());
    s.bind(4, a.assessedBy).bind(5, a.assessedAt).bind(6, a.balance);
    s.bind(7, a.costs.court).bind(8, a.costs.lawyer).bind(9, a.costs.auctioneer);
    s.bind(10, a.costs.transport).bind(11, a.chancePercent).bind(12, a.expectedNetRecovery);
    s.bind(13, a.note);
    s.execute();
    const std::int64_t id = lastId(db_);
    auto c = db_.prepare("INSERT INTO feasibility_collateral(assessment_id, line_no, "
                         "collateral_pk, description, market_value, forced_sale_value) "
                         "VALUES (?, ?, ?, ?, ?, ?)");
    int line = 0;
    for (const auto& item : a.collateral) {
        std::optional<std::int64_t> key;
        if (item.collateralId)
            key = collateralKey(loanKey, *item.collateralId);
        c.bind(1, id).bind(2, ++line).bind(3, key).bind(4, item.value.description);
        c.bind(5, item.value.marketValue).bind(6, item.value.forcedSaleValue);
        c.execute();
        c.reset();
    }
    auto g = db_.prepare("INSERT INTO feasibility_guarantors(assessment_id, line_no, "
                         "guarantor_pk, full_name, phone, reached, can_pay) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)");
    line = 0;
    for (const auto& item : a.guarantors) {
        std::optional<std::int64_t> key;
        if (item.guarantorId)
            key = guarantorKey(loanKey, *item.guarantorId);
        g.bind(1, id).bind(2, ++line).bind(3, key).bind(4, item.value.fullName);
        g.bind(5, item.value.phone).bind(6, item.value.reached ? 1 : 0);
        g.bind(7, item.value.canPay);
        g.execute();
        g.reset();
    }
    return id;
}

namespace {

FeasibilityRecord assessmentFrom(const Statement& s) {
    FeasibilityRecord a;
    a.id = s.int64(0);
    a.loanId = s.string(1);
    a.caseId = s.int64(2);
    a.businessDate = dateColumn(s, 3);
    a.assessedBy = s.string(4);
    a.assessedAt = s.string(5);
    a.balance = s.int64(6);
    a.costs.court = s.int64(7);
    a.costs.lawyer = s.int64(8);
    a.costs.auctioneer = s.int64(9);
    a.costs.transport = s.int64(10);
    a.chancePercent = static_cast<int>(s.int64(11));
    a.expectedNetRecovery = s.int64(12);
    a.note = s.string(13);
    return a;
}

} // namespace

std::optional<FeasibilityRecord> LegalRepository::assessment(std::int64_t id) const {
    auto s = db_.prepare(std::string(kAssessmentColumns) + "WHERE a.id = ?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    FeasibilityRecord a = assessmentFrom(s);
    auto c = db_.prepare("SELECT k.collateral_id, f.description, f.market_value, "
                         "f.forced_sale_value FROM feasibility_collateral f "
                         "LEFT JOIN collateral k ON k.id = f.collateral_pk "
                         "WHERE f.assessment_id = ? ORDER BY f.line_no");
    c.bind(1, id);
    while (c.step())
        a.collateral.push_back({c.optionalString(0), {c.string(1), c.int64(2), c.int64(3)}});
    auto g = db_.prepare("SELECT k.guarantor_id, f.full_name, f.phone, f.reached, f.can_pay "
                         "FROM feasibility_guarantors f "
                         "LEFT JOIN guarantors k ON k.id = f.guarantor_pk "
                         "WHERE f.assessment_id = ? ORDER BY f.line_no");
    g.bind(1, id);
    while (g.step())
        a.guarantors.push_back(
            {g.optionalString(0), {g.string(1), g.string(2), g.int64(3) != 0, g.int64(4)}});
    return a;
}

std::vector<FeasibilityRecord> LegalRepository::assessmentsOfLoan(std::int64_t loanKey) const {
    auto s = db_.prepare("SELECT id FROM feasibility_assessments WHERE loan_pk = ? ORDER BY id");
    s.bind(1, loanKey);
    std::vector<std::int64_t> ids;
    while (s.step())
        ids.push_back(s.int64(0));
    std::vector<FeasibilityRecord> out;
    for (const auto id : ids)
        out.push_back(*assessment(id));
    return out;
}

void LegalRepository::linkRequest(std::int64_t approvalId, std::int64_t assessmentId) {
    auto s = db_.prepare(
        "INSERT INTO legal_request_feasibility(approval_id, assessment_id) VALUES (?, ?)");
    s.bind(1, approvalId).bind(2, assessmentId);
    s.execute();
}

std::optional<std::int64_t> LegalRepository::requestAssessment(std::int64_t approvalId) const {
    auto s =
        db_.prepare("SELECT assessment_id FROM legal_request_feasibility WHERE approval_id = ?");
    s.bind(1, approvalId);
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

std::int64_t LegalRepository::insertLegalCase(std::int64_t loanKey, const LegalCaseRecord& c) {
    auto s = db_.prepare("INSERT INTO legal_cases(loan_pk, case_id, forum_kind, forum, "
                         "case_number, lawyer, filed_on, opened_by, opened_at, business_date, "
                         "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, loanKey).bind(2, c.caseId).bind(3, toString(c.forumKind)).bind(4, c.forum);
    s.bind(5, c.caseNumber).bind(6, c.lawyer).bind(7, c.filedOn.toString());
    s.bind(8, c.openedBy).bind(9, c.openedAt).bind(10, c.businessDate.toString());
    s.bind(11, c.note);
    s.execute();
    const std::int64_t id = lastId(db_);
    LegalStatusUpdate filed;
    filed.status = LegalStatus::Filed;
    filed.businessDate = c.businessDate;
    filed.recordedBy = c.openedBy;
    filed.recordedAt = c.openedAt;
    insertUpdate(id, filed);
    return id;
}

std::int64_t LegalRepository::insertUpdate(std::int64_t legalCaseId, const LegalStatusUpdate& u) {
    auto s = db_.prepare("INSERT INTO legal_case_updates(legal_case_id, status, case_number, "
                         "lawyer, business_date, note, recorded_by, recorded_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, legalCaseId).bind(2, toString(u.status)).bind(3, u.caseNumber).bind(4, u.lawyer);
    s.bind(5, u.businessDate.toString()).bind(6, u.note).bind(7, u.recordedBy);
    s.bind(8, u.recordedAt);
    s.execute();
    return lastId(db_);
}

std::vector<LegalStatusUpdate> LegalRepository::updatesOf(std::int64_t legalCaseId) const {
    auto s = db_.prepare("SELECT id, status, case_number, lawyer, business_date, note, "
                         "recorded_by, recorded_at FROM legal_case_updates "
                         "WHERE legal_case_id = ? ORDER BY id");
    s.bind(1, legalCaseId);
    std::vector<LegalStatusUpdate> out;
    while (s.step()) {
        LegalStatusUpdate u;
        u.id = s.int64(0);
        u.status = parseLegalStatus(s.text(1)).value();
        u.caseNumber = s.optionalString(2);
        u.lawyer = s.optionalString(3);
        u.businessDate = dateColumn(s, 4);
        u.note = s.string(5);
        u.recordedBy = s.string(6);
        u.recordedAt = s.string(7);
        out.push_back(std::move(u));
    }
    return out;
}

std::vector<LegalSessionRecord> LegalRepository::sessionsOf(std::int64_t legalCaseId) const {
    auto s = db_.prepare(std::string(kSessionColumns) +
                         "WHERE s.legal_case_id = ? ORDER BY s.session_date, s.session_time, s.id");
    s.bind(1, legalCaseId);
    std::vector<LegalSessionRecord> out;
    while (s.step())
        out.push_back(sessionFrom(s));
    return out;
}

std::vector<LegalCaseRecord> LegalRepository::casesWhere(const char* where,
                                                         std::int64_t key) const {
    auto s = db_.prepare(std::string(kCaseColumns) + where + " ORDER BY c.id");
    s.bind(1, key);
    std::vector<LegalCaseRecord> out;
    while (s.step()) {
        LegalCaseRecord c;
        c.id = s.int64(0);
        c.loanId = s.string(1);
        c.branch = s.string(2);
        c.caseId = s.int64(3);
        c.forumKind = parseForumKind(s.text(4)).value();
        c.forum = s.string(5);
        c.caseNumber = s.string(6);
        c.lawyer = s.string(7);
        c.filedOn = dateColumn(s, 8);
        c.openedBy = s.string(9);
        c.openedAt = s.string(10);
        c.businessDate = dateColumn(s, 11);
        c.note = s.string(12);
        out.push_back(std::move(c));
    }
    for (auto& c : out) {
        c.updates = updatesOf(c.id);
        c.sessions = sessionsOf(c.id);
        auto j = db_.prepare("SELECT id, judgment_date, amount_awarded, costs_awarded, note, "
                             "recorded_by, recorded_at FROM legal_judgments "
                             "WHERE legal_case_id = ? ORDER BY id");
        j.bind(1, c.id);
        while (j.step())
            c.judgments.push_back({j.int64(0), dateColumn(j, 1), j.int64(2), j.int64(3),
                                   j.string(4), j.string(5), j.string(6)});
        auto e = db_.prepare("SELECT id, kind, items, action_date, proceeds, note, recorded_by, "
                             "recorded_at FROM legal_enforcements WHERE legal_case_id = ? "
                             "ORDER BY id");
        e.bind(1, c.id);
        while (e.step())
            c.enforcements.push_back({e.int64(0), parseEnforcementKind(e.text(1)).value(),
                                      e.string(2), dateColumn(e, 3), e.int64(4), e.string(5),
                                      e.string(6), e.string(7)});
    }
    return out;
}

std::optional<LegalCaseRecord> LegalRepository::legalCase(std::int64_t id) const {
    auto cases = casesWhere("WHERE c.id = ?", id);
    if (cases.empty())
        return std::nullopt;
    return std::move(cases.front());
}

std::vector<LegalCaseRecord> LegalRepository::legalCasesOfLoan(std::int64_t loanKey) const {
    return casesWhere("WHERE c.loan_pk = ?", loanKey);
}

std::int64_t LegalRepository::insertSession(const LegalSessionRecord& r) {
    auto s = db_.prepare("INSERT INTO legal_sessions(legal_case_id, kind, session_date, "
                         "session_time, place, purpose, recorded_by, recorded_at, business_date) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, r.legalCaseId).bind(2, toString(r.kind)).bind(3, r.date.toString());
    s.bind(4, r.time).bind(5, r.place).bind(6, r.purpose).bind(7, r.recordedBy);
    s.bind(8, r.recordedAt).bind(9, r.businessDate.toString());
    s.execute();
    return lastId(db_);
}

std::optional<LegalSessionRecord> LegalRepository::session(std::int64_t id) const {
    auto s = db_.prepare(std::string(kSessionColumns) + "WHERE s.id = ?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return sessionFrom(s);
}

void LegalRepository::insertOutcome(std::int64_t sessionId, const LegalSessionOutcome& o) {
    auto s = db_.prepare("INSERT INTO legal_session_outcomes(session_id, outcome, next_date, "
                         "recorded_by, recorded_at, business_date) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, sessionId).bind(2, o.outcome).bind(3, dateText(o.nextDate));
    s.bind(4, o.recordedBy).bind(5, o.recordedAt).bind(6, o.businessDate.toString());
    s.execute();
}

std::int64_t LegalRepository::insertJudgment(std::int64_t legalCaseId, const JudgmentRecord& j) {
    auto s = db_.prepare("INSERT INTO legal_judgments(legal_case_id, judgment_date, "
                         "amount_awarded, costs_awarded, note, recorded_by, recorded_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, legalCaseId).bind(2, j.date.toString()).bind(3, j.amountAwarded);
    s.bind(4, j.costsAwarded).bind(5, j.note).bind(6, j.recordedBy).bind(7, j.recordedAt);
    s.execute();
    return lastId(db_);
}

std::int64_t LegalRepository::insertEnforcement(std::int64_t legalCaseId,
                                                const EnforcementRecord& e) {
    auto s = db_.prepare("INSERT INTO legal_enforcements(legal_case_id, kind, items, "
                         "action_date, proceeds, note, recorded_by, recorded_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, legalCaseId).bind(2, toString(e.kind)).bind(3, e.items);
    s.bind(4, e.date.toString()).bind(5, e.proceeds).bind(6, e.note).bind(7, e.recordedBy);
    s.bind(8, e.recordedAt);
    s.execute();
    return lastId(db_);
}

std::int64_t LegalRepository::insertCost(std::int64_t loanKey, const RecoveryCostRecord& c) {
    auto s = db_.prepare("INSERT INTO recovery_costs(loan_pk, case_id, kind, cost_date, amount, "
                         "reference, note, legal_case_id, reverses_cost_id, recorded_by, "
                         "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, loanKey).bind(2, c.caseId).bind(3, toString(c.kind)).bind(4, c.date.toString());
    s.bind(5, c.amount).bind(6, c.reference).bind(7, c.note).bind(8, c.legalCaseId);
    s.bind(9, c.reversesCostId).bind(10, c.recordedBy).bind(11, c.recordedAt);
    s.execute();
    return lastId(db_);
}

std::optional<RecoveryCostRecord> LegalRepository::cost(std::int64_t id) const {
    auto s = db_.prepare(std::string(kCostColumns) + "WHERE c.id = ?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return costFrom(s);
}

std::vector<RecoveryCostRecord> LegalRepository::costsOfLoan(std::int64_t loanKey) const {
    auto s =
        db_.prepare(std::string(kCostColumns) + "WHERE c.loan_pk = ? ORDER BY c.cost_date, c.id");
    s.bind(1, loanKey);
    std::vector<RecoveryCostRecord> out;
    while (s.step())
        out.push_back(costFrom(s));
    return out;
}

std::vector<CalendarEntry> LegalRepository::calendar(Date from, Date to, bool openOnly) const {
    // The session's columns first (sessionFrom), then the case's; the case number is the
    // latest one given.
    std::string sql =
        "SELECT s.id, s.legal_case_id, s.kind, s.session_date, s.session_time, s.place, "
        "s.purpose, s.recorded_by, s.recorded_at, s.business_date, o.outcome, o.next_date, "
        "o.recorded_by, o.recorded_at, o.business_date, l.loan_id, cl.full_name, l.branch, "
        "u.username, lc.forum, coalesce((SELECT case_number FROM legal_case_updates "
        "WHERE legal_case_id = lc.id AND case_number IS NOT NULL ORDER BY id DESC LIMIT 1), "
        "lc.case_number) FROM legal_sessions s "
        "LEFT JOIN legal_session_outcomes o ON o.session_id = s.id "
        "JOIN legal_cases lc ON lc.id = s.legal_case_id JOIN loans l ON l.id = lc.loan_pk "
        "JOIN clients cl ON cl.id = l.client_pk "
        "LEFT JOIN cases oc ON oc.loan_pk = l.id AND oc.status = 'open' "
        "LEFT JOIN users u ON u.id = oc.assigned_to "
        "WHERE s.session_date BETWEEN ? AND ? ";
    if (openOnly)
        sql += "AND (SELECT status FROM legal_case_updates WHERE legal_case_id = lc.id "
               "ORDER BY id DESC LIMIT 1) <> 'closed' ";
    sql += "ORDER BY s.session_date, s.session_time, s.id";
    auto s = db_.prepare(sql);
    s.bind(1, from.toString()).bind(2, to.toString());
    std::vector<CalendarEntry> out;
    while (s.step()) {
        CalendarEntry e;
        e.session = sessionFrom(s);
        e.loanId = s.string(15);
        e.clientName = s.string(16);
        e.branch = s.string(17);
        e.officer = s.optionalString(18).value_or("");
        e.forum = s.string(19);
        e.caseNumber = s.string(20);
        out.push_back(std::move(e));
    }
    return out;
}

std::unordered_map<std::string, std::vector<CallListHearing>>
LegalRepository::hearingsDue(Date date, const Holidays& holidays) const {
    // The working day before a session is at most a couple of weeks before it, even across
    // a run of holidays.
    std::unordered_map<std::string, std::vector<CallListHearing>> out;
    for (const auto& e : calendar(date, date.addDays(21), true)) {
        const auto& s = e.session;
        if (s.outcome || !hearingDueOn(s.date, date, holidays))
            continue;
        out[e.loanId].push_back(
            {s.id, s.kind == LegalSessionKind::Mediation, s.date, s.time, s.place});
    }
    return out;
}

} // namespace rd::storage

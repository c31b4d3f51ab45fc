#include "case_repository.h"

#include "date_columns.h"
namespace rd::storage {
namespace {

constexpr const char* kCaseColumns =
    "SELECT c.id, c.loan_pk, l.loan_id, l.branch, c.opened_on, c.opened_by, c.stage, c.status, "
    "c.closed_on, c.close_reason, c.assigned_to, u.username, c.next_action_on, "
    "c.next_action_kind FROM cases c JOIN loans l ON l.id = c.loan_pk "
    "LEFT JOIN users u ON u.id = c.assigned_to ";

CaseRecord caseFrom(const Statement& s) {
    CaseRecord c;
    c.id = s.int64(0);
    c.loanKey = s.int64(1);
    c.loanId = s.string(2);
    c.branch = s.string(3);
    c.openedOn = dateColumn(s, 4);
    c.openedBy = s.string(5);
    c.stage = parseCaseStage(s.text(6)).value();
    c.open = s.text(7) == "open";
    c.closedOn = optionalDateColumn(s, 8);
    c.closeReason = s.optionalString(9).value_or("");
    if (!s.isNull(10))
        c.assignedTo = s.int64(10);
    c.assignedUsername = s.optionalString(11).value_or("");
    c.nextActionOn = optionalDateColumn(s, 12);
    c.nextActionKind = s.optionalString(13).value_or("");
    return c;
}

} // namespace

std::optional<LoanInfo> CaseRepository::loanInfo(std::string_view loanId) const {
    auto s = db_.prepareCached("SELECT l.id, l.loan_id, l.branch, c.full_name, c.phone, "
                               "l.credit_officer FROM loans l "
                               "JOIN clients c ON c.id = l.client_pk WHERE l.loan_id = ?");
    s->bind(1, loanId);
    if (!s->step())
        return std::nullopt;
    return LoanInfo{s->int64(0),
                    s->string(1),
                    s->string(2),
                    s->string(3),
                    s->optionalString(4).value_or(""),
                    s->optionalString(5).value_or("")};
}

std::unordered_map<std::string, LoanInfo> CaseRepository::allLoans() const {
    std::unordered_map<std::string, LoanInfo> out;
    auto s = db_.prepare("SELECT l.id, l.loan_id, l.branch, c.full_name, c.phone, "
                         "l.credit_officer FROM loans l JOIN clients c ON c.id = l.client_pk");
    while (s.step()) {
        LoanInfo info{s.int64(0),
                      s.string(1),
                      s.string(2),
                      s.string(3),
                      s.optionalString(4).value_or(""),
                      s.optionalString(5).value_or("")};
        out.emplace(info.loanId, std::move(info));
    }
    return out;
}

std::vector<CaseRecord> CaseRepository::queryCases(std::string_view where,
                                                   std::optional<std::int64_t> arg,
                                                   std::string_view text) const {
    auto s = db_.prepare(std::string(kCaseColumns) + std::string(where));
    if (arg)
        s.bind(1, *arg);
    else if (!text.empty())
        s.bind(1, text);
    std::vector<CaseRecord> out;
    while (s.step())
        out.push_back(caseFrom(s));
    return out;
}

std::optional<CaseRecord> CaseRepository::openCase(std::string_view loanId) const {
    auto found = queryCases("WHERE l.loan_id = ? AND c.status = 'open'", std::nullopt, loanId);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

std::optional<CaseRecord> CaseRepository::latestCase(std::string_view loanId) const {
    auto found =
        queryCases("WHERE l.loan_id = ? ORDER BY c.status = 'open' DESC, c.id DESC LIMIT 1",
                   std::nullopt, loanId);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

std::vector<CaseRecord> CaseRepository::openCases() const {
    return queryCases("WHERE c.status = 'open' ORDER BY l.loan_id", std::nullopt, {});
}

std::vector<CaseRecord> CaseRepository::openCasesAssignedTo(std::int64_t userId) const {
    return queryCases("WHERE c.status = 'open' AND c.assigned_to = ? ORDER BY l.loan_id", userId,
                      {});
}

std::vector<OfficerLoad> CaseRepository::officersOf(std::string_view branch) const {
    auto s = db_.prepare(
        "SELECT u.id, u.username, (SELECT count(*) FROM cases c WHERE c.assigned_to = u.id AND "
        "c.status = 'open') FROM users u JOIN user_branches b ON b.user_id = u.id "
        "WHERE b.branch = ? AND u.role = 'officer' AND u.disabled = 0 ORDER BY u.username");
    s.bind(1, branch);
    std::vector<OfficerLoad> out;
    while (s.step())
        out.push_back({s.int64(0), s.string(1), s.int32(2)});
    return out;
}

std::optional<std::int64_t> CaseRepository::loanKey(std::string_view loanId) const {
    auto s = db_.prepareCached("SELECT id FROM loans WHERE loan_id = ?");
    s->bind(1, loanId);
    if (!s->step())
        return std::nullopt;
    return s->int64(0);
}

std::int64_t CaseRepository::insertCase(std::int64_t loanKey, Date openedOn,
                                        const std::string& openedBy, CaseStage stage,
                                        std::optional<std::int64_t> assignedTo) {
    auto s = db_.prepareCached("INSERT INTO cases(loan_pk, opened_on, opened_by, stage, "
                               "assigned_to) VALUES (?, ?, ?, ?, ?)");
    s->bind(1, loanKey).bind(2, openedOn.toString()).bind(3, openedBy).bind(4, toString(stage));
    s->bind(5, assignedTo);
    s->execute();
    return sqlite3_last_insert_rowid(db_.handle());
}

void CaseRepository::closeCase(std::int64_t caseId, Date closedOn, const std::string& reason) {
    auto s = db_.prepare(
        "UPDATE cases SET status = 'closed', closed_on = ?, close_reason = ? WHERE id = ?");
    s.bind(1, closedOn.toString()).bind(2, reason).bind(3, caseId);
    s.execute();
}

void CaseRepository::setStage(std::int64_t caseId, CaseStage stage) {
    auto s = db_.prepare("UPDATE cases SET stage = ? WHERE id = ?");
    s.bind(1, toString(stage)).bind(2, caseId);
    s.execute();
}

void CaseRepository::setAssignee(std::int64_t caseId, std::int64_t userId) {
    auto s = db_.prepare("UPDATE cases SET assigned_to = ? WHERE id = ?");
    s.bind(1, userId).bind(2, caseId);
    s.execute();
}

void CaseRepository::setNextAction(std::int64_t caseId, std::optional<Date> on,
                                   const std::string& kind) {
    auto s = db_.prepare("UPDATE cases SET next_action_on = ?, next_action_kind = ? WHERE id = ?");
    if (on)
        s.bind(1, on->toString()).bindOptional(2, kind);
    else
        s.bindNull(1).bindNull(2);
    s.bind(3, caseId);
    s.execute();
}

void CaseRepository::addEvent(std::int64_t caseId, const CaseEventRecord& e) {
    auto s = db_.prepareCached("INSERT INTO case_events(case_id, at, business_date, actor, kind, "
                               "before, after, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s->bind(1, caseId).bind(2, e.at).bind(3, e.businessDate.toString()).bind(4, e.actor);
    s->bind(5, e.kind).bind(6, e.before).bind(7, e.after).bindOptional(8, e.note);
    s->execute();
}

std::vector<CaseEventRecord> CaseRepository::events(std::int64_t caseId) const {
    auto s = db_.prepare("SELECT at, business_date, actor, kind, before, after, note FROM "
                         "case_events WHERE case_id = ? ORDER BY id");
    s.bind(1, caseId);
    std::vector<CaseEventRecord> out;
    while (s.step())
        out.push_back({s.string(0), dateColumn(s, 1), s.string(2), s.string(3), s.optionalString(4),
                       s.optionalString(5), s.optionalString(6).value_or("")});
    return out;
}

std::vector<ContactRecord> CaseRepository::contacts(std::int64_t loanKey) const {
    auto s = db_.prepare("SELECT id, at, channel, direction, person, outcome, note, officer, "
                         "next_action_on, next_action_kind, override_reason, corrects_contact_id "
                         "FROM contacts WHERE loan_pk = ? ORDER BY at, id");
    s.bind(1, loanKey);
    std::vector<ContactRecord> out;
    while (s.step()) {
        ContactRecord c;
        c.id = s.int64(0);
        c.at = DateTime::parse(s.text(1)).value();
        c.channel = parseContactChannel(s.text(2)).value();
        c.direction = parseContactDirection(s.text(3)).value();
        c.person = parsePersonReached(s.text(4)).value();
        c.outcome = parseContactOutcome(s.text(5)).value();
        c.note = s.string(6);
        c.officer = s.string(7);
        c.nextActionOn = optionalDateColumn(s, 8);
        c.nextActionKind = s.optionalString(9).value_or("");
        c.overrideReason = s.optionalString(10).value_or("");
        if (!s.isNull(11))
            c.correctsContactId = s.int64(11);
        out.push_back(std::move(c));
    }
    return out;
}

std::int64_t CaseRepository::insertContact(std::int64_t caseId, std::int64_t loanKey,
                                           const ContactRecord& c, const std::string& recordedAt) {
    auto s = db_.prepare(
        "INSERT INTO contacts(case_id, loan_pk, at, channel, direction, person, outcome, note, "
        "officer, next_action_on, next_action_kind, override_reason, corrects_contact_id, "
        "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, caseId).bind(2, loanKey).bind(3, c.at.toString()).bind(4, toString(c.channel));
    s.bind(5, toString(c.direction)).bind(6, toString(c.person)).bind(7, toString(c.outcome));
    s.bind(8, c.note).bind(9, c.officer);
    if (c.nextActionOn)
        s.bind(10, c.nextActionOn->toString());
    else
        s.bindNull(10);
    s.bindOptional(11, c.nextActionKind).bindOptional(12, c.overrideReason);
    s.bind(13, c.correctsContactId).bind(14, recordedAt);
    s.execute();
    return sqlite3_last_insert_rowid(db_.handle());
}

std::vector<PromiseToPay> CaseRepository::promises(std::int64_t loanKey) const {
    auto s = db_.prepare("SELECT id, amount, promised_for, created_on, created_by, contact_id "
                         "FROM promises WHERE loan_pk = ? ORDER BY id");
    s.bind(1, loanKey);
    std::vector<PromiseToPay> out;
    while (s.step()) {
        PromiseToPay p;
        p.id = std::to_string(s.int64(0));
        p.amount = s.int64(1);
        p.promisedFor = dateColumn(s, 2);
        p.createdOn = dateColumn(s, 3);
        p.createdBy = s.string(4);
        p.contactId = s.isNull(5) ? std::string() : std::to_string(s.int64(5));
        out.push_back(std::move(p));
    }
    return out;
}

std::int64_t CaseRepository::insertPromise(std::int64_t caseId, std::int64_t loanKey,
                                           const PromiseToPay& p, const std::string& recordedAt) {
    auto s = db_.prepare("INSERT INTO promises(case_id, loan_pk, amount, promised_for, "
                         "created_on, created_by, contact_id, recorded_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, caseId).bind(2, loanKey).bind(3, static_cast<std::int64_t>(p.amount));
    s.bind(4, p.promisedFor.toString()).bind(5, p.createdOn.toString()).bind(6, p.createdBy);
    if (p.contactId.empty())
        s.bindNull(7);
    else
        s.bind(7, static_cast<std::int64_t>(std::stoll(p.contactId)));
    s.bind(8, recordedAt);
    s.execute();
    return sqlite3_last_insert_rowid(db_.handle());
}

void CaseRepository::audit(const std::string& at, const std::string& actor,
                           const std::string& action, const std::string& entity,
                           const std::string& key, const std::optional<std::string>& before,
                           const std::optional<std::string>& after) {
    auto s = db_.prepare("INSERT INTO audit_log(at, actor, action, entity, entity_key, before, "
                         "after) VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, at).bind(2, actor).bind(3, action).bind(4, entity).bind(5, key);
    s.bind(6, before).bind(7, after);
    s.execute();
}

} // namespace rd::storage

#include "counselling_repository.h"

#include "date_columns.h"
namespace rd::storage {
namespace {

std::optional<std::string> dateText(const std::optional<Date>& d) {
    if (!d)
        return std::nullopt;
    return d->toString();
}

constexpr const char* kReferralColumns =
    "SELECT r.id, l.loan_id, l.branch, r.case_id, r.organisation, r.service, r.follow_up_on, "
    "r.note, r.referred_by, r.referred_at, r.business_date FROM referrals r "
    "JOIN loans l ON l.id = r.loan_pk ";

ReferralRecord referralFrom(const Statement& s) {
    ReferralRecord r;
    r.id = s.int64(0);
    r.loanId = s.string(1);
    r.branch = s.string(2);
    if (!s.isNull(3))
        r.caseId = s.int64(3);
    r.organisation = s.string(4);
    r.service = parseReferralService(s.text(5)).value();
    r.followUpOn = optionalDateColumn(s, 6);
    r.note = s.string(7);
    r.referredBy = s.string(8);
    r.referredAt = s.string(9);
    r.businessDate = dateColumn(s, 10);
    return r;
}

} // namespace

std::optional<ClientRef> CounsellingRepository::client(std::string_view clientId) const {
    auto s =
        db_.prepare("SELECT id, client_id, full_name, branch FROM clients WHERE client_id = ?");
    s.bind(1, clientId);
    if (!s.step())
        return std::nullopt;
    return ClientRef{s.int64(0), s.string(1), s.string(2), s.string(3)};
}

std::int64_t CounsellingRepository::insertSession(const CounsellingSessionRecord& c,
                                                  const std::vector<std::int64_t>& clientKeys) {
    auto s = db_.prepare("INSERT INTO counselling_sessions(kind, session_date, topic, facilitator, "
                         "notes, follow_up_on, recorded_by, recorded_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, toString(c.kind)).bind(2, c.sessionDate.toString()).bind(3, c.topic);
    s.bind(4, c.facilitator).bind(5, c.notes).bind(6, dateText(c.followUpOn));
    s.bind(7, c.recordedBy).bind(8, c.recordedAt);
    s.execute();
    const std::int64_t id = sqlite3_last_insert_rowid(db_.handle());
    auto a = db_.prepare("INSERT INTO counselling_attendees(session_id, client_pk) VALUES (?, ?)");
    for (const auto key : clientKeys) {
        a.bind(1, id).bind(2, key);
        a.execute();
        a.reset();
    }
    return id;
}

std::vector<CounsellingSessionRecord>
CounsellingRepository::sessionsOfClient(std::int64_t clientKey) const {
    auto s = db_.prepare(
        "SELECT s.id, s.kind, s.session_date, s.topic, s.facilitator, s.notes, s.follow_up_on, "
        "s.recorded_by, s.recorded_at FROM counselling_sessions s "
        "JOIN counselling_attendees a ON a.session_id = s.id WHERE a.client_pk = ? "
        "ORDER BY s.session_date DESC, s.id DESC");
    s.bind(1, clientKey);
    std::vector<CounsellingSessionRecord> out;
    while (s.step()) {
        CounsellingSessionRecord c;
        c.id = s.int64(0);
        c.kind = parseSessionKind(s.text(1)).value();
        c.sessionDate = dateColumn(s, 2);
        c.topic = s.string(3);
        c.facilitator = s.string(4);
        c.notes = s.string(5);
        c.followUpOn = optionalDateColumn(s, 6);
        c.recordedBy = s.string(7);
        c.recordedAt = s.string(8);
        out.push_back(std::move(c));
    }
    auto a = db_.prepare("SELECT c.client_id, c.full_name FROM counselling_attendees a "
                         "JOIN clients c ON c.id = a.client_pk WHERE a.session_id = ? "
                         "ORDER BY c.client_id");
    for (auto& c : out) {
        a.bind(1, c.id);
        while (a.step())
            c.attendees.push_back({a.string(0), a.string(1)});
        a.reset();
    }
    return out;
}

std::int64_t CounsellingRepository::insertReferral(std::int64_t loanKey, const ReferralRecord& r) {
    auto s = db_.prepare("INSERT INTO referrals(loan_pk, case_id, organisation, service, "
                         "follow_up_on, note, referred_by, referred_at, business_date) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, loanKey).bind(2, r.caseId).bind(3, r.organisation).bind(4, toString(r.service));
    s.bind(5, dateText(r.followUpOn)).bind(6, r.note).bind(7, r.referredBy);
    s.bind(8, r.referredAt).bind(9, r.businessDate.toString());
    s.execute();
    return sqlite3_last_insert_rowid(db_.handle());
}

std::int64_t CounsellingRepository::insertReferralUpdate(const ReferralUpdateRecord& u) {
    auto s = db_.prepare("INSERT INTO referral_updates(referral_id, status, note, follow_up_on, "
                         "updated_by, updated_at, business_date) VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, u.referralId).bind(2, toString(u.status)).bind(3, u.note);
    s.bind(4, dateText(u.followUpOn)).bind(5, u.updatedBy).bind(6, u.updatedAt);
    s.bind(7, u.businessDate.toString());
    s.execute();
    return sqlite3_last_insert_rowid(db_.handle());
}

std::vector<ReferralRecord> CounsellingRepository::queryReferrals(const char* where,
                                                                  std::int64_t arg) const {
    auto s = db_.prepare(std::string(kReferralColumns) + where);
    s.bind(1, arg);
    std::vector<ReferralRecord> out;
    while (s.step())
        out.push_back(referralFrom(s));
    auto u = db_.prepare("SELECT id, referral_id, status, note, follow_up_on, updated_by, "
                         "updated_at, business_date FROM referral_updates WHERE referral_id = ? "
                         "ORDER BY id");
    for (auto& r : out) {
        u.bind(1, r.id);
        while (u.step())
            r.updates.push_back({u.int64(0), u.int64(1), parseReferralStatus(u.text(2)).value(),
                                 u.string(3), optionalDateColumn(u, 4), u.string(5), u.string(6),
                                 dateColumn(u, 7)});
        u.reset();
    }
    return out;
}

std::optional<ReferralRecord> CounsellingRepository::referral(std::int64_t referralId) const {
    auto found = queryReferrals("WHERE r.id = ?", referralId);
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

std::vector<ReferralRecord> CounsellingRepository::referralsOfLoan(std::int64_t loanKey) const {
    return queryReferrals("WHERE r.loan_pk = ? ORDER BY r.id", loanKey);
}

std::vector<ReferralFollowUp> CounsellingRepository::followUpsDue(Date asOf) const {
    auto s = db_.prepare(
        "WITH now AS (SELECT r.id, r.loan_pk, r.organisation, r.service, "
        "  COALESCE((SELECT u.status FROM referral_updates u WHERE u.referral_id = r.id "
        "            ORDER BY u.id DESC LIMIT 1), 'referred') AS status, "
        "  COALESCE((SELECT u.follow_up_on FROM referral_updates u WHERE u.referral_id = r.id "
        "            AND u.follow_up_on IS NOT NULL ORDER BY u.id DESC LIMIT 1), "
        "           r.follow_up_on) AS due "
        "  FROM referrals r) "
        "SELECT n.id, l.loan_id, l.branch, n.organisation, n.service, n.status, n.due, c.id, "
        "c.assigned_to, u.username FROM now n JOIN loans l ON l.id = n.loan_pk "
        "LEFT JOIN cases c ON c.loan_pk = n.loan_pk AND c.status = 'open' "
        "LEFT JOIN users u ON u.id = c.assigned_to "
        "WHERE n.status IN ('referred', 'contacted') AND n.due IS NOT NULL AND n.due <= ? "
        "ORDER BY n.due, n.id");
    s.bind(1, asOf.toString());
    std::vector<ReferralFollowUp> out;
    while (s.step()) {
        ReferralFollowUp f;
        f.referralId = s.int64(0);
        f.loanId = s.string(1);
        f.branch = s.string(2);
        f.organisation = s.string(3);
        f.service = parseReferralService(s.text(4)).value();
        f.status = parseReferralStatus(s.text(5)).value();
        f.followUpOn = dateColumn(s, 6);
        if (!s.isNull(7))
            f.openCaseId = s.int64(7);
        if (!s.isNull(8))
            f.assignedTo = s.int64(8);
        f.assignedUsername = s.optionalString(9).value_or("");
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace rd::storage

#include "case_query_repository.h"

#include "date_columns.h"
#include "ledger_codec.h"
#include "loan_repository.h"

#include <algorithm>
#include <variant>

namespace rd::storage {
namespace {

using Arg = std::variant<std::string, std::int64_t>;

// A WHERE clause built from parts, with its arguments in order.
struct Where {
    std::string sql = " WHERE 1 = 1";
    std::vector<Arg> args;

    void add(const std::string& clause, std::vector<Arg> values = {}) {
        sql += " AND " + clause;
        for (auto& v : values)
            args.push_back(std::move(v));
    }
    void scope(const BranchScope& s, const char* column) {
        if (s.all)
            return;
        if (s.branches.empty()) {
            sql += " AND 0";
            return;
        }
        std::string in = std::string(column) + " IN (";
        for (std::size_t i = 0; i < s.branches.size(); ++i) {
            in += i == 0 ? "?" : ", ?";
            args.emplace_back(s.branches[i]);
        }
        add(in + ")");
    }
    void bind(Statement& s, int first = 1) const {
        int i = first;
        for (const auto& a : args) {
            if (const auto* text = std::get_if<std::string>(&a))
                s.bind(i++, std::string_view(*text));
            else
                s.bind(i++, std::get<std::int64_t>(a));
        }
    }
};

// The cached ledger in `column`, or the loan read from the tables when it has none.
LoanLedger ledgerFrom(const Database& db, const Statement& s, int column, std::int64_t loanKey) {
    LoanLedger ledger;
    if (!s.isNull(column)) {
        const auto* blob = static_cast<const char*>(sqlite3_column_blob(s.handle(), column));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(s.handle(), column));
        if (decodeLedger({blob, size}, ledger))
            return ledger;
    }
    if (auto loan = LoanRepository(db).findLoanByKey(loanKey))
        return std::move(*loan);
    return ledger;
}

PromiseToPay promiseFrom(const Statement& s, int first) {
    PromiseToPay p;
    p.id = std::to_string(s.int64(first));
    p.amount = s.int64(first + 1);
    p.promisedFor = dateColumn(s, first + 2);
    p.createdOn = dateColumn(s, first + 3);
    p.createdBy = s.string(first + 4);
    p.contactId = s.isNull(first + 5) ? std::string() : std::to_string(s.int64(first + 5));
    return p;
}

// Calls `read` with "(?, ?, ...)" and the distinct keys to bind, 500 at a time (the index on
// loan_pk finds them); once with "" and no keys (every loan) when `keys` is empty.
template <typename Read> void forKeyChunks(std::vector<std::int64_t> keys, Read read) {
    if (keys.empty()) {
        read(std::string(), keys);
        return;
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    constexpr std::size_t kChunk = 500;
    for (std::size_t first = 0; first < keys.size(); first += kChunk) {
        const std::vector<std::int64_t> chunk(
            keys.begin() + static_cast<std::ptrdiff_t>(first),
            keys.begin() + static_cast<std::ptrdiff_t>(std::min(keys.size(), first + kChunk)));
        std::string in = "(";
        for (std::size_t i = 0; i < chunk.size(); ++i)
            in += i == 0 ? "?" : ", ?";
        read(in + ")", chunk);
    }
}

constexpr const char* kPromiseColumns =
    "p.id, p.amount, p.promised_for, p.created_on, p.created_by, p.contact_id";

} // namespace

std::vector<CaseQueryRecord> CaseQueryRepository::cases(const CaseQuery& q,
                                                        const BranchScope& scope) const {
    Where w;
    if (q.openOnly)
        w.add("c.status = 'open'");
    else if (q.closedOn)
        w.add("(c.status = 'open' OR c.closed_on = ?)", {q.closedOn->toString()});
    w.scope(scope, "l.branch");
    if (!q.branch.empty())
        w.add("l.branch = ?", {q.branch});
    if (q.officer == "-")
        w.add("c.assigned_to IS NULL");
    else if (!q.officer.empty())
        w.add("u.username = ?", {q.officer});
    if (q.stage)
        w.add("c.stage = ?", {std::string(toString(*q.stage))});
    if (!q.text.empty())
        w.add("(instr(lower(l.loan_id), ?) > 0 OR instr(lower(cl.full_name), ?) > 0)",
              {q.text, q.text});
    if (!q.assignedTo.empty()) {
        std::string in = "c.assigned_to IN (";
        std::vector<Arg> ids;
        for (std::size_t i = 0; i < q.assignedTo.size(); ++i) {
            in += i == 0 ? "?" : ", ?";
            ids.emplace_back(q.assignedTo[i]);
        }
        w.add(in + ")", std::move(ids));
    }
    auto s = db_.prepare(
        "SELECT c.id, c.loan_pk, l.loan_id, cl.full_name, cl.phone, l.branch, c.assigned_to, "
        "u.username, c.stage, c.status, c.opened_on, c.closed_on, c.next_action_on, "
        "c.next_action_kind, lg.data FROM cases c JOIN loans l ON l.id = c.loan_pk "
        "JOIN clients cl ON cl.id = l.client_pk LEFT JOIN users u ON u.id = c.assigned_to "
        "LEFT JOIN loan_ledgers lg ON lg.loan_pk = c.loan_pk" +
        w.sql + " ORDER BY l.loan_id, c.id");
    w.bind(s);
    std::vector<CaseQueryRecord> out;
    while (s.step()) {
        CaseQueryRecord r;
        r.caseId = s.int64(0);
        r.loanKey = s.int64(1);
        r.loanId = s.string(2);
        r.clientName = s.string(3);
        r.phone = s.optionalString(4).value_or("");
        r.branch = s.string(5);
        if (!s.isNull(6))
            r.assignedTo = s.int64(6);
        r.officer = s.optionalString(7).value_or("");
        r.stage = parseCaseStage(s.text(8)).value();
        r.open = s.text(9) == "open";
        r.openedOn = dateColumn(s, 10);
        r.closedOn = optionalDateColumn(s, 11);
        r.nextActionOn = optionalDateColumn(s, 12);
        r.nextActionKind = s.optionalString(13).value_or("");
        r.ledger = ledgerFrom(db_, s, 14, r.loanKey);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<LoanSearchRecord> CaseQueryRepository::searchLoans(const std::string& lowerText,
                                                               const BranchScope& scope,
                                                               int limit) const {
    Where w;
    w.add("(instr(lower(l.loan_id), ?1) > 0 OR instr(lower(cl.client_id), ?1) > 0 OR "
          "instr(lower(cl.full_name), ?1) > 0 OR instr(lower(coalesce(cl.phone, '')), ?1) > 0 "
          "OR instr(lower(coalesce(cl.national_id, '')), ?1) > 0)");
    w.scope(scope, "l.branch");
    auto s = db_.prepare(
        "SELECT l.id, l.loan_id, cl.client_id, cl.full_name, cl.phone, cl.national_id, l.branch, "
        "l.product, l.status, (SELECT c.stage FROM cases c WHERE c.loan_pk = l.id AND "
        "c.status = 'open') FROM loans l JOIN clients cl ON cl.id = l.client_pk" +
        w.sql +
        " ORDER BY lower(l.loan_id) = ?1 DESC, instr(lower(l.loan_id), ?1) = 1 DESC, "
        "lower(cl.client_id) = ?1 DESC, l.loan_id LIMIT " +
        std::to_string(limit < 1 ? 1 : limit));
    s.bind(1, std::string_view(lowerText));
    w.bind(s, 2);
    std::vector<LoanSearchRecord> out;
    while (s.step()) {
        LoanSearchRecord r;
        r.loanKey = s.int64(0);
        r.loanId = s.string(1);
        r.clientId = s.string(2);
        r.clientName = s.string(3);
        r.phone = s.optionalString(4).value_or("");
        r.nationalId = s.optionalString(5).value_or("");
        r.branch = s.string(6);
        r.product = s.string(7);
        r.importedStatus = s.string(8);
        if (!s.isNull(9))
            r.openCaseStage = parseCaseStage(s.text(9)).value();
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<PromiseQueryRecord>
CaseQueryRepository::latestPromisesDue(Date from, Date to, const BranchScope& scope) const {
    Where w;
    w.add("p.id IN (SELECT max(id) FROM promises GROUP BY loan_pk)");
    w.add("p.promised_for BETWEEN ? AND ?", {from.toString(), to.toString()});
    w.scope(scope, "l.branch");
    auto s = db_.prepare(std::string("SELECT p.loan_pk, l.loan_id, cl.full_name, cl.phone, "
                                     "l.branch, (SELECT u.username FROM cases c JOIN users u ON "
                                     "u.id = c.assigned_to WHERE c.loan_pk = p.loan_pk AND "
                                     "c.status = 'open'), ") +
                         kPromiseColumns +
                         " FROM promises p JOIN loans l ON l.id = p.loan_pk JOIN clients cl ON "
                         "cl.id = l.client_pk" +
                         w.sql + " ORDER BY p.promised_for, l.loan_id");
    w.bind(s);
    std::vector<PromiseQueryRecord> out;
    while (s.step())
        out.push_back({s.int64(0), s.string(1), s.string(2), s.optionalString(3).value_or(""),
                       s.string(4), s.optionalString(5).value_or(""), promiseFrom(s, 6)});
    return out;
}

std::vector<std::pair<std::int64_t, PromiseToPay>>
CaseQueryRepository::promisesFor(Date day) const {
    auto s = db_.prepare(std::string("SELECT p.loan_pk, ") + kPromiseColumns +
                         " FROM promises p WHERE p.promised_for = ? ORDER BY p.id");
    s.bind(1, day.toString());
    std::vector<std::pair<std::int64_t, PromiseToPay>> out;
    while (s.step())
        out.emplace_back(s.int64(0), promiseFrom(s, 1));
    return out;
}

std::unordered_map<std::int64_t, std::vector<PromiseToPay>>
CaseQueryRepository::promisesOf(const std::vector<std::int64_t>& loanKeys) const {
    std::unordered_map<std::int64_t, std::vector<PromiseToPay>> out;
    forKeyChunks(loanKeys, [&](const std::string& in, const std::vector<std::int64_t>& chunk) {
        auto s = db_.prepare(std::string("SELECT p.loan_pk, ") + kPromiseColumns +
                             " FROM promises p" + (in.empty() ? "" : " WHERE p.loan_pk IN " + in) +
                             " ORDER BY p.loan_pk, p.id");
        for (std::size_t i = 0; i < chunk.size(); ++i)
            s.bind(static_cast<int>(i + 1), chunk[i]);
        while (s.step())
            out[s.int64(0)].push_back(promiseFrom(s, 1));
    });
    return out;
}

std::unordered_map<std::int64_t, std::vector<ContactBrief>>
CaseQueryRepository::contactsOf(const std::vector<std::int64_t>& loanKeys) const {
    std::unordered_map<std::int64_t, std::vector<ContactBrief>> out;
    forKeyChunks(loanKeys, [&](const std::string& in, const std::vector<std::int64_t>& chunk) {
        auto s = db_.prepare("SELECT loan_pk, at, outcome FROM contacts" +
                             (in.empty() ? std::string() : " WHERE loan_pk IN " + in) +
                             " ORDER BY loan_pk, at, id");
        for (std::size_t i = 0; i < chunk.size(); ++i)
            s.bind(static_cast<int>(i + 1), chunk[i]);
        while (s.step())
            out[s.int64(0)].push_back(
                {DateTime::parse(s.text(1)).value(), parseContactOutcome(s.text(2)).value()});
    });
    return out;
}

std::unordered_map<std::string, int> CaseQueryRepository::contactsLoggedOn(Date day) const {
    auto s = db_.prepare("SELECT officer, count(*) FROM contacts WHERE at >= ? AND at < ? "
                         "GROUP BY officer");
    s.bind(1, day.toString()).bind(2, day.addDays(1).toString());
    std::unordered_map<std::string, int> out;
    while (s.step())
        out[s.string(0)] = s.int32(1);
    return out;
}

std::vector<ClientLoanRecord>
CaseQueryRepository::otherLoansOfClient(const std::string& loanId) const {
    auto s = db_.prepare(
        "SELECT l.id, l.loan_id, l.product, l.branch, EXISTS(SELECT 1 FROM cases c WHERE "
        "c.loan_pk = l.id AND c.status = 'open'), lg.data FROM loans l "
        "LEFT JOIN loan_ledgers lg ON lg.loan_pk = l.id "
        "WHERE l.client_pk = (SELECT client_pk FROM loans WHERE loan_id = ?) AND l.loan_id <> ? "
        "ORDER BY l.loan_id");
    s.bind(1, std::string_view(loanId)).bind(2, std::string_view(loanId));
    std::vector<ClientLoanRecord> out;
    while (s.step()) {
        ClientLoanRecord r;
        r.loanKey = s.int64(0);
        r.loanId = s.string(1);
        r.product = s.string(2);
        r.branch = s.string(3);
        r.caseOpen = s.int64(4) != 0;
        r.ledger = ledgerFrom(db_, s, 5, r.loanKey);
        out.push_back(std::move(r));
    }
    return out;
}

std::optional<LoanLedger> CaseQueryRepository::ledger(std::int64_t loanKey) const {
    auto s = db_.prepare("SELECT data FROM loan_ledgers WHERE loan_pk = ?");
    s.bind(1, loanKey);
    if (s.step()) {
        LoanLedger l = ledgerFrom(db_, s, 0, loanKey);
        if (!l.terms.loanId.empty())
            return l;
    }
    return LoanRepository(db_).findLoanByKey(loanKey);
}

} // namespace rd::storage

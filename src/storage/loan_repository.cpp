#include "loan_repository.h"

#include "date_columns.h"
#include "ledger_codec.h"

#include <fmt/format.h>
#include <unordered_map>

namespace rd::storage {
namespace {

constexpr const char* kLoanColumns =
    "l.id, l.loan_id, c.client_id, l.product, l.branch, l.credit_officer, l.principal, "
    "l.disbursed_on, l.written_off_on, l.restructured_on";

void readTerms(const Statement& st, LoanTerms& t) {
    t.loanId = st.text(1);
    t.clientId = st.text(2);
    t.product = st.text(3);
    t.branch = st.text(4);
    t.creditOfficer = st.text(5);
    t.principal = st.int64(6);
    t.disbursedOn = dateColumn(st, 7);
    t.writtenOffOn = optionalDateColumn(st, 8);
    t.restructuredOn = optionalDateColumn(st, 9);
}

// What approved plans do to the loans of a key range (domain.md section 9b): the local
// reschedules in force and an active settlement. Plans are few, so they are read for the
// whole range at once and handed out per loan.
class PlanTermsReader {
public:
    PlanTermsReader(sqlite3* db, std::int64_t first, std::int64_t last) {
        Statement rows(db, "SELECT p.loan_pk, p.start_date, r.installment_no, r.due_date, "
                           "r.principal_due, r.interest_due, r.fee_due, r.penalty_due, r.new_row, "
                           "p.id FROM plan_schedule_rows r JOIN plans p ON p.id = r.plan_id "
                           "WHERE p.loan_pk BETWEEN ?1 AND ?2 "
                           "ORDER BY p.loan_pk, p.start_date, p.id, r.installment_no");
        rows.bind(1, first).bind(2, last);
        std::int64_t lastPlan = 0;
        while (rows.step()) {
            auto& reschedules = terms_[rows.int64(0)].reschedules;
            if (rows.int64(9) != lastPlan) {
                lastPlan = rows.int64(9);
                reschedules.push_back({dateColumn(rows, 1), {}, 0});
            }
            LocalReschedule& r = reschedules.back();
            Installment& i = r.schedule.emplace_back();
            i.number = rows.int32(2);
            i.dueDate = dateColumn(rows, 3);
            i.principalDue = rows.int64(4);
            i.interestDue = rows.int64(5);
            i.feeDue = rows.int64(6);
            i.penaltyDue = rows.int64(7);
            if (rows.int64(8) == 0)
                r.firstNew = r.schedule.size();
        }
        Statement settlements(
            db, "SELECT s.loan_pk, p.start_date, p.total, "
                "(SELECT max(due_date) FROM plan_installments i WHERE i.plan_id = p.id), "
                "p.grace_days FROM plan_decision_state s JOIN plans p ON p.id = s.plan_id "
                "WHERE s.kind = 'settlement' AND s.approvals >= s.approvals_needed "
                "AND s.ended_by IS NULL AND s.loan_pk BETWEEN ?1 AND ?2 ORDER BY p.id");
        settlements.bind(1, first).bind(2, last);
        while (settlements.step())
            terms_[settlements.int64(0)].settlement =
                SettlementTerms{dateColumn(settlements, 1), settlements.int64(2),
                                dateColumn(settlements, 3).addDays(settlements.int32(4))};
    }

    void fill(std::int64_t pk, LoanLedger& loan) const {
        auto it = terms_.find(pk);
        if (it == terms_.end())
            return;
        loan.reschedules = it->second.reschedules;
        loan.settlement = it->second.settlement;
    }

private:
    struct Terms {
        std::vector<LocalReschedule> reschedules;
        std::optional<SettlementTerms> settlement;
    };
    std::unordered_map<std::int64_t, Terms> terms_;
};

// Column order of the three event queries: loan_pk first, then the event.
void readInstallment(const Statement& st, std::vector<Installment>& out) {
    out.push_back({st.int32(1), dateColumn(st, 2), st.int64(3), st.int64(4), st.int64(5)});
}

void readCharge(const Statement& st, std::vector<Charge>& out) {
    Charge& c = out.emplace_back();
    c.id = st.text(1);
    c.installmentNumber = st.int32(2);
    c.chargedOn = dateColumn(st, 3);
    c.kind = st.text(4) == "fee" ? ChargeKind::Fee : ChargeKind::Penalty;
    c.amount = st.int64(5);
}

void readPayment(const Statement& st, std::vector<Payment>& out) {
    Payment& p = out.emplace_back();
    p.id = st.text(1);
    p.paidOn = dateColumn(st, 2);
    p.amount = st.int64(3);
    const std::string_view method = st.text(4);
    p.method = method == "cash" ? PaymentMethod::Cash
                                : paymentMethodFromString(method).value_or(PaymentMethod::Other);
    p.reference = st.text(5);
    p.reversedOn = optionalDateColumn(st, 6);
}

constexpr const char* kInstallmentSelect =
    "SELECT loan_pk, installment_no, due_date, principal_due, interest_due, fee_due "
    "FROM installments";
constexpr const char* kChargeSelect =
    "SELECT loan_pk, charge_id, installment_no, charged_on, kind, amount FROM charges";
constexpr const char* kPaymentSelect =
    "SELECT loan_pk, payment_id, paid_on, amount, method, reference, reversed_on FROM payments";
// Portfolio runs need neither the client nor how a payment was made.
constexpr const char* kFigurePaymentSelect =
    "SELECT loan_pk, payment_id, paid_on, amount, 'cash', NULL, reversed_on FROM payments";

// Walks loans in key order on a connection it does not own and merges the three event
// tables, each read in one ordered pass over its clustered index.
class TableLedgerReader {
public:
    TableLedgerReader(sqlite3* db, std::int64_t first, std::int64_t last) {
        loans_.emplace(db, fmt::format("SELECT {} FROM loans l JOIN clients c ON c.id = "
                                       "l.client_pk WHERE l.id BETWEEN ?1 AND ?2 ORDER BY l.id",
                                       kLoanColumns));
        installments_.emplace(
            db, fmt::format("{} WHERE loan_pk BETWEEN ?1 AND ?2 ORDER BY loan_pk, installment_no",
                            kInstallmentSelect));
        charges_.emplace(
            db, fmt::format("{} WHERE loan_pk BETWEEN ?1 AND ?2 ORDER BY loan_pk", kChargeSelect));
        payments_.emplace(db, fmt::format("{} WHERE loan_pk BETWEEN ?1 AND ?2 ORDER BY loan_pk",
                                          kFigurePaymentSelect));
        for (Statement* st : {&*loans_, &*installments_, &*charges_, &*payments_})
            st->bind(1, first).bind(2, last);
        hasInstallment_ = installments_->step();
        hasCharge_ = charges_->step();
        hasPayment_ = payments_->step();
        plans_.emplace(db, first, last);
    }

    // The next loan and its key; false at the end.
    bool next(LoanLedger& loan, std::int64_t& pk) {
        if (!loans_->step())
            return false;
        pk = loans_->int64(0);
        readTerms(*loans_, loan.terms);
        loan.clearEvents();
        // Every event's loan_pk is a loan of this range (foreign keys), so the event
        // cursors never hold rows of a loan before the current one.
        while (hasInstallment_ && installments_->int64(0) == pk) {
            readInstallment(*installments_, loan.schedule);
            hasInstallment_ = installments_->step();
        }
        while (hasCharge_ && charges_->int64(0) == pk) {
            readCharge(*charges_, loan.charges);
            hasCharge_ = charges_->step();
        }
        while (hasPayment_ && payments_->int64(0) == pk) {
            readPayment(*payments_, loan.payments);
            hasPayment_ = payments_->step();
        }
        plans_->fill(pk, loan);
        return true;
    }

private:
    std::optional<Statement> loans_, installments_, charges_, payments_;
    std::optional<PlanTermsReader> plans_;
    bool hasInstallment_ = false, hasCharge_ = false, hasPayment_ = false;
};

// One key range of the portfolio on its own read-only connection, from the ledger cache
// (one row per loan) or straight from the tables.
class RangeSource final : public LoanLedgerSource {
public:
    RangeSource(const std::filesystem::path& path, std::int64_t first, std::int64_t last,
                std::int64_t count, LedgerSourceKind kind)
        : count_(count) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK) {
            sqlite3_close(db_);
            throw StorageError(fmt::format("cannot open {} for reading", path.string()),
                               SQLITE_CANTOPEN);
        }
        sqlite3_busy_timeout(db_, 5000);
        // Memory-mapped reads save a copy of every page in these long sequential scans;
        // the read transaction gives all statements one snapshot.
        sqlite3_exec(db_,
                     "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-65536; BEGIN; "
                     "SELECT 1 FROM settings LIMIT 1",
                     nullptr, nullptr, nullptr);
        if (kind == LedgerSourceKind::Tables) {
            tables_.emplace(db_, first, last);
        } else {
            cache_.emplace(db_, "SELECT data FROM loan_ledgers WHERE loan_pk BETWEEN ?1 AND ?2 "
                                "ORDER BY loan_pk");
            cache_->bind(1, first).bind(2, last);
        }
    }

    ~RangeSource() override {
        tables_.reset();
        cache_.reset();
        sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close_v2(db_);
    }

    std::int64_t size() const override { return count_; }

    bool next(LoanLedger& loan) override {
        if (tables_) {
            std::int64_t pk = 0;
            return tables_->next(loan, pk);
        }
        if (!cache_->step())
            return false;
        const auto* blob = static_cast<const char*>(sqlite3_column_blob(cache_->handle(), 0));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(cache_->handle(), 0));
        if (!decodeLedger({blob, size}, loan))
            throw StorageError("a cached loan ledger is unreadable; run `recoverydesk-cli "
                               "init --rebuild-cache` to rebuild it",
                               SQLITE_CORRUPT);
        return true;
    }

private:
    sqlite3* db_ = nullptr;
    std::int64_t count_;
    std::optional<TableLedgerReader> tables_;
    std::optional<Statement> cache_;
};

} // namespace

std::optional<LoanLedger> LoanRepository::findLoan(std::string_view loanId) const {
    Statement key = db_.prepare("SELECT id FROM loans WHERE loan_id = ?");
    key.bind(1, loanId);
    if (!key.step())
        return std::nullopt;
    return findLoanByKey(key.int64(0));
}

std::optional<LoanLedger> LoanRepository::findLoanByKey(std::int64_t pk) const {
    Statement loan = db_.prepare(
        fmt::format("SELECT {} FROM loans l JOIN clients c ON c.id = l.client_pk WHERE l.id = ?",
                    kLoanColumns));
    loan.bind(1, pk);
    if (!loan.step())
        return std::nullopt;
    LoanLedger ledger;
    readTerms(loan, ledger.terms);
    Statement inst = db_.prepare(
        fmt::format("{} WHERE loan_pk = ? ORDER BY installment_no", kInstallmentSelect));
    inst.bind(1, pk);
    while (inst.step())
        readInstallment(inst, ledger.schedule);
    Statement ch = db_.prepare(fmt::format("{} WHERE loan_pk = ?", kChargeSelect));
    ch.bind(1, pk);
    while (ch.step())
        readCharge(ch, ledger.charges);
    Statement pay = db_.prepare(fmt::format("{} WHERE loan_pk = ?", kPaymentSelect));
    pay.bind(1, pk);
    while (pay.step())
        readPayment(pay, ledger.payments);
    PlanTermsReader(db_.handle(), pk, pk).fill(pk, ledger);
    return ledger;
}

void LoanRepository::refreshLedgerCache(const std::vector<std::int64_t>& loanKeys) {
    Statement put = db_.prepare("INSERT OR REPLACE INTO loan_ledgers(loan_pk, data) VALUES(?, ?)");
    std::string data;
    for (std::int64_t pk : loanKeys) {
        const auto ledger = findLoanByKey(pk);
        if (!ledger)
            continue;
        encodeLedger(*ledger, data);
        put.bind(1, pk);
        sqlite3_bind_blob(put.handle(), 2, data.data(), static_cast<int>(data.size()),
                          SQLITE_STATIC);
        put.execute();
    }
}

void LoanRepository::rebuildLedgerCache() {
    Statement clear = db_.prepare("DELETE FROM loan_ledgers");
    clear.execute();
    Statement put = db_.prepare("INSERT INTO loan_ledgers(loan_pk, data) VALUES(?, ?)");
    TableLedgerReader reader(db_.handle(), std::numeric_limits<std::int64_t>::min(),
                             std::numeric_limits<std::int64_t>::max());
    LoanLedger ledger;
    std::int64_t pk = 0;
    std::string data;
    while (reader.next(ledger, pk)) {
        encodeLedger(ledger, data);
        put.bind(1, pk);
        sqlite3_bind_blob(put.handle(), 2, data.data(), static_cast<int>(data.size()),
                          SQLITE_STATIC);
        put.execute();
    }
}

bool LoanRepository::ledgerCacheComplete() const {
    Statement st = db_.prepare("SELECT (SELECT count(*) FROM loans) = "
                               "(SELECT count(*) FROM loan_ledgers)");
    return st.step() && st.int64(0) == 1;
}

std::int64_t LoanRepository::loanCount() const {
    Statement st = db_.prepare("SELECT count(*) FROM loans");
    return st.step() ? st.int64(0) : 0;
}

std::vector<std::unique_ptr<LoanLedgerSource>>
LoanRepository::partitionedSources(int parts, LedgerSourceKind kind) const {
    std::vector<std::unique_ptr<LoanLedgerSource>> sources;
    const std::int64_t total = loanCount();
    if (parts < 1)
        parts = 1;
    // Boundaries at evenly spaced ranks of the loan keys (keys may have gaps).
    std::vector<std::int64_t> bounds;
    Statement nth = db_.prepare("SELECT id FROM loans ORDER BY id LIMIT 1 OFFSET ?");
    for (int i = 1; i < parts; ++i) {
        nth.bind(1, total * i / parts);
        bounds.push_back(nth.step() ? nth.int64(0) : std::numeric_limits<std::int64_t>::max());
        nth.reset();
    }
    std::int64_t first = std::numeric_limits<std::int64_t>::min();
    std::int64_t previousRank = 0;
    for (int i = 0; i < parts; ++i) {
        const std::int64_t last =
            i + 1 < parts ? bounds[i] - 1 : std::numeric_limits<std::int64_t>::max();
        const std::int64_t rank = i + 1 < parts ? total * (i + 1) / parts : total;
        sources.push_back(
            std::make_unique<RangeSource>(db_.path(), first, last, rank - previousRank, kind));
        previousRank = rank;
        first = last + 1;
    }
    return sources;
}

} // namespace rd::storage

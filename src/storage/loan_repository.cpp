#include "loan_repository.h"

#include <fmt/format.h>

namespace rd::storage {
namespace {

Date dateColumn(const Statement& st, int column) {
    auto parsed = Date::parse(st.text(column));
    if (!parsed)
        throw StorageError(fmt::format("corrupt date \"{}\" in the database", st.text(column)),
                           SQLITE_CORRUPT);
    return *parsed;
}

std::optional<Date> optionalDateColumn(const Statement& st, int column) {
    if (st.isNull(column))
        return std::nullopt;
    return dateColumn(st, column);
}

constexpr const char* kLoanColumns =
    "l.id, l.loan_id, c.client_id, l.product, l.branch, l.credit_officer, l.principal, "
    "l.disbursed_on, l.written_off_on";

void readTerms(const Statement& st, LoanTerms& t) {
    t.loanId = st.text(1);
    t.clientId = st.text(2);
    t.product = st.text(3);
    t.branch = st.text(4);
    t.creditOfficer = st.text(5);
    t.principal = st.int64(6);
    t.disbursedOn = dateColumn(st, 7);
    t.writtenOffOn = optionalDateColumn(st, 8);
}

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
    p.method = paymentMethodFromString(st.text(4)).value_or(PaymentMethod::Other);
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

// Walks loans in key order and merges the three event tables, each read in one ordered
// pass over its clustered index.
class RangeSource final : public LoanLedgerSource {
public:
    RangeSource(const std::filesystem::path& path, std::int64_t first, std::int64_t last,
                std::int64_t count)
        : count_(count) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK)
            throw StorageError(fmt::format("cannot open {} for reading", path.string()),
                               SQLITE_CANTOPEN);
        sqlite3_busy_timeout(db_, 5000);
        sqlite3_exec(db_, "PRAGMA cache_size=-65536; BEGIN", nullptr, nullptr, nullptr);
        loans_.emplace(db_, fmt::format("SELECT {} FROM loans l JOIN clients c ON c.id = "
                                        "l.client_pk WHERE l.id BETWEEN ?1 AND ?2 ORDER BY l.id",
                                        kLoanColumns));
        installments_.emplace(
            db_, fmt::format("{} WHERE loan_pk BETWEEN ?1 AND ?2 ORDER BY loan_pk, installment_no",
                             kInstallmentSelect));
        charges_.emplace(db_, fmt::format("{} WHERE loan_pk BETWEEN ?1 AND ?2 ORDER BY loan_pk",
                                          kChargeSelect));
        payments_.emplace(db_, fmt::format("{} WHERE loan_pk BETWEEN ?1 AND ?2 ORDER BY loan_pk",
                                           kPaymentSelect));
        for (Statement* st : {&*loans_, &*installments_, &*charges_, &*payments_})
            st->bind(1, first).bind(2, last);
        hasInstallment_ = installments_->step();
        hasCharge_ = charges_->step();
        hasPayment_ = payments_->step();
    }

    ~RangeSource() override {
        loans_.reset();
        installments_.reset();
        charges_.reset();
        payments_.reset();
        sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close_v2(db_);
    }

    std::int64_t size() const override { return count_; }

    bool next(LoanLedger& loan) override {
        if (!loans_->step())
            return false;
        const std::int64_t pk = loans_->int64(0);
        readTerms(*loans_, loan.terms);
        loan.clearEvents();
        // Every loan pk of the events is a loan of this range (foreign keys), so events
        // with a smaller pk than the current loan cannot exist.
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
        return true;
    }

private:
    sqlite3* db_ = nullptr;
    std::int64_t count_;
    std::optional<Statement> loans_, installments_, charges_, payments_;
    bool hasInstallment_ = false, hasCharge_ = false, hasPayment_ = false;
};

} // namespace

std::optional<LoanLedger> LoanRepository::findLoan(std::string_view loanId) const {
    Statement loan = db_.prepare(fmt::format(
        "SELECT {} FROM loans l JOIN clients c ON c.id = l.client_pk WHERE l.loan_id = ?",
        kLoanColumns));
    loan.bind(1, loanId);
    if (!loan.step())
        return std::nullopt;
    LoanLedger ledger;
    readTerms(loan, ledger.terms);
    const std::int64_t pk = loan.int64(0);
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
    return ledger;
}

std::int64_t LoanRepository::loanCount() const {
    Statement st = db_.prepare("SELECT count(*) FROM loans");
    return st.step() ? st.int64(0) : 0;
}

std::vector<std::unique_ptr<LoanLedgerSource>>
LoanRepository::partitionedSources(int parts) const {
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
            std::make_unique<RangeSource>(db_.path(), first, last, rank - previousRank));
        previousRank = rank;
        first = last + 1;
    }
    return sources;
}

} // namespace rd::storage

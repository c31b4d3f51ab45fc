#include "import_session.h"

#include <fmt/format.h>

namespace rd::storage::detail {

void ImportSession::importCharges() {
    auto t = ImportTable::open(dir_, "charges.csv", kChargeColumns, out_.errors, out_.warnings);
    if (!t)
        return;
    Statement hasInstallment =
        db_.prepare("SELECT 1 FROM installments WHERE loan_pk = ? AND installment_no = ?");
    Statement insert = db_.prepare(
        "INSERT INTO charges(loan_pk, charge_id, installment_no, charged_on, kind, amount, "
        "import_id, source_line) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    Statement find = db_.prepare(
        "SELECT c.loan_pk, c.installment_no, c.charged_on, c.kind, c.amount, c.import_id, "
        "c.source_line, l.loan_id FROM charges c JOIN loans l ON l.id = c.loan_pk "
        "WHERE c.charge_id = ?");
    cachedLoan_ = nullptr;
    while (t->next()) {
        tick(*t);
        auto id = required(*t, kChargeId);
        auto loanId = required(*t, kCLoanId);
        auto number = installmentNumber(*t, kCInstallmentNo);
        auto chargedOn = date(*t, kChargedOn);
        auto value = amount(*t, kChargeAmount, true);
        const auto kind = chargeKindFromString(t->get(kKind));
        if (!kind)
            t->error(kKind,
                     fmt::format("\"{}\" is not a charge kind (fee or penalty)", t->get(kKind)));
        LoanRef* ref = loanId ? loanForCached(*t, kCLoanId, *loanId) : nullptr;
        if (!id || !ref || !number || !chargedOn || !value || !kind)
            continue;
        if (*chargedOn < ref->disbursedOn) {
            t->error(kChargedOn,
                     fmt::format("{} is before the disbursement of loan {} on {} "
                                 "(charges come on or after disbursement)",
                                 chargedOn->toString(), *loanId, ref->disbursedOn.toString()));
            continue;
        }
        if (ref->scheduleRefused)
            continue; // its schedule's problems are reported; installments are unknown
        hasInstallment.reset();
        hasInstallment.bind(1, ref->pk).bind(2, *number);
        if (!hasInstallment.step()) {
            t->error(kCInstallmentNo, fmt::format("loan {} has no installment {} (charges belong "
                                                  "to an installment of the loan's schedule)",
                                                  *loanId, *number));
            continue;
        }
        insert.bind(1, ref->pk).bind(2, *id).bind(3, *number).bind(4, chargedOn->toString());
        insert.bind(5, toString(*kind)).bind(6, *value).bind(7, importId_).bind(8, t->line());
        if (insert.tryExecute() == SQLITE_OK) {
            ref->touched = true;
            ++out_.counts.chargesAdded;
            wrote();
            continue;
        }
        find.reset();
        find.bind(1, *id);
        if (!find.step())
            throw StorageError("charge insert failed for a reason other than a known id", 0);
        if (reportedRepeat(*t, t->line(), kChargeId, "charge", *id, find, 5))
            continue;
        const bool same = find.int64(0) == ref->pk && find.int64(1) == *number &&
                          find.text(2) == chargedOn->toString() &&
                          find.text(3) == toString(*kind) && find.int64(4) == *value;
        if (same) {
            ++out_.counts.rowsUnchanged;
            continue;
        }
        t->error(kChargeId,
                 fmt::format("charge \"{}\" was imported before as {} {} on {} for loan {} "
                             "installment {}; a charge never changes (give a correction a new "
                             "charge_id)",
                             *id, find.text(3), formatAmount(find.int64(4), currency_->exponent),
                             find.text(2), find.text(7), find.int64(1)));
    }
    doneBytes_ += t->totalBytes();
}

void ImportSession::importPayments() {
    auto t = ImportTable::open(dir_, "payments.csv", kPaymentColumns, out_.errors, out_.warnings);
    if (!t)
        return;
    constexpr const char* kInsertHead =
        "INSERT INTO payments(loan_pk, payment_id, paid_on, amount, method, reference, "
        "reversed_on, import_id, source_line, reversal_import_id)";
    insertPayment_.emplace(db_.handle(), multiRowInsert(kInsertHead, 10, 1));
    insertPayments_.emplace(db_.handle(), multiRowInsert(kInsertHead, 10, kBatchRows));
    findPayment_.emplace(
        db_.handle(),
        "SELECT p.loan_pk, p.paid_on, p.amount, p.method, p.reference, p.reversed_on, "
        "p.import_id, p.source_line, l.loan_id FROM payments p JOIN loans l ON l.id = p.loan_pk "
        "WHERE p.payment_id = ?");
    reversePayment_.emplace(db_.handle(),
                            "UPDATE payments SET reversed_on = ?3, reversal_import_id = ?4 "
                            "WHERE loan_pk = ?1 AND payment_id = ?2");
    pendingPayments_.resize(kBatchRows);
    pendingPaymentCount_ = 0;
    cachedLoan_ = nullptr;

    // The row's errors wait here: the rows held back for the batch before it are handled
    // first, so that every error is still reported in the order of the file's lines.
    ProblemList rowErrors{1000};
    t->setErrors(rowErrors);
    auto reportRowErrors = [&] {
        if (rowErrors.empty())
            return;
        flushPayments(*t);
        for (const ImportProblem& p : rowErrors.kept())
            out_.errors.add(p);
        rowErrors = ProblemList{1000};
    };
    for (;;) {
        const bool more = t->next();
        reportRowErrors();
        if (!more)
            break;
        tick(*t);
        auto id = required(*t, kPaymentId);
        auto loanId = required(*t, kPLoanId);
        auto paidOn = date(*t, kPaidOn);
        auto value = amount(*t, kPaymentAmount, true);
        std::optional<PaymentMethod> method = PaymentMethod::Cash;
        if (!t->get(kMethodCol).empty()) {
            method = paymentMethodFromString(t->get(kMethodCol));
            if (!method)
                t->error(kMethodCol, fmt::format("\"{}\" is not a payment method (cash, cheque, "
                                                 "bank_transfer, mobile_money or other)",
                                                 t->get(kMethodCol)));
        }
        std::optional<Date> reversedOn;
        bool reversalOk = true;
        if (!t->get(kReversedOn).empty()) {
            reversedOn = date(*t, kReversedOn);
            reversalOk = reversedOn.has_value();
            if (reversedOn && paidOn && *reversedOn < *paidOn) {
                t->error(kReversedOn, fmt::format("{} is before the payment date {} (a payment is "
                                                  "reversed on or after the day it was paid)",
                                                  reversedOn->toString(), paidOn->toString()));
                reversalOk = false;
            }
        }
        LoanRef* ref = loanId ? loanForCached(*t, kPLoanId, *loanId) : nullptr;
        if (!id || !ref || !paidOn || !value || !method || !reversalOk) {
            reportRowErrors();
            continue;
        }
        if (*paidOn < ref->disbursedOn) {
            t->error(kPaidOn,
                     fmt::format("{} is before the disbursement of loan {} on {} "
                                 "(payments come on or after disbursement)",
                                 paidOn->toString(), *loanId, ref->disbursedOn.toString()));
            reportRowErrors();
            continue;
        }
        PendingPayment& p = pendingPayments_[pendingPaymentCount_++];
        p.line = t->line();
        p.ref = ref;
        p.id.assign(*id);
        p.loanId.assign(*loanId);
        // A date that parsed is already in its one canonical text form: dates kept as read.
        p.paidOn.assign(t->get(kPaidOn));
        p.amount = *value;
        p.method = *method;
        p.reference.assign(t->get(kReference));
        p.reversedOn.assign(reversedOn ? t->get(kReversedOn) : std::string_view());
        if (pendingPaymentCount_ == pendingPayments_.size())
            flushPayments(*t);
    }
    flushPayments(*t);
    t->setErrors(out_.errors);
    for (auto* st : {&insertPayment_, &insertPayments_, &findPayment_, &reversePayment_})
        st->reset(); // no statement of this file stays open (or bound to its rows)
    doneBytes_ += t->totalBytes();
}

void ImportSession::flushPayments(ImportTable& t) {
    const std::size_t n = pendingPaymentCount_;
    pendingPaymentCount_ = 0;
    if (n == 0)
        return;
    // The held-back rows' errors are reported now, before those of the row being read.
    struct ReportNow {
        ImportTable& t;
        ProblemList& held;
        ~ReportNow() { t.setErrors(held); }
    } reportNow{t, t.errors()};
    t.setErrors(out_.errors);
    auto bindRow = [this](Statement& st, int first, const PendingPayment& p) {
        st.bind(first + 1, p.ref->pk).bindStatic(first + 2, p.id).bindStatic(first + 3, p.paidOn);
        st.bind(first + 4, p.amount).bindStatic(first + 5, toString(p.method));
        if (p.reference.empty())
            st.bindNull(first + 6);
        else
            st.bindStatic(first + 6, p.reference);
        if (p.reversedOn.empty())
            st.bindNull(first + 7).bindNull(first + 10);
        else
            st.bindStatic(first + 7, p.reversedOn).bind(first + 10, importId_);
        st.bind(first + 8, importId_).bind(first + 9, p.line);
    };
    if (n == pendingPayments_.size()) {
        Statement& batch = *insertPayments_;
        for (std::size_t r = 0; r < n; ++r)
            bindRow(batch, static_cast<int>(r) * 10, pendingPayments_[r]);
        // One statement: a refused row (an id already stored) undoes the whole batch, and
        // its rows are then taken one at a time below.
        if (batch.tryExecute() == SQLITE_OK) {
            for (std::size_t r = 0; r < n; ++r) {
                pendingPayments_[r].ref->touched = true;
                ++out_.counts.paymentsAdded;
                wrote();
            }
            return;
        }
    }
    for (std::size_t r = 0; r < n; ++r) {
        const PendingPayment& p = pendingPayments_[r];
        bindRow(*insertPayment_, 0, p);
        importPayment(t, p);
    }
}

void ImportSession::importPayment(const ImportTable& t, const PendingPayment& p) {
    LoanRef* ref = p.ref;
    if (insertPayment_->tryExecute() == SQLITE_OK) {
        ref->touched = true;
        ++out_.counts.paymentsAdded;
        wrote();
        return;
    }
    Statement& find = *findPayment_;
    find.reset();
    find.bind(1, p.id);
    if (!find.step())
        throw StorageError("payment insert failed for a reason other than a known id", 0);
    if (reportedRepeat(t, p.line, kPaymentId, "payment", p.id, find, 6))
        return;
    // Optional columns the file does not have keep their stored values.
    const OptText reference = optText(p.reference);
    const bool same = find.int64(0) == ref->pk && find.text(1) == p.paidOn &&
                      find.int64(2) == p.amount &&
                      (!t.has(kMethodCol) || find.text(3) == toString(p.method)) &&
                      (!t.has(kReference) || find.optionalString(4) == reference);
    if (!same) {
        t.errorAt(p.line, kPaymentId,
                  fmt::format("payment \"{}\" was {} before as {} on {} for loan {} "
                              "({}); a payment never changes: only reversed_on may be filled "
                              "in later",
                              p.id, find.int64(6) == 0 ? "taken at the desk" : "imported",
                              formatAmount(find.int64(2), currency_->exponent), find.text(1),
                              find.text(8), find.text(3)));
        return;
    }
    const OptText reversal = optText(p.reversedOn);
    const OptText storedReversal = find.optionalString(5);
    if (storedReversal == reversal || !t.has(kReversedOn)) {
        ++out_.counts.rowsUnchanged;
    } else if (!storedReversal) {
        reversePayment_->bind(1, ref->pk).bind(2, p.id).bind(3, reversal).bind(4, importId_);
        reversePayment_->execute();
        ref->touched = true;
        ++out_.counts.paymentsReversed;
        wrote();
    } else {
        t.errorAt(p.line, kReversedOn,
                  fmt::format("payment \"{}\" was reversed on {}; a reversal is never changed "
                              "or undone (record a new payment instead)",
                              p.id, *storedReversal));
    }
}

} // namespace rd::storage::detail

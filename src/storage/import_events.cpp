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
        LoanRef* ref = loanId ? loanFor(*t, kCLoanId, *loanId) : nullptr;
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
        if (reportedRepeat(*t, kChargeId, "charge", *id, find, 5))
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
    Statement insert = db_.prepare(
        "INSERT INTO payments(loan_pk, payment_id, paid_on, amount, method, reference, "
        "reversed_on, import_id, source_line, reversal_import_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, "
        "?7, ?8, ?9, CASE WHEN ?7 IS NULL THEN NULL ELSE ?8 END)");
    Statement find = db_.prepare(
        "SELECT p.loan_pk, p.paid_on, p.amount, p.method, p.reference, p.reversed_on, "
        "p.import_id, p.source_line, l.loan_id FROM payments p JOIN loans l ON l.id = p.loan_pk "
        "WHERE p.payment_id = ?");
    Statement reverse = db_.prepare("UPDATE payments SET reversed_on = ?3, reversal_import_id = ?4 "
                                    "WHERE loan_pk = ?1 AND payment_id = ?2");
    while (t->next()) {
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
        LoanRef* ref = loanId ? loanFor(*t, kPLoanId, *loanId) : nullptr;
        if (!id || !ref || !paidOn || !value || !method || !reversalOk)
            continue;
        if (*paidOn < ref->disbursedOn) {
            t->error(kPaidOn,
                     fmt::format("{} is before the disbursement of loan {} on {} "
                                 "(payments come on or after disbursement)",
                                 paidOn->toString(), *loanId, ref->disbursedOn.toString()));
            continue;
        }
        const std::string_view reference = t->get(kReference);
        const OptText reversal = reversedOn ? OptText{reversedOn->toString()} : OptText{};
        // A date that parsed is already in its one canonical text form: bound as read.
        insert.bind(1, ref->pk).bindStatic(2, *id).bindStatic(3, t->get(kPaidOn)).bind(4, *value);
        insert.bindStatic(5, toString(*method)).bindOptional(6, reference).bind(7, reversal);
        insert.bind(8, importId_).bind(9, t->line());
        if (insert.tryExecute() == SQLITE_OK) {
            ref->touched = true;
            ++out_.counts.paymentsAdded;
            wrote();
            continue;
        }
        find.reset();
        find.bind(1, *id);
        if (!find.step())
            throw StorageError("payment insert failed for a reason other than a known id", 0);
        if (reportedRepeat(*t, kPaymentId, "payment", *id, find, 6))
            continue;
        // Optional columns the file does not have keep their stored values.
        const bool same = find.int64(0) == ref->pk && find.text(1) == paidOn->toString() &&
                          find.int64(2) == *value &&
                          (!t->has(kMethodCol) || find.text(3) == toString(*method)) &&
                          (!t->has(kReference) || find.optionalString(4) == optText(reference));
        if (!same) {
            t->error(kPaymentId,
                     fmt::format("payment \"{}\" was {} before as {} on {} for loan {} "
                                 "({}); a payment never changes: only reversed_on may be filled "
                                 "in later",
                                 *id, find.int64(6) == 0 ? "taken at the desk" : "imported",
                                 formatAmount(find.int64(2), currency_->exponent), find.text(1),
                                 find.text(8), find.text(3)));
            continue;
        }
        const OptText storedReversal = find.optionalString(5);
        if (storedReversal == reversal || !t->has(kReversedOn)) {
            ++out_.counts.rowsUnchanged;
        } else if (!storedReversal) {
            reverse.bind(1, ref->pk).bind(2, *id).bind(3, reversal).bind(4, importId_).execute();
            ref->touched = true;
            ++out_.counts.paymentsReversed;
            wrote();
        } else {
            t->error(kReversedOn,
                     fmt::format("payment \"{}\" was reversed on {}; a reversal is never changed "
                                 "or undone (record a new payment instead)",
                                 *id, *storedReversal));
        }
    }
    doneBytes_ += t->totalBytes();
}

} // namespace rd::storage::detail

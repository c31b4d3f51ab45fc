#include "desk_payment_repository.h"

#include "date_columns.h"

#include <fmt/format.h>

namespace rd::storage {
namespace {

// The payments row carries the date, amount, method, reference and reversal date; a
// reversal made by an import has no payment_reversals row.
constexpr const char* kSelect =
    "SELECT r.receipt_no, r.payment_id, r.loan_pk, l.loan_id, r.client_name, r.branch, "
    "p.paid_on, p.amount, p.method, p.reference, r.taken_by, r.taken_at, r.business_date, "
    "r.allocated_principal, r.allocated_interest, r.allocated_fees, r.allocated_penalties, "
    "r.to_credit_balance, r.outstanding_principal_after, r.arrears_after, p.reversed_on, "
    "v.reason, v.reversed_by, v.recorded_at "
    "FROM desk_receipts r JOIN loans l ON l.id = r.loan_pk "
    "JOIN payments p ON p.loan_pk = r.loan_pk AND p.payment_id = r.payment_id "
    "LEFT JOIN payment_reversals v ON v.payment_id = r.payment_id ";

DeskReceiptRecord readReceipt(const Statement& s) {
    DeskReceiptRecord r;
    r.receiptNo = s.int64(0);
    r.paymentId = s.string(1);
    r.loanKey = s.int64(2);
    r.loanId = s.string(3);
    r.clientName = s.string(4);
    r.branch = s.string(5);
    r.paidOn = dateColumn(s, 6);
    r.amount = s.int64(7);
    r.method = paymentMethodFromString(s.text(8)).value_or(PaymentMethod::Other);
    r.reference = s.optionalString(9).value_or("");
    r.takenBy = s.string(10);
    r.takenAt = s.string(11);
    r.businessDate = dateColumn(s, 12);
    r.allocated = {s.int64(13), s.int64(14), s.int64(15), s.int64(16)};
    r.toCreditBalance = s.int64(17);
    r.outstandingPrincipalAfter = s.int64(18);
    r.arrearsAfter = s.int64(19);
    if (!s.isNull(20))
        r.reversedOn = dateColumn(s, 20);
    r.reversalReason = s.optionalString(21).value_or("");
    r.reversedBy = s.optionalString(22).value_or("");
    r.reversalRecordedAt = s.optionalString(23).value_or("");
    return r;
}

} // namespace

std::string DeskPaymentRepository::paymentIdFor(std::int64_t receiptNo) {
    return fmt::format("DESK-{:06}", receiptNo);
}

std::int64_t DeskPaymentRepository::nextReceiptNo() const {
    // A DESK- payment can also come back in an import (posted by the core banking system)
    // without its receipt here, e.g. into a database restored from an older backup: its
    // number is taken, so the sequence continues after it rather than colliding with it.
    auto s =
        db_.prepare("SELECT MAX(COALESCE((SELECT MAX(receipt_no) FROM desk_receipts), 0), "
                    "COALESCE((SELECT MAX(CAST(substr(payment_id, 6) AS INTEGER)) FROM payments "
                    "WHERE payment_id >= 'DESK-0' AND payment_id < 'DESK-:'), 0)) + 1");
    s.step();
    return s.int64(0);
}

bool DeskPaymentRepository::insert(const DeskReceiptRecord& r) {
    auto taken = db_.prepare("SELECT 1 FROM payments WHERE payment_id = ?");
    taken.bind(1, r.paymentId);
    if (taken.step())
        return false;
    // Our rule: 0 is never an import's id, so import_id 0 marks a payment taken at the desk.
    auto payment =
        db_.prepare("INSERT INTO payments(loan_pk, payment_id, paid_on, amount, method, reference, "
                    "reversed_on, import_id, source_line, reversal_import_id) "
                    "VALUES(?, ?, ?, ?, ?, ?, NULL, 0, 0, NULL)");
    payment.bind(1, r.loanKey).bind(2, r.paymentId).bind(3, r.paidOn.toString());
    payment.bind(4, r.amount).bind(5, toString(r.method)).bindOptional(6, r.reference);
    payment.execute();
    auto receipt = db_.prepare(
        "INSERT INTO desk_receipts(receipt_no, payment_id, loan_pk, taken_by, taken_at, "
        "business_date, allocated_principal, allocated_interest, allocated_fees, "
        "allocated_penalties, to_credit_balance, outstanding_principal_after, arrears_after, "
        "client_name, branch) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    receipt.bind(1, r.receiptNo).bind(2, r.paymentId).bind(3, r.loanKey).bind(4, r.takenBy);
    receipt.bind(5, r.takenAt).bind(6, r.businessDate.toString());
    receipt.bind(7, r.allocated.principal).bind(8, r.allocated.interest);
    receipt.bind(9, r.allocated.fees).bind(10, r.allocated.penalties);
    receipt.bind(11, r.toCreditBalance).bind(12, r.outstandingPrincipalAfter);
    receipt.bind(13, r.arrearsAfter).bind(14, r.clientName).bind(15, r.branch);
    receipt.execute();
    return true;
}

void DeskPaymentRepository::insertReversal(const DeskReceiptRecord& r, Date reversedOn,
                                           const std::string& reason, const std::string& reversedBy,
                                           const std::string& recordedAt) {
    // reversal_import_id stays NULL: no import reversed it.
    auto update = db_.prepare("UPDATE payments SET reversed_on = ? WHERE loan_pk = ? AND "
                              "payment_id = ? AND reversed_on IS NULL");
    update.bind(1, reversedOn.toString()).bind(2, r.loanKey).bind(3, r.paymentId);
    update.execute();
    if (sqlite3_changes(db_.handle()) != 1)
        throw StorageError(fmt::format("payment {} was already reversed", r.paymentId),
                           SQLITE_CONSTRAINT);
    auto insert = db_.prepare("INSERT INTO payment_reversals(payment_id, reversed_on, reason, "
                              "reversed_by, recorded_at) VALUES(?, ?, ?, ?, ?)");
    insert.bind(1, r.paymentId).bind(2, reversedOn.toString()).bind(3, reason);
    insert.bind(4, reversedBy).bind(5, recordedAt);
    insert.execute();
}

std::vector<DeskReceiptRecord> DeskPaymentRepository::query(std::string_view where,
                                                            std::string_view arg) const {
    auto s = db_.prepare(fmt::format("{}{} ORDER BY r.receipt_no", kSelect, where));
    if (!arg.empty())
        s.bind(1, arg);
    std::vector<DeskReceiptRecord> out;
    while (s.step())
        out.push_back(readReceipt(s));
    return out;
}

std::optional<DeskReceiptRecord> DeskPaymentRepository::find(std::int64_t receiptNo) const {
    auto s = db_.prepare(fmt::format("{} WHERE r.receipt_no = ?", kSelect));
    s.bind(1, receiptNo);
    if (!s.step())
        return std::nullopt;
    return readReceipt(s);
}

std::vector<DeskReceiptRecord> DeskPaymentRepository::forLoan(std::string_view loanId) const {
    return query("WHERE l.loan_id = ?", loanId);
}

std::vector<DeskReceiptRecord> DeskPaymentRepository::since(Date since) const {
    return query("WHERE r.business_date >= ?", since.toString());
}

std::vector<DeskReceiptRecord> DeskPaymentRepository::forOfficerDay(const std::string& officer,
                                                                    Date day) const {
    auto s = db_.prepare(fmt::format("{} WHERE r.taken_by = ?1 AND (r.business_date = ?2 OR "
                                     "p.reversed_on = ?2) ORDER BY r.receipt_no",
                                     kSelect));
    s.bind(1, officer).bind(2, day.toString());
    std::vector<DeskReceiptRecord> out;
    while (s.step())
        out.push_back(readReceipt(s));
    return out;
}

std::vector<std::string> DeskPaymentRepository::officersOn(Date day) const {
    auto s = db_.prepare(
        "SELECT DISTINCT taken_by FROM desk_receipts WHERE business_date = ? ORDER BY taken_by");
    s.bind(1, day.toString());
    std::vector<std::string> out;
    while (s.step())
        out.push_back(s.string(0));
    return out;
}

} // namespace rd::storage

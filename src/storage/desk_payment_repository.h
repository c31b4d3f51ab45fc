#pragma once

#include "core/date.h"
#include "core/loan.h"
#include "core/loan_position.h"
#include "database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::storage {

// A payment taken at the desk as stored (schema version 4): its payments row, its receipt
// (with the allocation printed on it) and its reversal, if any.
struct DeskReceiptRecord {
    std::int64_t receiptNo = 0;
    std::string paymentId;
    std::int64_t loanKey = 0;
    std::string loanId;
    std::string clientName; // as on the day the receipt was printed
    std::string branch;
    Date paidOn;
    Amount amount = 0;
    PaymentMethod method = PaymentMethod::Cash;
    std::string reference;
    std::string takenBy;
    std::string takenAt; // ISO 8601 UTC
    Date businessDate;
    ComponentAmounts allocated;
    Amount toCreditBalance = 0;
    Amount outstandingPrincipalAfter = 0;
    Amount arrearsAfter = 0;
    std::optional<Date> reversedOn;
    std::string reversalReason; // empty when not reversed (or reversed by an import)
    std::string reversedBy;
    std::string reversalRecordedAt;
};

// The SQL of desk payments. No permission checks or validation here (services/ does them);
// callers open the write transaction around the writes.
class DeskPaymentRepository {
public:
    explicit DeskPaymentRepository(Database& db) : db_(db) {}

    // "DESK-000042": the payment id of a receipt number.
    static std::string paymentIdFor(std::int64_t receiptNo);

    // The number the next receipt gets: one more than the highest so far (receipts, and
    // DESK- payments that came back in an import). Read it inside the transaction that
    // saves the receipt, so a failed save consumes no number.
    std::int64_t nextReceiptNo() const;

    // Inserts the payments row (import_id 0, source_line 0) and the receipt row. Returns
    // false, writing nothing, when the payment id is already taken (by an imported payment
    // that happens to carry it).
    bool insert(const DeskReceiptRecord& receipt);

    // Sets the payment's reversal date (once) and records who reversed it and why.
    void insertReversal(const DeskReceiptRecord& receipt, Date reversedOn,
                        const std::string& reason, const std::string& reversedBy,
                        const std::string& recordedAt);

    std::optional<DeskReceiptRecord> find(std::int64_t receiptNo) const;
    // By receipt number.
    std::vector<DeskReceiptRecord> forLoan(std::string_view loanId) const;
    // Receipts with a business date on or after `since`, by receipt number.
    std::vector<DeskReceiptRecord> since(Date since) const;
    // The receipts `officer` took on `day` and those of theirs reversed on `day` (the day
    // sheet), by receipt number.
    std::vector<DeskReceiptRecord> forOfficerDay(const std::string& officer, Date day) const;
    // The usernames that took a receipt on `day`, sorted.
    std::vector<std::string> officersOn(Date day) const;

private:
    std::vector<DeskReceiptRecord> query(std::string_view where, std::string_view arg) const;
    Database& db_;
};

} // namespace rd::storage

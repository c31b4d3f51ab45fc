#pragma once

#include "core/clock.h"
#include "core/date.h"
#include "core/loan.h"
#include "core/money.h"
#include "core/payment_allocation.h"
#include "core/result.h"
#include "core/user.h"
#include "storage_fwd.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::services {

// A payment handed over at the desk (domain.md section 10).
struct NewDeskPayment {
    std::string loanId;
    Amount amount = 0;
    PaymentMethod method = PaymentMethod::Cash;
    std::string reference; // required for every method but cash
    Date paidOn;
    // A payment above what the loan owes leaves a credit balance: it is taken only when the
    // officer has confirmed it (the error without it says how much would be left over).
    bool confirmOverpayment = false;
};

// A printed receipt. The allocation and the position after the payment are as of the
// payment date and stored with the receipt, so a reprint is always identical.
struct DeskReceipt {
    std::int64_t receiptNo = 0;
    std::string paymentId; // "DESK-000042"
    std::string loanId;
    std::string clientName;
    std::string branch;
    Date paidOn;
    Amount amount = 0;
    PaymentMethod method = PaymentMethod::Cash;
    std::string reference;
    std::string takenBy;
    std::string takenByName; // the officer's full name, as stored now
    std::string takenAt;     // ISO UTC text
    ComponentAmounts allocated;
    Amount toCreditBalance = 0;
    Amount outstandingPrincipalAfter = 0;
    Amount arrearsAfter = 0;
    std::optional<Date> reversedOn;
    std::string reversalReason; // empty when not reversed, or reversed by an import
    std::string reversedBy;
    // Added beyond the receipt itself: the desk's business date when it was taken (what
    // `takenSince` filters on) and when the reversal was recorded (ISO UTC, or empty).
    Date businessDate;
    std::string reversalRecordedAt;
};

// One print of a receipt: copy 1 is the original handed to the client, every later copy a
// DUPLICATE printed at `printedAt`.
struct ReceiptPrint {
    std::int64_t receiptNo = 0;
    int copy = 1;
    std::string printedAt; // ISO UTC text
    std::string printedBy;
    bool duplicate() const { return copy > 1; }
};

// "000042": a receipt number as printed.
std::string receiptNumberText(std::int64_t receiptNo);

// Payments taken at the desk and their reversals. A desk payment is an ordinary payment of
// the loan (payment id "DESK-" and the receipt number), so every figure sees it at once.
// Each write is one transaction: the payment or reversal, the loan's ledger cache, the
// loan's case (closed as paid when the payment pays the loan off) and an audit_log row on
// the case. Receipt numbers come from one gap-free sequence: a refused or failed save
// consumes no number.
//
// Permissions: taking a payment needs the loan's open case assigned to the actor
// (WorkOwnCases) or WorkBranchCases in the loan's branch (a supervisor); a loan without an
// open case needs WorkBranchCases. Reversing needs WorkBranchCases. Admins do neither.
class PaymentService {
public:
    explicit PaymentService(storage::Database& db, Clock clock = {});

    // What `amount` paid on `paidOn` would do, as of `paidOn`, without saving anything.
    // Needs ReadBranch in the loan's branch.
    Result<PaymentAllocation> preview(const User& actor, std::string_view loanId, Amount amount,
                                      Date paidOn) const;

    // Validates and saves the payment, and returns its receipt. `paidOn` may not be after
    // `businessDate` (payments are not post-dated) nor before the disbursement; a loan
    // paid off as of `businessDate` takes no payment; an amount above max_payment_multiple
    // times the loan's principal is refused; one above what the loan owes needs
    // `confirmOverpayment` (error kind Conflict, hint ConfirmOverpayment, fact "overpayment"
    // in minor units).
    Result<DeskReceipt> takePayment(const User& actor, const NewDeskPayment& payment,
                                    Date businessDate);

    // A payment is refused (error kind Conflict, hint ReopenDay, facts "officer" and "date")
    // when the actor's day `businessDate` is closed (DayCloseService).

    // Reverses a desk payment on `businessDate` (e.g. a bounced cheque): once only, with a
    // reason, not before the payment date. Nothing is deleted. A reversal takes in no money,
    // so it is allowed on a closed day and shows on the day sheet of the day it is made;
    // only a reversal on the very day the receipt was taken, when that day of its officer is
    // closed, is refused like a payment (it would change the cash counted).
    Result<DeskReceipt> reverse(const User& actor, std::int64_t receiptNo, std::string_view reason,
                                Date businessDate);

    // Records one print of the receipt (in one transaction, audited as print_receipt on the
    // case) and returns which copy it is: the first print is the original, every later one a
    // duplicate. Needs WorkOwnCases in the receipt's branch (the desk of that branch).
    Result<ReceiptPrint> recordPrint(const User& actor, std::int64_t receiptNo);
    // The prints of the receipt so far, first first; needs ReadBranch in its branch.
    Result<std::vector<ReceiptPrint>> prints(const User& actor, std::int64_t receiptNo) const;

    // Reading a receipt needs ReadBranch in its branch.
    Result<DeskReceipt> receipt(const User& actor, std::int64_t receiptNo) const;
    Result<std::vector<DeskReceipt>> receiptsForLoan(const User& actor,
                                                     std::string_view loanId) const;
    // Receipts whose business date is on or after `since`, by receipt number, for the export
    // to the core banking system: the whole portfolio, so an administrator or the local
    // operator (ImportPortfolio).
    Result<std::vector<DeskReceipt>> takenSince(const User& actor, Date since) const;

private:
    storage::Database& db_;
    Clock clock_;
};

} // namespace rd::services

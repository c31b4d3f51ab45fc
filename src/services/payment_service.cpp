#include "payment_service.h"

#include "case_access.h"
#include "case_service.h"
#include "core/money_text.h"
#include "core/text_trim.h"
#include "receipt_from_record.h"
#include "service_edge.h"
#include "storage/case_repository.h"
#include "storage/database.h"
#include "storage/desk_day_repository.h"
#include "storage/desk_payment_repository.h"
#include "storage/loan_repository.h"
#include "storage/portfolio_settings.h"
#include "storage/receipt_print_repository.h"
#include "storage/user_repository.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rd::services {
namespace {

Error noReceipt(std::int64_t receiptNo) {
    return Error{fmt::format("there is no receipt {} (check the number on the receipt)",
                             receiptNumberText(receiptNo)),
                 ErrorKind::NotFound, Hint::ListReceipts};
}

using storage::CaseRecord;
using storage::CaseRepository;
using storage::DeskPaymentRepository;
using storage::DeskReceiptRecord;

// Our rule: long enough for any cheque, transfer or mobile-money transaction number.
constexpr std::size_t kMaxReferenceLength = 100;

int exponentOf(const storage::Database& db) {
    const auto currency = db.currency();
    return currency ? currency->exponent : 2;
}

// The actor as stored now (a user disabled since signing in may do nothing).
std::optional<User> storedUser(storage::Database& db, const User& actor) {
    return currentUser(db, actor);
}

std::optional<Error> mayTakePayment(const std::optional<User>& who, const User& actor,
                                    const std::optional<CaseRecord>& openCase,
                                    const std::string& branch, std::string_view loanId) {
    if (!who)
        return permissionDenied(actor, Permission::WorkOwnCases);
    if (allows(*who, Permission::WorkBranchCases, branch))
        return std::nullopt;
    if (openCase && openCase->assignedTo == who->id &&
        allows(*who, Permission::WorkOwnCases, branch))
        return std::nullopt;
    if (!allows(*who, Permission::WorkOwnCases, branch))
        return permissionDenied(*who, Permission::WorkOwnCases);
    if (openCase)
        return Error{
            fmt::format("permission denied for {} ({}): the case of {} is assigned to {}; {}",
                        who->username, roleCode(who->role), loanId,
                        openCase->assignedUsername.empty() ? "nobody" : openCase->assignedUsername,
                        whoMay(Permission::WorkBranchCases)),
            ErrorKind::Denied};
    return Error{fmt::format("permission denied for {} ({}): loan {} has no open case; only a "
                             "supervisor of the branch may take a payment on it",
                             who->username, roleCode(who->role), loanId),
                 ErrorKind::Denied};
}

// The rules of a payment that need no database (amount, method, reference, date).
std::optional<Error> checkPayment(const NewDeskPayment& in, const LoanLedger& ledger,
                                  Date businessDate, int exponent) {
    if (in.amount <= 0)
        return Error{"the amount must be more than 0 (the money received, in the portfolio "
                     "currency)"};
    if (in.amount > kMaxAmount)
        return Error{fmt::format("the amount {} is more than the largest accepted ({}); check it",
                                 formatAmount(in.amount, exponent),
                                 formatAmount(kMaxAmount, exponent))};
    const std::string reference = trimmed(in.reference);
    if (in.method != PaymentMethod::Cash && reference.empty())
        return Error{fmt::format("a {} payment needs a reference (the cheque, transfer or "
                                 "transaction number)",
                                 paymentMethodWords(in.method)),
                     ErrorKind::Invalid, Hint::GiveReference};
    if (reference.size() > kMaxReferenceLength)
        return Error{fmt::format("the reference is {} characters long; at most {} are kept",
                                 reference.size(), kMaxReferenceLength)};
    if (in.paidOn > businessDate)
        return Error{fmt::format("the payment date {} is after the business date {}; payments "
                                 "are not post-dated (take it on the day the money is received)",
                                 in.paidOn.toString(), businessDate.toString())};
    if (in.paidOn < ledger.terms.disbursedOn)
        return Error{fmt::format("the payment date {} is before loan {} was disbursed on {} "
                                 "(check the date)",
                                 in.paidOn.toString(), ledger.terms.loanId,
                                 ledger.terms.disbursedOn.toString())};
    return std::nullopt;
}

Payment asPayment(const std::string& id, const NewDeskPayment& in) {
    Payment p;
    p.id = id;
    p.paidOn = in.paidOn;
    p.amount = in.amount;
    p.method = in.method;
    p.reference = trimmed(in.reference);
    return p;
}

nlohmann::ordered_json positionJson(const LoanPosition& p) {
    nlohmann::ordered_json j;
    j["as_of"] = p.asOf.toString();
    j["status"] = toString(p.status);
    j["dpd"] = p.daysPastDue;
    j["outstanding_principal_minor"] = p.outstandingPrincipal;
    j["arrears_minor"] = p.arrears.total();
    j["credit_balance_minor"] = p.creditBalance;
    return j;
}

nlohmann::ordered_json receiptJson(const DeskReceiptRecord& r) {
    nlohmann::ordered_json j;
    j["receipt_no"] = r.receiptNo;
    j["payment_id"] = r.paymentId;
    j["paid_on"] = r.paidOn.toString();
    j["amount_minor"] = r.amount;
    j["method"] = toString(r.method);
    j["reference"] = r.reference.empty() ? nullptr : nlohmann::ordered_json(r.reference);
    j["business_date"] = r.businessDate.toString();
    j["allocated_minor"] = {{"principal", r.allocated.principal},
                            {"interest", r.allocated.interest},
                            {"fees", r.allocated.fees},
                            {"penalties", r.allocated.penalties}};
    j["to_credit_balance_minor"] = r.toCreditBalance;
    return j;
}

} // namespace

DeskReceipt toDeskReceipt(storage::Database& db, const DeskReceiptRecord& r) {
    DeskReceipt out;
    out.receiptNo = r.receiptNo;
    out.paymentId = r.paymentId;
    out.loanId = r.loanId;
    out.clientName = r.clientName;
    out.branch = r.branch;
    out.paidOn = r.paidOn;
    out.amount = r.amount;
    out.method = r.method;
    out.reference = r.reference;
    out.takenBy = r.takenBy;
    const auto officer = storage::UserRepository(db).find(r.takenBy);
    out.takenByName = officer ? officer->user.fullName : r.takenBy;
    out.takenAt = r.takenAt;
    out.allocated = r.allocated;
    out.toCreditBalance = r.toCreditBalance;
    out.outstandingPrincipalAfter = r.outstandingPrincipalAfter;
    out.arrearsAfter = r.arrearsAfter;
    out.reversedOn = r.reversedOn;
    out.reversalReason = r.reversalReason;
    out.reversedBy = r.reversedBy;
    out.businessDate = r.businessDate;
    out.reversalRecordedAt = r.reversalRecordedAt;
    return out;
}

Error dayClosedError(const std::string& officer, Date day, std::string_view what) {
    return Error{fmt::format("the day {} of {} is closed: {} (the cash of that day has been "
                             "counted)",
                             day.toString(), officer, what),
                 ErrorKind::Conflict,
                 Hint::ReopenDay,
                 {{"officer", officer}, {"date", day.toString()}}};
}

std::string receiptNumberText(std::int64_t receiptNo) {
    return fmt::format("{:06}", receiptNo);
}

PaymentService::PaymentService(storage::Database& db, Clock clock)
    : db_(db), clock_(std::move(clock)) {}

Result<PaymentAllocation> PaymentService::preview(const User& actor, std::string_view loanId,
                                                  Amount amount, Date paidOn) const {
    return atEdge([&]() -> Result<PaymentAllocation> {
        auto readable = readableLoan(db_, actor, loanId);
        if (!readable)
            return readable.error();
        const auto ledger = storage::LoanRepository(db_).findLoan(loanId);
        if (!ledger)
            return noLoan(loanId);
        NewDeskPayment in{std::string(loanId), amount, PaymentMethod::Cash, "", paidOn};
        // The date checks against a business date do not apply to a preview.
        if (auto bad = checkPayment(in, *ledger, paidOn, exponentOf(db_)))
            return *bad;
        DeskPaymentRepository repo(db_);
        // Named as the payment would be, so it sorts among same-day payments as it will.
        const Payment p = asPayment(DeskPaymentRepository::paymentIdFor(repo.nextReceiptNo()), in);
        return previewAllocation(*ledger, p, paidOn, storage::loadDelinquencyPolicy(db_));
    });
}

Result<DeskReceipt> PaymentService::takePayment(const User& actor, const NewDeskPayment& in,
                                                Date businessDate) {
    return atEdge([&]() -> Result<DeskReceipt> {
        storage::Transaction tx(db_);
        CaseRepository cases(db_);
        const auto info = cases.loanInfo(in.loanId);
        const auto ledger = storage::LoanRepository(db_).findLoan(in.loanId);
        if (!info || !ledger)
            return noLoan(in.loanId);
        const auto who = storedUser(db_, actor);
        if (auto denied =
                mayTakePayment(who, actor, cases.openCase(in.loanId), info->branch, in.loanId))
            return *denied;
        const int exponent = exponentOf(db_);
        if (auto bad = checkPayment(in, *ledger, businessDate, exponent))
            return *bad;

        if (storage::DeskDayRepository(db_).isClosed(who->username, businessDate))
            return dayClosedError(who->username, businessDate, "no more payments are taken on it");

        const int multiple = storage::loadDeskSettings(db_).maxPaymentMultiple;
        // Wide arithmetic: principal x multiple never overflows.
        if (static_cast<WideAmount>(in.amount) >
            static_cast<WideAmount>(ledger->terms.principal) * multiple)
            return Error{fmt::format("the amount {} is more than {} times the loan's principal of "
                                     "{}: check the amount (a mistyped figure is not taken)",
                                     formatAmountGrouped(in.amount, exponent), multiple,
                                     formatAmountGrouped(ledger->terms.principal, exponent)),
                         ErrorKind::Invalid};
        const DelinquencyPolicy policy = storage::loadDelinquencyPolicy(db_);
        PositionCalculator calc(policy);
        const LoanPosition today = calc.compute(*ledger, businessDate);
        if (today.status == LoanStatus::PaidOff)
            return Error{fmt::format("loan {} is paid off as of {}: nothing is owed, so no payment "
                                     "is taken (a refund of a credit balance is done in the core "
                                     "banking system)",
                                     in.loanId, businessDate.toString()),
                         ErrorKind::Conflict};

        DeskPaymentRepository repo(db_);
        DeskReceiptRecord r;
        r.receiptNo = repo.nextReceiptNo();
        r.paymentId = DeskPaymentRepository::paymentIdFor(r.receiptNo);
        const Payment payment = asPayment(r.paymentId, in);
        const PaymentAllocation a = previewAllocation(*ledger, payment, in.paidOn, policy);
        if (a.toCreditBalance > 0 && !in.confirmOverpayment)
            return Error{fmt::format("{} is more than loan {} owes: {} would be left over as a "
                                     "credit balance",
                                     formatAmountGrouped(in.amount, exponent), in.loanId,
                                     formatAmountGrouped(a.toCreditBalance, exponent)),
                         ErrorKind::Conflict,
                         Hint::ConfirmOverpayment,
                         {{"overpayment", std::to_string(a.toCreditBalance)}}};
        r.loanKey = info->key;
        r.loanId = info->loanId;
        r.clientName = info->clientName;
        r.branch = info->branch;
        r.paidOn = in.paidOn;
        r.amount = in.amount;
        r.method = in.method;
        r.reference = payment.reference;
        r.takenBy = who->username;
        r.takenAt = clock_.isoNow();
        r.businessDate = businessDate;
        r.allocated = a.allocated;
        r.toCreditBalance = a.toCreditBalance;
        r.outstandingPrincipalAfter = a.after.outstandingPrincipal;
        r.arrearsAfter = a.after.arrears.total();
        if (!repo.insert(r))
            return Error{fmt::format("the payment id {} is already used by an imported payment; "
                                     "ask the administrator to check the core banking export",
                                     r.paymentId),
                         ErrorKind::Conflict};
        storage::LoanRepository(db_).refreshLedgerCache({info->key});
        CaseService(db_, clock_).recomputeLoan(businessDate, info->loanId);

        auto after = receiptJson(r);
        after["position"] = positionJson(a.after);
        cases.audit(r.takenAt, who->username, "take_payment", "case", info->loanId,
                    positionJson(a.before).dump(), after.dump());
        tx.commit();
        return toDeskReceipt(db_, r);
    });
}

Result<DeskReceipt> PaymentService::reverse(const User& actor, std::int64_t receiptNo,
                                            std::string_view reason, Date businessDate) {
    return atEdge([&]() -> Result<DeskReceipt> {
        storage::Transaction tx(db_);
        DeskPaymentRepository repo(db_);
        const auto r = repo.find(receiptNo);
        if (!r)
            return noReceipt(receiptNo);
        const auto who = storedUser(db_, actor);
        if (!who || !allows(*who, Permission::WorkBranchCases, r->branch))
            return Error{
                fmt::format("permission denied for {} ({}): only a supervisor of branch {} "
                            "may reverse a payment",
                            actor.username, roleCode(who ? who->role : actor.role), r->branch),
                ErrorKind::Denied};
        const std::string why = trimmed(reason);
        if (why.empty())
            return Error{"a reversal needs a reason (e.g. \"cheque bounced\")", ErrorKind::Invalid,
                         Hint::GiveReason};
        if (r->reversedOn)
            return Error{fmt::format("receipt {} ({}) was already reversed on {}; a payment is "
                                     "reversed once only",
                                     receiptNumberText(receiptNo), r->paymentId,
                                     r->reversedOn->toString()),
                         ErrorKind::Conflict};
        if (businessDate < r->paidOn)
            return Error{
                fmt::format("the reversal date {} is before the payment date {} (a payment "
                            "is reversed on or after the day it was paid)",
                            businessDate.toString(), r->paidOn.toString())};
        if (r->businessDate == businessDate &&
            storage::DeskDayRepository(db_).isClosed(r->takenBy, businessDate))
            return dayClosedError(r->takenBy, businessDate,
                                  fmt::format("receipt {} was taken that day, and reversing it "
                                              "the same day would change the cash counted",
                                              receiptNumberText(receiptNo)));
        const std::string now = clock_.isoNow();
        repo.insertReversal(*r, businessDate, why, who->username, now);
        storage::LoanRepository(db_).refreshLedgerCache({r->loanKey});
        CaseService(db_, clock_).recomputeLoan(businessDate, r->loanId);

        auto before = receiptJson(*r);
        before["reversed_on"] = nullptr;
        nlohmann::ordered_json after;
        after["receipt_no"] = r->receiptNo;
        after["payment_id"] = r->paymentId;
        after["reversed_on"] = businessDate.toString();
        after["reason"] = why;
        CaseRepository(db_).audit(now, who->username, "reverse_payment", "case", r->loanId,
                                  before.dump(), after.dump());
        auto saved = repo.find(receiptNo);
        tx.commit();
        return toDeskReceipt(db_, *saved);
    });
}

Result<ReceiptPrint> PaymentService::recordPrint(const User& actor, std::int64_t receiptNo) {
    return atEdge([&]() -> Result<ReceiptPrint> {
        storage::Transaction tx(db_);
        const auto r = DeskPaymentRepository(db_).find(receiptNo);
        if (!r)
            return noReceipt(receiptNo);
        const auto who = currentUser(db_, actor);
        if (!who || !allows(*who, Permission::WorkOwnCases, r->branch))
            return permissionDenied(who.value_or(actor), Permission::WorkOwnCases);
        storage::ReceiptPrintRepository prints(db_);
        storage::ReceiptPrintRecord p;
        p.receiptNo = receiptNo;
        p.copy = static_cast<int>(prints.forReceipt(receiptNo).size()) + 1;
        p.printedAt = clock_.isoNow();
        p.printedBy = who->username;
        prints.insert(p);
        nlohmann::ordered_json after;
        after["receipt_no"] = receiptNo;
        after["copy"] = p.copy;
        after["duplicate"] = p.copy > 1;
        CaseRepository(db_).audit(p.printedAt, who->username, "print_receipt", "case", r->loanId,
                                  {}, after.dump());
        tx.commit();
        return ReceiptPrint{p.receiptNo, p.copy, p.printedAt, p.printedBy};
    });
}

Result<std::vector<ReceiptPrint>> PaymentService::prints(const User& actor,
                                                         std::int64_t receiptNo) const {
    auto readable = receipt(actor, receiptNo);
    if (!readable)
        return readable.error();
    return atEdge([&]() -> Result<std::vector<ReceiptPrint>> {
        std::vector<ReceiptPrint> out;
        for (const auto& p : storage::ReceiptPrintRepository(db_).forReceipt(receiptNo))
            out.push_back({p.receiptNo, p.copy, p.printedAt, p.printedBy});
        return out;
    });
}

Result<DeskReceipt> PaymentService::receipt(const User& actor, std::int64_t receiptNo) const {
    return atEdge([&]() -> Result<DeskReceipt> {
        const auto r = DeskPaymentRepository(db_).find(receiptNo);
        if (!r)
            return noReceipt(receiptNo);
        const auto who = currentUser(db_, actor);
        if (!who || !allows(*who, Permission::ReadBranch, r->branch))
            return permissionDenied(who.value_or(actor), Permission::ReadBranch);
        return toDeskReceipt(db_, *r);
    });
}

Result<std::vector<DeskReceipt>> PaymentService::receiptsForLoan(const User& actor,
                                                                 std::string_view loanId) const {
    return atEdge([&]() -> Result<std::vector<DeskReceipt>> {
        auto readable = readableLoan(db_, actor, loanId);
        if (!readable)
            return readable.error();
        std::vector<DeskReceipt> out;
        for (const auto& r : DeskPaymentRepository(db_).forLoan(loanId))
            out.push_back(toDeskReceipt(db_, r));
        return out;
    });
}

Result<std::vector<DeskReceipt>> PaymentService::takenSince(const User& actor, Date since) const {
    return atEdge([&]() -> Result<std::vector<DeskReceipt>> {
        // The export for posting covers the whole portfolio: an administrator's (or the local
        // operator's) job.
        const auto who = currentUser(db_, actor);
        if (!who || !allows(*who, Permission::ImportPortfolio))
            return permissionDenied(who.value_or(actor), Permission::ImportPortfolio);
        std::vector<DeskReceipt> out;
        for (const auto& r : DeskPaymentRepository(db_).since(since))
            out.push_back(toDeskReceipt(db_, r));
        return out;
    });
}

} // namespace rd::services

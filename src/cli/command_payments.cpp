#include "command_payments.h"

#include "cli_environment.h"
#include "command_cases.h"
#include "core/money_text.h"
#include "csv/csv_writer.h"
#include "services/payment_service.h"
#include "sign_in.h"

#include <charconv>
#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

namespace rd::cli {
namespace {

using Json = nlohmann::ordered_json;

// "42", "000042" or "DESK-000042".
std::int64_t parseReceiptNo(std::string_view text) {
    std::string_view digits = text;
    if (digits.substr(0, 5) == "DESK-")
        digits.remove_prefix(5);
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || value < 1)
        throw UserError(fmt::format("RECEIPT_NO: \"{}\" is not a receipt number (the number "
                                    "printed on the receipt, e.g. 000042)",
                                    text));
    return value;
}

Json receiptJson(const services::DeskReceipt& r, const Currency& c) {
    const int exp = c.exponent;
    Json j;
    j["receipt_no"] = r.receiptNo;
    j["receipt"] = services::receiptNumberText(r.receiptNo);
    j["payment_id"] = r.paymentId;
    j["loan_id"] = r.loanId;
    j["client"] = r.clientName;
    j["branch"] = r.branch;
    j["currency"] = c.code;
    j["paid_on"] = r.paidOn.toString();
    j["amount"] = formatAmount(r.amount, exp);
    j["method"] = toString(r.method);
    j["reference"] = r.reference.empty() ? Json(nullptr) : Json(r.reference);
    j["taken_by"] = r.takenBy;
    j["taken_at"] = r.takenAt;
    j["business_date"] = r.businessDate.toString();
    j["allocated"] = Json{{"principal", formatAmount(r.allocated.principal, exp)},
                          {"interest", formatAmount(r.allocated.interest, exp)},
                          {"fees", formatAmount(r.allocated.fees, exp)},
                          {"penalties", formatAmount(r.allocated.penalties, exp)}};
    j["to_credit_balance"] = formatAmount(r.toCreditBalance, exp);
    j["outstanding_principal_after"] = formatAmount(r.outstandingPrincipalAfter, exp);
    j["arrears_after"] = formatAmount(r.arrearsAfter, exp);
    j["reversed_on"] = r.reversedOn ? Json(r.reversedOn->toString()) : Json(nullptr);
    j["reversal_reason"] = r.reversalReason.empty() ? Json(nullptr) : Json(r.reversalReason);
    j["reversed_by"] = r.reversedBy.empty() ? Json(nullptr) : Json(r.reversedBy);
    return j;
}

void printReceipt(const services::DeskReceipt& r, const Currency& c) {
    const auto money = [&c](Amount a) { return formatMoneyText(c.code, a, c.exponent); };
    fmt::print("receipt {}\n", services::receiptNumberText(r.receiptNo));
    fmt::print("Payment {} of {} by {}{} on {}, loan {} of {} (branch {})\n", r.paymentId,
               money(r.amount), toString(r.method),
               r.reference.empty() ? "" : " ref " + r.reference, r.paidOn.toString(), r.loanId,
               r.clientName, r.branch);
    fmt::print("Taken by {} at {}\n", r.takenBy, r.takenAt);
    fmt::print("  penalties          {:>20}\n",
               formatAmountGrouped(r.allocated.penalties, c.exponent));
    fmt::print("  fees               {:>20}\n", formatAmountGrouped(r.allocated.fees, c.exponent));
    fmt::print("  interest           {:>20}\n",
               formatAmountGrouped(r.allocated.interest, c.exponent));
    fmt::print("  principal          {:>20}\n",
               formatAmountGrouped(r.allocated.principal, c.exponent));
    fmt::print("  credit balance     {:>20}\n", formatAmountGrouped(r.toCreditBalance, c.exponent));
    fmt::print("After this payment (as of {}): outstanding principal {}, arrears {}\n",
               r.paidOn.toString(), money(r.outstandingPrincipalAfter), money(r.arrearsAfter));
    if (r.reversedOn)
        fmt::print("REVERSED on {} by {}: {}\n", r.reversedOn->toString(),
                   r.reversedBy.empty() ? "an import" : r.reversedBy,
                   r.reversalReason.empty() ? "(reversed in the core banking system)"
                                            : r.reversalReason);
}

// ---- payment add / reverse ----

struct AddOptions {
    ActorOptions actor;
    std::string loanId, amount, method, reference, date, format = "text";
    bool confirmOverpayment = false;
};

void addPayment(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("payment", "take and reverse payments at the desk");
    cmd->require_subcommand(1);

    auto* add = cmd->add_subcommand("add", "take a payment on a loan and print its receipt");
    auto o = std::make_shared<AddOptions>();
    add->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    addActor(add, o->actor);
    add->add_option("--amount", o->amount, "the amount received (e.g. 1250.50)")->required();
    add->add_option("--method", o->method, "cash, cheque, bank_transfer, mobile_money or other")
        ->required();
    add->add_option("--reference", o->reference,
                    "cheque, transfer or transaction number (needed for every method but cash)");
    add->add_option("--date", o->date,
                    "the business date the money was received (default: today; not later)");
    add->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    add->add_flag("--confirm-overpayment", o->confirmOverpayment,
                  "take an amount above what the loan owes (the rest becomes a credit balance)");
    add->callback([&global, o] {
        // The payment's business date: the day the money came in, and the officer's day it
        // belongs to (its end-of-day close).
        const Date businessDate = o->date.empty() ? today() : parseDateOption(o->date, "--date");
        services::NewDeskPayment p;
        p.loanId = o->loanId;
        const auto method = paymentMethodFromString(o->method);
        if (!method)
            throw UserError(fmt::format("--method: \"{}\" is not a payment method (cash, cheque, "
                                        "bank_transfer, mobile_money or other)",
                                        o->method));
        p.method = *method;
        p.reference = o->reference;
        p.confirmOverpayment = o->confirmOverpayment;
        p.paidOn = businessDate;
        auto desk = global.open();
        const Currency currency = portfolioCurrency(*desk);
        auto amount = parseAmount(o->amount, currency.exponent);
        if (!amount)
            throw UserError(fmt::format("--amount: {}", amount.error().message));
        p.amount = *amount;
        const User user = signInActor(*desk, o->actor);
        if (businessDate > today())
            throw UserError(fmt::format("--date: {} is after today ({}); payments are not "
                                        "post-dated",
                                        businessDate.toString(), today().toString()));
        auto saved = desk->payments().takePayment(user, p, businessDate);
        if (!saved)
            fail(saved.error(), fmt::format("payment add {}", o->loanId));
        if (o->format == "json")
            fmt::print("{}\n", receiptJson(*saved, currency).dump(1));
        else
            printReceipt(*saved, currency);
    });

    auto* reverse = cmd->add_subcommand(
        "reverse", "reverse a desk payment, e.g. a bounced cheque (a supervisor of the branch)");
    auto receiptNo = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    auto date = std::make_shared<std::string>();
    auto actor = std::make_shared<ActorOptions>();
    reverse->add_option("RECEIPT_NO", *receiptNo, "the receipt number (e.g. 000042)")->required();
    addActor(reverse, *actor);
    reverse->add_option("--reason", *reason, "why the payment is reversed")->required();
    reverse->add_option("--date", *date, "the reversal's business date (default: today)");
    reverse->callback([&global, receiptNo, reason, date, actor] {
        const std::int64_t number = parseReceiptNo(*receiptNo);
        const Date businessDate = date->empty() ? today() : parseDateOption(*date, "--date");
        if (businessDate > today())
            throw UserError(fmt::format("--date: {} is after today ({}); a reversal is not "
                                        "post-dated",
                                        businessDate.toString(), today().toString()));
        auto desk = global.open();
        const User user = signInActor(*desk, *actor);
        auto done = desk->payments().reverse(user, number, *reason, businessDate);
        if (!done)
            fail(done.error(), fmt::format("payment reverse {}", *receiptNo));
        fmt::print("Receipt {} ({}, {} on loan {}) reversed on {}.\n",
                   services::receiptNumberText(done->receiptNo), done->paymentId,
                   formatAmount(done->amount, portfolioCurrency(*desk).exponent), done->loanId,
                   done->reversedOn->toString());
    });
}

// ---- payments export ----

// Columns named as in payments.csv where they mean the same, so the core banking system
// can post the file.
std::string exportCsv(const std::vector<services::DeskReceipt>& receipts, const Currency& c) {
    std::string out = "receipt_no,payment_id,loan_id,paid_on,amount,method,reference,taken_by,"
                      "taken_at,reversed_on,reversal_reason\n";
    for (const auto& r : receipts) {
        const std::string fields[] = {std::to_string(r.receiptNo),
                                      r.paymentId,
                                      r.loanId,
                                      r.paidOn.toString(),
                                      formatAmount(r.amount, c.exponent),
                                      toString(r.method),
                                      r.reference,
                                      r.takenBy,
                                      r.takenAt,
                                      r.reversedOn ? r.reversedOn->toString() : "",
                                      r.reversalReason};
        bool first = true;
        for (const auto& f : fields) {
            if (!first)
                out += ',';
            first = false;
            csv::Writer::appendField(out, f);
        }
        out += '\n';
    }
    return out;
}

void addExport(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("payments", "payments taken at the desk");
    cmd->require_subcommand(1);
    auto* exp = cmd->add_subcommand(
        "export", "desk payments taken on or after a business date, by receipt number, for "
                  "posting in the core banking system");
    auto since = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("csv");
    exp->add_option("--since", *since,
                    "first business date YYYY-MM-DD (the day the payment was taken)")
        ->required();
    exp->add_option("--format", *format, "csv or json (default: csv)")
        ->check(CLI::IsMember({"csv", "json"}));
    exp->callback([&global, since, format] {
        const Date from = parseDateOption(*since, "--since");
        auto desk = global.open();
        const Currency currency = portfolioCurrency(*desk);
        const auto receipts = valueOr(desk->payments().takenSince(localOperator(), from));
        if (*format == "csv") {
            fmt::print("{}", exportCsv(receipts, currency));
            return;
        }
        Json j;
        j["since"] = from.toString();
        j["currency"] = currency.code;
        Json items = Json::array();
        for (const auto& r : receipts)
            items.push_back(receiptJson(r, currency));
        j["payments"] = items;
        fmt::print("{}\n", j.dump(1));
    });
}

} // namespace

void addPaymentCommands(CLI::App& app, GlobalOptions& global) {
    addPayment(app, global);
    addExport(app, global);
}

} // namespace rd::cli

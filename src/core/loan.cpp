#include "loan.h"

namespace rd {

const LocalReschedule* rescheduleInForce(const LoanLedger& loan, Date asOf) {
    const LocalReschedule* found = nullptr;
    const auto& posted = loan.terms.restructuredOn;
    for (const LocalReschedule& r : loan.reschedules)
        if (r.start <= asOf && !(posted && *posted >= r.start))
            found = &r;
    return found;
}

const std::vector<Installment>& scheduleAsOf(const LoanLedger& loan, Date asOf) {
    const LocalReschedule* r = rescheduleInForce(loan, asOf);
    return r ? r->schedule : loan.schedule;
}

std::optional<Date> restructuredOn(const LoanLedger& loan, Date asOf) {
    std::optional<Date> on = loan.terms.restructuredOn;
    if (on && *on > asOf)
        on.reset(); // not restructured yet as of asOf
    if (const LocalReschedule* r = rescheduleInForce(loan, asOf); r && (!on || r->start > *on))
        on = r->start;
    return on;
}

const char* toString(ChargeKind kind) {
    return kind == ChargeKind::Fee ? "fee" : "penalty";
}

std::optional<ChargeKind> chargeKindFromString(std::string_view text) {
    if (text == "fee")
        return ChargeKind::Fee;
    if (text == "penalty")
        return ChargeKind::Penalty;
    return std::nullopt;
}

const char* toString(PaymentMethod method) {
    switch (method) {
    case PaymentMethod::Cash:
        return "cash";
    case PaymentMethod::Cheque:
        return "cheque";
    case PaymentMethod::BankTransfer:
        return "bank_transfer";
    case PaymentMethod::MobileMoney:
        return "mobile_money";
    case PaymentMethod::Other:
        return "other";
    }
    return "other";
}

const char* paymentMethodWords(PaymentMethod method) {
    switch (method) {
    case PaymentMethod::BankTransfer:
        return "bank transfer";
    case PaymentMethod::MobileMoney:
        return "mobile money";
    default:
        return toString(method);
    }
}

std::optional<PaymentMethod> paymentMethodFromString(std::string_view text) {
    for (auto m : {PaymentMethod::Cash, PaymentMethod::Cheque, PaymentMethod::BankTransfer,
                   PaymentMethod::MobileMoney, PaymentMethod::Other})
        if (text == toString(m))
            return m;
    return std::nullopt;
}

} // namespace rd

#include "promise_to_pay.h"

#include <fmt/format.h>

namespace rd {

const char* toString(PromiseStatus status) {
    switch (status) {
    case PromiseStatus::Pending:
        return "pending";
    case PromiseStatus::Kept:
        return "kept";
    case PromiseStatus::Partial:
        return "partial";
    case PromiseStatus::Broken:
        return "broken";
    }
    return "pending";
}

Result<PromiseStatus> parsePromiseStatus(std::string_view text) {
    for (PromiseStatus s : {PromiseStatus::Pending, PromiseStatus::Kept, PromiseStatus::Partial,
                            PromiseStatus::Broken})
        if (text == toString(s))
            return s;
    return Error{
        fmt::format("\"{}\" is not a promise status (use pending, kept, partial or broken)", text)};
}

Result<PromiseToPay> validatePromise(PromiseToPay promise) {
    if (promise.amount <= 0)
        return Error{"A promise needs an amount greater than 0; enter the amount the client "
                     "promised to pay"};
    if (promise.promisedFor < promise.createdOn)
        return Error{fmt::format("The promise date {} is before the day it is made ({}); enter "
                                 "a date on or after {}",
                                 promise.promisedFor.toString(), promise.createdOn.toString(),
                                 promise.createdOn.toString())};
    return promise;
}

PromiseEvaluation evaluatePromise(const PromiseToPay& promise, const std::vector<Payment>& payments,
                                  Date asOf, int graceDays) {
    PromiseEvaluation e;
    e.deadline = promise.promisedFor.addDays(graceDays < 0 ? 0 : graceDays);
    for (const Payment& p : payments)
        if (p.paidOn >= promise.createdOn && p.paidOn <= e.deadline && p.countsOn(asOf))
            e.paid += p.amount;
    if (e.paid >= promise.amount)
        e.status = PromiseStatus::Kept;
    else if (asOf <= e.deadline)
        e.status = PromiseStatus::Pending;
    else
        e.status = e.paid > 0 ? PromiseStatus::Partial : PromiseStatus::Broken;
    return e;
}

} // namespace rd

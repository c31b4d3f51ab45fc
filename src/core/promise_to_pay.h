#pragma once

#include "date.h"
#include "loan.h"
#include "money.h"
#include "result.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd {

// A client's promise to pay (domain.md section 8).
struct PromiseToPay {
    std::string id;
    Amount amount = 0;
    Date promisedFor; // the date the client promised to pay by
    Date createdOn;
    std::string createdBy; // user name of the officer
    std::string contactId; // the contact it was made in; empty when none
};

enum class PromiseStatus { Pending, Kept, Partial, Broken };
// pending, kept, partial, broken
const char* toString(PromiseStatus status);
Result<PromiseStatus> parsePromiseStatus(std::string_view text);

struct PromiseEvaluation {
    PromiseStatus status = PromiseStatus::Pending;
    Amount paid = 0; // payments counted towards the promise as of the evaluation date
    Date deadline;   // promisedFor + grace: the last day a payment counts
};

// A promise a user is about to record: amount > 0 and a date on or after the day it is made.
Result<PromiseToPay> validatePromise(PromiseToPay promise);

// Evaluates a promise as of `asOf` against the loan's payments dated from createdOn to
// promisedFor + graceDays (both inclusive), that have been made by `asOf` and are not
// reversed as of `asOf`:
// - kept as soon as they sum to at least the amount (even before the deadline; a later
//   reversal of a counted payment turns it back);
// - otherwise pending while asOf <= deadline;
// - after the deadline: partial when more than 0 was paid, broken when nothing was.
PromiseEvaluation evaluatePromise(const PromiseToPay& promise, const std::vector<Payment>& payments,
                                  Date asOf, int graceDays = 2);

} // namespace rd

#pragma once

#include "date.h"
#include "money.h"

#include <optional>
#include <string>
#include <vector>

namespace rd {

struct Installment {
    int number = 0; // 1..n
    Date dueDate;
    Amount principalDue = 0;
    Amount interestDue = 0;
    Amount feeDue = 0;
    // Only in a local reschedule's kept installments, frozen at what was paid as of its
    // start (penalties are otherwise charges).
    Amount penaltyDue = 0;
};

enum class ChargeKind { Fee, Penalty };

struct Charge {
    std::string id;
    int installmentNumber = 0;
    Date chargedOn;
    ChargeKind kind = ChargeKind::Fee;
    Amount amount = 0;
};

enum class PaymentMethod { Cash, Cheque, BankTransfer, MobileMoney, Other };

struct Payment {
    std::string id;
    Date paidOn;
    Amount amount = 0;
    PaymentMethod method = PaymentMethod::Cash;
    std::string reference;
    std::optional<Date> reversedOn; // stops counting from this date

    bool countsOn(Date asOf) const {
        return paidOn <= asOf && !(reversedOn && *reversedOn <= asOf);
    }
};

// What the core banking system says about a loan contract.
struct LoanTerms {
    std::string loanId;
    std::string clientId;
    std::string product;
    std::string branch;
    std::string creditOfficer; // empty when none
    Amount principal = 0;
    Date disbursedOn;
    std::optional<Date> writtenOffOn;
    std::optional<Date> restructuredOn; // by the core banking system (import column)
};

// A reschedule approved here (domain.md section 9b): from `start` on, the loan follows
// `schedule` instead of the imported one: first the old installments frozen at what had been
// paid on them as of `start` (numbers unchanged), then the calculator's new installments from
// index `firstNew`. Superseded once the import carries restructured_on on or after `start`.
struct LocalReschedule {
    Date start;
    std::vector<Installment> schedule;
    std::size_t firstNew = 0;
};

// An active settlement: when payments dated from `start` reach `total` on or before
// `deadline` (the last installment's date plus the grace), the rest is waived that day.
struct SettlementTerms {
    Date start;
    Amount total = 0;
    Date deadline;
};

// A loan with every event the engine replays.
struct LoanLedger {
    LoanTerms terms;
    std::vector<Installment> schedule; // ordered by number
    std::vector<Charge> charges;
    std::vector<Payment> payments;
    std::vector<LocalReschedule> reschedules; // by start, oldest first
    std::optional<SettlementTerms> settlement;

    void clearEvents() {
        schedule.clear();
        charges.clear();
        payments.clear();
        reschedules.clear();
        settlement.reset();
    }
};

// The local reschedule in force as of `asOf`: the latest one started on or before it that
// the core banking system has not posted yet (restructured_on on or after its start); none
// when the loan follows its imported schedule.
const LocalReschedule* rescheduleInForce(const LoanLedger& loan, Date asOf);
// The schedule the engine replays as of `asOf`.
const std::vector<Installment>& scheduleAsOf(const LoanLedger& loan, Date asOf);
// The date the loan was last restructured, by the core banking system or here, as of `asOf`.
std::optional<Date> restructuredOn(const LoanLedger& loan, Date asOf);

const char* toString(ChargeKind kind);
std::optional<ChargeKind> chargeKindFromString(std::string_view text);
const char* toString(PaymentMethod method);           // the file code: "bank_transfer"
const char* paymentMethodWords(PaymentMethod method); // in words: "bank transfer"
std::optional<PaymentMethod> paymentMethodFromString(std::string_view text);

} // namespace rd

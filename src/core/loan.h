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
};

// A loan with every event the engine replays.
struct LoanLedger {
    LoanTerms terms;
    std::vector<Installment> schedule; // ordered by number
    std::vector<Charge> charges;
    std::vector<Payment> payments;

    void clearEvents() {
        schedule.clear();
        charges.clear();
        payments.clear();
    }
};

const char* toString(ChargeKind kind);
std::optional<ChargeKind> chargeKindFromString(std::string_view text);
const char* toString(PaymentMethod method);           // the file code: "bank_transfer"
const char* paymentMethodWords(PaymentMethod method); // in words: "bank transfer"
std::optional<PaymentMethod> paymentMethodFromString(std::string_view text);

} // namespace rd

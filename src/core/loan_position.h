#pragma once

#include "bucket_scheme.h"
#include "loan.h"

#include <optional>
#include <vector>

namespace rd {

struct ComponentAmounts {
    Amount principal = 0;
    Amount interest = 0;
    Amount fees = 0;
    Amount penalties = 0;

    Amount total() const { return principal + interest + fees + penalties; }
    ComponentAmounts& operator+=(const ComponentAmounts& o) {
        principal += o.principal;
        interest += o.interest;
        fees += o.fees;
        penalties += o.penalties;
        return *this;
    }
    friend ComponentAmounts operator-(ComponentAmounts a, const ComponentAmounts& b) {
        a.principal -= b.principal;
        a.interest -= b.interest;
        a.fees -= b.fees;
        a.penalties -= b.penalties;
        return a;
    }
    friend bool operator==(const ComponentAmounts&, const ComponentAmounts&) = default;
};

// One installment after the replay: what fell due (schedule plus charges) and what was paid.
struct InstallmentState {
    int number = 0;
    Date dueDate;
    ComponentAmounts due;
    ComponentAmounts paid;

    ComponentAmounts unpaid() const { return due - paid; }
};

enum class LoanStatus { NotDisbursed, Active, PaidOff, WrittenOff };
const char* toString(LoanStatus status);

struct DelinquencyPolicy {
    // An installment is overdue only when more than this is unpaid on it.
    Amount arrearsTolerance = 0;
    BucketScheme buckets = BucketScheme::standard();
};

struct LoanPosition {
    Date asOf;
    LoanStatus status = LoanStatus::Active;
    int daysPastDue = 0;
    std::optional<Date> oldestOverdueDueDate;
    Amount outstandingPrincipal = 0;
    ComponentAmounts arrears; // unpaid on installments due before the as-of date
    Amount creditBalance = 0; // overpayment left after every installment is paid
    Amount paymentsCounted = 0;
    std::optional<std::size_t> bucketIndex; // active loans only
};

// Replays a loan's charges and payments up to a business date (domain rules section 3)
// and derives its delinquency position (section 4). Keeps its buffers between calls so
// that a portfolio run allocates nothing per loan.
class PositionCalculator {
public:
    explicit PositionCalculator(DelinquencyPolicy policy = {});

    LoanPosition compute(const LoanLedger& loan, Date asOf);
    // The installments as of the last compute() call.
    const std::vector<InstallmentState>& installments() const { return installments_; }
    const DelinquencyPolicy& policy() const { return policy_; }

private:
    struct Event {
        Date date;
        int order; // 0 charge, 1 payment
        const std::string* id;
        std::size_t index;
    };

    void replay(const LoanLedger& loan, Date asOf);
    Amount allocate(Amount amount);
    std::size_t installmentIndex(int number) const;

    DelinquencyPolicy policy_;
    std::vector<InstallmentState> installments_;
    std::vector<Event> events_;
    std::size_t firstOpen_ = 0;
    Amount creditBalance_ = 0;
};

} // namespace rd

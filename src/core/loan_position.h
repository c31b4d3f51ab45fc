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
    // When payments last made it fully paid (none while something is unpaid on it).
    std::optional<Date> paidInFullOn;

    ComponentAmounts unpaid() const { return due - paid; }
};

enum class LoanStatus { NotDisbursed, Active, PaidOff, WrittenOff, Settled };
const char* toString(LoanStatus status);

struct DelinquencyPolicy {
    // An installment is overdue only when more than this is unpaid on it.
    Amount arrearsTolerance = 0;
    BucketScheme buckets = BucketScheme::standard();
    // A restructured loan stays in watch until this many installments due on or after the
    // restructure were paid in full by their due date (restructure_watch_installments).
    int watchInstallments = 3;
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
    std::optional<Date> restructuredOn;
    bool inWatch = false; // restructured and not yet proven (domain.md section 5)
    // A completed settlement: the day the rest was waived, and what was waived.
    std::optional<Date> settledOn;
    ComponentAmounts waived;

    // Active, in watch and current: the `restructured` bucket, never `current`.
    bool inRestructuredBucket() const {
        return status == LoanStatus::Active && inWatch && daysPastDue == 0;
    }
};

// The bucket's name as reports print it: `restructured` for a loan in that bucket.
std::string bucketName(const LoanPosition& position, const BucketScheme& buckets);
inline constexpr const char* kRestructuredBucket = "restructured";

// The day a settlement completes (payments from its start reach the total by the deadline),
// counting the payments as of `asOf`; none if it has not (yet).
std::optional<Date> settlementCompletedOn(const LoanLedger& loan, Date asOf);

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
        int order; // 0 charge, 1 payment, 2 settlement waiver
        const std::string* id;
        std::size_t index;
    };

    void replay(const LoanLedger& loan, Date asOf, LoanPosition& pos);
    Amount allocate(Amount amount, Date on);
    void waiveRest(LoanPosition& pos);
    void markWatch(const LoanLedger& loan, LoanPosition& pos) const;
    std::size_t installmentIndex(int number) const;

    DelinquencyPolicy policy_;
    std::vector<InstallmentState> installments_;
    std::vector<Event> events_;
    std::size_t firstOpen_ = 0;
    Amount creditBalance_ = 0;
};

} // namespace rd

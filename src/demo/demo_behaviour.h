#pragma once

#include "core/date.h"
#include "core/loan.h"
#include "core/money.h"
#include "demo/demo_random.h"
#include "demo/demo_schedule.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace rd::demo {

// How a borrower pays. The mix is chosen in the generator; see DemoGenerator.
enum class Behaviour {
    OnTime,        // on the due date or a few days early
    Late,          // a few days to several weeks late; penalties
    Partial,       // part of each installment, arrears grow; penalties
    PayAhead,      // two installments at a time
    CloseEarly,    // pays the whole balance before maturity, sometimes a little more
    RoundUp,       // rounds every payment up; a small credit is left at the end
    BouncedCheque, // pays by cheque; a cheque bounces, sometimes replaced, else stops
    Defaulter,     // pays, then stops; maybe written off, maybe recoveries after
};
inline constexpr int kBehaviourCount = 8;
const char* toString(Behaviour behaviour);

struct BehaviourSetup {
    Behaviour behaviour = Behaviour::OnTime;
    Date asOf;
    Date disbursedOn;
    Frequency frequency = Frequency::Monthly;
    Amount paymentStep = 1;     // people pay round amounts: about UGX 1,000
    Amount bounceFee = 0;       // returned cheque fee
    Amount collectionFee = 0;   // field visit fee on a defaulted installment
    Amount statementFee = 0;    // a one-off fee some loans get; 0 for none
    int penaltyBasisPoints = 0; // penalty on a late installment; 0 when the loan has none
    PaymentMethod preferredMethod = PaymentMethod::MobileMoney;
    bool chequePayer = false;
};

// Plays a borrower's behaviour over a schedule up to the as-of date, producing the
// charges and payments (in date order, ids left empty) and the write-off date. It keeps
// a running balance to decide amounts: a payment "through installment i" pays what is
// owed up to i at that moment (penalties and fees included), as the replay of domain
// rules section 3 will then allocate it.
class BehaviourSimulator {
public:
    void run(Rng& rng, const BehaviourSetup& setup, const std::vector<Installment>& schedule,
             std::vector<Charge>& charges, std::vector<Payment>& payments,
             std::optional<Date>& writtenOffOn);

private:
    enum class Kind : std::uint8_t {
        Reversal,      // a bounced cheque stops counting
        PenaltyCheck,  // penalty on installment `inst` if still unpaid
        StatementFee,  // a fee on the next installment due
        CollectionFee, // a fee on installment `inst` if still unpaid
        Through,       // pay what is owed up to installment `inst`
        RoundUp,       // the same, rounded up to `param`
        Fraction,      // `param` basis points of installment `inst`, rounded
        All,           // the whole balance, plus `param` extra
        Sporadic,      // `param` basis points of what is owed on `inst`, never all of it
        Recovery,      // `param` basis points of the whole balance, after write-off
    };
    struct Event {
        Date date;
        std::uint8_t order; // 0 reversal, 1 charge, 2 payment
        std::uint32_t seq;
        Kind kind;
        bool bounce;
        int inst;
        std::int64_t param;
    };

    static bool later(const Event& a, const Event& b);
    void push(Date date, Kind kind, int inst, std::int64_t param = 0, bool bounce = false);
    void planBehaviour(Rng& rng);
    void planDefault(Rng& rng);
    void process(Rng& rng, const Event& e);
    void pay(Rng& rng, Date date, Amount amount, int inst, bool bounce,
             std::optional<PaymentMethod> method = std::nullopt);
    void charge(Date date, int inst, ChargeKind kind, Amount amount);
    Amount cumulativeDue(int inst) const; // scheduled and charged on installments 1..inst
    Amount owedAll() const { return cumulativeDue(n_) - paid_; }
    int oldestUnpaid() const;
    Date due(int inst) const { return (*schedule_)[static_cast<std::size_t>(inst - 1)].dueDate; }
    Amount scheduledTotal(int inst) const;
    PaymentMethod chooseMethod(Rng& rng);
    std::string reference(Rng& rng, PaymentMethod method, Date date);

    const BehaviourSetup* setup_ = nullptr;
    const std::vector<Installment>* schedule_ = nullptr;
    std::vector<Charge>* charges_ = nullptr;
    std::vector<Payment>* payments_ = nullptr;
    int n_ = 0;
    std::vector<Amount> scheduledPrefix_; // [i] = scheduled totals of installments 1..i
    std::vector<Event> heap_;
    std::uint32_t seq_ = 0;
    bool processing_ = false;
    Amount paid_ = 0;   // applied to installments
    Amount credit_ = 0; // paid beyond everything owed
    bool stopped_ = false;
    std::optional<Date> writtenOffOn_;
    std::int64_t chequeNumber_ = 0;
};

} // namespace rd::demo

#include "demo/demo_behaviour.h"

#include "demo/demo_amounts.h"

#include <algorithm>
#include <array>
#include <limits>

namespace rd::demo {

const char* toString(Behaviour behaviour) {
    switch (behaviour) {
    case Behaviour::OnTime:
        return "on_time";
    case Behaviour::Late:
        return "late";
    case Behaviour::Partial:
        return "partial";
    case Behaviour::PayAhead:
        return "pay_ahead";
    case Behaviour::CloseEarly:
        return "close_early";
    case Behaviour::RoundUp:
        return "round_up";
    case Behaviour::BouncedCheque:
        return "bounced_cheque";
    case Behaviour::Defaulter:
        return "defaulter";
    }
    return "on_time";
}

namespace {

// Delinquency windows a defaulter is aimed at (DPD as of the as-of date), and how often:
// most defaults are recent, the tail thins out.
constexpr std::array<int, 6> kWindowLow = {1, 31, 61, 91, 181, 366};
constexpr std::array<int, 6> kWindowHigh = {30, 60, 90, 180, 365, std::numeric_limits<int>::max()};
constexpr std::array<int, 6> kWindowWeight = {300, 170, 110, 150, 100, 80};
// Chance (per mille) that a default in the window is written off by the as-of date.
constexpr std::array<int, 6> kWriteOffPermille = {0, 0, 0, 0, 450, 700};

int penaltyGraceDays(Frequency frequency) {
    switch (frequency) {
    case Frequency::Weekly:
        return 3;
    case Frequency::Biweekly:
        return 5;
    case Frequency::Monthly:
        return 7;
    }
    return 7;
}

constexpr char kAlphanumeric[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

void appendRandom(std::string& out, Rng& rng, int count) {
    for (int i = 0; i < count; ++i)
        out.push_back(kAlphanumeric[rng.below(sizeof kAlphanumeric - 1)]);
}

} // namespace

void BehaviourSimulator::run(Rng& rng, const BehaviourSetup& setup,
                             const std::vector<Installment>& schedule, std::vector<Charge>& charges,
                             std::vector<Payment>& payments, std::optional<Date>& writtenOffOn) {
    setup_ = &setup;
    schedule_ = &schedule;
    charges_ = &charges;
    payments_ = &payments;
    charges.clear();
    payments.clear();
    n_ = static_cast<int>(schedule.size());
    scheduledPrefix_.assign(1, 0);
    for (int i = 1; i <= n_; ++i)
        scheduledPrefix_.push_back(scheduledPrefix_.back() + scheduledTotal(i));
    heap_.clear();
    seq_ = 0;
    paid_ = 0;
    credit_ = 0;
    stopped_ = false;
    writtenOffOn_.reset();
    chequeNumber_ = rng.range(100'001, 899'999);

    if (n_ > 0 && setup.disbursedOn <= setup.asOf) {
        planBehaviour(rng);
        if (setup.statementFee > 0) {
            const Date last = std::min(setup.asOf, due(n_));
            if (last > setup.disbursedOn)
                push(setup.disbursedOn.addDays(
                         static_cast<std::int32_t>(rng.range(1, last - setup.disbursedOn))),
                     Kind::StatementFee, 0);
        }
        std::make_heap(heap_.begin(), heap_.end(), later);
        processing_ = true;
        while (!heap_.empty()) {
            std::pop_heap(heap_.begin(), heap_.end(), later);
            const Event e = heap_.back();
            heap_.pop_back();
            process(rng, e); // may push a reversal or a replacement payment
        }
        processing_ = false;
    }
    writtenOffOn = writtenOffOn_;
}

// Orders the event heap so that the earliest event (date, then reversals, charges,
// payments, then planning order) comes out first.
bool BehaviourSimulator::later(const Event& a, const Event& b) {
    if (a.date != b.date)
        return a.date > b.date;
    if (a.order != b.order)
        return a.order > b.order;
    return a.seq > b.seq;
}

void BehaviourSimulator::push(Date date, Kind kind, int inst, std::int64_t param, bool bounce) {
    if (date > setup_->asOf)
        return;
    if (date < setup_->disbursedOn)
        date = setup_->disbursedOn;
    std::uint8_t order = 2;
    if (kind == Kind::Reversal)
        order = 0;
    else if (kind == Kind::PenaltyCheck || kind == Kind::StatementFee ||
             kind == Kind::CollectionFee)
        order = 1;
    heap_.push_back({date, order, seq_++, kind, bounce, inst, param});
    if (processing_)
        std::push_heap(heap_.begin(), heap_.end(), later);
}

Amount BehaviourSimulator::scheduledTotal(int inst) const {
    const Installment& i = (*schedule_)[static_cast<std::size_t>(inst - 1)];
    return i.principalDue + i.interestDue + i.feeDue;
}

Amount BehaviourSimulator::cumulativeDue(int inst) const {
    Amount total = scheduledPrefix_[static_cast<std::size_t>(inst)];
    for (const Charge& c : *charges_)
        if (c.installmentNumber <= inst)
            total += c.amount;
    return total;
}

int BehaviourSimulator::oldestUnpaid() const {
    for (int i = 1; i <= n_; ++i)
        if (paid_ < cumulativeDue(i))
            return i;
    return 0;
}

void BehaviourSimulator::planBehaviour(Rng& rng) {
    const BehaviourSetup& s = *setup_;
    const auto penaltyChecks = [&](int from) {
        if (s.penaltyBasisPoints <= 0)
            return;
        const int grace = penaltyGraceDays(s.frequency);
        for (int i = from; i <= n_; ++i)
            push(due(i).addDays(grace), Kind::PenaltyCheck, i);
    };
    // On the due date mostly, a few days early often, a day or two late rarely.
    const auto goodPayerDate = [&](int i) {
        static constexpr int kOffsets[] = {0, 1, 2, 3, -1, -2};
        const std::size_t o = rng.weighted({60, 14, 12, 8, 3, 3});
        return due(i).addDays(-kOffsets[o]);
    };

    switch (s.behaviour) {
    case Behaviour::OnTime:
        for (int i = 1; i <= n_; ++i)
            push(goodPayerDate(i), Kind::Through, i);
        break;
    case Behaviour::Late:
        for (int i = 1; i <= n_; ++i) {
            const std::size_t band = rng.weighted({60, 30, 10});
            const int delay = band == 0   ? rng.rangeInt(1, 10)
                              : band == 1 ? rng.rangeInt(11, 25)
                                          : rng.rangeInt(26, 45);
            push(due(i).addDays(delay), Kind::Through, i);
        }
        penaltyChecks(1);
        break;
    case Behaviour::Partial: {
        const std::int64_t share = rng.range(50, 90) * 100;
        for (int i = 1; i <= n_; ++i) {
            const Date d = due(i).addDays(rng.rangeInt(-2, 6));
            if (rng.permille(150))
                push(d, Kind::Through, i);
            else
                push(d, Kind::Fraction, i, share);
        }
        // After maturity they go on paying at the same rhythm until the loan is cleared.
        const int period = periodDays(s.frequency);
        for (int j = 1; j <= 3 * n_; ++j) {
            const Date d = due(n_).addDays(j * period + rng.rangeInt(-2, 6));
            if (d > s.asOf)
                break;
            push(d, Kind::Fraction, n_, share);
        }
        penaltyChecks(1);
        break;
    }
    case Behaviour::PayAhead:
        for (int i = 1; i <= n_; i += 2)
            push(due(i).addDays(-rng.rangeInt(0, 3)), Kind::Through, std::min(i + 1, n_));
        break;
    case Behaviour::CloseEarly: {
        const int close = n_ <= 2 ? n_ : rng.rangeInt(std::max(2, n_ / 3), n_);
        for (int i = 1; i < close; ++i)
            push(goodPayerDate(i), Kind::Through, i);
        const Amount extra = rng.permille(300) ? rng.range(1, 5) * s.paymentStep : 0;
        push(due(close).addDays(-rng.rangeInt(0, 10)), Kind::All, close, extra);
        break;
    }
    case Behaviour::RoundUp:
        for (int i = 1; i <= n_; ++i)
            push(goodPayerDate(i), Kind::RoundUp, i, s.paymentStep * 5);
        break;
    case Behaviour::BouncedCheque: {
        int candidates = 0;
        for (int i = 1; i <= n_; ++i)
            if (due(i).addDays(10) <= s.asOf)
                ++candidates;
        const int first = candidates > 0 ? rng.rangeInt(1, candidates) : 0;
        const int second = first > 0 && first < candidates && rng.permille(200)
                               ? rng.rangeInt(first + 1, candidates)
                               : 0;
        for (int i = 1; i <= n_; ++i)
            push(due(i).addDays(-rng.rangeInt(0, 2)), Kind::Through, i, 0,
                 i == first || i == second);
        penaltyChecks(1);
        break;
    }
    case Behaviour::Defaulter:
        planDefault(rng);
        break;
    }
}

void BehaviourSimulator::planDefault(Rng& rng) {
    const BehaviourSetup& s = *setup_;
    std::array<int, 6> count{};
    const auto windowOf = [](int dpd) {
        std::size_t w = 0;
        while (dpd > kWindowHigh[w])
            ++w;
        return w;
    };
    for (int i = 1; i <= n_ && due(i) < s.asOf; ++i)
        ++count[windowOf(s.asOf - due(i))];
    std::array<int, 6> weights{};
    bool any = false;
    for (std::size_t w = 0; w < weights.size(); ++w) {
        weights[w] = count[w] > 0 ? kWindowWeight[w] : 0;
        any = any || weights[w] > 0;
    }
    if (!any) { // nothing has fallen due yet: nothing to default on
        for (int i = 1; i <= n_; ++i)
            push(due(i), Kind::Through, i);
        return;
    }
    const std::size_t window = rng.weighted(weights);
    int nth = rng.rangeInt(1, count[window]);
    int k = 1;
    for (int i = 1; i <= n_; ++i) {
        if (due(i) < s.asOf && windowOf(s.asOf - due(i)) == window && --nth == 0) {
            k = i;
            break;
        }
    }
    const int dpd = s.asOf - due(k);
    if (rng.permille(kWriteOffPermille[window]))
        writtenOffOn_ = due(k).addDays(rng.rangeInt(180, std::min(dpd, 420)));

    // Until the missed installment they paid, on time or a little late.
    const bool slightlyLate = rng.permille(250);
    for (int i = 1; i < k; ++i) {
        if (slightlyLate) {
            const int gap = due(i + 1) - due(i) - 1;
            push(due(i).addDays(rng.rangeInt(0, std::min(8, gap))), Kind::Through, i);
        } else {
            push(due(i).addDays(-rng.rangeInt(0, 2)), Kind::Through, i);
        }
    }
    if (s.penaltyBasisPoints > 0) {
        const int grace = penaltyGraceDays(s.frequency);
        for (int i = k; i <= n_; ++i)
            push(due(i).addDays(grace), Kind::PenaltyCheck, i);
    }
    const Date limit = writtenOffOn_ ? writtenOffOn_->addDays(-1) : s.asOf;
    const Date firstAfter = due(k).addDays(1);
    if (firstAfter <= limit && rng.permille(550)) {
        const int times = rng.rangeInt(1, 3);
        for (int t = 0; t < times; ++t)
            push(firstAfter.addDays(static_cast<std::int32_t>(rng.range(0, limit - firstAfter))),
                 Kind::Sporadic, k, rng.range(20, 50) * 100);
    }
    if (s.collectionFee > 0 && rng.permille(350)) {
        const Date visit = due(k).addDays(rng.rangeInt(14, 60));
        if (visit <= limit)
            push(visit, Kind::CollectionFee, k);
    }
    if (writtenOffOn_ && *writtenOffOn_ < s.asOf && rng.permille(450)) {
        const int times = rng.rangeInt(1, 3);
        const Date from = writtenOffOn_->addDays(1);
        for (int t = 0; t < times; ++t)
            push(from.addDays(static_cast<std::int32_t>(rng.range(0, s.asOf - from))),
                 Kind::Recovery, 0, rng.range(3, 15) * 100);
    }
}

void BehaviourSimulator::process(Rng& rng, const Event& e) {
    const BehaviourSetup& s = *setup_;
    const bool afterWriteOff = writtenOffOn_ && e.date >= *writtenOffOn_;
    switch (e.kind) {
    case Kind::Reversal: {
        paid_ -= e.param;
        const int open = oldestUnpaid();
        if (open > 0 && s.bounceFee > 0 && !afterWriteOff)
            charge(e.date, open, ChargeKind::Fee, s.bounceFee);
        if (rng.permille(600))
            push(e.date.addDays(rng.rangeInt(1, 10)), Kind::Through, e.inst, 1);
        else
            stopped_ = true; // the cheque was the last thing the client paid
        return;
    }
    case Kind::PenaltyCheck:
        if (!afterWriteOff && paid_ < cumulativeDue(e.inst))
            charge(e.date, e.inst, ChargeKind::Penalty,
                   std::max<Amount>(
                       1, applyBasisPoints(scheduledTotal(e.inst), s.penaltyBasisPoints)));
        return;
    case Kind::StatementFee:
        if (!afterWriteOff && owedAll() > 0) {
            int inst = 1;
            while (inst < n_ && due(inst) < e.date)
                ++inst;
            charge(e.date, inst, ChargeKind::Fee, s.statementFee);
        }
        return;
    case Kind::CollectionFee:
        if (!afterWriteOff && paid_ < cumulativeDue(e.inst))
            charge(e.date, e.inst, ChargeKind::Fee, s.collectionFee);
        return;
    default:
        break;
    }

    if (stopped_ || (afterWriteOff && e.kind != Kind::Recovery))
        return;
    const Amount owed = owedAll();
    if (owed <= 0)
        return;
    switch (e.kind) {
    case Kind::Through: {
        const Amount amount = cumulativeDue(e.inst) - paid_;
        if (amount <= 0)
            return;
        std::optional<PaymentMethod> method;
        if (e.param == 1) { // replaces a bounced cheque
            static constexpr PaymentMethod kReplacement[] = {
                PaymentMethod::BankTransfer, PaymentMethod::Cash, PaymentMethod::MobileMoney};
            method = kReplacement[rng.weighted({50, 30, 20})];
        }
        pay(rng, e.date, amount, e.inst, e.bounce, method);
        return;
    }
    case Kind::RoundUp: {
        const Amount through = cumulativeDue(e.inst) - paid_;
        if (through <= 0)
            return;
        pay(rng, e.date, std::min(roundUpToStep(through, e.param), roundUpToStep(owed, e.param)),
            e.inst, false);
        return;
    }
    case Kind::Fraction:
        pay(rng, e.date,
            std::min(owed,
                     roundToStep(applyBasisPoints(scheduledTotal(e.inst), e.param), s.paymentStep)),
            e.inst, false);
        return;
    case Kind::All:
        pay(rng, e.date, owed + e.param, e.inst, false);
        return;
    case Kind::Sporadic: {
        const Amount remaining = cumulativeDue(e.inst) - paid_;
        const Amount amount = roundDownToStep(applyBasisPoints(remaining, e.param), s.paymentStep);
        if (amount > 0 && amount < remaining)
            pay(rng, e.date, amount, e.inst, false);
        return;
    }
    case Kind::Recovery: {
        const Amount amount = roundToStep(applyBasisPoints(owed, e.param), s.paymentStep);
        if (amount > 0 && amount < owed)
            pay(rng, e.date, amount, 0, false,
                rng.permille(500) ? PaymentMethod::Cash : PaymentMethod::MobileMoney);
        return;
    }
    default:
        return;
    }
}

void BehaviourSimulator::charge(Date date, int inst, ChargeKind kind, Amount amount) {
    Charge c;
    c.installmentNumber = inst;
    c.chargedOn = date;
    c.kind = kind;
    c.amount = amount;
    charges_->push_back(std::move(c));
}

PaymentMethod BehaviourSimulator::chooseMethod(Rng& rng) {
    if (setup_->chequePayer)
        return rng.permille(900) ? PaymentMethod::Cheque : PaymentMethod::BankTransfer;
    if (rng.permille(850))
        return setup_->preferredMethod;
    static constexpr PaymentMethod kOthers[] = {PaymentMethod::Cash, PaymentMethod::MobileMoney,
                                                PaymentMethod::BankTransfer};
    return kOthers[rng.weighted({40, 45, 15})];
}

std::string BehaviourSimulator::reference(Rng& rng, PaymentMethod method, Date date) {
    std::string ref;
    switch (method) {
    case PaymentMethod::Cash:
        break;
    case PaymentMethod::MobileMoney:
        ref = "MM-";
        appendRandom(ref, rng, 8);
        break;
    case PaymentMethod::BankTransfer: {
        // FT + yymmdd + five characters, as bank statements show transfers.
        const std::string iso = date.toString();
        ref = "FT";
        ref.append(iso, 2, 2).append(iso, 5, 2).append(iso, 8, 2);
        appendRandom(ref, rng, 5);
        break;
    }
    case PaymentMethod::Cheque:
        ref = "CHQ-" + std::to_string(chequeNumber_++);
        break;
    case PaymentMethod::Other:
        ref = "OT-";
        appendRandom(ref, rng, 6);
        break;
    }
    return ref;
}

void BehaviourSimulator::pay(Rng& rng, Date date, Amount amount, int inst, bool bounce,
                             std::optional<PaymentMethod> method) {
    if (amount <= 0)
        return;
    const Amount applied = std::min(amount, owedAll());
    credit_ += amount - applied;
    paid_ += applied;

    Payment p;
    p.paidOn = date;
    p.amount = amount;
    p.method = bounce ? PaymentMethod::Cheque : method ? *method : chooseMethod(rng);
    p.reference = reference(rng, p.method, date);
    if (bounce) {
        const Date reversal = date.addDays(rng.rangeInt(3, 7));
        if (reversal <= setup_->asOf) {
            p.reversedOn = reversal;
            push(reversal, Kind::Reversal, inst, applied);
        }
    }
    payments_->push_back(std::move(p));
}

} // namespace rd::demo

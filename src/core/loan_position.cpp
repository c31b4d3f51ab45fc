#include "loan_position.h"

#include <algorithm>

namespace rd {

const char* toString(LoanStatus status) {
    switch (status) {
    case LoanStatus::NotDisbursed:
        return "not_disbursed";
    case LoanStatus::Active:
        return "active";
    case LoanStatus::PaidOff:
        return "paid_off";
    case LoanStatus::WrittenOff:
        return "written_off";
    case LoanStatus::Settled:
        return "settled";
    }
    return "active";
}

PositionCalculator::PositionCalculator(DelinquencyPolicy policy) : policy_(std::move(policy)) {}

std::size_t PositionCalculator::installmentIndex(int number) const {
    // Schedules are numbered 1..n without gaps, so the index is direct; fall back to a
    // search for a ledger built by hand.
    const auto direct = static_cast<std::size_t>(number - 1);
    if (number >= 1 && direct < installments_.size() && installments_[direct].number == number)
        return direct;
    for (std::size_t i = 0; i < installments_.size(); ++i)
        if (installments_[i].number == number)
            return i;
    return installments_.size();
}

Amount PositionCalculator::allocate(Amount amount, Date on) {
    // Oldest installment first; within one: penalty, fee, interest, principal.
    for (std::size_t i = firstOpen_; i < installments_.size() && amount > 0; ++i) {
        InstallmentState& s = installments_[i];
        if (s.paid == s.due)
            continue;
        auto take = [&amount](Amount due, Amount& paid) {
            const Amount part = std::min(amount, due - paid);
            if (part > 0) {
                paid += part;
                amount -= part;
            }
        };
        take(s.due.penalties, s.paid.penalties);
        take(s.due.fees, s.paid.fees);
        take(s.due.interest, s.paid.interest);
        take(s.due.principal, s.paid.principal);
        if (s.paid == s.due)
            s.paidInFullOn = on;
    }
    while (firstOpen_ < installments_.size() &&
           installments_[firstOpen_].paid == installments_[firstOpen_].due)
        ++firstOpen_;
    return amount;
}

std::optional<Date> settlementCompletedOn(const LoanLedger& loan, Date asOf) {
    if (!loan.settlement)
        return std::nullopt;
    const SettlementTerms& terms = *loan.settlement;
    std::vector<const Payment*> counted;
    for (const Payment& p : loan.payments)
        if (p.countsOn(asOf) && p.paidOn >= terms.start && p.paidOn <= terms.deadline)
            counted.push_back(&p);
    std::sort(counted.begin(), counted.end(), [](const Payment* a, const Payment* b) {
        return a->paidOn != b->paidOn ? a->paidOn < b->paidOn : a->id < b->id;
    });
    Amount sum = 0;
    for (const Payment* p : counted)
        if ((sum += p->amount) >= terms.total)
            return p->paidOn <= asOf ? std::optional<Date>(p->paidOn) : std::nullopt;
    return std::nullopt;
}

void PositionCalculator::waiveRest(LoanPosition& pos) {
    // Penalties, fees, interest, then principal: every part is waived, so the order only
    // names the parts. The installments are settled at what was paid on them.
    for (InstallmentState& s : installments_) {
        pos.waived += s.unpaid();
        s.due = s.paid;
        if (!s.paidInFullOn)
            s.paidInFullOn = pos.settledOn;
    }
    firstOpen_ = installments_.size();
}

void PositionCalculator::replay(const LoanLedger& loan, Date asOf, LoanPosition& pos) {
    const LocalReschedule* reschedule = rescheduleInForce(loan, asOf);
    const std::vector<Installment>& schedule = reschedule ? reschedule->schedule : loan.schedule;
    installments_.clear();
    installments_.reserve(schedule.size());
    for (const Installment& i : schedule)
        installments_.push_back(
            {i.number, i.dueDate, {i.principalDue, i.interestDue, i.feeDue, i.penaltyDue}, {}, {}});
    // "Oldest first" is by installment number; storage delivers that order already.
    auto byNumber = [](const InstallmentState& a, const InstallmentState& b) {
        return a.number < b.number;
    };
    if (!std::is_sorted(installments_.begin(), installments_.end(), byNumber))
        std::sort(installments_.begin(), installments_.end(), byNumber);

    events_.clear();
    static const std::string kWaiverId;
    for (std::size_t c = 0; c < loan.charges.size(); ++c) {
        const Date on = loan.charges[c].chargedOn;
        // A reschedule's kept installments already hold the charges made up to its start.
        if (on <= asOf && !(reschedule && on <= reschedule->start))
            events_.push_back({on, 0, &loan.charges[c].id, c});
    }
    for (std::size_t p = 0; p < loan.payments.size(); ++p)
        if (loan.payments[p].countsOn(asOf))
            events_.push_back({loan.payments[p].paidOn, 1, &loan.payments[p].id, p});
    pos.settledOn = settlementCompletedOn(loan, asOf);
    if (pos.settledOn)
        events_.push_back({*pos.settledOn, 2, &kWaiverId, 0});
    std::sort(events_.begin(), events_.end(), [](const Event& a, const Event& b) {
        if (a.date != b.date)
            return a.date < b.date;
        if (a.order != b.order)
            return a.order < b.order;
        return *a.id < *b.id; // std::string compares bytes as unsigned char
    });

    firstOpen_ = 0;
    Amount credit = 0;
    for (const Event& e : events_) {
        if (e.order == 0) {
            const Charge& charge = loan.charges[e.index];
            const std::size_t i = installmentIndex(charge.installmentNumber);
            if (i == installments_.size())
                continue; // import refuses such charges; a hand-built ledger may not
            if (charge.kind == ChargeKind::Fee)
                installments_[i].due.fees += charge.amount;
            else
                installments_[i].due.penalties += charge.amount;
            installments_[i].paidInFullOn.reset();
            firstOpen_ = std::min(firstOpen_, i);
        } else if (e.order == 1) {
            credit += allocate(loan.payments[e.index].amount, e.date);
        } else {
            waiveRest(pos);
        }
    }
    creditBalance_ = credit;
}

void PositionCalculator::markWatch(const LoanLedger& loan, LoanPosition& pos) const {
    pos.restructuredOn = restructuredOn(loan, pos.asOf);
    if (!pos.restructuredOn || *pos.restructuredOn > pos.asOf)
        return;
    const Date from = *pos.restructuredOn;
    // After a local reschedule only its new installments prove it; the kept ones are history.
    const LocalReschedule* reschedule = rescheduleInForce(loan, pos.asOf);
    const std::size_t first = reschedule && reschedule->start == from ? reschedule->firstNew : 0;
    int kept = 0;
    for (std::size_t i = first; i < installments_.size(); ++i) {
        const InstallmentState& s = installments_[i];
        if (s.dueDate < from || s.dueDate > pos.asOf || s.due.total() == 0)
            continue;
        if (s.paidInFullOn && *s.paidInFullOn <= s.dueDate)
            ++kept;
    }
    pos.inWatch = kept < policy_.watchInstallments;
}

LoanPosition PositionCalculator::compute(const LoanLedger& loan, Date asOf) {
    LoanPosition pos;
    pos.asOf = asOf;
    replay(loan, asOf, pos);
    pos.creditBalance = creditBalance_;
    bool anythingUnpaid = false;
    for (const InstallmentState& s : installments_) {
        const ComponentAmounts unpaid = s.unpaid();
        pos.outstandingPrincipal += unpaid.principal;
        const Amount unpaidTotal = unpaid.total();
        if (unpaidTotal > 0)
            anythingUnpaid = true;
        if (s.dueDate < asOf) {
            pos.arrears += unpaid;
            if (!pos.oldestOverdueDueDate && unpaidTotal > policy_.arrearsTolerance)
                pos.oldestOverdueDueDate = s.dueDate;
        }
    }
    for (const Payment& p : loan.payments)
        if (p.countsOn(asOf))
            pos.paymentsCounted += p.amount;
    if (pos.oldestOverdueDueDate)
        pos.daysPastDue = asOf - *pos.oldestOverdueDueDate;

    const LoanTerms& t = loan.terms;
    if (asOf < t.disbursedOn)
        pos.status = LoanStatus::NotDisbursed;
    else if (t.writtenOffOn && *t.writtenOffOn <= asOf)
        pos.status = LoanStatus::WrittenOff;
    else if (pos.settledOn)
        pos.status = LoanStatus::Settled;
    else if (!anythingUnpaid)
        pos.status = LoanStatus::PaidOff;
    else
        pos.status = LoanStatus::Active;
    if (t.restructuredOn || !loan.reschedules.empty())
        markWatch(loan, pos);
    if (pos.status == LoanStatus::Active)
        pos.bucketIndex = policy_.buckets.indexFor(pos.daysPastDue);
    return pos;
}

std::string bucketName(const LoanPosition& position, const BucketScheme& buckets) {
    if (position.inRestructuredBucket())
        return kRestructuredBucket;
    if (!position.bucketIndex)
        return {};
    return buckets.buckets()[*position.bucketIndex].name;
}

} // namespace rd

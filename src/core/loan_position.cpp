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

Amount PositionCalculator::allocate(Amount amount) {
    // Oldest installment first; within one: penalty, fee, interest, principal.
    for (std::size_t i = firstOpen_; i < installments_.size() && amount > 0; ++i) {
        InstallmentState& s = installments_[i];
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
    }
    while (firstOpen_ < installments_.size() &&
           installments_[firstOpen_].paid == installments_[firstOpen_].due)
        ++firstOpen_;
    return amount;
}

void PositionCalculator::replay(const LoanLedger& loan, Date asOf) {
    installments_.clear();
    installments_.reserve(loan.schedule.size());
    for (const Installment& i : loan.schedule)
        installments_.push_back({i.number, i.dueDate, {i.principalDue, i.interestDue, i.feeDue, 0}, {}});
    // "Oldest first" is by installment number; storage delivers that order already.
    auto byNumber = [](const InstallmentState& a, const InstallmentState& b) {
        return a.number < b.number;
    };
    if (!std::is_sorted(installments_.begin(), installments_.end(), byNumber))
        std::sort(installments_.begin(), installments_.end(), byNumber);

    events_.clear();
    for (std::size_t c = 0; c < loan.charges.size(); ++c)
        if (loan.charges[c].chargedOn <= asOf)
            events_.push_back({loan.charges[c].chargedOn, 0, &loan.charges[c].id, c});
    for (std::size_t p = 0; p < loan.payments.size(); ++p)
        if (loan.payments[p].countsOn(asOf))
            events_.push_back({loan.payments[p].paidOn, 1, &loan.payments[p].id, p});
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
            firstOpen_ = std::min(firstOpen_, i);
        } else {
            credit += allocate(loan.payments[e.index].amount);
        }
    }
    creditBalance_ = credit;
}

LoanPosition PositionCalculator::compute(const LoanLedger& loan, Date asOf) {
    replay(loan, asOf);

    LoanPosition pos;
    pos.asOf = asOf;
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
    else if (!anythingUnpaid)
        pos.status = LoanStatus::PaidOff;
    else
        pos.status = LoanStatus::Active;
    if (pos.status == LoanStatus::Active)
        pos.bucketIndex = policy_.buckets.indexFor(pos.daysPastDue);
    return pos;
}

} // namespace rd

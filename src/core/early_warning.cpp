#include "early_warning.h"

#include "money_text.h"

#include <algorithm>
#include <fmt/format.h>

namespace rd {

namespace {

std::string plural(int n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

} // namespace

std::vector<EarlyWarningFlag> earlyWarnings(const EarlyWarningInput& input,
                                            PositionCalculator& calc,
                                            const EarlyWarningPolicy& policy) {
    std::vector<EarlyWarningFlag> flags;
    if (input.loan == nullptr)
        return flags;
    const LoanLedger& loan = *input.loan;
    const Date asOf = input.asOf;
    const LoanPosition pos = calc.compute(loan, asOf);
    if (pos.status != LoanStatus::Active)
        return flags;
    const std::vector<InstallmentState>& inst = calc.installments();
    const Amount tolerance = calc.policy().arrearsTolerance;

    if (!inst.empty() && inst.front().dueDate < asOf && inst.front().unpaid().total() > tolerance)
        flags.push_back(
            {"first_installment_missed",
             fmt::format("First installment (due {}) not paid", inst.front().dueDate.toString())});

    if (policy.partialInstallments > 0) {
        // Payments are allocated oldest first, so at most one installment is ever part-paid;
        // the sign is about the client's habit: in the period of each of the latest N
        // installments due before the date (from the day after the previous due date, or
        // disbursement, to its due date) something but less than the installment was paid.
        std::vector<const Installment*> pastDue;
        for (const Installment& i : loan.schedule)
            if (i.dueDate < asOf)
                pastDue.push_back(&i);
        std::sort(pastDue.begin(), pastDue.end(),
                  [](const Installment* a, const Installment* b) { return a->number < b->number; });
        const auto n = static_cast<std::size_t>(policy.partialInstallments);
        if (pastDue.size() >= n) {
            bool allPartial = true;
            for (std::size_t k = pastDue.size() - n; k < pastDue.size() && allPartial; ++k) {
                const Date from = k == 0 ? loan.terms.disbursedOn : pastDue[k - 1]->dueDate;
                const Date to = pastDue[k]->dueDate;
                Amount paid = 0;
                for (const Payment& p : loan.payments)
                    if (p.countsOn(asOf) && (k == 0 ? p.paidOn >= from : p.paidOn > from) &&
                        p.paidOn <= to)
                        paid += p.amount;
                const Amount due =
                    pastDue[k]->principalDue + pastDue[k]->interestDue + pastDue[k]->feeDue;
                allPartial = paid > 0 && paid < due;
            }
            if (allPartial)
                flags.push_back(
                    {"partial_payments",
                     n == 1 ? std::string("Partial payment on the last installment")
                            : fmt::format("Partial payments on the last {} installments", n)});
        }
    }

    const auto broken = static_cast<int>(std::count(
        input.promiseStatuses.begin(), input.promiseStatuses.end(), PromiseStatus::Broken));
    if (policy.brokenPromises > 0 && broken >= policy.brokenPromises)
        flags.push_back({"broken_promises", fmt::format("{} broken promises", broken)});

    if (pos.daysPastDue > 0 && pos.bucketIndex) {
        const auto& buckets = calc.policy().buckets.buckets();
        const Bucket& bucket = buckets.at(*pos.bucketIndex);
        if (bucket.maxDpd && *pos.bucketIndex + 1 < buckets.size()) {
            const int days = *bucket.maxDpd + 1 - pos.daysPastDue;
            if (days >= 1 && days <= policy.bucketLookaheadDays)
                flags.push_back({"bucket_roll",
                                 fmt::format("Rolls into {} {}", buckets[*pos.bucketIndex + 1].name,
                                             days == 1 ? std::string("tomorrow")
                                                       : fmt::format("in {} days", days))});
        }
    }

    std::optional<Date> since = input.caseOpenedOn;
    for (const ContactOutcomeAt& c : input.contacts)
        if (isSuccessful(c.outcome) && c.at.date <= asOf && (!since || c.at.date > *since))
            since = c.at.date;
    if (since && policy.noContactDays > 0 && asOf - *since >= policy.noContactDays)
        flags.push_back({"no_contact",
                         fmt::format("No successful contact in {}", plural(asOf - *since, "day"))});

    const Payment* latest = nullptr;
    for (const Payment& p : loan.payments)
        if (p.reversedOn && *p.reversedOn <= asOf &&
            asOf - *p.reversedOn <= policy.reversalLookbackDays &&
            (!latest || *p.reversedOn > *latest->reversedOn))
            latest = &p;
    if (latest)
        flags.push_back(
            {"payment_reversed", fmt::format("Payment of {} reversed on {}",
                                             formatMoneyText(input.currencyCode, latest->amount,
                                                             input.currencyExponent),
                                             latest->reversedOn->toString())});
    return flags;
}

} // namespace rd

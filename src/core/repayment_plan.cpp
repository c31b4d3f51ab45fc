#include "repayment_plan.h"

#include <algorithm>
#include <fmt/format.h>

namespace rd {

namespace {
constexpr const char* kKindNames[] = {"arrangement", "reschedule", "settlement"};
constexpr const char* kStatusNames[] = {"proposed",  "rejected", "withdrawn", "active",
                                        "cancelled", "broken",   "completed"};
} // namespace

const char* toString(PlanKind kind) {
    return kKindNames[static_cast<int>(kind)];
}

std::optional<PlanKind> planKindFromString(std::string_view text) {
    for (int i = 0; i < 3; ++i)
        if (text == kKindNames[i])
            return static_cast<PlanKind>(i);
    return std::nullopt;
}

const char* toString(PlanStatus status) {
    return kStatusNames[static_cast<int>(status)];
}

std::optional<PlanStatus> planStatusFromString(std::string_view text) {
    for (int i = 0; i < 7; ++i)
        if (text == kStatusNames[i])
            return static_cast<PlanStatus>(i);
    return std::nullopt;
}

const char* toString(PlanInstallmentStatus status) {
    switch (status) {
    case PlanInstallmentStatus::Pending:
        return "pending";
    case PlanInstallmentStatus::Kept:
        return "kept";
    case PlanInstallmentStatus::Broken:
        return "broken";
    }
    return "pending";
}

Amount planTotal(const std::vector<PlanInstallment>& installments) {
    Amount total = 0;
    for (const PlanInstallment& i : installments)
        total += i.amount;
    return total;
}

PlanScore scorePlan(const std::vector<PlanInstallment>& installments, Date start, int graceDays,
                    const std::vector<Payment>& payments, Date asOf) {
    PlanScore score;
    const int grace = std::max(0, graceDays);
    std::vector<std::pair<Date, Amount>> counted;
    for (const Payment& p : payments)
        if (p.paidOn >= start && p.countsOn(asOf)) {
            counted.emplace_back(p.paidOn, p.amount);
            score.paid += p.amount;
        }
    std::sort(counted.begin(), counted.end());
    score.installments.assign(installments.size(), PlanInstallmentStatus::Pending);
    Amount through = 0;
    std::size_t next = 0;
    Amount paidByDeadline = 0;
    for (std::size_t j = 0; j < installments.size(); ++j) {
        through += installments[j].amount;
        const Date deadline = installments[j].dueDate.addDays(grace);
        while (next < counted.size() && counted[next].first <= deadline)
            paidByDeadline += counted[next++].second;
        if (paidByDeadline >= through) {
            score.installments[j] = PlanInstallmentStatus::Kept;
        } else if (deadline < asOf) {
            score.installments[j] = PlanInstallmentStatus::Broken;
            if (!score.brokenOn)
                score.brokenOn = deadline.addDays(1);
        }
        if (score.installments[j] != PlanInstallmentStatus::Kept && !score.next)
            score.next = j;
    }
    if (score.brokenOn)
        score.status = PlanStatus::Broken;
    else if (!installments.empty() && !score.next)
        score.status = PlanStatus::Completed;
    return score;
}

Amount planBalance(const LoanPosition& positionAtStart) {
    const ComponentAmounts& a = positionAtStart.arrears;
    return positionAtStart.outstandingPrincipal + a.interest + a.fees + a.penalties;
}

std::vector<PlanProblem> checkPlanInstallments(const std::vector<PlanInstallment>& installments,
                                               Date start, Amount minimumTotal, int exponent) {
    std::vector<PlanProblem> problems;
    if (installments.empty()) {
        problems.push_back({std::nullopt, "", "the plan has no installments: add at least one"});
        return problems;
    }
    std::optional<Date> previous;
    for (std::size_t i = 0; i < installments.size(); ++i) {
        const PlanInstallment& row = installments[i];
        if (row.dueDate < start)
            problems.push_back(
                {i, "due_date",
                 fmt::format("{} is before the plan's start on {}: give a later date",
                             row.dueDate.toString(), start.toString())});
        else if (previous && row.dueDate <= *previous)
            problems.push_back({i, "due_date",
                                fmt::format("{} is not after the installment before it ({}): "
                                            "dates must increase",
                                            row.dueDate.toString(), previous->toString())});
        previous = row.dueDate;
        if (row.amount <= 0)
            problems.push_back(
                {i, "amount", "the amount must be above 0: give an amount or remove the row"});
    }
    const Amount total = planTotal(installments);
    if (total < minimumTotal)
        problems.push_back(
            {std::nullopt, "amount",
             fmt::format("the installments add up to {}, less than the {} agreed: raise them by {}",
                         formatAmount(total, exponent), formatAmount(minimumTotal, exponent),
                         formatAmount(minimumTotal - total, exponent))});
    return problems;
}

std::vector<Date> planDates(Date start, int parts, int every, bool months) {
    std::vector<Date> dates;
    for (int i = 1; i <= parts; ++i)
        dates.push_back(months ? start.addMonths(i * every) : start.addDays(7 * i * every));
    return dates;
}

std::vector<PlanInstallment> proposeArrangement(const std::vector<InstallmentState>& atStart,
                                                Date start, Amount arrears, int parts, int every,
                                                bool months) {
    std::vector<PlanInstallment> out;
    if (parts < 1)
        return out;
    const std::vector<Date> dates = planDates(start, parts, every, months);
    const std::vector<Amount> shares = splitEvenly(arrears, parts);
    // The first part's period starts on S itself: an installment due on S is not in the
    // arrears yet, so it belongs to the first part.
    Date from = start;
    for (int i = 0; i < parts; ++i) {
        Amount regular = 0;
        for (const InstallmentState& s : atStart)
            if (s.dueDate >= from && s.dueDate <= dates[i])
                regular += s.unpaid().total();
        // A part with nothing to pay (arrears smaller than the number of parts, and no
        // installment of the loan in its period) is left out rather than proposed as 0.
        if (shares[i] + regular > 0)
            out.push_back({static_cast<int>(out.size()) + 1, dates[i], shares[i] + regular, {}});
        from = dates[i].addDays(1);
    }
    return out;
}

std::vector<PlanInstallment> proposeSettlement(Amount total, Date start, int parts, int every,
                                               bool months) {
    std::vector<PlanInstallment> out;
    if (parts < 1)
        return out;
    const std::vector<Date> dates = planDates(start, parts, every, months);
    const std::vector<Amount> shares = splitEvenly(total, parts);
    for (int i = 0; i < parts; ++i)
        out.push_back({i + 1, dates[i], shares[i], {}});
    return out;
}

Amount monthlyPlanAmount(const std::vector<PlanInstallment>& installments, Date start) {
    // One sum is saved up for, not paid every few weeks: it is spread over the months until
    // it is due (at least one).
    const bool single = installments.size() == 1;
    Amount heaviest = 0;
    Date previous = start;
    for (const PlanInstallment& i : installments) {
        const int gap = std::max(1, i.dueDate - previous);
        Amount monthly = 0;
        if (!single && gap % 7 == 0 && gap / 7 <= 3) {
            monthly = divideRoundHalfEven(static_cast<WideAmount>(i.amount) * 52, 12 * (gap / 7));
        } else {
            // days / 30.4375 rounded = days * 16 / 487 rounded
            const Amount months = std::max<Amount>(1, divideRoundHalfEven(gap * 16, 487));
            monthly = divideRoundHalfEven(i.amount, months);
        }
        heaviest = std::max(heaviest, monthly);
        previous = i.dueDate;
    }
    return heaviest;
}

} // namespace rd

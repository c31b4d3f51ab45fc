#include "ledger_rules.h"

#include "core/schedule_rules.h"

#include <algorithm>
#include <fmt/format.h>

namespace rd {

std::vector<LedgerProblem> checkLedger(const LoanLedger& loan, int exponent) {
    using S = LedgerProblem::Subject;
    std::vector<LedgerProblem> problems;
    const LoanTerms& t = loan.terms;
    auto add = [&](S subject, std::string column, std::string message, int number = 0) {
        problems.push_back({subject, number, std::move(column), std::move(message)});
    };

    if (t.writtenOffOn && *t.writtenOffOn < t.disbursedOn)
        add(S::Terms, "written_off_on",
            fmt::format("loan {} is written off on {}, before its disbursement on {} (expected a "
                        "date on or after disbursement)",
                        t.loanId, t.writtenOffOn->toString(), t.disbursedOn.toString()));

    if (t.principal > kMaxAmount)
        add(S::Terms, "principal",
            fmt::format("loan {} has principal {} (at most {})", t.loanId,
                        formatAmount(t.principal, exponent), formatAmount(kMaxAmount, exponent)));
    if (t.principal <= 0)
        add(S::Terms, "principal",
            fmt::format("loan {} has principal {} (expected an amount greater than 0)", t.loanId,
                        formatAmount(t.principal, exponent)));
    std::vector<Installment> schedule = loan.schedule;
    std::stable_sort(
        schedule.begin(), schedule.end(),
        [](const Installment& a, const Installment& b) { return a.number < b.number; });
    for (const Installment& in : schedule)
        if (in.principalDue < 0 || in.interestDue < 0 || in.feeDue < 0)
            add(S::Schedule, "principal_due",
                fmt::format("installment {} of loan {} has a negative amount due", in.number,
                            t.loanId),
                in.number);
    if (schedule.empty()) {
        add(S::Schedule, "loan_id",
            fmt::format("loan {} has no schedule (add its installments to schedule.csv)",
                        t.loanId));
    } else {
        const ScheduleCheck check = checkSchedule(schedule, t.disbursedOn, t.principal);
        for (const auto& f : check.findings) {
            const Installment& in = schedule[f.index];
            const Installment& before = schedule[f.previous];
            switch (f.kind) {
            case ScheduleFinding::Kind::RepeatedNumber:
                break; // reported as the numbering below
            case ScheduleFinding::Kind::NotAfterDisbursement:
                add(S::Schedule, "due_date",
                    fmt::format("installment {} of loan {} is due on {}, not after the "
                                "disbursement on {} (due dates come after disbursement)",
                                in.number, t.loanId, in.dueDate.toString(),
                                t.disbursedOn.toString()),
                    in.number);
                break;
            case ScheduleFinding::Kind::NotIncreasing:
                add(S::Schedule, "due_date",
                    fmt::format("installment {} of loan {} is due on {}, not after installment "
                                "{} ({}) (due dates must be strictly increasing)",
                                in.number, t.loanId, in.dueDate.toString(), before.number,
                                before.dueDate.toString()),
                    in.number);
                break;
            case ScheduleFinding::Kind::Numbering:
                add(S::Schedule, "installment_no",
                    fmt::format("installments of loan {} are not numbered 1 to {} without gaps",
                                t.loanId, schedule.size()));
                break;
            case ScheduleFinding::Kind::PrincipalSum:
                add(S::Schedule, "principal_due",
                    fmt::format("principal_due of loan {} sums to {}, but the loan's principal is "
                                "{} (the parts must add up to the principal)",
                                t.loanId, formatAmount(check.principalSum, exponent),
                                formatAmount(t.principal, exponent)));
                break;
            }
        }
    }

    for (const Charge& c : loan.charges) {
        if (c.amount <= 0)
            add(S::Charge, "amount",
                fmt::format("charge {} of loan {} is not greater than 0", c.id, t.loanId));
        bool found = false;
        for (const Installment& in : loan.schedule)
            found = found || in.number == c.installmentNumber;
        if (!found)
            add(S::Charge, "installment_no",
                fmt::format("charge {} is on installment {}, which loan {} does not have", c.id,
                            c.installmentNumber, t.loanId));
        if (c.chargedOn < t.disbursedOn)
            add(S::Charge, "charged_on",
                fmt::format("charge {} of loan {} is dated {}, before disbursement on {}", c.id,
                            t.loanId, c.chargedOn.toString(), t.disbursedOn.toString()));
    }
    for (const Payment& p : loan.payments) {
        if (p.amount <= 0)
            add(S::Payment, "amount",
                fmt::format("payment {} of loan {} is not greater than 0", p.id, t.loanId));
        if (p.paidOn < t.disbursedOn)
            add(S::Payment, "paid_on",
                fmt::format("payment {} of loan {} is dated {}, before disbursement on {}", p.id,
                            t.loanId, p.paidOn.toString(), t.disbursedOn.toString()));
        if (p.reversedOn && *p.reversedOn < p.paidOn)
            add(S::Payment, "reversed_on",
                fmt::format("payment {} is reversed on {}, before it was paid on {}", p.id,
                            p.reversedOn->toString(), p.paidOn.toString()));
    }
    return problems;
}

} // namespace rd

#include "ledger_rules.h"

#include <fmt/format.h>
#include <set>

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

    if (loan.schedule.empty()) {
        add(S::Schedule, "loan_id",
            fmt::format("loan {} has no schedule (add its installments to schedule.csv)",
                        t.loanId));
    } else {
        Amount principalSum = 0;
        std::set<int> numbers;
        for (std::size_t i = 0; i < loan.schedule.size(); ++i) {
            const Installment& in = loan.schedule[i];
            principalSum += in.principalDue;
            numbers.insert(in.number);
            if (i == 0 && in.dueDate <= t.disbursedOn)
                add(S::Schedule, "due_date",
                    fmt::format("installment {} of loan {} is due on {}, not after the "
                                "disbursement on {} (due dates come after disbursement)",
                                in.number, t.loanId, in.dueDate.toString(),
                                t.disbursedOn.toString()),
                    in.number);
            if (i > 0 && in.dueDate <= loan.schedule[i - 1].dueDate)
                add(S::Schedule, "due_date",
                    fmt::format("installment {} of loan {} is due on {}, not after installment "
                                "{} ({}) (due dates must be strictly increasing)",
                                in.number, t.loanId, in.dueDate.toString(),
                                loan.schedule[i - 1].number,
                                loan.schedule[i - 1].dueDate.toString()),
                    in.number);
        }
        const int n = static_cast<int>(loan.schedule.size());
        if (numbers.size() != loan.schedule.size() || *numbers.begin() != 1 ||
            *numbers.rbegin() != n)
            add(S::Schedule, "installment_no",
                fmt::format("installments of loan {} are not numbered 1 to {} without gaps",
                            t.loanId, n));
        if (principalSum != t.principal)
            add(S::Schedule, "principal_due",
                fmt::format("principal_due of loan {} sums to {}, but the loan's principal is {} "
                            "(the parts must add up to the principal)",
                            t.loanId, formatAmount(principalSum, exponent),
                            formatAmount(t.principal, exponent)));
    }

    for (const Charge& c : loan.charges) {
        bool found = false;
        for (const Installment& in : loan.schedule)
            found = found || in.number == c.installmentNumber;
        if (!found)
            add(S::Charge, "installment_no",
                fmt::format("charge {} is on installment {}, which loan {} does not have",
                            c.id, c.installmentNumber, t.loanId));
        if (c.chargedOn < t.disbursedOn)
            add(S::Charge, "charged_on",
                fmt::format("charge {} of loan {} is dated {}, before disbursement on {}", c.id,
                            t.loanId, c.chargedOn.toString(), t.disbursedOn.toString()));
    }
    for (const Payment& p : loan.payments) {
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

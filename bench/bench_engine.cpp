// The engine alone, in memory: positions and aging for N generated loans, against a floor
// that only reads the same schedule and payment amounts. Run: bench_engine [N] [AS_OF]
#include "bench_support.h"
#include "core/aging_report.h"
#include "core/loan_position.h"
#include "demo/demo_generator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace rd;
using rd::bench::bestSeconds;

int main(int argc, char** argv) {
    const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 100000;
    const Date asOf = Date::parse(argc > 2 ? argv[2] : "2026-11-28").value();

    demo::DemoOptions options;
    options.loans = n;
    options.seed = 7;
    options.asOf = asOf;
    demo::DemoGenerator generator(options);
    std::vector<LoanLedger> loans;
    loans.reserve(static_cast<std::size_t>(n));
    demo::DemoLoan loan;
    while (generator.next(loan))
        loans.push_back(loan.ledger);

    volatile Amount sink = 0;
    const double floor = bestSeconds(5, [&] {
        Amount total = 0;
        for (const LoanLedger& l : loans) {
            for (const Installment& i : l.schedule)
                total += i.principalDue + i.interestDue + i.feeDue + i.dueDate.days();
            for (const Payment& p : l.payments)
                total += p.amount + p.paidOn.days();
            for (const Charge& c : l.charges)
                total += c.amount;
        }
        sink = total;
    });
    const DelinquencyPolicy policy;
    for (const char* dateText : {"2025-06-30", "2026-11-28"}) {
        const Date date = Date::parse(dateText).value();
        const double engine = bestSeconds(5, [&] {
            PositionCalculator calculator(policy);
            AgingBuilder builder(date, policy.buckets, AgingGroupBy::Officer);
            for (const LoanLedger& l : loans)
                builder.add(l.terms, calculator.compute(l, date));
            sink = builder.report().total.grossPortfolio;
        });
        std::printf("loans %lld as of %s: engine %.3f s (%.0f ns/loan), floor %.3f s, ratio %.1f\n",
                    static_cast<long long>(n), dateText, engine, engine * 1e9 / double(n), floor,
                    engine / floor);
    }
    return 0;
}

// The schedule calculator (domain.md 9a) on a 360-installment loan, against a floor that
// only lays out the same 360 due dates and sums amounts. Run: bench_schedule [RUNS]
#include "bench_support.h"
#include "core/decimal.h"
#include "core/schedule_calculator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace rd;
using rd::bench::bestSeconds;

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 200;
    ScheduleInput in;
    in.amount = 250'000'000'00; // 250,000,000.00 at 12% a year over 30 years, monthly
    in.ratePercent = parseDecimal("12").value();
    in.installments = 360;
    in.start = Date::parse("2026-11-30").value(); // month-end: every date falls back
    in.exponent = 2;

    volatile long long sink = 0;
    // The floor: the 360 due dates from one anchor (as the calculator lays them out) and a
    // sum over them; what any schedule costs before any interest is worked out.
    const double floor = bestSeconds(runs, [&] {
        long long total = 0;
        for (int i = 1; i <= in.installments; ++i)
            total += in.start.addMonths(i).days() + in.amount / in.installments;
        sink = total;
    });
    std::printf("floor (360 due dates): %.1f us\n", floor * 1e6);
    const struct {
        const char* name;
        DayCount dayCount;
        Amortization amortization;
    } cases[] = {{"declining, equal installments, 30/360", DayCount::Thirty360,
                  Amortization::EqualInstallments},
                 {"declining, equal installments, actual/365", DayCount::Actual365,
                  Amortization::EqualInstallments},
                 {"declining, equal installments, actual/actual", DayCount::ActualActual,
                  Amortization::EqualInstallments},
                 {"declining, equal principal, actual/365", DayCount::Actual365,
                  Amortization::EqualPrincipal}};
    for (const auto& c : cases) {
        in.dayCount = c.dayCount;
        in.amortization = c.amortization;
        std::size_t rows = 0;
        const double t = bestSeconds(runs, [&] {
            const auto s = computeSchedule(in);
            if (!s) {
                std::fprintf(stderr, "%s: %s\n", c.name, s.error().message.c_str());
                std::exit(1);
            }
            rows = s->installments.size();
            sink = s->total;
        });
        std::printf("%s: %zu installments in %.1f us (%.3f ms), %.1fx the floor\n", c.name, rows,
                    t * 1e6, t * 1e3, t / floor);
    }
    return 0;
}

#include "demo/demo_amounts.h"
#include "demo/demo_schedule.h"

#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::demo;

namespace {
Date d(const char* text) {
    return Date::parse(text).value();
}
} // namespace

TEST_CASE("flat interest: principal x rate x term, split evenly", "[demo][schedule]") {
    ScheduleTerms t;
    t.principal = 1'000'000; // UGX
    t.disbursedOn = d("2026-01-31");
    t.installments = 3;
    t.frequency = Frequency::Monthly;
    t.method = InterestMethod::Flat;
    t.annualRateBasisPoints = 2400; // 24% a year, 3 months: 60,000
    std::vector<Installment> s;
    buildSchedule(t, s);
    REQUIRE(s.size() == 3);
    CHECK(s[0].principalDue == 333'333);
    CHECK(s[1].principalDue == 333'333);
    CHECK(s[2].principalDue == 333'334);
    CHECK(s[0].interestDue == 20'000);
    CHECK(s[2].interestDue == 20'000);
    CHECK(s[0].dueDate == d("2026-02-28")); // month ends clamp
    CHECK(s[1].dueDate == d("2026-03-31"));
    CHECK(s[2].dueDate == d("2026-04-30"));
    CHECK(s[2].number == 3);
}

TEST_CASE("declining interest: on the balance of each period, half-even", "[demo][schedule]") {
    ScheduleTerms t;
    t.principal = 300'00; // KES 300.00
    t.disbursedOn = d("2026-01-01");
    t.installments = 3;
    t.frequency = Frequency::Weekly;
    t.method = InterestMethod::Declining;
    t.annualRateBasisPoints = 2600; // 0.5% a week
    t.feePerInstallment = 150;
    std::vector<Installment> s;
    buildSchedule(t, s);
    REQUIRE(s.size() == 3);
    CHECK(s[0].interestDue == 150); // 30000 * 0.005
    CHECK(s[1].interestDue == 100); // 20000 * 0.005
    CHECK(s[2].interestDue == 50);
    CHECK(s[1].dueDate == d("2026-01-15"));
    CHECK(s[2].feeDue == 150);

    t.annualRateBasisPoints = 2613; // 30000 * 2613 / 520000 = 150.75 -> 151; 100.5 -> 100
    buildSchedule(t, s);
    CHECK(s[0].interestDue == 151);
    CHECK(s[1].interestDue == 100);
}

TEST_CASE("a seasonal grace period delays the first installment and bears interest",
          "[demo][schedule]") {
    ScheduleTerms t;
    t.principal = 1'200'000;
    t.disbursedOn = d("2026-03-10");
    t.installments = 4;
    t.frequency = Frequency::Monthly;
    t.firstDueAfterPeriods = 3;
    t.method = InterestMethod::Declining;
    t.annualRateBasisPoints = 1200; // 1% a month
    std::vector<Installment> s;
    buildSchedule(t, s);
    REQUIRE(s.size() == 4);
    CHECK(s[0].dueDate == d("2026-06-10"));
    CHECK(s[3].dueDate == d("2026-09-10"));
    CHECK(s[0].interestDue == 36'000); // three months on 1,200,000
    CHECK(s[1].interestDue == 9'000);  // one month on 900,000

    t.method = InterestMethod::Flat; // six months of 1% on 1,200,000 = 72,000
    buildSchedule(t, s);
    Amount interest = 0;
    for (const Installment& i : s)
        interest += i.interestDue;
    CHECK(interest == 72'000);
}

TEST_CASE("principal parts always sum to the principal", "[demo][schedule]") {
    for (Amount principal : {Amount{1}, Amount{999'999}, Amount{12'345'678}, Amount{7}}) {
        for (int n : {1, 3, 7, 13, 26, 36}) {
            for (auto method : {InterestMethod::Flat, InterestMethod::Declining}) {
                ScheduleTerms t;
                t.principal = principal;
                t.disbursedOn = d("2025-12-31");
                t.installments = n;
                t.frequency = Frequency::Biweekly;
                t.method = method;
                t.annualRateBasisPoints = 3050;
                std::vector<Installment> s;
                buildSchedule(t, s);
                Amount sum = 0;
                for (const Installment& i : s) {
                    sum += i.principalDue;
                    CHECK(i.interestDue >= 0);
                }
                CHECK(sum == principal);
            }
        }
    }
}

TEST_CASE("demo amounts convert by currency and round in integers", "[demo][amounts]") {
    const AmountScale ugx(Currency{"UGX", 0});
    CHECK(ugx.fromUgx(1'000) == 1'000);
    CHECK(ugx.stepFor(50'000) == 50'000);
    CHECK(ugx.stepFor(1'000) == 1'000);

    const AmountScale kes(Currency{"KES", 2});
    CHECK(kes.fromUgx(28'500) == 1'000'00); // KES 1,000.00
    CHECK(kes.stepFor(50'000) == 1'000'00); // about KES 1,754: steps of 1,000.00
    CHECK(kes.stepFor(1'000) == 10'00);     // about KES 35: steps of 10.00

    const AmountScale kwd(Currency{"KWD", 3});
    CHECK(kwd.fromUgx(12'000'000) == 1'000'000); // KWD 1,000.000
    CHECK(kwd.stepFor(1'000) == 50);             // about 0.083: steps of 0.050

    const AmountScale unknown(Currency{"XYZ", 2});
    CHECK(unknown.fromUgx(3'700'000) == 1'000'00); // priced like USD

    CHECK(roundToStep(1'234'567, 50'000) == 1'250'000);
    CHECK(roundToStep(10, 50'000) == 50'000); // never rounds a positive amount to 0
    CHECK(roundUpToStep(1'001, 1'000) == 2'000);
    CHECK(roundDownToStep(1'999, 1'000) == 1'000);
    CHECK(applyBasisPoints(95'833, 500) == 4'792);

    CHECK(formatRate(2400) == "24");
    CHECK(formatRate(3050) == "30.5");
    CHECK(formatRate(2425) == "24.25");
    CHECK(formatRate(1805) == "18.05");
}

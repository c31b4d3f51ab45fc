// The schedule calculator of domain.md section 9a: worked examples computed by hand (each
// period's rate, exact interest, rounded interest, principal and balance in the comment),
// schedules published in Apache Fineract's tests, properties over generated inputs, and every
// refusal.
#include "core/schedule_calculator.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

using namespace rd;

namespace {

Date day(const char* text) {
    return *Date::parse(text);
}

// A declining, equal-installment, 30/360 monthly schedule starting 2024-01-01 (the most
// common inputs); each test changes what it is about.
ScheduleInput monthly(Amount amount, const char* rate, int n) {
    ScheduleInput in;
    in.amount = amount;
    in.ratePercent = *parseDecimal(rate);
    in.installments = n;
    in.start = day("2024-01-01");
    return in;
}

ComputedSchedule computed(const ScheduleInput& in) {
    auto result = computeSchedule(in);
    if (!result)
        FAIL("refused: " << result.error().message);
    return *result;
}

struct Row {
    const char* due;
    Amount principal;
    Amount interest;
    Amount balance;
};

void requireRows(const ComputedSchedule& s, const std::vector<Row>& rows) {
    REQUIRE(s.installments.size() == rows.size());
    Amount interest = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& line = s.installments[i];
        INFO("installment " << i + 1);
        CHECK(line.n == static_cast<int>(i + 1));
        CHECK(line.dueDate.toString() == rows[i].due);
        CHECK(line.principal == rows[i].principal);
        CHECK(line.interest == rows[i].interest);
        CHECK(line.total == rows[i].principal + rows[i].interest);
        CHECK(line.balance == rows[i].balance);
        interest += rows[i].interest;
    }
    CHECK(s.interest == interest);
    CHECK(s.total == s.principal + interest);
}

Error refusal(const ScheduleInput& in) {
    auto result = computeSchedule(in);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == ErrorKind::Invalid);
    return result.error();
}

} // namespace

TEST_CASE("schedule: declining, equal installments, monthly 30/360", "[schedule]") {
    // 1000.00 at 12% a year, 3 months: r = 12/100 x 30/360 = 0.01 each period.
    // E = 1000 x 0.01 x 1.01^3 / (1.01^3 - 1) = 340.022111 -> 340.02.
    // 1: interest 1000.00 x 0.01 = 10.00; principal 340.02 - 10.00 = 330.02; balance 669.98
    // 2: interest 669.98 x 0.01 = 6.6998 -> 6.70; principal 333.32; balance 336.66
    // 3: interest 336.66 x 0.01 = 3.3666 -> 3.37; principal the balance 336.66; total 340.03
    const auto s = computed(monthly(100000, "12", 3));
    requireRows(s, {{"2024-02-01", 33002, 1000, 66998},
                    {"2024-03-01", 33332, 670, 33666},
                    {"2024-04-01", 33666, 337, 0}});
    CHECK(s.principal == 100000);
    CHECK(s.interest == 2007);
    CHECK(s.installments[2].total == 34003);
}

TEST_CASE("schedule: a rate per month is 12 times that per year", "[schedule]") {
    auto in = monthly(100000, "1", 3);
    in.ratePer = RatePer::Month;
    const auto perMonth = computed(in);
    const auto perYear = computed(monthly(100000, "12", 3));
    REQUIRE(perMonth.installments.size() == perYear.installments.size());
    for (std::size_t i = 0; i < perYear.installments.size(); ++i) {
        CHECK(perMonth.installments[i].principal == perYear.installments[i].principal);
        CHECK(perMonth.installments[i].interest == perYear.installments[i].interest);
    }
}

TEST_CASE("schedule: declining, equal principal", "[schedule]") {
    // 1000.00 at 12%, 3 months, r = 0.01; principal 1000.00 / 3 = 333.33 (the last 333.34).
    // 1: interest 1000.00 x 0.01 = 10.00; balance 666.67
    // 2: interest 666.67 x 0.01 = 6.6667 -> 6.67; balance 333.34
    // 3: interest 333.34 x 0.01 = 3.3334 -> 3.33; principal 333.34; balance 0
    auto in = monthly(100000, "12", 3);
    in.amortization = Amortization::EqualPrincipal;
    const auto s = computed(in);
    requireRows(s, {{"2024-02-01", 33333, 1000, 66667},
                    {"2024-03-01", 33333, 667, 33334},
                    {"2024-04-01", 33334, 333, 0}});
    CHECK(s.interest == 2000);
}

TEST_CASE("schedule: flat interest is on the original amount", "[schedule]") {
    // 1000.00 at 12%, 3 months: interest 1000.00 x 0.01 = 10.00 every period; principal
    // 333.33, 333.33, 333.34. The amortisation does not change a flat schedule.
    for (const auto amortization :
         {Amortization::EqualInstallments, Amortization::EqualPrincipal}) {
        auto in = monthly(100000, "12", 3);
        in.method = InterestMethod::Flat;
        in.amortization = amortization;
        const auto s = computed(in);
        requireRows(s, {{"2024-02-01", 33333, 1000, 66667},
                        {"2024-03-01", 33333, 1000, 33334},
                        {"2024-04-01", 33334, 1000, 0}});
        CHECK(s.interest == 3000);
    }
}

TEST_CASE("schedule: actual/365 across a year end and a leap February", "[schedule]") {
    // From 2023-12-12, 1000.00 at 12%: periods of 31, 31 and 29 days (February 2024), each
    // over 365 even in the leap year.
    // r1 = r2 = 0.12 x 31/365 = 0.0101917808; r3 = 0.12 x 29/365 = 0.0095342466
    // E = 1000 x prod(1 + r) / (1 + (1 + r3) + (1 + r2)(1 + r3)) = 340.077733 -> 340.08
    // 1: 1000.00 x r1 = 10.19178 -> 10.19; principal 329.89; balance 670.11
    // 2: 670.11 x r2 = 6.82961 -> 6.83; principal 333.25; balance 336.86
    // 3: 336.86 x r3 = 3.21171 -> 3.21; principal 336.86; total 340.07
    auto in = monthly(100000, "12", 3);
    in.start = day("2023-12-12");
    in.dayCount = DayCount::Actual365;
    requireRows(computed(in), {{"2024-01-12", 32989, 1019, 67011},
                               {"2024-02-12", 33325, 683, 33686},
                               {"2024-03-12", 33686, 321, 0}});
}

TEST_CASE("schedule: actual/actual counts each day in its own year", "[schedule]") {
    // From 2023-12-12: 2023-12-12 to 2024-01-12 is 19 days of 2023 and 12 of 2024.
    // r1 = 0.12 x (19/365 + 12/366) = 0.0101810016; r2 = 0.12 x 31/366 = 0.0101639344;
    // r3 = 0.12 x 29/366 = 0.0095081967; E = 340.064989 -> 340.06
    // 1: 1000.00 x r1 = 10.18100 -> 10.18; principal 329.88; balance 670.12
    // 2: 670.12 x r2 = 6.81106 -> 6.81; principal 333.25; balance 336.87
    // 3: 336.87 x r3 = 3.20303 -> 3.20; principal 336.87; total 340.07
    auto in = monthly(100000, "12", 3);
    in.start = day("2023-12-12");
    in.dayCount = DayCount::ActualActual;
    requireRows(computed(in), {{"2024-01-12", 32988, 1018, 67012},
                               {"2024-02-12", 33325, 681, 33687},
                               {"2024-03-12", 33687, 320, 0}});
}

TEST_CASE("schedule: weekly and every two weeks", "[schedule]") {
    SECTION("weekly, 30/360: t = 7/360") {
        // r = 0.12 x 7/360 = 0.0023333333; E = 251.460033 -> 251.46
        // 1: 1000.00 x r = 2.33333 -> 2.33; principal 249.13; balance 750.87
        // 2: 750.87 x r = 1.75203 -> 1.75; principal 249.71; balance 501.16
        // 3: 501.16 x r = 1.16937 -> 1.17; principal 250.29; balance 250.87
        // 4: 250.87 x r = 0.58536 -> 0.59; principal 250.87
        auto in = monthly(100000, "12", 4);
        in.unit = PeriodUnit::Weeks;
        requireRows(computed(in), {{"2024-01-08", 24913, 233, 75087},
                                   {"2024-01-15", 24971, 175, 50116},
                                   {"2024-01-22", 25029, 117, 25087},
                                   {"2024-01-29", 25087, 59, 0}});
    }
    SECTION("every 2 weeks, actual/365: t = 14/365") {
        // r = 0.12 x 14/365 = 0.0046027397; E = 336.406523 -> 336.41
        // 1: 1000.00 x r = 4.60274 -> 4.60; principal 331.81; balance 668.19
        // 2: 668.19 x r = 3.07550 -> 3.08 (just above the half); principal 333.33; balance 334.86
        // 3: 334.86 x r = 1.54127 -> 1.54; principal 334.86
        auto in = monthly(100000, "12", 3);
        in.unit = PeriodUnit::Weeks;
        in.every = 2;
        in.dayCount = DayCount::Actual365;
        requireRows(computed(in), {{"2024-01-15", 33181, 460, 66819},
                                   {"2024-01-29", 33333, 308, 33486},
                                   {"2024-02-12", 33486, 154, 0}});
    }
}

TEST_CASE("schedule: principal grace pays interest only first", "[schedule]") {
    // g = 1 of 4: installment 1 is 1000.00 x 0.01 = 10.00 of interest; then the 3-period
    // annuity of the first example (E = 340.02 over periods 2..4).
    auto in = monthly(100000, "12", 4);
    in.principalGrace = 1;
    requireRows(computed(in), {{"2024-02-01", 0, 1000, 100000},
                               {"2024-03-01", 33002, 1000, 66998},
                               {"2024-04-01", 33332, 670, 33666},
                               {"2024-05-01", 33666, 337, 0}});

    SECTION("with equal principal the principal splits over the amortising installments") {
        in.amortization = Amortization::EqualPrincipal;
        in.principalGrace = 2;
        // principal 1000.00 / 2 = 500.00; interest 10.00, 10.00, 10.00, 5.00
        requireRows(computed(in), {{"2024-02-01", 0, 1000, 100000},
                                   {"2024-03-01", 0, 1000, 100000},
                                   {"2024-04-01", 50000, 1000, 50000},
                                   {"2024-05-01", 50000, 500, 0}});
    }
}

TEST_CASE("schedule: irregular first period", "[schedule]") {
    SECTION("monthly 30/360 counts 30E/360 days from S to D1") {
        // S = 2024-01-15, D1 = 2024-03-01: 30E/360 days = 30 x 2 + (1 - 15) = 46.
        // r1 = 0.12 x 46/360 = 0.0153333333; r2 = r3 = 0.01
        // E = 1000 x (1 + r1) x 1.01^2 / (1 + 1.01 + 1.01^2) = 341.817608 -> 341.82
        // 1: 1000.00 x r1 = 15.33333 -> 15.33; principal 326.49; balance 673.51
        // 2: 673.51 x 0.01 = 6.7351 -> 6.74; principal 335.08; balance 338.43
        // 3: 338.43 x 0.01 = 3.3843 -> 3.38; principal 338.43; total 341.81
        auto in = monthly(100000, "12", 3);
        in.start = day("2024-01-15");
        in.firstDue = day("2024-03-01");
        requireRows(computed(in), {{"2024-03-01", 32649, 1533, 67351},
                                   {"2024-04-01", 33508, 674, 33843},
                                   {"2024-05-01", 33843, 338, 0}});
    }
    SECTION("30E/360 counts the 31st as the 30th") {
        // S = 2024-01-31 (day 30), D1 = 2024-03-15: 30 x 2 + (15 - 30) = 45 days;
        // r1 = 0.12 x 45/360 = 0.015; E = 341.705389 -> 341.71
        // 1: 15.00; principal 326.71; balance 673.29
        // 2: 673.29 x 0.01 = 6.7329 -> 6.73; principal 334.98; balance 338.31
        // 3: 338.31 x 0.01 = 3.3831 -> 3.38; principal 338.31
        auto in = monthly(100000, "12", 3);
        in.start = day("2024-01-31");
        in.firstDue = day("2024-03-15");
        requireRows(computed(in), {{"2024-03-15", 32671, 1500, 67329},
                                   {"2024-04-15", 33498, 673, 33831},
                                   {"2024-05-15", 33831, 338, 0}});
    }
    SECTION("weekly 30/360 counts the actual days from S to D1") {
        // S = 2024-01-01, D1 = 2024-01-10: 9 days; r1 = 0.12 x 9/360 = 0.003;
        // r = 0.12 x 7/360 = 0.0023333333; E = 335.112838 -> 335.11
        // 1: 1000.00 x 0.003 = 3.00; principal 332.11; balance 667.89
        // 2: 667.89 x r = 1.55841 -> 1.56; principal 333.55; balance 334.34
        // 3: 334.34 x r = 0.78013 -> 0.78; principal 334.34
        auto in = monthly(100000, "12", 3);
        in.unit = PeriodUnit::Weeks;
        in.firstDue = day("2024-01-10");
        requireRows(computed(in), {{"2024-01-10", 33211, 300, 66789},
                                   {"2024-01-17", 33355, 156, 33434},
                                   {"2024-01-24", 33434, 78, 0}});
    }
    SECTION("a first due date one period after the start is regular") {
        auto in = monthly(100000, "12", 3);
        in.firstDue = day("2024-02-01");
        const auto given = computed(in);
        const auto defaulted = computed(monthly(100000, "12", 3));
        for (std::size_t i = 0; i < 3; ++i) {
            CHECK(given.installments[i].dueDate == defaulted.installments[i].dueDate);
            CHECK(given.installments[i].interest == defaulted.installments[i].interest);
        }
    }
}

TEST_CASE("schedule: a rate of 0", "[schedule]") {
    // E = 1000.00 / 3 = 333.333 -> 333.33; the last takes 333.34; no interest.
    requireRows(computed(monthly(100000, "0", 3)), {{"2024-02-01", 33333, 0, 66667},
                                                    {"2024-03-01", 33333, 0, 33334},
                                                    {"2024-04-01", 33334, 0, 0}});
}

TEST_CASE("schedule: currencies without and with three decimals", "[schedule]") {
    SECTION("UGX, exponent 0") {
        // 100000 at 24%: r = 0.24 x 30/360 = 0.02; E = 34675.467 -> 34675
        // 1: 100000 x 0.02 = 2000; principal 32675; balance 67325
        // 2: 67325 x 0.02 = 1346.5 -> 1346 (half to even); principal 33329; balance 33996
        // 3: 33996 x 0.02 = 679.92 -> 680; principal 33996; total 34676
        auto in = monthly(100000, "24", 3);
        in.exponent = 0;
        requireRows(computed(in), {{"2024-02-01", 32675, 2000, 67325},
                                   {"2024-03-01", 33329, 1346, 33996},
                                   {"2024-04-01", 33996, 680, 0}});
    }
    SECTION("KWD, exponent 3") {
        // 1000.000 at 12%: E = 340.022111 -> 340.022
        // 1: 10.000; principal 330.022; balance 669.978
        // 2: 669.978 x 0.01 = 6.69978 -> 6.700; principal 333.322; balance 336.656
        // 3: 336.656 x 0.01 = 3.36656 -> 3.367; principal 336.656; total 340.023
        auto in = monthly(1000000, "12", 3);
        in.exponent = 3;
        requireRows(computed(in), {{"2024-02-01", 330022, 10000, 669978},
                                   {"2024-03-01", 333322, 6700, 336656},
                                   {"2024-04-01", 336656, 3367, 0}});
    }
}

TEST_CASE("schedule: exactly half a minor unit rounds to even", "[schedule]") {
    auto in = monthly(250, "12", 2);
    in.method = InterestMethod::Flat;
    in.exponent = 0;
    // UGX 250 x 0.01 = 2.5 -> 2 (even), every period.
    requireRows(computed(in), {{"2024-02-01", 125, 2, 125}, {"2024-03-01", 125, 2, 0}});
    // UGX 150 x 0.01 = 1.5 -> 2 (even).
    in.amount = 150;
    requireRows(computed(in), {{"2024-02-01", 75, 2, 75}, {"2024-03-01", 75, 2, 0}});
    // 0.05 in two installments without interest: E = 0.025 -> 0.02; the last takes 0.03.
    requireRows(computed(monthly(5, "0", 2)), {{"2024-02-01", 2, 0, 3}, {"2024-03-01", 3, 0, 0}});
}

TEST_CASE("schedule: due dates come from one anchor and fall back to the month's end",
          "[schedule]") {
    const auto dues = [](ScheduleInput in) {
        std::vector<std::string> out;
        for (const auto& line : computed(in).installments)
            out.push_back(line.dueDate.toString());
        return out;
    };
    auto in = monthly(100000, "12", 4);
    in.every = 3;
    in.start = day("2023-11-30");
    CHECK(dues(in) ==
          std::vector<std::string>{"2024-02-29", "2024-05-30", "2024-08-30", "2024-11-30"});
    in.start = day("2022-11-30");
    CHECK(dues(in) ==
          std::vector<std::string>{"2023-02-28", "2023-05-30", "2023-08-30", "2023-11-30"});
    in.every = 1;
    in.start = day("2024-01-31");
    CHECK(dues(in) ==
          std::vector<std::string>{"2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"});
    in.start = day("2023-01-15");
    in.firstDue = day("2023-01-31");
    CHECK(dues(in) ==
          std::vector<std::string>{"2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30"});
    in.firstDue = day("2024-02-29");
    in.start = day("2024-02-01");
    in.every = 12;
    CHECK(dues(in) ==
          std::vector<std::string>{"2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28"});
}

// Apache Fineract, fineract-progressive-loan, ProgressiveEMICalculatorTest.java (the
// progressive, declining-balance EMI calculator): 100.00 disbursed on 2024-01-01, monthly.
// Only the figures are taken; Fineract checks (EMI, rate factor, interest, principal,
// balance) per period.
TEST_CASE("schedule: Fineract's published schedules", "[schedule][fineract]") {
    SECTION("9.4822%, 30/360, 6 months (test_disbursedAmt100_dayInYears360_daysInMonth30)") {
        const auto s = computed(monthly(10000, "9.4822", 6));
        requireRows(s, {{"2024-02-01", 1634, 79, 8366},
                        {"2024-03-01", 1647, 66, 6719},
                        {"2024-04-01", 1660, 53, 5059},
                        {"2024-05-01", 1673, 40, 3386},
                        {"2024-06-01", 1686, 27, 1700},
                        {"2024-07-01", 1700, 13, 0}});
        // interchange.md section 4's example.
        CHECK(s.installments[0].total == 1713);
        CHECK(s.interest == 278);
        CHECK(s.total == 10278);
    }
    SECTION("15.678%, actual/365, 6 months (test_emiAdjustment_newCalculatedEmiNotBetter...)") {
        auto in = monthly(10000, "15.678", 6);
        in.dayCount = DayCount::Actual365;
        const auto s = computed(in);
        requireRows(s, {{"2024-02-01", 1610, 133, 8390},
                        {"2024-03-01", 1638, 105, 6752},
                        {"2024-04-01", 1653, 90, 5099},
                        {"2024-05-01", 1677, 66, 3422},
                        {"2024-06-01", 1697, 46, 1725},
                        {"2024-07-01", 1725, 22, 0}});
        CHECK(s.installments[0].total == 1743);
        CHECK(s.installments[5].total == 1747);
    }
    SECTION("9.4822%, actual/actual from 2023-12-12 (test_disbursedAmt100_dayInYearsActual...)") {
        // Fineract's rate factors are those of periods ending on the 12th of each month
        // (0.008044857759 = 0.094822 x (19/365 + 12/366), then 31/366, 29/366, ...).
        auto in = monthly(10000, "9.4822", 6);
        in.start = day("2023-12-12");
        in.dayCount = DayCount::ActualActual;
        const auto s = computed(in);
        requireRows(s, {{"2024-01-12", 1633, 80, 8367},
                        {"2024-02-12", 1646, 67, 6721},
                        {"2024-03-12", 1663, 50, 5058},
                        {"2024-04-12", 1672, 41, 3386},
                        {"2024-05-12", 1687, 26, 1699},
                        {"2024-06-12", 1699, 14, 0}});
        for (const auto& line : s.installments)
            CHECK(line.total == 1713);
    }
    SECTION("7%, 30/360: EMI 17.01 over 6 months, 8.65 over 12") {
        // test_payoff_on0115 / test_balance_correction: the first period is 0.58 interest and
        // 16.43 principal (balance 83.57); the second as of its due date 0.49 and 16.52.
        const auto six = computed(monthly(10000, "7", 6));
        CHECK(six.installments[0].total == 1701);
        CHECK(six.installments[0].interest == 58);
        CHECK(six.installments[0].principal == 1643);
        CHECK(six.installments[0].balance == 8357);
        CHECK(six.installments[1].interest == 49);
        CHECK(six.installments[1].principal == 1652);
        // test_emi_calculator_performance: every EMI but the last is 8.65.
        const auto twelve = computed(monthly(10000, "7", 12));
        for (std::size_t i = 0; i + 1 < twelve.installments.size(); ++i)
            CHECK(twelve.installments[i].total == 865);
        CHECK(twelve.installments.back().balance == 0);
    }
    SECTION("no interest: 1000.00 in 4 months of 250.00 (test_disbursedAmt1000_NoInterest)") {
        auto in = monthly(100000, "0", 4);
        in.dayCount = DayCount::ActualActual;
        requireRows(computed(in), {{"2024-02-01", 25000, 0, 75000},
                                   {"2024-03-01", 25000, 0, 50000},
                                   {"2024-04-01", 25000, 0, 25000},
                                   {"2024-05-01", 25000, 0, 0}});
    }
    SECTION("1000.00 at 7% in one month: 1005.83 (test_dailyInterest_disbursedAmt1000...)") {
        requireRows(computed(monthly(100000, "7", 1)), {{"2024-02-01", 100000, 583, 0}});
    }
}

TEST_CASE("schedule: a rate with many digits is exact", "[schedule]") {
    // 12.0000000000000001% differs from 12% by far less than half a cent on 1000.00, and
    // its fraction does not reduce: the wide arithmetic path gives the same schedule.
    const auto exact = computed(monthly(100000, "12.0000000000000001", 3));
    const auto plain = computed(monthly(100000, "12", 3));
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(exact.installments[i].interest == plain.installments[i].interest);
        CHECK(exact.installments[i].principal == plain.installments[i].principal);
    }
}

TEST_CASE("schedule: 360 installments", "[schedule]") {
    for (const auto dayCount : {DayCount::Thirty360, DayCount::Actual365, DayCount::ActualActual}) {
        auto in = monthly(10'000'000'00, "8.5", 360);
        in.dayCount = dayCount;
        const auto s = computed(in);
        REQUIRE(s.installments.size() == 360);
        CHECK(s.installments.back().balance == 0);
        CHECK(s.installments.back().dueDate.toString() == "2054-01-01");
    }
}

TEST_CASE("schedule: properties over generated inputs", "[schedule][property]") {
    std::mt19937_64 random(20240101);
    const auto pick = [&](auto lo, auto hi) {
        return std::uniform_int_distribution<decltype(lo)>(lo, hi)(random);
    };
    const std::vector<const char*> rates{"0", "0.5", "7", "9.4822", "15.678", "36", "120"};
    const std::vector<Amount> amounts{1, 5, 99, 10000, 123456789, 1'000'000'000'000'000};
    int refusedForInterest = 0;
    int checked = 0;
    for (int run = 0; run < 4000; ++run) {
        ScheduleInput in;
        in.amount = pick(0, 3) == 0 ? amounts[static_cast<std::size_t>(pick(0, 5))]
                                    : pick(Amount{1}, Amount{100'000'000});
        in.ratePercent = *parseDecimal(rates[static_cast<std::size_t>(pick(0, 6))]);
        in.ratePer = pick(0, 4) == 0 ? RatePer::Month : RatePer::Year;
        in.method = pick(0, 2) == 0 ? InterestMethod::Flat : InterestMethod::Declining;
        in.amortization =
            pick(0, 2) == 0 ? Amortization::EqualPrincipal : Amortization::EqualInstallments;
        in.dayCount = static_cast<DayCount>(pick(0, 2));
        in.unit = pick(0, 1) == 0 ? PeriodUnit::Weeks : PeriodUnit::Months;
        in.every = pick(1, 3);
        in.installments = pick(0, 9) == 0 ? pick(100, 400) : pick(1, 40);
        in.principalGrace = pick(0, 3) == 0 ? pick(0, in.installments - 1) : 0;
        in.start = Date::fromCivil(2023, 1, 1).addDays(pick(0, 800));
        if (pick(0, 2) == 0)
            in.firstDue = in.start.addDays(pick(1, 70));
        in.exponent = static_cast<int>(pick(0, 3));
        INFO("run " << run << ": amount " << in.amount << " rate " << toString(in.ratePercent)
                    << " n " << in.installments << " g " << in.principalGrace << " start "
                    << in.start.toString());

        auto result = computeSchedule(in);
        if (!result) {
            // The only refusals these inputs can meet: interest above the installment, and
            // an installment or interest beyond the largest amount (near kMaxAmount).
            const std::string& why = result.error().message;
            if (why.find("largest amount") != std::string::npos) {
                CHECK(in.amount > kMaxAmount / 100);
                continue;
            }
            CHECK(why.find("is more than the installment") != std::string::npos);
            ++refusedForInterest;
            continue;
        }
        const auto& s = *result;
        ++checked;
        REQUIRE(s.installments.size() == static_cast<std::size_t>(in.installments));
        Amount principal = 0;
        Amount interest = 0;
        Amount balance = in.amount;
        Date previous = in.start;
        for (const auto& line : s.installments) {
            principal += line.principal;
            interest += line.interest;
            balance -= line.principal;
            REQUIRE(line.dueDate > previous);
            REQUIRE(line.principal >= 0);
            REQUIRE(line.interest >= 0);
            REQUIRE(line.balance >= 0);
            REQUIRE(line.balance == balance);
            REQUIRE(line.total == line.principal + line.interest);
            if (line.n <= in.principalGrace)
                REQUIRE(line.principal == 0);
            previous = line.dueDate;
        }
        REQUIRE(principal == in.amount);
        REQUIRE(s.principal == in.amount);
        REQUIRE(s.interest == interest);
        REQUIRE(s.total == in.amount + interest);
        REQUIRE(s.installments.back().balance == 0);
        if (in.firstDue)
            REQUIRE(s.installments.front().dueDate == *in.firstDue);
        if (in.method == InterestMethod::Declining &&
            in.amortization == Amortization::EqualInstallments &&
            in.installments - in.principalGrace > 2) {
            // Every amortising installment but the last is E, unless the balance ran out.
            const Amount e = s.installments[static_cast<std::size_t>(in.principalGrace)].total;
            for (int i = in.principalGrace; i + 1 < in.installments; ++i) {
                const auto& line = s.installments[static_cast<std::size_t>(i)];
                if (line.balance > 0)
                    REQUIRE(line.total == e);
            }
        }
    }
    // The generator does meet the refusal now and then, but far from always.
    CHECK(refusedForInterest > 0);
    CHECK(checked > 3500);
}

TEST_CASE("schedule: refusals say what is wrong", "[schedule][refusal]") {
    const auto base = monthly(100000, "12", 12);
    const auto fieldOf = [](const Error& e) { return e.fact("field"); };

    SECTION("the first due date must be after the start") {
        for (const char* d1 : {"2024-01-01", "2023-12-31"}) {
            auto in = base;
            in.firstDue = day(d1);
            const auto e = refusal(in);
            CHECK(fieldOf(e) == "first_due");
            CHECK(e.message.find("must be after the start date 2024-01-01") != std::string::npos);
        }
    }
    SECTION("installments") {
        auto in = base;
        in.installments = 0;
        CHECK(fieldOf(refusal(in)) == "installments");
        in.installments = -3;
        CHECK(fieldOf(refusal(in)) == "installments");
        in.installments = kMaxScheduleInstallments + 1;
        CHECK(fieldOf(refusal(in)) == "installments");
        in.installments = kMaxScheduleInstallments;
        CHECK(computeSchedule(in).ok());
    }
    SECTION("principal grace") {
        auto in = base;
        in.principalGrace = 12;
        const auto e = refusal(in);
        CHECK(fieldOf(e) == "principal_grace");
        CHECK(e.message.find("less than the number of installments") != std::string::npos);
        in.principalGrace = 13;
        CHECK(fieldOf(refusal(in)) == "principal_grace");
        in.principalGrace = -1;
        CHECK(fieldOf(refusal(in)) == "principal_grace");
        in.principalGrace = 11;
        CHECK(computeSchedule(in).ok());
    }
    SECTION("a negative rate") {
        auto in = base;
        in.ratePercent = *parseDecimal("-1.5");
        const auto e = refusal(in);
        CHECK(fieldOf(e) == "rate");
        CHECK(e.message.find("must not be negative") != std::string::npos);
    }
    SECTION("the amount") {
        auto in = base;
        in.amount = 0;
        CHECK(fieldOf(refusal(in)) == "amount");
        in.amount = -5;
        CHECK(fieldOf(refusal(in)) == "amount");
        in.amount = kMaxAmount + 1;
        CHECK(fieldOf(refusal(in)) == "amount");
    }
    SECTION("the frequency") {
        auto in = base;
        in.every = 0;
        CHECK(fieldOf(refusal(in)) == "every");
        in.every = 121;
        CHECK(fieldOf(refusal(in)) == "every");
        in.unit = PeriodUnit::Weeks;
        CHECK(computeSchedule(in).ok());
        in.every = 521;
        CHECK(fieldOf(refusal(in)) == "every");
    }
    SECTION("the exponent") {
        auto in = base;
        in.exponent = -1;
        CHECK(fieldOf(refusal(in)) == "exponent");
        in.exponent = 5;
        CHECK(fieldOf(refusal(in)) == "exponent");
    }
    SECTION("a due date beyond the calendar") {
        auto in = base;
        in.start = day("9990-01-01");
        in.installments = 200;
        CHECK(fieldOf(refusal(in)) == "installments");
    }
    SECTION("first interest above the installment") {
        // 1000.00 at 36%, first due two years after the start: r1 = 0.36 x 720/360 = 0.72,
        // interest 720.00; then r = 0.03 a month. Over 24 installments E = 98.60 < 720.00.
        auto in = monthly(100000, "36", 24);
        in.firstDue = day("2026-01-01");
        const auto e = refusal(in);
        CHECK(fieldOf(e) == "installments");
        CHECK(e.message ==
              "the interest of installment 1 (720.00) is more than the installment (98.60), so "
              "the balance would grow: use a first due date nearer the start, fewer "
              "installments or a lower rate");
        // More installments lower E further: still refused. Fewer raise it above 720.00.
        in.installments = 48;
        refusal(in);
        in.installments = 2;
        const auto s = computed(in);
        CHECK(s.installments[0].interest == 72000);
        CHECK(s.installments[0].principal > 0);
    }
    SECTION("interest beyond the largest amount") {
        auto in = monthly(kMaxAmount, "999999999999", 2);
        CHECK(fieldOf(refusal(in)) == "rate");
    }
}

TEST_CASE("decimal: parse and print", "[schedule][decimal]") {
    CHECK(*parseDecimal("9.4822") == Decimal{94822, 4});
    CHECK(*parseDecimal("0") == Decimal{0, 0});
    CHECK(*parseDecimal("-1.5") == Decimal{-15, 1});
    CHECK(*parseDecimal("12.000000000000000") == Decimal{12'000'000'000'000'000, 15});
    for (const char* bad :
         {"", "abc", "1.", ".5", "1.2.3", "+1", "1e5", " 1", "1,5", "-", "1234567890123456789"})
        CHECK_FALSE(parseDecimal(bad).ok());
    CHECK(toString(*parseDecimal("9.50")) == "9.5");
    CHECK(toString(*parseDecimal("0.05")) == "0.05");
    CHECK(toString(*parseDecimal("-0.5")) == "-0.5");
    CHECK(toString(*parseDecimal("7")) == "7");
}

TEST_CASE("schedule: the words of the command line", "[schedule]") {
    CHECK(interestMethodFromText("flat") == InterestMethod::Flat);
    CHECK(amortizationFromText("equal_principal") == Amortization::EqualPrincipal);
    CHECK(dayCountFromText("actual/actual") == DayCount::ActualActual);
    CHECK(dayCountFromText("30/360") == DayCount::Thirty360);
    CHECK(periodUnitFromText("weeks") == PeriodUnit::Weeks);
    CHECK(ratePerFromText("month") == RatePer::Month);
    CHECK_FALSE(dayCountFromText("actual/360"));
    CHECK_FALSE(interestMethodFromText("Declining"));
}

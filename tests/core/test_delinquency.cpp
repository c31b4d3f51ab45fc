// domain.md section 4: overdue installments, DPD, arrears, outstanding principal, status
// and bucket as of a date.

#include "core/loan_position.h"
#include "ledger_builders.h"

#include <catch2/catch.hpp>
#include <string>

using rd::LoanStatus;
using rd::PositionCalculator;
using rdtest::components;
using rdtest::day;
using rdtest::LedgerBuilder;

namespace {

std::string bucketName(const PositionCalculator& calc, const rd::LoanPosition& pos) {
    if (!pos.bucketIndex)
        return "(none)";
    return calc.policy().buckets.buckets().at(*pos.bucketIndex).name;
}

} // namespace

TEST_CASE("worked example L1 (domain.md section 4)", "[delinquency][worked]") {
    const auto loans = rdtest::workedLedgers();
    const rd::LoanLedger& l1 = loans[0];
    PositionCalculator calc;

    SECTION("as of 2026-03-01 #2 is due today, not overdue") {
        const auto pos = calc.compute(l1, day("2026-03-01"));
        CHECK(pos.asOf == day("2026-03-01"));
        CHECK(pos.status == LoanStatus::Active);
        CHECK(pos.daysPastDue == 0);
        CHECK_FALSE(pos.oldestOverdueDueDate.has_value());
        CHECK(pos.arrears == components(0));
        CHECK(pos.outstandingPrincipal == 20000);
        CHECK(bucketName(calc, pos) == "current");
        CHECK(pos.creditBalance == 0);
    }
    SECTION("as of 2026-03-17") {
        const auto pos = calc.compute(l1, day("2026-03-17"));
        CHECK(pos.status == LoanStatus::Active);
        CHECK(pos.daysPastDue == 16);
        CHECK(pos.oldestOverdueDueDate == day("2026-03-01"));
        CHECK(pos.arrears == components(6500));
        CHECK(pos.outstandingPrincipal == 16500);
        CHECK(bucketName(calc, pos) == "1-30");
        CHECK(pos.creditBalance == 0);
    }
    SECTION("as of 2026-03-20: DPD 19, arrears 65.00 principal, outstanding 165.00") {
        const auto pos = calc.compute(l1, day("2026-03-20"));
        CHECK(pos.status == LoanStatus::Active);
        CHECK(pos.daysPastDue == 19);
        CHECK(pos.oldestOverdueDueDate == day("2026-03-01"));
        CHECK(pos.arrears.principal == 6500);
        CHECK(pos.arrears.interest == 0);
        CHECK(pos.arrears.fees == 0);
        CHECK(pos.arrears.penalties == 0);
        CHECK(pos.arrears.total() == 6500);
        CHECK(pos.outstandingPrincipal == 16500);
        CHECK(bucketName(calc, pos) == "1-30");
        CHECK(pos.creditBalance == 0);
        CHECK(pos.paymentsCounted == 16000);
    }
}

TEST_CASE("worked example L2: the 2026-03-15 cheque reversed on 2026-03-18",
          "[delinquency][worked][reversal]") {
    const auto loans = rdtest::workedLedgers();
    const rd::LoanLedger& l2 = loans[1];
    PositionCalculator calc;

    SECTION("as of 2026-03-17 the payment still counts") {
        const auto pos = calc.compute(l2, day("2026-03-17"));
        CHECK(pos.status == LoanStatus::Active);
        CHECK(pos.daysPastDue == 16);
        CHECK(pos.arrears == components(6500));
        CHECK(pos.arrears.total() == 6500);
        CHECK(pos.outstandingPrincipal == 16500);
        CHECK(bucketName(calc, pos) == "1-30");
        CHECK(pos.creditBalance == 0);
    }
    SECTION("as of 2026-03-20 #2 owes 100.00 + 10.00 + 5.00") {
        const auto pos = calc.compute(l2, day("2026-03-20"));
        CHECK(pos.status == LoanStatus::Active);
        CHECK(pos.daysPastDue == 19);
        CHECK(pos.oldestOverdueDueDate == day("2026-03-01"));
        CHECK(pos.arrears == components(10000, 1000, 0, 500));
        CHECK(pos.arrears.total() == 11500);
        CHECK(pos.outstandingPrincipal == 20000);
        CHECK(bucketName(calc, pos) == "1-30");
        CHECK(pos.creditBalance == 0);
    }
}

TEST_CASE("an installment is not overdue on its due date, overdue the day after", "[delinquency]") {
    const rd::LoanLedger loan = LedgerBuilder("DUE", "2026-01-01")
                                    .installment("2026-02-01", 10000, 1000)
                                    .installment("2026-03-01", 10000, 1000)
                                    .build();
    PositionCalculator calc;
    auto onDue = calc.compute(loan, day("2026-02-01"));
    CHECK(onDue.daysPastDue == 0);
    CHECK(onDue.arrears == components(0)); // arrears: due_date < D only
    CHECK_FALSE(onDue.oldestOverdueDueDate.has_value());
    CHECK(bucketName(calc, onDue) == "current");

    auto next = calc.compute(loan, day("2026-02-02"));
    CHECK(next.daysPastDue == 1);
    CHECK(next.arrears == components(10000, 1000));
    CHECK(next.oldestOverdueDueDate == day("2026-02-01"));
    CHECK(bucketName(calc, next) == "1-30");

    // Both overdue: DPD counts from the oldest.
    auto both = calc.compute(loan, day("2026-03-02"));
    CHECK(both.daysPastDue == 29);
    CHECK(both.arrears == components(20000, 2000));
    CHECK(both.outstandingPrincipal == 20000);
}

TEST_CASE("arrears tolerance: an installment is overdue only above it", "[delinquency]") {
    rd::DelinquencyPolicy policy;
    policy.arrearsTolerance = 100;
    PositionCalculator calc(policy);
    auto loanPaying = [](rd::Amount paid) {
        return LedgerBuilder("TOL", "2026-01-01")
            .installment("2026-02-01", 10000)
            .installment("2026-03-01", 10000)
            .payment("P1", "2026-02-01", paid)
            .build();
    };

    SECTION("unpaid exactly the tolerance: not overdue, but still in arrears") {
        const auto pos = calc.compute(loanPaying(9900), day("2026-02-10"));
        CHECK(pos.daysPastDue == 0);
        CHECK_FALSE(pos.oldestOverdueDueDate.has_value());
        CHECK(pos.arrears == components(100));
        CHECK(pos.status == LoanStatus::Active);
        CHECK(bucketName(calc, pos) == "current");
    }
    SECTION("one more unit: overdue") {
        const auto pos = calc.compute(loanPaying(9899), day("2026-02-10"));
        CHECK(pos.daysPastDue == 9);
        CHECK(pos.oldestOverdueDueDate == day("2026-02-01"));
        CHECK(pos.arrears == components(101));
        CHECK(bucketName(calc, pos) == "1-30");
    }
    SECTION("DPD counts from the oldest installment above the tolerance") {
        const auto pos = calc.compute(loanPaying(9950), day("2026-03-05"));
        CHECK(pos.oldestOverdueDueDate == day("2026-03-01"));
        CHECK(pos.daysPastDue == 4);
        CHECK(pos.arrears == components(10050));
    }
    SECTION("the default tolerance is 0") {
        PositionCalculator strict;
        CHECK(strict.policy().arrearsTolerance == 0);
        const auto pos = strict.compute(loanPaying(9999), day("2026-02-10"));
        CHECK(pos.daysPastDue == 9);
        CHECK(pos.arrears == components(1));
    }
    SECTION("the tolerance applies to all components together") {
        const rd::LoanLedger loan = LedgerBuilder("TOL2", "2026-01-01")
                                        .installment("2026-02-01", 10000, 60)
                                        .penalty("K", 1, "2026-02-01", 50)
                                        .payment("P1", "2026-02-01", 10000)
                                        .build();
        // Unpaid: principal 1.10 after penalty 0.50 and interest 0.60 were taken first.
        const auto pos = calc.compute(loan, day("2026-02-10"));
        CHECK(pos.arrears == components(110));
        CHECK(pos.daysPastDue == 9);
    }
}

TEST_CASE("status as of D", "[delinquency][status]") {
    const rd::LoanLedger loan = LedgerBuilder("ST", "2026-01-10")
                                    .installment("2026-02-10", 10000, 1000)
                                    .installment("2026-03-10", 10000, 1000)
                                    .payment("P1", "2026-02-10", 11000)
                                    .payment("P2", "2026-03-10", 11000)
                                    .build();
    PositionCalculator calc;
    SECTION("not_disbursed before the disbursement date, computed the same way") {
        const auto pos = calc.compute(loan, day("2026-01-09"));
        CHECK(pos.status == LoanStatus::NotDisbursed);
        CHECK_FALSE(pos.bucketIndex.has_value());
        CHECK(pos.outstandingPrincipal == 20000);
        CHECK(pos.daysPastDue == 0);
        CHECK(std::string(rd::toString(pos.status)) == "not_disbursed");
    }
    SECTION("active from the disbursement date") {
        const auto pos = calc.compute(loan, day("2026-01-10"));
        CHECK(pos.status == LoanStatus::Active);
        CHECK(bucketName(calc, pos) == "current");
        CHECK(std::string(rd::toString(pos.status)) == "active");
    }
    SECTION("paid_off when nothing is unpaid, even before the last due date") {
        const auto mid = calc.compute(loan, day("2026-03-09"));
        CHECK(mid.status == LoanStatus::Active);
        const auto pos = calc.compute(loan, day("2026-03-10"));
        CHECK(pos.status == LoanStatus::PaidOff);
        CHECK_FALSE(pos.bucketIndex.has_value());
        CHECK(pos.outstandingPrincipal == 0);
        CHECK(std::string(rd::toString(pos.status)) == "paid_off");
    }
    SECTION("a paid-off loan whose last payment is reversed becomes active again") {
        rd::LoanLedger reversed = loan;
        reversed.payments[1].reversedOn = day("2026-03-12");
        CHECK(calc.compute(reversed, day("2026-03-11")).status == LoanStatus::PaidOff);
        const auto pos = calc.compute(reversed, day("2026-03-12"));
        CHECK(pos.status == LoanStatus::Active);
        CHECK(pos.daysPastDue == 2);
        CHECK(bucketName(calc, pos) == "1-30");
    }
    CHECK(std::string(rd::toString(LoanStatus::WrittenOff)) == "written_off");
}

TEST_CASE("written-off loans keep DPD and arrears, recoveries reduce them, no bucket",
          "[delinquency][status]") {
    const rd::LoanLedger loan = LedgerBuilder("WO", "2024-01-01")
                                    .installment("2024-02-01", 50000, 5000)
                                    .installment("2024-03-01", 50000, 5000)
                                    .payment("W1", "2024-02-01", 55000)
                                    .payment("W2", "2025-08-15", 20000)
                                    .writtenOff("2025-06-30")
                                    .build();
    PositionCalculator calc;

    const auto before = calc.compute(loan, day("2025-06-29"));
    CHECK(before.status == LoanStatus::Active);
    CHECK(bucketName(calc, before) == "366+");

    const auto onDay = calc.compute(loan, day("2025-06-30")); // written_off_on <= D
    CHECK(onDay.status == LoanStatus::WrittenOff);
    CHECK_FALSE(onDay.bucketIndex.has_value());
    CHECK(onDay.daysPastDue == 486);
    CHECK(onDay.oldestOverdueDueDate == day("2024-03-01"));
    CHECK(onDay.arrears == components(50000, 5000));
    CHECK(onDay.outstandingPrincipal == 50000);

    const auto recovered = calc.compute(loan, day("2025-08-15"));
    CHECK(recovered.status == LoanStatus::WrittenOff);
    CHECK(recovered.arrears == components(35000)); // interest first, then principal
    CHECK(recovered.outstandingPrincipal == 35000);
    CHECK(recovered.daysPastDue == 532);
    CHECK_FALSE(recovered.bucketIndex.has_value());

    SECTION("fully recovered: still written_off (it comes before paid_off), DPD 0") {
        rd::LoanLedger full = loan;
        full.payments.push_back({"W3", day("2025-09-01"), 40000, rd::PaymentMethod::Cash, "", {}});
        const auto pos = calc.compute(full, day("2025-09-01"));
        CHECK(pos.status == LoanStatus::WrittenOff);
        CHECK(pos.daysPastDue == 0);
        CHECK(pos.arrears == components(0));
        CHECK(pos.outstandingPrincipal == 0);
        CHECK(pos.creditBalance == 5000);
        CHECK_FALSE(pos.bucketIndex.has_value());
    }
    SECTION("a paid-off loan written off later is written_off") {
        rd::LoanLedger paid = LedgerBuilder("WO2", "2024-01-01")
                                  .installment("2024-02-01", 50000)
                                  .payment("P", "2024-02-01", 50000)
                                  .writtenOff("2024-03-01")
                                  .build();
        CHECK(calc.compute(paid, day("2024-02-15")).status == LoanStatus::PaidOff);
        CHECK(calc.compute(paid, day("2024-03-01")).status == LoanStatus::WrittenOff);
    }
}

TEST_CASE("buckets apply to active loans only, by DPD", "[delinquency][buckets]") {
    const rd::LoanLedger loan =
        LedgerBuilder("B", "2025-01-01").installment("2025-02-01", 10000).build();
    PositionCalculator calc;
    struct Case {
        int dpd;
        const char* bucket;
    };
    for (const Case c : {Case{0, "current"}, Case{1, "1-30"}, Case{30, "1-30"}, Case{31, "31-60"},
                         Case{60, "31-60"}, Case{61, "61-90"}, Case{90, "61-90"},
                         Case{91, "91-180"}, Case{180, "91-180"}, Case{181, "181-365"},
                         Case{365, "181-365"}, Case{366, "366+"}, Case{1000, "366+"}}) {
        const auto pos = calc.compute(loan, day("2025-02-01").addDays(c.dpd));
        INFO("DPD " << c.dpd);
        CHECK(pos.daysPastDue == c.dpd);
        CHECK(bucketName(calc, pos) == c.bucket);
    }

    SECTION("a custom scheme from the policy") {
        rd::DelinquencyPolicy policy;
        policy.buckets = rd::BucketScheme::parse("7,30").value();
        PositionCalculator custom(policy);
        CHECK(bucketName(custom, custom.compute(loan, day("2025-02-08"))) == "1-7");
        CHECK(bucketName(custom, custom.compute(loan, day("2025-02-09"))) == "8-30");
        CHECK(bucketName(custom, custom.compute(loan, day("2025-03-04"))) == "31+");
    }
}

TEST_CASE("zero-decimal (UGX) and three-decimal (KWD) magnitudes", "[delinquency][currency]") {
    SECTION("UGX: millions of shillings, exponent 0") {
        const rd::LoanLedger loan = LedgerBuilder("UGX", "2025-01-01")
                                        .installment("2025-02-01", 1500000, 180000)
                                        .installment("2025-03-01", 1500000, 180000)
                                        .penalty("K", 1, "2025-02-10", 25000)
                                        .payment("P", "2025-02-15", 1000001)
                                        .build();
        PositionCalculator calc;
        const auto pos = calc.compute(loan, day("2025-03-02"));
        CHECK(calc.installments()[0].paid == components(795001, 180000, 0, 25000));
        CHECK(pos.arrears == components(704999 + 1500000, 180000));
        CHECK(pos.arrears.total() == 2384999);
        CHECK(pos.outstandingPrincipal == 2204999);
        CHECK(pos.daysPastDue == 29);
        CHECK(rd::formatAmount(pos.arrears.total(), 0) == "2384999");
    }
    SECTION("KWD: fils, exponent 3") {
        const rd::LoanLedger loan = LedgerBuilder("KWD", "2025-01-01")
                                        .installment("2025-02-01", 1250125, 12505)
                                        .installment("2025-03-01", 1250125, 12505)
                                        .fee("F", 1, "2025-02-01", 1)
                                        .payment("P", "2025-02-01", 1262630)
                                        .build();
        PositionCalculator calc;
        const auto pos = calc.compute(loan, day("2025-02-10"));
        CHECK(calc.installments()[0].paid == components(1250124, 12505, 1));
        CHECK(pos.arrears == components(1));
        CHECK(pos.daysPastDue == 9);
        CHECK(pos.outstandingPrincipal == 1250126);
        CHECK(rd::formatAmount(pos.outstandingPrincipal, 3) == "1250.126");
    }
}

TEST_CASE("leap-day due dates and DPD across a leap year", "[delinquency][date]") {
    const rd::LoanLedger loan = LedgerBuilder("LEAP", "2024-01-29")
                                    .installment("2024-02-29", 50000)
                                    .installment("2024-03-29", 50000)
                                    .build();
    PositionCalculator calc;
    CHECK(calc.compute(loan, day("2024-02-29")).daysPastDue == 0);
    CHECK(calc.compute(loan, day("2024-03-01")).daysPastDue == 1);
    const auto year = calc.compute(loan, day("2025-02-28"));
    CHECK(year.daysPastDue == 365);
    CHECK(bucketName(calc, year) == "181-365");
    const auto after = calc.compute(loan, day("2025-03-01"));
    CHECK(after.daysPastDue == 366);
    CHECK(bucketName(calc, after) == "366+");
    CHECK(after.oldestOverdueDueDate == day("2024-02-29"));
    CHECK(after.arrears == components(100000));
    // Over the 2024 leap day: 2024-02-28 due, 2024-03-01 as of = 2 days.
    const rd::LoanLedger feb28 =
        LedgerBuilder("F28", "2024-01-01").installment("2024-02-28", 100).build();
    CHECK(calc.compute(feb28, day("2024-03-01")).daysPastDue == 2);
}

TEST_CASE("outstanding principal counts future installments and all principal paid",
          "[delinquency]") {
    const rd::LoanLedger loan = LedgerBuilder("OP", "2026-01-01")
                                    .installment("2026-02-01", 10000, 1000)
                                    .installment("2026-03-01", 10000, 1000)
                                    .installment("2026-04-01", 10000, 1000)
                                    .penalty("K", 3, "2026-01-05", 999)
                                    .payment("P", "2026-01-10", 25000)
                                    .build();
    PositionCalculator calc;
    const auto pos = calc.compute(loan, day("2026-01-10"));
    // 25000: #1 11000, #2 11000, #3 penalty 999 + interest 1000 + principal 1001.
    CHECK(calc.installments()[2].paid == components(1001, 1000, 0, 999));
    CHECK(pos.outstandingPrincipal == 30000 - 10000 - 10000 - 1001);
    CHECK(pos.arrears == components(0));
}

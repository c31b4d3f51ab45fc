// domain.md section 3: the replay of charges and payments and the allocation of payments.

#include "core/loan_position.h"
#include "ledger_builders.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <vector>

using rd::ComponentAmounts;
using rd::LoanStatus;
using rd::PositionCalculator;
using rdtest::components;
using rdtest::day;
using rdtest::LedgerBuilder;

namespace {

const rd::LoanLedger& l1() {
    static const auto loans = rdtest::workedLedgers();
    return loans[0];
}
const rd::LoanLedger& l2() {
    static const auto loans = rdtest::workedLedgers();
    return loans[1];
}

// A KES loan of 300.00 in three installments of 100.00 + 10.00 interest.
LedgerBuilder threeInstallments(const char* id = "T") {
    LedgerBuilder b(id, "2026-01-01");
    b.installment("2026-02-01", 10000, 1000)
        .installment("2026-03-01", 10000, 1000)
        .installment("2026-04-01", 10000, 1000);
    return b;
}

} // namespace

TEST_CASE("worked example: the 2026-03-15 payment pays penalty, interest, then principal of #2",
          "[allocation][worked]") {
    PositionCalculator calc;
    calc.compute(l1(), day("2026-03-20"));
    const auto& inst = calc.installments();
    REQUIRE(inst.size() == 3);

    CHECK(inst[0].number == 1);
    CHECK(inst[0].dueDate == day("2026-02-01"));
    CHECK(inst[0].due == components(10000, 1000));
    CHECK(inst[0].paid == components(10000, 1000));

    CHECK(inst[1].number == 2);
    CHECK(inst[1].due == components(10000, 1000, 0, 500));
    CHECK(inst[1].paid.penalties == 500);
    CHECK(inst[1].paid.interest == 1000);
    CHECK(inst[1].paid.principal == 3500);
    CHECK(inst[1].paid.fees == 0);
    CHECK(inst[1].unpaid() == components(6500));

    CHECK(inst[2].due == components(10000, 1000));
    CHECK(inst[2].paid == components(0));
}

TEST_CASE("worked example: charges dated after the as-of date are not yet due",
          "[allocation][worked]") {
    PositionCalculator calc;
    calc.compute(l1(), day("2026-03-09"));
    CHECK(calc.installments()[1].due == components(10000, 1000)); // penalty charged 03-10
    calc.compute(l1(), day("2026-03-10"));
    CHECK(calc.installments()[1].due == components(10000, 1000, 0, 500));
    CHECK(calc.installments()[1].paid == components(0));
}

TEST_CASE("worked example: L2's reversed cheque leaves #2 wholly unpaid after 2026-03-18",
          "[allocation][worked][reversal]") {
    PositionCalculator calc;
    auto at17 = calc.compute(l2(), day("2026-03-17"));
    CHECK(calc.installments()[1].paid == components(3500, 1000, 0, 500));
    CHECK(at17.paymentsCounted == 16000);

    auto at18 = calc.compute(l2(), day("2026-03-18")); // reversed_on == D: not counted
    CHECK(calc.installments()[1].paid == components(0));
    CHECK(calc.installments()[1].unpaid() == components(10000, 1000, 0, 500));
    CHECK(at18.paymentsCounted == 11000);
    CHECK(at18.arrears == components(10000, 1000, 0, 500));
    CHECK(at18.daysPastDue == 17);

    auto at20 = calc.compute(l2(), day("2026-03-20"));
    CHECK(at20.arrears == components(10000, 1000, 0, 500));
    CHECK(at20.arrears.total() == 11500);
    CHECK(at20.outstandingPrincipal == 20000);
}

TEST_CASE("a reversal counts from its date: before, at and after the as-of date",
          "[allocation][reversal]") {
    const rd::LoanLedger loan = LedgerBuilder("R", "2026-01-01")
                                    .installment("2026-02-01", 10000)
                                    .payment("P1", "2026-01-20", 4000, "2026-01-25")
                                    .build();
    PositionCalculator calc;
    CHECK(calc.compute(loan, day("2026-01-19")).paymentsCounted == 0); // not paid yet
    CHECK(calc.compute(loan, day("2026-01-20")).paymentsCounted == 4000);
    CHECK(calc.installments()[0].paid.principal == 4000);
    CHECK(calc.compute(loan, day("2026-01-24")).paymentsCounted == 4000); // reversed_on > D
    CHECK(calc.installments()[0].paid.principal == 4000);
    CHECK(calc.compute(loan, day("2026-01-25")).paymentsCounted == 0); // reversed_on == D
    CHECK(calc.installments()[0].paid.principal == 0);
    CHECK(calc.compute(loan, day("2026-03-01")).paymentsCounted == 0); // reversed_on < D
    CHECK(calc.installments()[0].paid.principal == 0);

    SECTION("a payment reversed on the day it was paid never counts") {
        const rd::LoanLedger sameDay = LedgerBuilder("R2", "2026-01-01")
                                           .installment("2026-02-01", 10000)
                                           .payment("P1", "2026-01-20", 4000, "2026-01-20")
                                           .build();
        CHECK(calc.compute(sameDay, day("2026-01-20")).paymentsCounted == 0);
        CHECK(calc.compute(sameDay, day("2026-01-21")).paymentsCounted == 0);
        CHECK(calc.installments()[0].paid == components(0));
    }
    SECTION("Payment::countsOn") {
        const rd::Payment& p = loan.payments[0];
        CHECK_FALSE(p.countsOn(day("2026-01-19")));
        CHECK(p.countsOn(day("2026-01-20")));
        CHECK(p.countsOn(day("2026-01-24")));
        CHECK_FALSE(p.countsOn(day("2026-01-25")));
        CHECK_FALSE(p.countsOn(day("2027-01-01")));
    }
}

TEST_CASE("a charge comes before a payment of the same day", "[allocation][order]") {
    // The payment is listed first and its id sorts first: only the date and kind decide.
    const rd::LoanLedger loan = LedgerBuilder("SAME", "2026-01-01")
                                    .installment("2026-02-01", 10000, 1000)
                                    .installment("2026-03-01", 10000, 1000)
                                    .payment("A", "2026-02-20", 11000)
                                    .penalty("Z", 1, "2026-02-20", 500)
                                    .build();
    PositionCalculator calc;
    const auto pos = calc.compute(loan, day("2026-02-20"));
    // Penalty 5.00, interest 10.00, principal 95.00: 5.00 principal of #1 stays unpaid.
    CHECK(calc.installments()[0].paid == components(9500, 1000, 0, 500));
    CHECK(calc.installments()[0].unpaid() == components(500));
    CHECK(calc.installments()[1].paid == components(0));
    CHECK(pos.arrears == components(500));
    CHECK(pos.daysPastDue == 19);
    CHECK(pos.creditBalance == 0);
}

TEST_CASE("a payment the day before a charge is allocated before the charge exists",
          "[allocation][order]") {
    const rd::LoanLedger loan = LedgerBuilder("DAY", "2026-01-01")
                                    .installment("2026-02-01", 10000, 1000)
                                    .installment("2026-03-01", 10000, 1000)
                                    .penalty("A", 1, "2026-02-21", 500)
                                    .payment("Z", "2026-02-20", 11000)
                                    .build();
    PositionCalculator calc;
    const auto pos = calc.compute(loan, day("2026-02-21"));
    CHECK(calc.installments()[0].paid == components(10000, 1000));
    CHECK(calc.installments()[0].unpaid() == components(0, 0, 0, 500));
    CHECK(pos.arrears == components(0, 0, 0, 500));
    CHECK(pos.daysPastDue == 20);
}

TEST_CASE("two payments on one day: ids in byte order, result independent of listing order",
          "[allocation][order]") {
    // "P10" < "P9" in byte order. Between two charges the allocation is a greedy fill, so
    // the order of same-day payments cannot change the position; the replay must still be
    // deterministic and follow the dates, whatever order the vectors list the events in.
    auto build = [](bool p9First) {
        LedgerBuilder b("ORD", "2026-01-01");
        b.installment("2026-02-01", 5000).installment("2026-03-01", 5000);
        b.fee("F", 2, "2026-03-05", 200);
        if (p9First)
            b.payment("P9", "2026-03-05", 6000).payment("P10", "2026-03-05", 3000, "2026-03-09");
        else
            b.payment("P10", "2026-03-05", 3000, "2026-03-09").payment("P9", "2026-03-05", 6000);
        return b.build();
    };
    PositionCalculator calc;
    for (bool p9First : {true, false}) {
        INFO("P9 listed first: " << p9First);
        const auto at7 = calc.compute(build(p9First), day("2026-03-07"));
        CHECK(calc.installments()[0].paid == components(5000));
        CHECK(calc.installments()[1].paid == components(3800, 0, 200));
        CHECK(at7.arrears == components(1200));
        CHECK(at7.daysPastDue == 6);
        const auto at10 = calc.compute(build(p9First), day("2026-03-10"));
        CHECK(calc.installments()[1].paid == components(800, 0, 200));
        CHECK(at10.arrears == components(4200));
        CHECK(at10.daysPastDue == 9);
    }
    CHECK(std::string("P10") < std::string("P9"));
}

TEST_CASE("events listed out of order still replay in date order", "[allocation][order]") {
    rd::LoanLedger loan = l1();
    // Add a second charge and payment, then list everything backwards and shuffled.
    loan.charges.push_back({"CH0", 1, day("2026-02-05"), rd::ChargeKind::Fee, 300});
    loan.payments.push_back({"P0", day("2026-02-10"), 300, rd::PaymentMethod::Cash, "", {}});
    PositionCalculator calc;
    const auto expected = calc.compute(loan, day("2026-03-20"));
    const auto expectedInstallments = calc.installments();
    CHECK(expectedInstallments[0].paid == components(10000, 1000, 300));
    CHECK(expected.arrears == components(6500));

    std::mt19937_64 rng(7);
    for (int round = 0; round < 20; ++round) {
        rd::LoanLedger shuffled = loan;
        std::shuffle(shuffled.payments.begin(), shuffled.payments.end(), rng);
        std::shuffle(shuffled.charges.begin(), shuffled.charges.end(), rng);
        const auto pos = calc.compute(shuffled, day("2026-03-20"));
        CHECK(pos.arrears == expected.arrears);
        CHECK(pos.daysPastDue == expected.daysPastDue);
        CHECK(pos.creditBalance == expected.creditBalance);
        for (std::size_t i = 0; i < expectedInstallments.size(); ++i)
            CHECK(calc.installments()[i].paid == expectedInstallments[i].paid);
    }

    SECTION("a late payment listed first does not jump ahead of an earlier charge") {
        rd::LoanLedger late = LedgerBuilder("LATE", "2026-01-01")
                                  .installment("2026-02-01", 10000)
                                  .installment("2026-03-01", 10000)
                                  .payment("A", "2026-02-15", 10000)
                                  .penalty("K", 1, "2026-02-10", 700)
                                  .build();
        const auto pos = calc.compute(late, day("2026-03-01"));
        // The penalty (02-10) exists when the payment (02-15) arrives: 7.00 penalty first.
        CHECK(calc.installments()[0].paid == components(9300, 0, 0, 700));
        CHECK(pos.arrears == components(700));
        CHECK(pos.daysPastDue == 28);
    }
}

TEST_CASE("a prepayment pays the next installment, future ones included", "[allocation]") {
    const rd::LoanLedger loan = threeInstallments("PRE").payment("P1", "2026-01-15", 15000).build();
    PositionCalculator calc;
    const auto pos = calc.compute(loan, day("2026-01-20"));
    CHECK(calc.installments()[0].paid == components(10000, 1000));
    CHECK(calc.installments()[1].paid == components(3000, 1000)); // interest before principal
    CHECK(calc.installments()[2].paid == components(0));
    CHECK(pos.status == LoanStatus::Active);
    CHECK(pos.arrears == components(0));
    CHECK(pos.daysPastDue == 0);
    CHECK(pos.outstandingPrincipal == 17000);
    CHECK(pos.creditBalance == 0);

    // After #1 falls due it is already paid; #2 is short 70.00 when it falls due.
    const auto later = calc.compute(loan, day("2026-03-02"));
    CHECK(later.arrears == components(7000));
    CHECK(later.oldestOverdueDueDate == day("2026-03-01"));
    CHECK(later.daysPastDue == 1);
}

TEST_CASE("an overpayment leaves a credit balance and the loan paid off", "[allocation]") {
    const rd::LoanLedger loan =
        threeInstallments("OVER").payment("P1", "2026-02-01", 34000).build();
    PositionCalculator calc;
    const auto pos = calc.compute(loan, day("2026-02-01"));
    CHECK(pos.creditBalance == 1000);
    CHECK(pos.status == LoanStatus::PaidOff);
    CHECK_FALSE(pos.bucketIndex.has_value());
    CHECK(pos.outstandingPrincipal == 0);
    CHECK(pos.arrears == components(0));
    CHECK(pos.daysPastDue == 0);
    CHECK(pos.paymentsCounted == 34000);
    for (const auto& s : calc.installments())
        CHECK(s.paid == s.due);

    SECTION("an exact payment leaves no credit") {
        const rd::LoanLedger exact =
            threeInstallments("EXACT").payment("P1", "2026-02-01", 33000).build();
        const auto p = calc.compute(exact, day("2026-05-01"));
        CHECK(p.creditBalance == 0);
        CHECK(p.status == LoanStatus::PaidOff);
    }
    SECTION("credits from several payments add up") {
        const rd::LoanLedger twice = threeInstallments("TWICE")
                                         .payment("P1", "2026-02-01", 33500)
                                         .payment("P2", "2026-02-02", 250)
                                         .build();
        CHECK(calc.compute(twice, day("2026-02-02")).creditBalance == 750);
        CHECK(calc.compute(twice, day("2026-02-01")).creditBalance == 500);
    }
}

TEST_CASE("credit is not applied to a later charge", "[allocation]") {
    const rd::LoanLedger loan = threeInstallments("CREDIT")
                                    .payment("P1", "2026-02-01", 34000)
                                    .penalty("K1", 1, "2026-03-01", 500)
                                    .build();
    PositionCalculator calc;
    const auto pos = calc.compute(loan, day("2026-03-05"));
    CHECK(pos.creditBalance == 1000); // unchanged
    CHECK(calc.installments()[0].unpaid() == components(0, 0, 0, 500));
    CHECK(pos.arrears == components(0, 0, 0, 500));
    CHECK(pos.status == LoanStatus::Active);
    CHECK(pos.daysPastDue == 32); // #1 (due 02-01) is unpaid again
    REQUIRE(pos.bucketIndex.has_value());
    CHECK(calc.policy().buckets.buckets()[*pos.bucketIndex].name == "31-60");

    SECTION("a later payment pays the charge; the credit stays") {
        rd::LoanLedger paid = loan;
        paid.payments.push_back({"P2", day("2026-03-06"), 500, rd::PaymentMethod::Cash, "", {}});
        const auto p = calc.compute(paid, day("2026-03-06"));
        CHECK(p.creditBalance == 1000);
        CHECK(p.status == LoanStatus::PaidOff);
        CHECK(p.daysPastDue == 0);
    }
}

TEST_CASE("a charge on a paid installment makes it unpaid again, overdue if past due",
          "[allocation]") {
    // #1 paid on time, then a prepayment into #2, then a penalty on #1.
    const rd::LoanLedger loan = threeInstallments("REOPEN")
                                    .payment("P1", "2026-02-01", 11000)
                                    .payment("P2", "2026-02-10", 5000)
                                    .penalty("K1", 1, "2026-02-15", 300)
                                    .build();
    PositionCalculator calc;
    const auto before = calc.compute(loan, day("2026-02-14"));
    CHECK(before.daysPastDue == 0);
    CHECK(before.arrears == components(0));

    const auto pos = calc.compute(loan, day("2026-02-20"));
    CHECK(calc.installments()[0].unpaid() == components(0, 0, 0, 300));
    CHECK(calc.installments()[1].paid == components(4000, 1000));
    CHECK(pos.oldestOverdueDueDate == day("2026-02-01"));
    CHECK(pos.daysPastDue == 19);
    CHECK(pos.arrears == components(0, 0, 0, 300));
    CHECK(pos.status == LoanStatus::Active);

    SECTION("the next payment goes to the reopened installment first") {
        rd::LoanLedger more = loan;
        more.payments.push_back({"P3", day("2026-02-25"), 1000, rd::PaymentMethod::Cash, "", {}});
        const auto p = calc.compute(more, day("2026-02-25"));
        CHECK(calc.installments()[0].paid == components(10000, 1000, 0, 300));
        CHECK(calc.installments()[1].paid == components(4700, 1000));
        CHECK(p.daysPastDue == 0);
        CHECK(p.arrears == components(0));
        CHECK(p.outstandingPrincipal == 15300);
    }
    SECTION("a fee on a future paid installment reopens it but is not overdue") {
        const rd::LoanLedger future = threeInstallments("FUT")
                                          .payment("P1", "2026-01-10", 22000)
                                          .fee("F1", 2, "2026-01-20", 400)
                                          .build();
        const auto p = calc.compute(future, day("2026-02-10"));
        CHECK(calc.installments()[1].unpaid() == components(0, 0, 400));
        CHECK(p.arrears == components(0));
        CHECK(p.daysPastDue == 0);
        CHECK(p.status == LoanStatus::Active);
    }
}

TEST_CASE("within an installment: penalty, fee, interest, principal", "[allocation]") {
    const rd::LoanLedger loan = LedgerBuilder("COMP", "2026-01-01")
                                    .installment("2026-02-01", 10000, 2000, 300)
                                    .penalty("K1", 1, "2026-02-05", 400)
                                    .fee("K2", 1, "2026-02-05", 100)
                                    .payment("P1", "2026-02-06", 300)
                                    .payment("P2", "2026-02-07", 500)
                                    .payment("P3", "2026-02-08", 2000)
                                    .payment("P4", "2026-02-09", 1000)
                                    .build();
    PositionCalculator calc;
    calc.compute(loan, day("2026-02-06"));
    CHECK(calc.installments()[0].due == components(10000, 2000, 400, 400));
    CHECK(calc.installments()[0].paid == components(0, 0, 0, 300));
    calc.compute(loan, day("2026-02-07"));
    CHECK(calc.installments()[0].paid == components(0, 0, 400, 400));
    calc.compute(loan, day("2026-02-08"));
    CHECK(calc.installments()[0].paid == components(0, 2000, 400, 400));
    const auto pos = calc.compute(loan, day("2026-02-09"));
    CHECK(calc.installments()[0].paid == components(1000, 2000, 400, 400));
    CHECK(pos.arrears == components(9000));
    CHECK(pos.outstandingPrincipal == 9000);
}

TEST_CASE("oldest installment first across several overdue installments", "[allocation]") {
    const rd::LoanLedger loan = threeInstallments("OLD")
                                    .penalty("K2", 2, "2026-03-05", 200)
                                    .penalty("K1", 1, "2026-03-05", 100)
                                    .payment("P1", "2026-03-10", 11500)
                                    .build();
    PositionCalculator calc;
    const auto pos = calc.compute(loan, day("2026-03-10"));
    CHECK(calc.installments()[0].paid == components(10000, 1000, 0, 100)); // all of #1
    CHECK(calc.installments()[1].paid == components(0, 200, 0, 200));      // penalty, interest
    CHECK(pos.arrears == components(10000, 800));
    CHECK(pos.oldestOverdueDueDate == day("2026-03-01"));
    CHECK(pos.daysPastDue == 9);
}

TEST_CASE("one calculator reused across loans gives the same results as a fresh one",
          "[allocation]") {
    PositionCalculator reused;
    reused.compute(rdtest::edgeLedgers()[1], day("2026-01-02")); // OVER: paid off, credit
    const auto a = reused.compute(l2(), day("2026-03-20"));
    PositionCalculator fresh;
    const auto b = fresh.compute(l2(), day("2026-03-20"));
    CHECK(a.arrears == b.arrears);
    CHECK(a.creditBalance == b.creditBalance);
    CHECK(a.creditBalance == 0);
    CHECK(a.outstandingPrincipal == b.outstandingPrincipal);
    CHECK(a.daysPastDue == b.daysPastDue);
    REQUIRE(reused.installments().size() == fresh.installments().size());
    for (std::size_t i = 0; i < fresh.installments().size(); ++i)
        CHECK(reused.installments()[i].paid == fresh.installments()[i].paid);
}

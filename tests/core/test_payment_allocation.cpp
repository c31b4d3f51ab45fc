// Allocation preview of one payment (core/payment_allocation.h): what the desk shows before
// a payment is taken and prints on its receipt.
#include "core/payment_allocation.h"
#include "ledger_builders.h"

#include <catch2/catch.hpp>

using namespace rd;
using rdtest::components;
using rdtest::day;
using rdtest::LedgerBuilder;

namespace {

Payment cash(std::string id, std::string_view paidOn, Amount amount) {
    Payment p;
    p.id = std::move(id);
    p.paidOn = day(paidOn);
    p.amount = amount;
    return p;
}

// The worked example's L1 without its 2026-03-15 payment.
LoanLedger l1WithoutP2() {
    LoanLedger l1 = rdtest::workedLedgers()[0];
    l1.payments.pop_back();
    REQUIRE(l1.payments.size() == 1);
    return l1;
}

} // namespace

TEST_CASE("payment allocation: the worked example's 50.00 on 2026-03-15 pays penalty, "
          "interest, then principal of installment 2",
          "[allocation][preview]") {
    const LoanLedger l1 = l1WithoutP2();
    const auto a = previewAllocation(l1, cash("P2", "2026-03-15", 5000), day("2026-03-20"), {});
    CHECK(a.allocated == components(3500, 1000, 0, 500));
    CHECK(a.toCreditBalance == 0);
    CHECK(a.before.daysPastDue == 19);
    CHECK(a.before.arrears == components(10000, 1000, 0, 500));
    CHECK(a.before.outstandingPrincipal == 20000);
    CHECK(a.after.daysPastDue == 19);
    CHECK(a.after.arrears == components(6500));
    CHECK(a.after.outstandingPrincipal == 16500);
    CHECK(a.after.status == LoanStatus::Active);
}

TEST_CASE("payment allocation: the same payment as of its own date, before the penalty "
          "is charged, goes to interest and principal",
          "[allocation][preview]") {
    const LoanLedger l1 = l1WithoutP2();
    // As of 2026-03-09 the penalty (charged 03-10) does not exist yet.
    const auto a = previewAllocation(l1, cash("P2", "2026-03-09", 5000), day("2026-03-09"), {});
    CHECK(a.allocated == components(4000, 1000));
    CHECK(a.after.arrears == components(6000));
    CHECK(a.after.daysPastDue == 8);
}

TEST_CASE("payment allocation: an overpayment pays the loan off and the rest becomes credit "
          "balance",
          "[allocation][preview]") {
    const LoanLedger l1 = l1WithoutP2();
    // Owed on 2026-03-20: #2 115.00 and #3 110.00 (a prepayment pays the next installment).
    const auto a = previewAllocation(l1, cash("X", "2026-03-20", 25000), day("2026-03-20"), {});
    CHECK(a.allocated == components(20000, 2000, 0, 500));
    CHECK(a.toCreditBalance == 2500);
    CHECK(a.allocated.total() + a.toCreditBalance == 25000);
    CHECK(a.after.status == LoanStatus::PaidOff);
    CHECK(a.after.creditBalance == 2500);
    CHECK(a.after.outstandingPrincipal == 0);
    CHECK(a.before.status == LoanStatus::Active);

    // Once paid off, all of a further payment is credit balance.
    LoanLedger paid = l1;
    paid.payments.push_back(cash("X", "2026-03-20", 25000));
    const auto b = previewAllocation(paid, cash("Y", "2026-03-21", 1000), day("2026-03-21"), {});
    CHECK(b.allocated == components(0));
    CHECK(b.toCreditBalance == 1000);
}

TEST_CASE("payment allocation: a back-dated payment is placed among the loan's events and its "
          "effect is the difference it makes",
          "[allocation][preview]") {
    // Without the back-dated payment, P2 (03-15) pays the penalty first. With 50.00 on
    // 03-05 (before the penalty), the later P2 ends up paying the penalty and more principal.
    const LoanLedger l1 = rdtest::workedLedgers()[0];
    const auto a = previewAllocation(l1, cash("B", "2026-03-05", 5000), day("2026-03-20"), {});
    CHECK(a.allocated.total() + a.toCreditBalance == 5000);
    CHECK(a.before.outstandingPrincipal == 16500);
    CHECK(a.after.outstandingPrincipal == 11500);
    CHECK(a.allocated == components(5000));
    CHECK(a.after.arrears == components(1500));
}

TEST_CASE("payment allocation: a payment that does not count on the as-of date allocates "
          "nothing",
          "[allocation][preview]") {
    const LoanLedger l1 = l1WithoutP2();
    const auto later = previewAllocation(l1, cash("P", "2026-03-21", 5000), day("2026-03-20"), {});
    CHECK(later.allocated == components(0));
    CHECK(later.toCreditBalance == 0);
    CHECK(later.after.arrears == later.before.arrears);

    Payment reversed = cash("P", "2026-03-15", 5000);
    reversed.reversedOn = day("2026-03-18");
    const auto r = previewAllocation(l1, reversed, day("2026-03-20"), {});
    CHECK(r.allocated == components(0));
    const auto stillCounts = previewAllocation(l1, reversed, day("2026-03-17"), {});
    CHECK(stillCounts.allocated == components(3500, 1000, 0, 500));
}

TEST_CASE("payment allocation: a recovery on a written-off loan reduces its arrears",
          "[allocation][preview]") {
    const auto wo = LedgerBuilder("WO", "2024-01-01")
                        .installment("2024-02-01", 50000, 5000)
                        .installment("2024-03-01", 50000, 5000)
                        .payment("W1", "2024-02-01", 55000)
                        .writtenOff("2025-06-30")
                        .build();
    const auto a = previewAllocation(wo, cash("D", "2025-08-15", 20000), day("2025-08-15"), {});
    CHECK(a.allocated == components(15000, 5000));
    CHECK(a.before.status == LoanStatus::WrittenOff);
    CHECK(a.after.arrears == components(35000));
}

TEST_CASE("payment allocation: on random ledgers the parts always add up to the payment",
          "[allocation][preview][properties]") {
    rdtest::RandomLedgers gen(20260412);
    for (int i = 0; i < 500; ++i) {
        const LoanLedger loan = gen.next();
        const Date asOf = gen.asOfFor(loan);
        Payment p = cash("DESK-000001", asOf.toString(), gen.between(1, 200000));
        p.paidOn = loan.terms.disbursedOn.addDays(static_cast<int>(gen.between(0, 400)));
        const auto a = previewAllocation(loan, p, asOf, {});
        const Amount expected = p.countsOn(asOf) ? p.amount : 0;
        INFO(loan.terms.loanId);
        CHECK(a.allocated.total() + a.toCreditBalance == expected);
        CHECK(a.after.paymentsCounted - a.before.paymentsCounted == expected);
    }
}

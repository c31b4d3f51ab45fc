// domain.md sections 3, 4, 5, 8, 9b and 9c: the plan engine. Reschedules (base, composed
// schedule, positions before and after the start, superseding by the import), the watch of a
// restructured loan and its `restructured` bucket, settlements (completion, waiver, reversal,
// deadline), plan scoring, the installment editor's checks and proposals, the monthly amount,
// and what the case lifecycle does with settled and restructured loans. Every expected figure
// is computed by hand in the comment beside it.

#include "core/aging_report.h"
#include "core/case_lifecycle.h"
#include "core/loan_position.h"
#include "core/repayment_plan.h"
#include "core/reschedule.h"
#include "core/schedule_calculator.h"
#include "ledger_builders.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using rd::Amount;
using rd::LoanLedger;
using rd::LoanStatus;
using rd::PlanInstallment;
using rd::PlanInstallmentStatus;
using rd::PlanStatus;
using rd::PositionCalculator;
using rdtest::components;
using rdtest::day;
using rdtest::LedgerBuilder;

namespace {

// Worked loan L2 of domain.md section 4 (KES, cents): principal 300.00 in three installments
// of 100.00 + 10.00 interest (02-01, 03-01, 04-01); P3 110.00 on 02-01 pays #1; penalty 5.00
// on #2 charged 03-10; P4 50.00 on 03-15 reversed on 03-18. As of 2026-03-20 #2 owes
// 100.00 + 10.00 + 5.00 and #3 100.00 + 10.00.
LoanLedger workedL2() {
    return rdtest::workedLedgers()[1];
}

const rd::Date kStart = rdtest::day("2026-03-20"); // S, the reschedule's start

// The calculator's schedule for the reschedule: declining, equal installments, 12% a year,
// 30/360, monthly, 3 installments from S (r = 0.01 a month; due 04-20, 05-20, 06-20).
rd::ComputedSchedule newSchedule(Amount amount) {
    rd::ScheduleInput in;
    in.amount = amount;
    in.ratePercent = *rd::parseDecimal("12");
    in.installments = 3;
    in.start = kStart;
    auto result = rd::computeSchedule(in);
    if (!result)
        FAIL("refused: " << result.error().message);
    return *result;
}

// L2 rescheduled from S (capitalise or not), with the reschedule in the ledger.
LoanLedger rescheduledL2(bool capitalise) {
    LoanLedger loan = workedL2();
    auto base = rd::rescheduleBase(loan, kStart, {});
    if (!base)
        FAIL("refused: " << base.error().message);
    const rd::ComputedSchedule computed = newSchedule(base->amount(capitalise));
    loan.reschedules.push_back(rd::composeReschedule(*base, capitalise, computed));
    return loan;
}

rd::Payment pay(std::string id, const char* on, Amount amount,
                std::optional<const char*> reversedOn = std::nullopt) {
    rd::Payment p;
    p.id = std::move(id);
    p.paidOn = day(on);
    p.amount = amount;
    if (reversedOn)
        p.reversedOn = day(*reversedOn);
    return p;
}

Amount scheduledPrincipal(const std::vector<rd::Installment>& schedule) {
    Amount sum = 0;
    for (const rd::Installment& i : schedule)
        sum += i.principalDue;
    return sum;
}

PlanInstallment planRow(int n, const char* due, Amount amount) {
    PlanInstallment p;
    p.n = n;
    p.dueDate = day(due);
    p.amount = amount;
    return p;
}

} // namespace

// ---------------------------------------------------------------------------------------
// 1. Reschedule
// ---------------------------------------------------------------------------------------

TEST_CASE("reschedule base as of S: outstanding principal, unpaid components, kept rows",
          "[plans][reschedule]") {
    const LoanLedger loan = workedL2();
    auto base = rd::rescheduleBase(loan, kStart, {});
    REQUIRE(base);
    CHECK(base->start == kStart);
    // #1 paid in full by P3; #2 and #3 owe their 100.00 principal each: 200.00.
    CHECK(base->outstandingPrincipal == 20000);
    // Due before S: #1 (nothing unpaid), #2 (interest 10.00, penalty 5.00 charged 03-10).
    // #3 is due 04-01, after S: its interest is not part of the base.
    CHECK(base->unpaidBefore == components(0, 1000, 0, 500));
    // Amount: 200.00 without capitalising; 200.00 + 10.00 + 5.00 = 215.00 with.
    CHECK(base->amount(false) == 20000);
    CHECK(base->amount(true) == 21500);
    // Kept rows frozen at what was paid as of S: #1 110.00 (100.00 + 10.00), #2 nothing (P4
    // reversed on 03-18). An old installment due on or after S keeps nothing (#3: nothing
    // was prepaid), so it falls away.
    REQUIRE(base->kept.size() >= 2);
    CHECK(base->kept[0].number == 1);
    CHECK(base->kept[0].dueDate == day("2026-02-01"));
    CHECK(base->kept[0].principalDue == 10000);
    CHECK(base->kept[0].interestDue == 1000);
    CHECK(base->kept[0].feeDue == 0);
    CHECK(base->kept[0].penaltyDue == 0);
    CHECK(base->kept[1].number == 2);
    CHECK(base->kept[1].dueDate == day("2026-03-01"));
    CHECK(base->kept[1].principalDue == 0);
    CHECK(base->kept[1].interestDue == 0);
    CHECK(base->kept[1].penaltyDue == 0);
    for (const rd::Installment& k : base->kept)
        if (k.dueDate >= kStart)
            CHECK(k.principalDue + k.interestDue + k.feeDue + k.penaltyDue == 0);

    SECTION("a partial payment before S is frozen in the kept row, penalty first") {
        // Without the reversal P4 50.00 pays #2's penalty 5.00, interest 10.00, principal
        // 35.00: kept #2 = 35.00 + 10.00 + penalty 5.00; outstanding 300.00 - 135.00 = 165.00;
        // nothing else unpaid before S but #2's principal 65.00.
        const LoanLedger l1 = rdtest::workedLedgers()[0];
        auto b1 = rd::rescheduleBase(l1, kStart, {});
        REQUIRE(b1);
        CHECK(b1->outstandingPrincipal == 16500);
        CHECK(b1->unpaidBefore == components(0));
        REQUIRE(b1->kept.size() >= 2);
        CHECK(b1->kept[1].principalDue == 3500);
        CHECK(b1->kept[1].interestDue == 1000);
        CHECK(b1->kept[1].penaltyDue == 500);
    }
    SECTION("a loan not active as of S cannot be rescheduled") {
        CHECK_FALSE(rd::rescheduleBase(loan, day("2025-12-31"), {})); // not disbursed yet
    }
}

TEST_CASE("composed reschedule without capitalising: the first new installment carries the "
          "unpaid interest, fees and penalties",
          "[plans][reschedule]") {
    const LoanLedger loan = rescheduledL2(false);
    REQUIRE(loan.reschedules.size() == 1);
    const rd::LocalReschedule& r = loan.reschedules[0];
    CHECK(r.start == kStart);
    // New schedule of 200.00 at r = 0.01: E = 20000 x 1.030301 / 3.0301 = 6800.44 -> 6800;
    // #1: interest 200, principal 6600, balance 13400; #2: interest 134, principal 6666,
    // balance 6734; #3 (last): principal 6734, interest 67.34 -> 67.
    // Numbered on from the old ones; the first also takes interest 1000 and penalty 500.
    REQUIRE(r.schedule.size() == r.firstNew + 3);
    const rd::Installment& n1 = r.schedule[r.firstNew];
    const rd::Installment& n2 = r.schedule[r.firstNew + 1];
    const rd::Installment& n3 = r.schedule[r.firstNew + 2];
    CHECK(n1.number == static_cast<int>(r.firstNew) + 1);
    CHECK(n1.dueDate == day("2026-04-20"));
    CHECK(n1.principalDue == 6600);
    CHECK(n1.interestDue == 200 + 1000);
    CHECK(n1.feeDue == 0);
    CHECK(n1.penaltyDue == 500);
    CHECK(n2.dueDate == day("2026-05-20"));
    CHECK(n2.principalDue == 6666);
    CHECK(n2.interestDue == 134);
    CHECK(n2.penaltyDue == 0);
    CHECK(n3.dueDate == day("2026-06-20"));
    CHECK(n3.principalDue == 6734);
    CHECK(n3.interestDue == 67);
    // Principal over the composed schedule: kept 100.00 + new 200.00 = the original 300.00.
    CHECK(scheduledPrincipal(r.schedule) == loan.terms.principal);
    CHECK(scheduledPrincipal(r.schedule) == 30000);

    // As plan installments: 1..3, amounts 6600+1200+500 = 8300, 6800, 6801.
    const auto plan = rd::rescheduleInstallments(r);
    REQUIRE(plan.size() == 3);
    CHECK(plan[0].n == 1);
    CHECK(plan[0].dueDate == day("2026-04-20"));
    CHECK(plan[0].amount == 8300);
    CHECK(plan[0].parts == components(6600, 1200, 0, 500));
    CHECK(plan[1].n == 2);
    CHECK(plan[1].amount == 6800);
    CHECK(plan[2].n == 3);
    CHECK(plan[2].amount == 6801);
    CHECK(rd::planTotal(plan) == 8300 + 6800 + 6801);
}

TEST_CASE("composed reschedule with capitalising: unpaid interest and penalty join the "
          "principal",
          "[plans][reschedule]") {
    const LoanLedger loan = rescheduledL2(true);
    const rd::LocalReschedule& r = loan.reschedules.at(0);
    // 215.00 at r = 0.01: E = 21500 x 1.030301 / 3.0301 = 7310.48 -> 7310; #1 interest 215,
    // principal 7095, balance 14405; #2 interest 144.05 -> 144, principal 7166, balance 7239;
    // #3 principal 7239, interest 72.39 -> 72.
    REQUIRE(r.schedule.size() == r.firstNew + 3);
    const rd::Installment& n1 = r.schedule[r.firstNew];
    CHECK(n1.principalDue == 7095);
    CHECK(n1.interestDue == 215);
    CHECK(n1.feeDue == 0);
    CHECK(n1.penaltyDue == 0);
    CHECK(r.schedule[r.firstNew + 1].principalDue == 7166);
    CHECK(r.schedule[r.firstNew + 1].interestDue == 144);
    CHECK(r.schedule[r.firstNew + 2].principalDue == 7239);
    CHECK(r.schedule[r.firstNew + 2].interestDue == 72);
    // Principal: kept 100.00 + 215.00 = 300.00 + capitalised 15.00 = 315.00.
    CHECK(scheduledPrincipal(r.schedule) == 31500);

    // As of S the outstanding principal is the capitalised amount; no arrears.
    PositionCalculator calc;
    const auto pos = calc.compute(loan, kStart);
    CHECK(pos.outstandingPrincipal == 21500);
    CHECK(pos.daysPastDue == 0);
    CHECK(pos.arrears == components(0));
}

TEST_CASE("reschedule positions: unchanged before S, current on S, DPD on the new installments",
          "[plans][reschedule]") {
    const LoanLedger original = workedL2();
    LoanLedger loan = rescheduledL2(false);
    PositionCalculator calc;

    SECTION("as of S - 1 the figures are those of the original loan") {
        // 2026-03-19: #2 overdue since 03-01: DPD 18, arrears 100.00 + 10.00 + 5.00.
        const auto before = calc.compute(original, day("2026-03-19"));
        const auto pos = calc.compute(loan, day("2026-03-19"));
        CHECK(pos.daysPastDue == 18);
        CHECK(pos.arrears == components(10000, 1000, 0, 500));
        CHECK(pos.outstandingPrincipal == 20000);
        CHECK(pos.daysPastDue == before.daysPastDue);
        CHECK(pos.arrears == before.arrears);
        CHECK(pos.outstandingPrincipal == before.outstandingPrincipal);
        CHECK(pos.status == before.status);
        CHECK_FALSE(pos.inWatch);
        CHECK_FALSE(pos.restructuredOn.has_value());
        CHECK(rd::scheduleAsOf(loan, day("2026-03-19")).size() == loan.schedule.size());
        CHECK(rd::rescheduleInForce(loan, day("2026-03-19")) == nullptr);
    }
    SECTION("as of S: DPD 0, no arrears, restructured on S") {
        const auto pos = calc.compute(loan, kStart);
        CHECK(pos.status == LoanStatus::Active);
        CHECK(pos.daysPastDue == 0);
        CHECK(pos.arrears == components(0));
        CHECK(pos.outstandingPrincipal == 20000);
        CHECK(pos.restructuredOn == kStart);
        CHECK(rd::rescheduleInForce(loan, kStart) == &loan.reschedules[0]);
        CHECK(&rd::scheduleAsOf(loan, kStart) == &loan.reschedules[0].schedule);
    }
    SECTION("after S DPD counts from the first unpaid new installment") {
        // 2026-05-01: new #1 (04-20) unpaid: DPD 11, arrears 66.00 + 12.00 + 5.00 = 83.00.
        const auto pos = calc.compute(loan, day("2026-05-01"));
        CHECK(pos.daysPastDue == 11);
        CHECK(pos.oldestOverdueDueDate == day("2026-04-20"));
        CHECK(pos.arrears == components(6600, 1200, 0, 500));
        CHECK(pos.arrears.total() == 8300);
        CHECK(pos.outstandingPrincipal == 20000);
        // The penalty charged 03-10 (before S) is in the first new installment only, not
        // replayed again as a charge: 5.00 of penalties over the whole schedule.
        Amount penalties = 0;
        for (const rd::InstallmentState& s : calc.installments())
            penalties += s.due.penalties;
        CHECK(penalties == 500);
    }
    SECTION("a charge after S is added as usual") {
        // Fee 3.00 on new #1 (installment number 4) charged 04-25: arrears 83.00 + 3.00.
        rd::Charge c;
        c.id = "CH9";
        c.installmentNumber = loan.reschedules[0].schedule[loan.reschedules[0].firstNew].number;
        c.chargedOn = day("2026-04-25");
        c.kind = rd::ChargeKind::Fee;
        c.amount = 300;
        loan.charges.push_back(c);
        const auto pos = calc.compute(loan, day("2026-05-01"));
        CHECK(pos.arrears == components(6600, 1200, 300, 500));
    }
    SECTION("a payment after S pays the new installments") {
        // 83.00 on 04-20 pays new #1 (penalty 5.00, interest 12.00, principal 66.00); 10.00
        // more on 05-02 goes to new #2 (interest 1.34, principal 8.66).
        loan.payments.push_back(pay("P5", "2026-04-20", 8300));
        loan.payments.push_back(pay("P6", "2026-05-02", 1000));
        const auto pos = calc.compute(loan, day("2026-05-10"));
        CHECK(pos.daysPastDue == 0);
        CHECK(pos.arrears == components(0));
        // 200.00 - 66.00 - 8.66 = 125.34
        CHECK(pos.outstandingPrincipal == 12534);
        const auto& inst = calc.installments();
        const std::size_t first = loan.reschedules[0].firstNew;
        REQUIRE(inst.size() == first + 3);
        CHECK(inst[first].paid == components(6600, 1200, 0, 500));
        CHECK(inst[first].paidInFullOn == day("2026-04-20"));
        CHECK(inst[first + 1].paid == components(866, 134));
        CHECK(pos.creditBalance == 0);
    }
    SECTION("superseded once the import carries restructured_on on or after S") {
        // restructured_on 2026-03-19 (before S): the local reschedule is still in force.
        loan.terms.restructuredOn = day("2026-03-19");
        CHECK(rd::rescheduleInForce(loan, day("2026-05-01")) == &loan.reschedules[0]);
        CHECK(calc.compute(loan, day("2026-05-01")).daysPastDue == 11);
        // restructured_on S: the imported schedule is used again (here still the old one:
        // #2 overdue since 03-01, DPD 61 on 05-01; arrears #2 115.00 + #3 110.00).
        loan.terms.restructuredOn = kStart;
        CHECK(rd::rescheduleInForce(loan, day("2026-05-01")) == nullptr);
        CHECK(&rd::scheduleAsOf(loan, day("2026-05-01")) == &loan.schedule);
        const auto pos = calc.compute(loan, day("2026-05-01"));
        CHECK(pos.daysPastDue == 61);
        CHECK(pos.arrears == components(20000, 2000, 0, 500));
        CHECK(pos.restructuredOn == kStart);
        // A later import date also supersedes it.
        loan.terms.restructuredOn = day("2026-04-01");
        CHECK(rd::rescheduleInForce(loan, day("2026-05-01")) == nullptr);
    }
}

TEST_CASE("reschedule: a fee charged on S itself goes into the first new installment once",
          "[plans][reschedule]") {
    // L2 plus a fee 1.50 on #2 charged on S (2026-03-20). As of S: unpaid before S = interest
    // 10.00, fee 1.50, penalty 5.00. Without capitalising the first new installment is
    // principal 66.00, interest 2.00 + 10.00, fee 1.50, penalty 5.00 = 84.50. After S the
    // replay does not add the fee (nor the 03-10 penalty) again: fees 1.50, penalties 5.00.
    LoanLedger loan = workedL2();
    rd::Charge fee;
    fee.id = "CH5";
    fee.installmentNumber = 2;
    fee.chargedOn = kStart;
    fee.kind = rd::ChargeKind::Fee;
    fee.amount = 150;
    loan.charges.push_back(fee);
    auto base = rd::rescheduleBase(loan, kStart, {});
    REQUIRE(base);
    CHECK(base->unpaidBefore == components(0, 1000, 150, 500));
    CHECK(base->outstandingPrincipal == 20000);
    CHECK(base->amount(true) == 21650);
    loan.reschedules.push_back(rd::composeReschedule(*base, false, newSchedule(20000)));
    const rd::LocalReschedule& r = loan.reschedules[0];
    const rd::Installment& n1 = r.schedule.at(r.firstNew);
    CHECK(n1.principalDue == 6600);
    CHECK(n1.interestDue == 1200);
    CHECK(n1.feeDue == 150);
    CHECK(n1.penaltyDue == 500);

    PositionCalculator calc;
    const auto onS = calc.compute(loan, kStart);
    CHECK(onS.daysPastDue == 0);
    CHECK(onS.arrears == components(0));
    const auto later = calc.compute(loan, day("2026-05-01"));
    CHECK(later.daysPastDue == 11);
    CHECK(later.arrears == components(6600, 1200, 150, 500));
    CHECK(later.arrears.total() == 8450);
    rd::ComponentAmounts due;
    for (const rd::InstallmentState& s : calc.installments())
        due += s.due;
    // 100.00 + 10.00 kept on #1, then the new 200.00 + (2.00 + 1.34 + 0.67 + 10.00) + 1.50
    // + 5.00.
    CHECK(due == components(30000, 1000 + 1200 + 134 + 67, 150, 500));
}

TEST_CASE("a second reschedule replaces the first from its own start", "[plans][reschedule]") {
    // L2 rescheduled on S (new #4 04-20 83.00 unpaid), then again on 2026-05-01 (DPD 11 the
    // day before: 04-30 - 04-20 = 10). Base as of 05-01: principal 200.00; unpaid before:
    // new #4's interest 12.00 and penalty 5.00. The second schedule (200.00 from 05-01, same
    // rate): 66.00 + 2.00, 66.66 + 1.34, 67.34 + 0.67 due 06-01, 07-01, 08-01; its first row
    // (#7) also carries interest 12.00 and penalty 5.00.
    LoanLedger loan = rescheduledL2(false);
    const rd::Date s2 = day("2026-05-01");
    auto base = rd::rescheduleBase(loan, s2, {});
    REQUIRE(base);
    CHECK(base->outstandingPrincipal == 20000);
    CHECK(base->unpaidBefore == components(0, 1200, 0, 500));
    rd::ScheduleInput in;
    in.amount = 20000;
    in.ratePercent = *rd::parseDecimal("12");
    in.installments = 3;
    in.start = s2;
    auto computed = rd::computeSchedule(in);
    REQUIRE(computed);
    loan.reschedules.push_back(rd::composeReschedule(*base, false, *computed));
    const rd::LocalReschedule& r2 = loan.reschedules[1];
    REQUIRE(r2.schedule.size() == r2.firstNew + 3);
    const rd::Installment& n1 = r2.schedule[r2.firstNew];
    CHECK(n1.number == 7);
    CHECK(n1.dueDate == day("2026-06-01"));
    CHECK(n1.principalDue == 6600);
    CHECK(n1.interestDue == 200 + 1200);
    CHECK(n1.penaltyDue == 500);
    CHECK(scheduledPrincipal(r2.schedule) == 30000);

    PositionCalculator calc;
    CHECK(rd::rescheduleInForce(loan, day("2026-04-30")) == &loan.reschedules[0]);
    CHECK(calc.compute(loan, day("2026-04-30")).daysPastDue == 10);
    const auto onS2 = calc.compute(loan, s2);
    CHECK(rd::rescheduleInForce(loan, s2) == &loan.reschedules[1]);
    CHECK(onS2.daysPastDue == 0);
    CHECK(onS2.arrears == components(0));
    CHECK(onS2.outstandingPrincipal == 20000);
    CHECK(onS2.restructuredOn == s2);
    CHECK(onS2.inWatch);
    // 06-10: #7 unpaid since 06-01: DPD 9, arrears 66.00 + 14.00 + 5.00; penalties once.
    const auto later = calc.compute(loan, day("2026-06-10"));
    CHECK(later.daysPastDue == 9);
    CHECK(later.arrears == components(6600, 1400, 0, 500));
    Amount penalties = 0;
    for (const rd::InstallmentState& s : calc.installments())
        penalties += s.due.penalties;
    CHECK(penalties == 500);
    // The import posts the first reschedule only (restructured_on S): the second is still in
    // force from 05-01; between S and 05-01 the imported schedule is used.
    loan.terms.restructuredOn = kStart;
    CHECK(rd::rescheduleInForce(loan, day("2026-06-10")) == &loan.reschedules[1]);
    CHECK(rd::rescheduleInForce(loan, day("2026-04-30")) == nullptr);
}

// ---------------------------------------------------------------------------------------
// 2. Watch
// ---------------------------------------------------------------------------------------

TEST_CASE("watch after a reschedule: W new installments paid in full by their due date",
          "[plans][watch]") {
    // New installments of L2 rescheduled on S: 04-20 83.00, 05-20 68.00, 06-20 68.01.
    LoanLedger loan = rescheduledL2(false);
    loan.payments.push_back(pay("P5", "2026-04-20", 8300));
    loan.payments.push_back(pay("P6", "2026-05-20", 6800));
    PositionCalculator calc; // W = 3
    const rd::BucketScheme& buckets = calc.policy().buckets;
    REQUIRE(calc.policy().watchInstallments == 3);

    SECTION("default W = 3: still in watch after two on-time installments") {
        // As of 06-19 two new installments kept (04-20, 05-20): 2 < 3, in watch, DPD 0.
        const auto pos = calc.compute(loan, day("2026-06-19"));
        CHECK(pos.inWatch);
        CHECK(pos.daysPastDue == 0);
        CHECK(pos.inRestructuredBucket());
        CHECK(bucketName(pos, buckets) == "restructured");
        // The third, paid on its due date 06-20, ends the watch (the loan is paid off too).
        loan.payments.push_back(pay("P7", "2026-06-20", 6801));
        const auto done = calc.compute(loan, day("2026-06-20"));
        CHECK_FALSE(done.inWatch);
        CHECK(done.status == LoanStatus::PaidOff);
    }
    SECTION("W = 2: out of watch on the second on-time installment, then current") {
        rd::DelinquencyPolicy policy;
        policy.watchInstallments = 2;
        PositionCalculator calc2(policy);
        const auto before = calc2.compute(loan, day("2026-05-19")); // 1 kept
        CHECK(before.inWatch);
        CHECK(bucketName(before, buckets) == "restructured");
        const auto after = calc2.compute(loan, day("2026-05-20")); // 2 kept
        CHECK_FALSE(after.inWatch);
        CHECK_FALSE(after.inRestructuredBucket());
        CHECK(bucketName(after, buckets) == "current");
    }
    SECTION("a late-paid installment does not count") {
        // 05-20's 68.00 paid on 05-25 instead: as of 05-24 DPD 4 (bucket 1-30, in watch);
        // as of 05-25 DPD 0 but only 1 installment kept: with W = 2 still in watch.
        loan.payments[loan.payments.size() - 1].paidOn = day("2026-05-25");
        rd::DelinquencyPolicy policy;
        policy.watchInstallments = 2;
        PositionCalculator calc2(policy);
        const auto late = calc2.compute(loan, day("2026-05-24"));
        CHECK(late.daysPastDue == 4);
        CHECK(late.inWatch);
        CHECK_FALSE(late.inRestructuredBucket());
        CHECK(bucketName(late, buckets) == "1-30");
        const auto paid = calc2.compute(loan, day("2026-05-25"));
        CHECK(paid.daysPastDue == 0);
        CHECK(paid.inWatch);
        CHECK(bucketName(paid, buckets) == "restructured");
        // The next on-time one (06-20) is the second kept: out of watch (and paid off).
        loan.payments.push_back(pay("P7", "2026-06-20", 6801));
        CHECK_FALSE(calc2.compute(loan, day("2026-06-20")).inWatch);
    }
    SECTION("a reversed payment does not prove an installment") {
        // P6 reversed on 05-22: as of 05-22 new #2 is unpaid again, DPD 2, in watch.
        loan.payments.back().reversedOn = day("2026-05-22");
        rd::DelinquencyPolicy policy;
        policy.watchInstallments = 2;
        PositionCalculator calc2(policy);
        CHECK_FALSE(calc2.compute(loan, day("2026-05-21")).inWatch);
        const auto pos = calc2.compute(loan, day("2026-05-22"));
        CHECK(pos.inWatch);
        CHECK(pos.daysPastDue == 2);
    }
}

TEST_CASE("aging: a loan in watch with DPD 0 is in `restructured`, not `current`, and PAR30+R",
          "[plans][watch][aging]") {
    PositionCalculator calc;
    const LoanLedger rescheduled = rescheduledL2(false);
    const LoanLedger l1 = rdtest::workedLedgers()[0];
    const LoanLedger l2 = workedL2();

    // A: rescheduled, as of S: in watch, DPD 0, principal 200.00.
    // B: rescheduled, as of 05-01: in watch, DPD 11, principal 200.00, arrears 83.00.
    // C: L1 as of 03-01: current, not restructured, principal 200.00.
    // D: L2 as of 05-01 (no reschedule): DPD 61, principal 200.00, arrears 225.00.
    const auto a = calc.compute(rescheduled, kStart);
    const auto b = calc.compute(rescheduled, day("2026-05-01"));
    const auto c = calc.compute(l1, day("2026-03-01"));
    const auto d = calc.compute(l2, day("2026-05-01"));
    REQUIRE(a.inWatch);
    REQUIRE(b.inWatch);
    REQUIRE_FALSE(c.inWatch);
    REQUIRE_FALSE(d.inWatch);
    CHECK(d.daysPastDue == 61);
    CHECK(bucketName(a, calc.policy().buckets) == "restructured");
    CHECK(bucketName(b, calc.policy().buckets) == "1-30");
    CHECK(bucketName(c, calc.policy().buckets) == "current");
    CHECK(bucketName(d, calc.policy().buckets) == "61-90");

    rd::AgingTotals totals(calc.policy().buckets.size());
    for (const auto* p : {&a, &b, &c, &d})
        totals.add(*p);
    CHECK(totals.activeLoans == 4);
    CHECK(totals.grossPortfolio == 80000);
    CHECK(totals.restructured.loans == 1); // A
    CHECK(totals.restructured.outstandingPrincipal == 20000);
    CHECK(totals.restructured.arrears == 0);
    CHECK(totals.buckets[0].loans == 1); // current: C only
    CHECK(totals.buckets[0].outstandingPrincipal == 20000);
    CHECK(totals.buckets[1].loans == 1); // 1-30: B
    CHECK(totals.buckets[1].arrears == 8300);
    CHECK(totals.buckets[3].loans == 1); // 61-90: D
    CHECK(totals.buckets[3].arrears == 22500);
    // PAR30 = D only: 200.00; PAR30+R = D (DPD > 30) + A + B (in watch) = 600.00 of 800.00.
    CHECK(totals.atRisk30 == 20000);
    CHECK(totals.atRisk30R == 60000);
    CHECK(totals.par30r() == Approx(0.75));

    std::vector<std::string> names;
    for (const auto& bucket : calc.policy().buckets.buckets())
        names.push_back(bucket.name);
    const auto rows = rd::printedBuckets(totals, names);
    REQUIRE(rows.size() == names.size() + 1);
    CHECK(rows[0].first == "current");
    CHECK(rows[1].first == "restructured");
    CHECK(rows[1].second == &totals.restructured);
    CHECK(rows[2].first == "1-30");

    // merge keeps the restructured row and the PAR30+R numerator.
    rd::AgingTotals merged(calc.policy().buckets.size());
    merged.merge(totals);
    merged.merge(totals);
    CHECK(merged.restructured.loans == 2);
    CHECK(merged.atRisk30R == 120000);
}

TEST_CASE("an imported restructured_on without a local reschedule starts a watch",
          "[plans][watch]") {
    // UGX: five installments of 100000 due the 1st of Feb..Jun 2025, restructured_on
    // 2025-03-01 in the import; every installment paid on its due date. Installments due on
    // or after 03-01 count: 03-01, 04-01, 05-01 (the third kept one ends the watch).
    auto loan = LedgerBuilder("U1", "2025-01-01")
                    .installment("2025-02-01", 100000)
                    .installment("2025-03-01", 100000)
                    .installment("2025-04-01", 100000)
                    .installment("2025-05-01", 100000)
                    .installment("2025-06-01", 100000)
                    .payment("A1", "2025-02-01", 100000)
                    .payment("A2", "2025-03-01", 100000)
                    .payment("A3", "2025-04-01", 100000)
                    .payment("A4", "2025-05-01", 100000)
                    .build();
    loan.terms.restructuredOn = day("2025-03-01");
    PositionCalculator calc;
    const auto before = calc.compute(loan, day("2025-02-28"));
    CHECK_FALSE(before.inWatch);
    CHECK(bucketName(before, calc.policy().buckets) == "current");
    const auto onR = calc.compute(loan, day("2025-03-01")); // 1 kept
    CHECK(onR.inWatch);
    CHECK(onR.restructuredOn == day("2025-03-01"));
    CHECK(bucketName(onR, calc.policy().buckets) == "restructured");
    // 04-30: 2 kept (02-01 is before R and does not count, else it would be 3).
    CHECK(calc.compute(loan, day("2025-04-30")).inWatch);
    const auto proven = calc.compute(loan, day("2025-05-01")); // 3 kept
    CHECK_FALSE(proven.inWatch);
    CHECK(bucketName(proven, calc.policy().buckets) == "current");
    CHECK(proven.outstandingPrincipal == 100000);
}

// ---------------------------------------------------------------------------------------
// 3. Settlement
// ---------------------------------------------------------------------------------------

namespace {

// L2 with a fee 2.00 and a penalty 3.00 on #3 charged 04-05, and a settlement from S of
// 90.00 by 04-30. Payments from S: 40.00 on 03-25, 50.00 on 04-10 (total 90.00 reached).
// 03-25 40.00 -> #2 penalty 5.00, interest 10.00, principal 25.00 (#2 owes 75.00 principal).
// 04-10 50.00 -> #2 principal 50.00 (#2 owes 25.00 principal).
// Waived on 04-10: #2 principal 25.00; #3 principal 100.00, interest 10.00, fee 2.00,
// penalty 3.00: principal 125.00, interest 10.00, fees 2.00, penalties 3.00 = 140.00.
// Check: due 300.00 + 30.00 + 5.00 + 2.00 + 3.00 = 340.00 = paid 200.00 + waived 140.00.
LoanLedger settlingL2() {
    LoanLedger loan = workedL2();
    rd::Charge fee;
    fee.id = "CH3";
    fee.installmentNumber = 3;
    fee.chargedOn = day("2026-04-05");
    fee.kind = rd::ChargeKind::Fee;
    fee.amount = 200;
    rd::Charge penalty = fee;
    penalty.id = "CH4";
    penalty.kind = rd::ChargeKind::Penalty;
    penalty.amount = 300;
    loan.charges.push_back(fee);
    loan.charges.push_back(penalty);
    loan.settlement = rd::SettlementTerms{kStart, 9000, day("2026-04-30")};
    loan.payments.push_back(pay("S1", "2026-03-25", 4000));
    loan.payments.push_back(pay("S2", "2026-04-10", 5000));
    return loan;
}

} // namespace

TEST_CASE("a settlement completes on the payment that reaches the total", "[plans][settlement]") {
    LoanLedger loan = settlingL2();
    PositionCalculator calc;

    SECTION("before that day the loan is active") {
        // 04-09: #2 owes 75.00 since 03-01: DPD 39; no waiver.
        const auto pos = calc.compute(loan, day("2026-04-09"));
        CHECK(pos.status == LoanStatus::Active);
        CHECK_FALSE(pos.settledOn.has_value());
        CHECK(pos.waived == components(0));
        CHECK(pos.daysPastDue == 39);
        CHECK(pos.outstandingPrincipal == 17500);
        CHECK_FALSE(rd::settlementCompletedOn(loan, day("2026-04-09")).has_value());
    }
    SECTION("on that day and after: settled, nothing outstanding, the rest waived") {
        for (const char* asOf : {"2026-04-10", "2026-05-31"}) {
            INFO("as of " << asOf);
            const auto pos = calc.compute(loan, day(asOf));
            CHECK(pos.status == LoanStatus::Settled);
            CHECK(pos.settledOn == day("2026-04-10"));
            CHECK(pos.outstandingPrincipal == 0);
            CHECK(pos.arrears == components(0));
            CHECK(pos.daysPastDue == 0);
            CHECK(pos.waived == components(12500, 1000, 200, 300));
            CHECK(pos.waived.total() == 14000);
            CHECK_FALSE(pos.bucketIndex.has_value());
            CHECK(pos.creditBalance == 0);
            CHECK(rd::settlementCompletedOn(loan, day(asOf)) == day("2026-04-10"));
        }
        // A settled loan is out of the GLP.
        rd::AgingTotals totals(calc.policy().buckets.size());
        totals.add(calc.compute(loan, day("2026-04-10")));
        CHECK(totals.activeLoans == 0);
        CHECK(totals.grossPortfolio == 0);
    }
    SECTION("payments before the start do not count toward the total") {
        // P3 110.00 (02-01) is before S; only 40.00 from S: not reached.
        loan.payments.pop_back();
        const auto pos = calc.compute(loan, day("2026-05-31"));
        CHECK(pos.status == LoanStatus::Active);
        CHECK_FALSE(pos.settledOn.has_value());
        CHECK(pos.waived == components(0));
    }
    SECTION("a payment after the deadline does not complete it") {
        loan.payments.back().paidOn = day("2026-05-01"); // deadline 04-30
        const auto pos = calc.compute(loan, day("2026-05-31"));
        CHECK(pos.status == LoanStatus::Active);
        CHECK_FALSE(pos.settledOn.has_value());
        CHECK(pos.waived == components(0));
        // The payment is still allocated as usual: #2 owes 25.00 principal, #3 all.
        CHECK(pos.outstandingPrincipal == 12500);
    }
    SECTION("a payment on the deadline completes it") {
        loan.payments.back().paidOn = day("2026-04-30");
        const auto pos = calc.compute(loan, day("2026-04-30"));
        CHECK(pos.status == LoanStatus::Settled);
        CHECK(pos.settledOn == day("2026-04-30"));
        CHECK(pos.waived == components(12500, 1000, 200, 300));
    }
    SECTION("a reversal of a counted payment undoes the settlement as of the reversal date") {
        loan.payments.back().reversedOn = day("2026-04-15");
        const auto still = calc.compute(loan, day("2026-04-14"));
        CHECK(still.status == LoanStatus::Settled);
        CHECK(still.settledOn == day("2026-04-10"));
        const auto undone = calc.compute(loan, day("2026-04-15"));
        CHECK(undone.status == LoanStatus::Active);
        CHECK_FALSE(undone.settledOn.has_value());
        CHECK(undone.waived == components(0));
        // Only 40.00 from S counts: #2 owes 75.00 principal, #3 all: 175.00 outstanding.
        CHECK(undone.outstandingPrincipal == 17500);
        CHECK(undone.daysPastDue == 45); // 04-15 - 03-01
    }
    SECTION("a written-off loan stays written off") {
        loan.terms.writtenOffOn = day("2026-04-05");
        CHECK(calc.compute(loan, day("2026-04-10")).status == LoanStatus::WrittenOff);
        CHECK(calc.compute(loan, day("2026-05-31")).status == LoanStatus::WrittenOff);
    }
}

// ---------------------------------------------------------------------------------------
// 4. Plan scoring
// ---------------------------------------------------------------------------------------

TEST_CASE("scorePlan: kept, broken and pending installments, cumulatively", "[plans][score]") {
    // UGX plan from 2026-04-15, grace 2: 1000 on 05-01, 06-01 and 07-01 (deadlines 05-03,
    // 06-03, 07-03; cumulative amounts 1000, 2000, 3000).
    const std::vector<PlanInstallment> plan = {planRow(1, "2026-05-01", 1000),
                                               planRow(2, "2026-06-01", 1000),
                                               planRow(3, "2026-07-01", 1000)};
    const rd::Date start = day("2026-04-15");
    using S = PlanInstallmentStatus;

    SECTION("an overpayment of #1 carries to #2; a payment before the start does not count") {
        // 04-10 5000 is before the start. 04-30 1500 keeps #1 (1500 >= 1000); 06-03 500 on
        // #2's deadline day makes 2000 >= 2000: #2 kept; #3 pending.
        const std::vector<rd::Payment> payments = {pay("A", "2026-04-10", 5000),
                                                   pay("B", "2026-04-30", 1500),
                                                   pay("C", "2026-06-03", 500)};
        const auto score = rd::scorePlan(plan, start, 2, payments, day("2026-06-03"));
        CHECK(score.installments == std::vector<S>{S::Kept, S::Kept, S::Pending});
        CHECK(score.status == PlanStatus::Active);
        CHECK(score.paid == 2000);
        CHECK(score.next == std::size_t{2});
        CHECK_FALSE(score.brokenOn.has_value());
        // Before C, as of 06-02: 1500 < 2000 but the deadline 06-03 has not passed.
        const auto pending = rd::scorePlan(plan, start, 2, payments, day("2026-06-02"));
        CHECK(pending.installments == std::vector<S>{S::Kept, S::Pending, S::Pending});
        CHECK(pending.paid == 1500);
        CHECK(pending.next == std::size_t{1});
    }
    SECTION("one day after the grace the installment is broken, and so is the plan") {
        const std::vector<rd::Payment> payments = {pay("B", "2026-04-30", 1500),
                                                   pay("C", "2026-06-04", 500)};
        const auto score = rd::scorePlan(plan, start, 2, payments, day("2026-06-04"));
        CHECK(score.installments == std::vector<S>{S::Kept, S::Broken, S::Pending});
        CHECK(score.status == PlanStatus::Broken);
        CHECK(score.brokenOn == day("2026-06-04")); // deadline 06-03 + 1
        CHECK(score.next == std::size_t{1});
        // With grace 3 (deadline 06-04) the same payment keeps #2.
        const auto graced = rd::scorePlan(plan, start, 3, payments, day("2026-06-04"));
        CHECK(graced.installments == std::vector<S>{S::Kept, S::Kept, S::Pending});
        CHECK(graced.status == PlanStatus::Active);
    }
    SECTION("broken at its first broken installment even if later ones are kept") {
        // 04-30 1500, 06-10 1500: by 06-03 only 1500 < 2000 (#2 broken); by 07-03 3000 (#3
        // kept). Broken since 06-04.
        const std::vector<rd::Payment> payments = {pay("B", "2026-04-30", 1500),
                                                   pay("D", "2026-06-10", 1500)};
        const auto score = rd::scorePlan(plan, start, 2, payments, day("2026-07-10"));
        CHECK(score.installments == std::vector<S>{S::Kept, S::Broken, S::Kept});
        CHECK(score.status == PlanStatus::Broken);
        CHECK(score.brokenOn == day("2026-06-04"));
        CHECK(score.paid == 3000);
    }
    SECTION("completed when the last installment is kept") {
        const std::vector<rd::Payment> payments = {pay("B", "2026-05-01", 1000),
                                                   pay("C", "2026-06-01", 1000),
                                                   pay("D", "2026-07-03", 1000)};
        const auto score = rd::scorePlan(plan, start, 2, payments, day("2026-07-03"));
        CHECK(score.installments == std::vector<S>{S::Kept, S::Kept, S::Kept});
        CHECK(score.status == PlanStatus::Completed);
        CHECK_FALSE(score.next.has_value());
        CHECK(score.paid == 3000);
    }
    SECTION("a reversed payment does not count once reversed") {
        // B 1500 on 04-30 reversed on 05-02: as of 05-01 #1 kept; as of 05-04 (after the
        // deadline 05-03) nothing counts: #1 broken, broken on 05-04.
        const std::vector<rd::Payment> payments = {pay("B", "2026-04-30", 1500, "2026-05-02")};
        const auto early = rd::scorePlan(plan, start, 2, payments, day("2026-05-01"));
        CHECK(early.installments[0] == S::Kept);
        CHECK(early.paid == 1500);
        const auto late = rd::scorePlan(plan, start, 2, payments, day("2026-05-04"));
        CHECK(late.installments[0] == S::Broken);
        CHECK(late.status == PlanStatus::Broken);
        CHECK(late.brokenOn == day("2026-05-04"));
        CHECK(late.paid == 0);
    }
    SECTION("a payment made after the as-of date does not count yet") {
        const std::vector<rd::Payment> payments = {pay("B", "2026-05-02", 1000)};
        CHECK(rd::scorePlan(plan, start, 2, payments, day("2026-05-01")).installments[0] ==
              S::Pending);
        CHECK(rd::scorePlan(plan, start, 2, payments, day("2026-05-02")).installments[0] ==
              S::Kept);
    }
}

TEST_CASE("planBalance: outstanding principal plus unpaid interest, fees, penalties due before S",
          "[plans][score]") {
    // L2 as of S: 200.00 principal + #2's interest 10.00 + penalty 5.00 = 215.00 (#3's
    // interest, not yet due, is not balance).
    PositionCalculator calc;
    CHECK(rd::planBalance(calc.compute(workedL2(), kStart)) == 21500);
}

// ---------------------------------------------------------------------------------------
// 5. Editor checks and proposals, monthly amount
// ---------------------------------------------------------------------------------------

TEST_CASE("checkPlanInstallments names each problem with its row and column", "[plans][editor]") {
    const rd::Date start = day("2026-05-01");
    SECTION("a good list has no problems") {
        const std::vector<PlanInstallment> good = {planRow(1, "2026-05-01", 2500),
                                                   planRow(2, "2026-06-01", 2500)};
        CHECK(rd::checkPlanInstallments(good, start, 5000, 0).empty());
    }
    SECTION("an empty list") {
        const auto problems = rd::checkPlanInstallments({}, start, 0, 0);
        REQUIRE(problems.size() == 1);
        CHECK_FALSE(problems[0].row.has_value());
        CHECK(problems[0].column.empty());
    }
    SECTION("before the start, not increasing, amount not above 0, total below the minimum") {
        // Rows: 0 04-30 (before 05-01), 1 05-10, 2 05-10 (not after row 1), 3 06-01 amount 0.
        // Total 1000 + 1000 + 500 + 0 = 2500 < 5000: short by 2500.
        const std::vector<PlanInstallment> rows = {
            planRow(1, "2026-04-30", 1000), planRow(2, "2026-05-10", 1000),
            planRow(3, "2026-05-10", 500), planRow(4, "2026-06-01", 0)};
        const auto problems = rd::checkPlanInstallments(rows, start, 5000, 0);
        REQUIRE(problems.size() == 4);
        CHECK(problems[0].row == std::size_t{0});
        CHECK(problems[0].column == "due_date");
        CHECK_THAT(problems[0].message,
                   Catch::Contains("2026-04-30") && Catch::Contains("before the plan's start"));
        CHECK(problems[1].row == std::size_t{2});
        CHECK(problems[1].column == "due_date");
        CHECK_THAT(problems[1].message, Catch::Contains("dates must increase"));
        CHECK(problems[2].row == std::size_t{3});
        CHECK(problems[2].column == "amount");
        CHECK_FALSE(problems[3].row.has_value());
        CHECK(problems[3].column == "amount");
        CHECK(problems[3].message ==
              "the installments add up to 2500, less than the 5000 agreed: raise them by 2500");
    }
    SECTION("a negative amount and KES formatting of the shortfall") {
        const std::vector<PlanInstallment> rows = {planRow(1, "2026-05-02", -100),
                                                   planRow(2, "2026-05-03", 12050)};
        const auto problems = rd::checkPlanInstallments(rows, start, 20000, 2);
        REQUIRE(problems.size() == 2);
        CHECK(problems[0].row == std::size_t{0});
        CHECK(problems[0].column == "amount");
        // 119.50 < 200.00: raise by 80.50
        CHECK(problems[1].message ==
              "the installments add up to 119.50, less than the 200.00 agreed: raise them by "
              "80.50");
    }
}

TEST_CASE("proposeArrangement splits the arrears and adds the regular installments of each part",
          "[plans][editor]") {
    // L2 as of S 2026-03-20: arrears 115.00 (#2); #3 (04-01) unpaid 110.00. Two monthly parts:
    // 04-20 and 05-20; shares 57.50 + 57.50; #3 falls in [03-20, 04-20]:
    // part 1 = 57.50 + 110.00 = 167.50, part 2 = 57.50. Sum 225.00 = 115.00 + 110.00.
    PositionCalculator calc;
    const auto pos = calc.compute(workedL2(), kStart);
    REQUIRE(pos.arrears.total() == 11500);
    const auto plan =
        rd::proposeArrangement(calc.installments(), kStart, pos.arrears.total(), 2, 1, true);
    REQUIRE(plan.size() == 2);
    CHECK(plan[0].n == 1);
    CHECK(plan[0].dueDate == day("2026-04-20"));
    CHECK(plan[0].amount == 16750);
    CHECK(plan[1].n == 2);
    CHECK(plan[1].dueDate == day("2026-05-20"));
    CHECK(plan[1].amount == 5750);
    CHECK(rd::planTotal(plan) == 22500);

    SECTION("three parts every 2 weeks") {
        // 04-03, 04-17, 05-01; 11500 / 3 = 3833.33 -> 3833, 3833, 3834; #3 (04-01) in part 1.
        const auto weekly = rd::proposeArrangement(calc.installments(), kStart, 11500, 3, 2, false);
        REQUIRE(weekly.size() == 3);
        CHECK(weekly[0].dueDate == day("2026-04-03"));
        CHECK(weekly[0].amount == 3833 + 11000);
        CHECK(weekly[1].dueDate == day("2026-04-17"));
        CHECK(weekly[1].amount == 3833);
        CHECK(weekly[2].dueDate == day("2026-05-01"));
        CHECK(weekly[2].amount == 3834);
        CHECK(rd::planTotal(weekly) == 22500);
    }
    SECTION("a part with nothing to pay is left out, not proposed as 0") {
        // 2 minor units of arrears in 4 monthly parts: shares 0, 0, 0, 2; the parts with no
        // installment of the loan in their period would be 0 and are left out.
        const auto small = rd::proposeArrangement(calc.installments(), kStart, 2, 4, 1, true);
        REQUIRE_FALSE(small.empty());
        CHECK(small.size() < 4);
        for (std::size_t i = 0; i < small.size(); ++i) {
            CHECK(small[i].n == static_cast<int>(i) + 1);
            CHECK(small[i].amount > 0);
        }
        const auto none = rd::proposeArrangement(calc.installments(), kStart, 0, 4, 1, true);
        CHECK(rd::planTotal(small) == rd::planTotal(none) + 2);
        CHECK(rd::proposeArrangement({}, kStart, 0, 3, 1, true).empty());
    }
}

TEST_CASE("proposeSettlement and planDates: month ends from Jan 31", "[plans][editor]") {
    // From 2026-01-31 monthly, one anchor: 02-28, 03-31, 04-30.
    CHECK(rd::planDates(day("2026-01-31"), 3, 1, true) ==
          std::vector<rd::Date>{day("2026-02-28"), day("2026-03-31"), day("2026-04-30")});
    // 1000.00 in 3 parts: 333.33, 333.33, 333.34.
    const auto parts = rd::proposeSettlement(100000, day("2026-01-31"), 3, 1, true);
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].dueDate == day("2026-02-28"));
    CHECK(parts[0].amount == 33333);
    CHECK(parts[1].dueDate == day("2026-03-31"));
    CHECK(parts[1].amount == 33333);
    CHECK(parts[2].dueDate == day("2026-04-30"));
    CHECK(parts[2].amount == 33334);
    CHECK(rd::planTotal(parts) == 100000);
    // One sum: the whole amount one period after the start.
    const auto one = rd::proposeSettlement(100000, day("2026-01-31"), 1, 1, true);
    REQUIRE(one.size() == 1);
    CHECK(one[0].amount == 100000);
    CHECK(one[0].dueDate == day("2026-02-28"));
    // Weekly: start + 7 i k days.
    CHECK(rd::planDates(day("2026-01-31"), 2, 2, false) ==
          std::vector<rd::Date>{day("2026-02-14"), day("2026-02-28")});
}

TEST_CASE("monthlyPlanAmount: weekly x 52 / 12, every 2 weeks, monthly, one lump sum",
          "[plans][editor]") {
    const rd::Date start = day("2026-01-01");
    // Weekly 1200: 1200 x 52 / 12 = 5200.
    CHECK(rd::monthlyPlanAmount({planRow(1, "2026-01-08", 1200), planRow(2, "2026-01-15", 1200)},
                                start) == 5200);
    // Weekly 1000: 52000 / 12 = 4333.33 -> 4333.
    CHECK(rd::monthlyPlanAmount({planRow(1, "2026-01-08", 1000), planRow(2, "2026-01-15", 1000)},
                                start) == 4333);
    // One sum of 1000 a week away is saved up for within a month: 1000 (not 4333).
    CHECK(rd::monthlyPlanAmount({planRow(1, "2026-01-08", 1000)}, start) == 1000);
    // Every 2 weeks 1200: 1200 x 52 / 24 = 2600.
    CHECK(rd::monthlyPlanAmount({planRow(1, "2026-01-15", 1200), planRow(2, "2026-01-29", 1200)},
                                start) == 2600);
    // Monthly 3000 (31 and 28 days: 1 month each): 3000.
    CHECK(rd::monthlyPlanAmount({planRow(1, "2026-02-01", 3000), planRow(2, "2026-03-01", 3000)},
                                start) == 3000);
    // One lump sum 60000 on 07-01: 181 days / 30.4375 = 5.95 -> 6 months: 10000.
    CHECK(rd::monthlyPlanAmount({planRow(1, "2026-07-01", 60000)}, start) == 10000);
    // The heaviest installment: monthly 3000 then a weekly 1200 (5200) -> 5200.
    CHECK(rd::monthlyPlanAmount({planRow(1, "2026-02-01", 3000), planRow(2, "2026-02-08", 1200)},
                                start) == 5200);
}

// ---------------------------------------------------------------------------------------
// 6. Case lifecycle
// ---------------------------------------------------------------------------------------

TEST_CASE("case lifecycle: a settled loan's case closes as settled", "[plans][case]") {
    const LoanLedger loan = settlingL2();
    PositionCalculator calc;
    const rd::OpenCaseState open{day("2026-03-02"), rd::CaseStage::Early};
    const auto d = rd::decideCase(loan, open, day("2026-04-10"), {}, calc);
    CHECK(d.action == rd::CaseAction::CloseSettled);
    CHECK(d.position.status == LoanStatus::Settled);
    CHECK(d.reason == "Settled on 2026-04-10: the rest was waived");
    CHECK(std::string(rd::toString(rd::CaseAction::CloseSettled)) == "close-settled");
    // The day before: active and past due: kept open.
    CHECK(rd::decideCase(loan, open, day("2026-04-09"), {}, calc).action == rd::CaseAction::Keep);
}

TEST_CASE("case lifecycle: a current loan in watch is not cured", "[plans][case]") {
    // L2 rescheduled on S, new #1 (04-20) paid on time: current since S (DPD 18 on 03-19).
    // As of 05-19: 60 days current, but 1 of 3 installments proven: in watch, case kept.
    LoanLedger loan = rescheduledL2(false);
    loan.payments.push_back(pay("P5", "2026-04-20", 8300));
    const rd::OpenCaseState open{day("2026-03-02"), rd::CaseStage::Early};
    PositionCalculator calc;
    const auto d = rd::decideCase(loan, open, day("2026-05-19"), {}, calc);
    CHECK(d.position.daysPastDue == 0);
    CHECK(d.position.inWatch);
    CHECK(d.action == rd::CaseAction::Keep);
    CHECK(rd::currentSince(loan, day("2026-05-19"), calc) == kStart);
    // With W = 1 the watch is over after 04-20: cured (60 days >= 30).
    rd::DelinquencyPolicy policy;
    policy.watchInstallments = 1;
    PositionCalculator calc1(policy);
    const auto cured = rd::decideCase(loan, open, day("2026-05-19"), {}, calc1);
    CHECK_FALSE(cured.position.inWatch);
    CHECK(cured.action == rd::CaseAction::CloseCured);
    CHECK(cured.currentSince == kStart);
}

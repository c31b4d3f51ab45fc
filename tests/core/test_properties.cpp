// Property tests over thousands of random ledgers (fixed seeds): the replay keeps money
// exact, agrees with a plain reference model of domain.md sections 3 and 4, and the aging
// report adds up.

#include "core/aging_report.h"
#include "core/ledger_rules.h"
#include "core/loan_position.h"
#include "ledger_builders.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

using rd::Amount;
using rd::ComponentAmounts;
using rd::Date;
using rd::LoanLedger;
using rd::LoanPosition;
using rd::LoanStatus;

namespace {

constexpr int kLoans = 2500;
constexpr int kDatesPerLoan = 4;

// The reference model: the rules of domain.md sections 3 and 4 written as plainly as
// possible, with no shortcut (every payment walks every installment from the first).
struct Reference {
    std::vector<ComponentAmounts> due;
    std::vector<ComponentAmounts> paid;
    Amount credit = 0;
    Amount counted = 0;
};

Reference replay(const LoanLedger& loan, Date asOf) {
    Reference r;
    for (const auto& in : loan.schedule) {
        ComponentAmounts d;
        d.principal = in.principalDue;
        d.interest = in.interestDue;
        d.fees = in.feeDue;
        r.due.push_back(d);
        r.paid.push_back({});
    }
    // (date, 0 charge / 1 payment, id, index)
    std::vector<std::tuple<Date, int, std::string, std::size_t>> events;
    for (std::size_t i = 0; i < loan.charges.size(); ++i)
        if (loan.charges[i].chargedOn <= asOf)
            events.emplace_back(loan.charges[i].chargedOn, 0, loan.charges[i].id, i);
    for (std::size_t i = 0; i < loan.payments.size(); ++i) {
        const auto& p = loan.payments[i];
        const bool reversed = p.reversedOn && *p.reversedOn <= asOf;
        if (p.paidOn <= asOf && !reversed)
            events.emplace_back(p.paidOn, 1, p.id, i);
    }
    std::sort(events.begin(), events.end());
    for (const auto& [date, kind, id, index] : events) {
        if (kind == 0) {
            const auto& c = loan.charges[index];
            auto& d = r.due[static_cast<std::size_t>(c.installmentNumber - 1)];
            (c.kind == rd::ChargeKind::Fee ? d.fees : d.penalties) += c.amount;
            continue;
        }
        Amount left = loan.payments[index].amount;
        r.counted += left;
        for (std::size_t i = 0; i < r.due.size(); ++i) {
            auto pay = [&left](Amount due, Amount& paid) {
                const Amount part = std::min(left, due - paid);
                paid += part;
                left -= part;
            };
            pay(r.due[i].penalties, r.paid[i].penalties);
            pay(r.due[i].fees, r.paid[i].fees);
            pay(r.due[i].interest, r.paid[i].interest);
            pay(r.due[i].principal, r.paid[i].principal);
        }
        r.credit += left;
    }
    return r;
}

struct Failures {
    int count = 0;
    std::string first;
    void add(const LoanLedger& loan, Date asOf, const std::string& what) {
        if (count++ == 0)
            first = loan.terms.loanId + " as of " + asOf.toString() + ": " + what;
    }
};

// Checks one position against the properties; records the first failure.
void checkPosition(const LoanLedger& loan, Date asOf, const LoanPosition& pos,
                   const std::vector<rd::InstallmentState>& inst,
                   const rd::DelinquencyPolicy& policy, Failures& f) {
    const Reference ref = replay(loan, asOf);
    if (inst.size() != loan.schedule.size())
        return f.add(loan, asOf, "installment count");

    // (a) money is neither created nor lost.
    Amount paidTotal = 0;
    for (const auto& s : inst)
        paidTotal += s.paid.total();
    if (paidTotal + pos.creditBalance != ref.counted)
        f.add(loan, asOf, "paid + credit != payments counted");
    if (pos.paymentsCounted != ref.counted)
        f.add(loan, asOf, "paymentsCounted");
    if (pos.creditBalance < 0)
        f.add(loan, asOf, "negative credit");

    // (b) paid never exceeds due, per component, and is never negative.
    for (const auto& s : inst) {
        const ComponentAmounts u = s.unpaid();
        if (u.principal < 0 || u.interest < 0 || u.fees < 0 || u.penalties < 0)
            f.add(loan, asOf, "paid exceeds due on #" + std::to_string(s.number));
        if (s.paid.principal < 0 || s.paid.interest < 0 || s.paid.fees < 0 || s.paid.penalties < 0)
            f.add(loan, asOf, "negative paid on #" + std::to_string(s.number));
    }
    // Credit only when every installment is fully paid, but for charges added since
    // (credit is not applied to later charges): no principal or interest is unpaid.
    if (pos.creditBalance > 0)
        for (const auto& s : inst)
            if (s.unpaid().principal != 0 || s.unpaid().interest != 0)
                f.add(loan, asOf,
                      "credit balance while #" + std::to_string(s.number) + " is unpaid");

    // The allocation equals the reference model's.
    for (std::size_t i = 0; i < inst.size(); ++i) {
        if (inst[i].due != ref.due[i])
            f.add(loan, asOf, "due differs from the reference on #" + std::to_string(i + 1));
        if (inst[i].paid != ref.paid[i])
            f.add(loan, asOf, "paid differs from the reference on #" + std::to_string(i + 1));
        if (inst[i].dueDate != loan.schedule[i].dueDate ||
            inst[i].number != loan.schedule[i].number)
            f.add(loan, asOf, "installment identity");
    }
    if (pos.creditBalance != ref.credit)
        f.add(loan, asOf, "credit differs from the reference");

    // (c) DPD, arrears, outstanding principal and status follow from the schedule.
    std::optional<Date> oldest;
    ComponentAmounts arrears;
    Amount principalPaid = 0;
    Amount scheduled = 0;
    bool anythingUnpaid = false;
    for (std::size_t i = 0; i < ref.due.size(); ++i) {
        const ComponentAmounts unpaid = ref.due[i] - ref.paid[i];
        const Date due = loan.schedule[i].dueDate;
        principalPaid += ref.paid[i].principal;
        scheduled += loan.schedule[i].principalDue;
        anythingUnpaid = anythingUnpaid || unpaid.total() > 0;
        if (due < asOf) {
            arrears += unpaid;
            if (unpaid.total() > policy.arrearsTolerance && (!oldest || due < *oldest))
                oldest = due;
        }
    }
    if (pos.oldestOverdueDueDate != oldest)
        f.add(loan, asOf, "oldest overdue due date");
    if ((pos.daysPastDue > 0) != oldest.has_value())
        f.add(loan, asOf, "DPD > 0 iff an installment is overdue");
    if (pos.daysPastDue != (oldest ? asOf - *oldest : 0))
        f.add(loan, asOf, "DPD != D - oldest overdue due date");
    if (pos.arrears != arrears)
        f.add(loan, asOf, "arrears");
    if (pos.outstandingPrincipal != scheduled - principalPaid)
        f.add(loan, asOf, "outstanding principal");
    if (pos.outstandingPrincipal != loan.terms.principal - principalPaid)
        f.add(loan, asOf, "outstanding principal vs the loan's principal");

    LoanStatus status = LoanStatus::Active;
    if (asOf < loan.terms.disbursedOn)
        status = LoanStatus::NotDisbursed;
    else if (loan.terms.writtenOffOn && *loan.terms.writtenOffOn <= asOf)
        status = LoanStatus::WrittenOff;
    else if (!anythingUnpaid)
        status = LoanStatus::PaidOff;
    if (pos.status != status)
        f.add(loan, asOf,
              std::string("status ") + rd::toString(pos.status) + ", expected " +
                  rd::toString(status));
    if (pos.status == LoanStatus::PaidOff &&
        (pos.outstandingPrincipal != 0 || pos.arrears.total() != 0 || pos.daysPastDue != 0))
        f.add(loan, asOf, "paid off with something unpaid");
    if (pos.bucketIndex.has_value() != (status == LoanStatus::Active))
        f.add(loan, asOf, "bucket for a loan that is not active, or none for an active one");
    if (pos.bucketIndex && *pos.bucketIndex != policy.buckets.indexFor(pos.daysPastDue))
        f.add(loan, asOf, "bucket index");
    if (pos.asOf != asOf)
        f.add(loan, asOf, "asOf");
}

std::vector<LoanLedger> portfolio(std::uint64_t seed, int count) {
    rdtest::RandomLedgers gen(seed);
    std::vector<LoanLedger> loans;
    for (int i = 0; i < count; ++i)
        loans.push_back(gen.next());
    return loans;
}

} // namespace

TEST_CASE("the random ledgers are valid and varied", "[properties]") {
    rdtest::RandomLedgers gen(1);
    int withCharges = 0, withReversals = 0, writtenOff = 0, problems = 0;
    for (int i = 0; i < kLoans; ++i) {
        const LoanLedger loan = gen.next();
        problems += static_cast<int>(rd::checkLedger(loan, 2).size());
        withCharges += !loan.charges.empty();
        writtenOff += loan.terms.writtenOffOn.has_value();
        for (const auto& p : loan.payments)
            if (p.reversedOn) {
                ++withReversals;
                break;
            }
    }
    CHECK(problems == 0);
    CHECK(withCharges > kLoans / 2);
    CHECK(withReversals > kLoans / 10);
    CHECK(writtenOff > kLoans / 20);
}

TEST_CASE("allocation, DPD, arrears and status properties over random ledgers", "[properties]") {
    for (const rd::Amount tolerance : {rd::Amount{0}, rd::Amount{100}}) {
        rd::DelinquencyPolicy policy;
        policy.arrearsTolerance = tolerance;
        rd::PositionCalculator calc(policy); // reused across loans, as a portfolio run does
        rdtest::RandomLedgers gen(tolerance == 0 ? 42 : 4242);
        Failures failures;
        int positions = 0;
        int statuses[4] = {0, 0, 0, 0};
        int withCredit = 0;
        int overdue = 0;
        for (int i = 0; i < kLoans; ++i) {
            const LoanLedger loan = gen.next();
            for (int k = 0; k < kDatesPerLoan; ++k) {
                const Date asOf = gen.asOfFor(loan);
                const LoanPosition pos = calc.compute(loan, asOf);
                checkPosition(loan, asOf, pos, calc.installments(), policy, failures);
                ++positions;
                ++statuses[static_cast<int>(pos.status)];
                withCredit += pos.creditBalance > 0;
                overdue += pos.daysPastDue > 0;
            }
        }
        INFO("tolerance " << tolerance << ", first failure: " << failures.first);
        CHECK(failures.count == 0);
        CHECK(positions == kLoans * kDatesPerLoan);
        // The generator reaches every case.
        CHECK(statuses[static_cast<int>(LoanStatus::NotDisbursed)] > 50);
        CHECK(statuses[static_cast<int>(LoanStatus::Active)] > 1000);
        CHECK(statuses[static_cast<int>(LoanStatus::PaidOff)] > 50);
        CHECK(statuses[static_cast<int>(LoanStatus::WrittenOff)] > 50);
        CHECK(withCredit > 20);
        CHECK(overdue > 1000);
    }
}

TEST_CASE("the position does not depend on the order events are listed in", "[properties]") {
    rdtest::RandomLedgers gen(77);
    rd::PositionCalculator calc;
    int differences = 0;
    for (int i = 0; i < kLoans; ++i) {
        LoanLedger loan = gen.next();
        const Date asOf = gen.asOfFor(loan);
        const LoanPosition a = calc.compute(loan, asOf);
        const auto installments = calc.installments();
        std::reverse(loan.payments.begin(), loan.payments.end());
        std::shuffle(loan.charges.begin(), loan.charges.end(), gen.engine());
        const LoanPosition b = calc.compute(loan, asOf);
        bool same = a.arrears == b.arrears && a.daysPastDue == b.daysPastDue &&
                    a.creditBalance == b.creditBalance &&
                    a.outstandingPrincipal == b.outstandingPrincipal && a.status == b.status;
        for (std::size_t k = 0; k < installments.size(); ++k)
            same = same && installments[k].paid == calc.installments()[k].paid;
        differences += !same;
    }
    CHECK(differences == 0);
}

TEST_CASE("aging totals equal the sum of the groups for every grouping", "[properties][aging]") {
    const auto loans = portfolio(5150, kLoans);
    for (const char* asOfText : {"2021-06-30", "2023-03-01", "2025-12-31"}) {
        const Date asOf = rdtest::day(asOfText);
        for (auto by :
             {rd::AgingGroupBy::Branch, rd::AgingGroupBy::Officer, rd::AgingGroupBy::Product}) {
            INFO("as of " << asOfText << " by " << rd::toString(by));
            rd::PositionCalculator calc;
            rd::AgingBuilder builder(asOf, calc.policy().buckets, by);
            // The same figures computed directly from the positions.
            rd::AgingTotals direct(calc.policy().buckets.size());
            for (const auto& loan : loans) {
                const LoanPosition pos = calc.compute(loan, asOf);
                builder.add(loan.terms, pos);
                if (pos.status != LoanStatus::Active)
                    continue;
                ++direct.activeLoans;
                direct.grossPortfolio += pos.outstandingPrincipal;
                direct.arrears += pos.arrears.total();
                direct.atRisk1 += pos.daysPastDue > 1 ? pos.outstandingPrincipal : 0;
                direct.atRisk30 += pos.daysPastDue > 30 ? pos.outstandingPrincipal : 0;
                direct.atRisk90 += pos.daysPastDue > 90 ? pos.outstandingPrincipal : 0;
                auto& b = direct.buckets[*pos.bucketIndex];
                ++b.loans;
                b.outstandingPrincipal += pos.outstandingPrincipal;
                b.arrears += pos.arrears.total();
            }
            const rd::AgingReport& r = builder.report();
            rd::AgingTotals sum(r.bucketNames.size());
            std::string previous;
            bool first = true;
            for (const auto& [name, totals] : r.groups) {
                CHECK_FALSE(name.empty());
                if (!first)
                    CHECK(previous < name);
                previous = name;
                first = false;
                CHECK(totals.activeLoans > 0);
                sum.activeLoans += totals.activeLoans;
                sum.grossPortfolio += totals.grossPortfolio;
                sum.arrears += totals.arrears;
                sum.atRisk1 += totals.atRisk1;
                sum.atRisk30 += totals.atRisk30;
                sum.atRisk90 += totals.atRisk90;
                for (std::size_t i = 0; i < sum.buckets.size(); ++i) {
                    sum.buckets[i].loans += totals.buckets[i].loans;
                    sum.buckets[i].outstandingPrincipal += totals.buckets[i].outstandingPrincipal;
                    sum.buckets[i].arrears += totals.buckets[i].arrears;
                }
            }
            auto same = [](const rd::AgingTotals& got, const rd::AgingTotals& expected) {
                CHECK(got.activeLoans == expected.activeLoans);
                CHECK(got.grossPortfolio == expected.grossPortfolio);
                CHECK(got.arrears == expected.arrears);
                CHECK(got.atRisk1 == expected.atRisk1);
                CHECK(got.atRisk30 == expected.atRisk30);
                CHECK(got.atRisk90 == expected.atRisk90);
                REQUIRE(got.buckets.size() == expected.buckets.size());
                for (std::size_t i = 0; i < got.buckets.size(); ++i) {
                    CHECK(got.buckets[i].loans == expected.buckets[i].loans);
                    CHECK(got.buckets[i].outstandingPrincipal ==
                          expected.buckets[i].outstandingPrincipal);
                    CHECK(got.buckets[i].arrears == expected.buckets[i].arrears);
                }
            };
            same(sum, r.total);    // the groups add up to the total
            same(r.total, direct); // and the total is what the positions say
            CHECK(r.total.activeLoans > 100);
            CHECK(r.total.atRisk1 <= r.total.grossPortfolio);
            CHECK(r.total.atRisk90 <= r.total.atRisk30);
            CHECK(r.total.atRisk30 <= r.total.atRisk1);
        }
    }
}

TEST_CASE("adding a payment never increases arrears, DPD or outstanding principal",
          "[properties]") {
    for (const rd::Amount tolerance : {rd::Amount{0}, rd::Amount{100}}) {
        rd::DelinquencyPolicy policy;
        policy.arrearsTolerance = tolerance;
        rd::PositionCalculator calc(policy);
        rdtest::RandomLedgers gen(tolerance == 0 ? 9001 : 9002);
        Failures failures;
        int decreased = 0;
        for (int i = 0; i < kLoans; ++i) {
            LoanLedger loan = gen.next();
            const Date asOf = gen.asOfFor(loan);
            const LoanPosition before = calc.compute(loan, asOf);
            rd::Payment extra;
            extra.id = "X" + std::to_string(gen.between(0, 200));
            const int span = std::max(0, asOf - loan.terms.disbursedOn);
            extra.paidOn = loan.terms.disbursedOn.addDays(static_cast<int>(gen.between(0, span)));
            extra.amount = gen.between(1, 60000);
            loan.payments.push_back(extra);
            const LoanPosition after = calc.compute(loan, asOf);
            if (after.arrears.total() > before.arrears.total())
                failures.add(loan, asOf, "arrears total increased");
            if (after.arrears.principal > before.arrears.principal ||
                after.arrears.interest > before.arrears.interest ||
                after.arrears.fees > before.arrears.fees ||
                after.arrears.penalties > before.arrears.penalties)
                failures.add(loan, asOf, "an arrears component increased");
            if (after.daysPastDue > before.daysPastDue)
                failures.add(loan, asOf, "DPD increased");
            if (after.outstandingPrincipal > before.outstandingPrincipal)
                failures.add(loan, asOf, "outstanding principal increased");
            if (after.creditBalance < before.creditBalance)
                failures.add(loan, asOf, "credit decreased");
            const bool counts = extra.paidOn <= asOf;
            if (after.paymentsCounted != before.paymentsCounted + (counts ? extra.amount : 0))
                failures.add(loan, asOf, "payments counted");
            decreased += after.arrears.total() < before.arrears.total();
        }
        INFO("tolerance " << tolerance << ", first failure: " << failures.first);
        CHECK(failures.count == 0);
        CHECK(decreased > kLoans / 10);
    }
}

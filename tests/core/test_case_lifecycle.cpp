// domain.md section 6: case stages, opening, closing as paid or cured, post-write-off.

#include "core/case_lifecycle.h"
#include "ledger_builders.h"

#include <catch2/catch.hpp>
#include <optional>

using rd::CaseAction;
using rd::CaseStage;
using rd::LoanStatus;
using rd::OpenCaseState;
using rd::PositionCalculator;
using rdtest::day;
using rdtest::LedgerBuilder;

namespace Catch {
template <> struct StringMaker<rd::CaseAction> {
    static std::string convert(rd::CaseAction a) { return rd::toString(a); }
};
template <> struct StringMaker<rd::CaseStage> {
    static std::string convert(rd::CaseStage s) { return rd::toString(s); }
};
} // namespace Catch

namespace {

// UGX: three monthly installments of 100,000 from 2026-02-01.
LedgerBuilder threeMonths(std::string id = "L1") {
    LedgerBuilder b(std::move(id), "2026-01-01");
    b.installment("2026-02-01", 100000)
        .installment("2026-03-01", 100000)
        .installment("2026-04-01", 100000);
    return b;
}

OpenCaseState openCase(std::string_view openedOn, CaseStage stage = CaseStage::Early) {
    return OpenCaseState{day(openedOn), stage};
}

} // namespace

TEST_CASE("case stage text codes round-trip and bad text is refused", "[case][stage]") {
    CHECK(std::string(rd::toString(CaseStage::Early)) == "early");
    CHECK(std::string(rd::toString(CaseStage::Collection)) == "collection");
    CHECK(std::string(rd::toString(CaseStage::PreLegal)) == "pre-legal");
    CHECK(std::string(rd::toString(CaseStage::Legal)) == "legal");
    CHECK(std::string(rd::toString(CaseStage::PostWriteOff)) == "post-write-off");
    for (CaseStage s : {CaseStage::Early, CaseStage::Collection, CaseStage::PreLegal,
                        CaseStage::Legal, CaseStage::PostWriteOff}) {
        auto parsed = rd::parseCaseStage(rd::toString(s));
        REQUIRE(parsed.ok());
        CHECK(*parsed == s);
    }
    for (const char* bad : {"", "Early", "pre_legal", "prelegal", "post_write_off", "legal "}) {
        auto parsed = rd::parseCaseStage(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK_THAT(parsed.error().message,
                   Catch::Contains("is not a case stage") && Catch::Contains("pre-legal"));
    }
}

TEST_CASE("suggested stage follows DPD bands, legal is never suggested", "[case][stage]") {
    CHECK(rd::suggestedStage(0, LoanStatus::Active) == CaseStage::Early);
    CHECK(rd::suggestedStage(1, LoanStatus::Active) == CaseStage::Early);
    CHECK(rd::suggestedStage(30, LoanStatus::Active) == CaseStage::Early);
    CHECK(rd::suggestedStage(31, LoanStatus::Active) == CaseStage::Collection);
    CHECK(rd::suggestedStage(90, LoanStatus::Active) == CaseStage::Collection);
    CHECK(rd::suggestedStage(91, LoanStatus::Active) == CaseStage::PreLegal);
    CHECK(rd::suggestedStage(180, LoanStatus::Active) == CaseStage::PreLegal);
    CHECK(rd::suggestedStage(181, LoanStatus::Active) == CaseStage::PreLegal);
    CHECK(rd::suggestedStage(2000, LoanStatus::Active) == CaseStage::PreLegal);
    CHECK(rd::suggestedStage(0, LoanStatus::WrittenOff) == CaseStage::PostWriteOff);
    CHECK(rd::suggestedStage(400, LoanStatus::WrittenOff) == CaseStage::PostWriteOff);
    for (int dpd = 0; dpd < 1000; ++dpd)
        CHECK(rd::suggestedStage(dpd, LoanStatus::Active) != CaseStage::Legal);
}

TEST_CASE("moving to legal needs a supervisor's approval", "[case][stage]") {
    CHECK(rd::needsApproval(CaseStage::Early, CaseStage::Legal));
    CHECK(rd::needsApproval(CaseStage::Collection, CaseStage::Legal));
    CHECK(rd::needsApproval(CaseStage::PreLegal, CaseStage::Legal));
    CHECK(rd::needsApproval(CaseStage::PostWriteOff, CaseStage::Legal));
    CHECK_FALSE(rd::needsApproval(CaseStage::Legal, CaseStage::Legal));
    CHECK_FALSE(rd::needsApproval(CaseStage::Early, CaseStage::Collection));
    CHECK_FALSE(rd::needsApproval(CaseStage::Collection, CaseStage::PreLegal));
    CHECK_FALSE(rd::needsApproval(CaseStage::Legal, CaseStage::PostWriteOff));
    CHECK_FALSE(rd::needsApproval(CaseStage::PreLegal, CaseStage::Early));
}

TEST_CASE("a case opens when DPD reaches the threshold", "[case][lifecycle]") {
    const auto loan = threeMonths().build();
    PositionCalculator calc;

    SECTION("due date itself: DPD 0, nothing to do") {
        auto d = rd::decideCase(loan, std::nullopt, day("2026-02-01"), {}, calc);
        CHECK(d.action == CaseAction::Keep);
        CHECK(d.position.daysPastDue == 0);
    }
    SECTION("the day after: DPD 1 opens an early case") {
        auto d = rd::decideCase(loan, std::nullopt, day("2026-02-02"), {}, calc);
        CHECK(d.action == CaseAction::Open);
        CHECK(d.stage == CaseStage::Early);
        CHECK(d.position.daysPastDue == 1);
        CHECK(d.reason == "1 day past due (a case opens at 1)");
    }
    SECTION("configured threshold 5: DPD 4 keeps, DPD 5 opens") {
        rd::CasePolicy policy;
        policy.openAtDpd = 5;
        CHECK(rd::decideCase(loan, std::nullopt, day("2026-02-05"), policy, calc).action ==
              CaseAction::Keep);
        auto d = rd::decideCase(loan, std::nullopt, day("2026-02-06"), policy, calc);
        CHECK(d.action == CaseAction::Open);
        CHECK(d.reason == "5 days past due (a case opens at 5)");
    }
    SECTION("opening late suggests the stage of the DPD") {
        auto d = rd::decideCase(loan, std::nullopt, day("2026-03-18"), {}, calc);
        CHECK(d.action == CaseAction::Open);
        CHECK(d.position.daysPastDue == 45);
        CHECK(d.stage == CaseStage::Collection);
        auto late = rd::decideCase(loan, std::nullopt, day("2026-05-10"), {}, calc);
        CHECK(late.position.daysPastDue == 98);
        CHECK(late.stage == CaseStage::PreLegal);
    }
    SECTION("an open case is kept while the loan is past due; stage stays a suggestion") {
        auto d = rd::decideCase(loan, openCase("2026-02-02"), day("2026-03-18"), {}, calc);
        CHECK(d.action == CaseAction::Keep);
        CHECK(d.stage == CaseStage::Collection);
        CHECK_FALSE(d.currentSince.has_value());
    }
    SECTION("not yet disbursed: no case") {
        auto d = rd::decideCase(loan, std::nullopt, day("2025-12-01"), {}, calc);
        CHECK(d.action == CaseAction::Keep);
    }
}

TEST_CASE("a case closes as paid when the loan is paid off", "[case][lifecycle]") {
    const auto loan = threeMonths().payment("P1", "2026-02-20", 300000).build();
    PositionCalculator calc;
    auto d = rd::decideCase(loan, openCase("2026-02-02"), day("2026-02-20"), {}, calc);
    CHECK(d.position.status == LoanStatus::PaidOff);
    CHECK(d.action == CaseAction::ClosePaid);
    CHECK(d.reason == "Loan paid off");
    // The day before, it was still past due: keep.
    CHECK(rd::decideCase(loan, openCase("2026-02-02"), day("2026-02-19"), {}, calc).action ==
          CaseAction::Keep);
    // Paid off loans never open a case.
    CHECK(rd::decideCase(loan, std::nullopt, day("2026-06-01"), {}, calc).action ==
          CaseAction::Keep);
}

TEST_CASE("a written-off loan's case moves to post-write-off", "[case][lifecycle]") {
    const auto loan = threeMonths().writtenOff("2026-09-30").build();
    PositionCalculator calc;
    SECTION("open case in another stage moves") {
        auto d = rd::decideCase(loan, openCase("2026-02-02", CaseStage::Legal), day("2026-10-01"),
                                {}, calc);
        CHECK(d.action == CaseAction::MoveToPostWriteOff);
        CHECK(d.stage == CaseStage::PostWriteOff);
        CHECK(d.reason == "Loan written off on 2026-09-30");
    }
    SECTION("already post-write-off: keep") {
        auto d = rd::decideCase(loan, openCase("2026-02-02", CaseStage::PostWriteOff),
                                day("2026-10-01"), {}, calc);
        CHECK(d.action == CaseAction::Keep);
    }
    SECTION("no case yet: one opens in post-write-off") {
        auto d = rd::decideCase(loan, std::nullopt, day("2026-10-01"), {}, calc);
        CHECK(d.action == CaseAction::Open);
        CHECK(d.stage == CaseStage::PostWriteOff);
    }
    SECTION("before the write-off date the loan is still active") {
        auto d = rd::decideCase(loan, openCase("2026-02-02", CaseStage::PreLegal),
                                day("2026-09-29"), {}, calc);
        CHECK(d.action == CaseAction::Keep);
        CHECK(d.stage == CaseStage::PreLegal);
    }
}

TEST_CASE("a case closes as cured after cureDays current, not a day earlier",
          "[case][lifecycle][cure]") {
    // Pays #1 and prepays #2 on 2026-02-10: current from 02-10 until 04-01 (#3 due).
    const auto loan = threeMonths().payment("P1", "2026-02-10", 200000).build();
    PositionCalculator calc;
    const auto open = openCase("2026-02-02");

    auto at29 = rd::decideCase(loan, open, day("2026-03-11"), {}, calc);
    CHECK(at29.action == CaseAction::Keep);
    REQUIRE(at29.currentSince.has_value());
    CHECK(*at29.currentSince == day("2026-02-10"));

    auto at30 = rd::decideCase(loan, open, day("2026-03-12"), {}, calc);
    CHECK(at30.action == CaseAction::CloseCured);
    CHECK(at30.reason == "Current since 2026-02-10 (30 days; cured after 30)");

    SECTION("a shorter configured period") {
        rd::CasePolicy policy;
        policy.cureDays = 7;
        CHECK(rd::decideCase(loan, open, day("2026-02-16"), policy, calc).action ==
              CaseAction::Keep);
        CHECK(rd::decideCase(loan, open, day("2026-02-17"), policy, calc).action ==
              CaseAction::CloseCured);
    }
    SECTION("a case opened by hand on a current loan counts from its opening") {
        const auto manual = openCase("2026-03-01");
        CHECK(rd::decideCase(loan, manual, day("2026-03-30"), {}, calc).action == CaseAction::Keep);
        CHECK(rd::decideCase(loan, manual, day("2026-03-31"), {}, calc).action ==
              CaseAction::CloseCured);
    }
}

TEST_CASE("a reversal restarts the cure period", "[case][lifecycle][cure]") {
    // Bounced on 02-20: past due again from 02-20 (DPD 19) until the 02-25 payment.
    const auto loan =
        threeMonths()
            .payment("P1", "2026-02-10", 200000, "2026-02-20", rd::PaymentMethod::Cheque)
            .payment("P2", "2026-02-25", 200000)
            .build();
    PositionCalculator calc;
    CHECK(calc.compute(loan, day("2026-02-20")).daysPastDue == 19);
    CHECK(rd::currentSince(loan, day("2026-02-19"), calc) == day("2026-02-10"));
    CHECK_FALSE(rd::currentSince(loan, day("2026-02-24"), calc).has_value());
    CHECK(rd::currentSince(loan, day("2026-03-20"), calc) == day("2026-02-25"));
    const auto open = openCase("2026-02-02");
    CHECK(rd::decideCase(loan, open, day("2026-03-26"), {}, calc).action == CaseAction::Keep);
    CHECK(rd::decideCase(loan, open, day("2026-03-27"), {}, calc).action == CaseAction::CloseCured);
}

TEST_CASE("current since: a loan never past due is current since disbursement", "[case][cure]") {
    const auto loan = threeMonths().payment("P1", "2026-02-01", 100000).build();
    PositionCalculator calc;
    CHECK(rd::currentSince(loan, day("2026-02-15"), calc) == day("2026-01-01"));
    // #2 unpaid: past due from 03-02.
    CHECK_FALSE(rd::currentSince(loan, day("2026-03-02"), calc).has_value());
    CHECK(rd::currentSince(loan, day("2026-03-01"), calc) == day("2026-01-01"));
}

TEST_CASE("current since matches a day-by-day walk on random ledgers", "[case][cure][property]") {
    rdtest::RandomLedgers random(20261128);
    PositionCalculator calc;
    int checked = 0;
    for (int n = 0; n < 1000; ++n) {
        const rd::LoanLedger loan = random.next();
        const rd::Date asOf = random.asOfFor(loan);
        const auto since = rd::currentSince(loan, asOf, calc);
        if (calc.compute(loan, asOf).daysPastDue != 0) {
            CHECK_FALSE(since.has_value());
            continue;
        }
        REQUIRE(since.has_value());
        // Every day from `since` to asOf is current...
        rd::Date d = asOf;
        rd::Date floor = loan.terms.disbursedOn;
        while (d > floor && calc.compute(loan, d.addDays(-1)).daysPastDue == 0)
            d = d.addDays(-1);
        INFO("loan " << loan.terms.loanId << " as of " << asOf.toString());
        CHECK(*since == d);
        ++checked;
    }
    CHECK(checked > 200);
}

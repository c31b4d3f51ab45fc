// domain.md section 6: early-warning signs with reasons.

#include "core/early_warning.h"
#include "ledger_builders.h"

#include <catch2/catch.hpp>
#include <string>

using rd::ContactOutcome;
using rd::EarlyWarningInput;
using rd::PositionCalculator;
using rd::PromiseStatus;
using rdtest::day;
using rdtest::LedgerBuilder;

namespace {

// UGX: four monthly installments of 100,000 from 2026-02-01.
LedgerBuilder fourMonths() {
    LedgerBuilder b("L7", "2026-01-01");
    b.installment("2026-02-01", 100000)
        .installment("2026-03-01", 100000)
        .installment("2026-04-01", 100000)
        .installment("2026-05-01", 100000);
    return b;
}

EarlyWarningInput input(const rd::LoanLedger& loan, std::string_view asOf) {
    EarlyWarningInput in;
    in.loan = &loan;
    in.asOf = day(asOf);
    in.currencyCode = "UGX";
    in.currencyExponent = 0;
    return in;
}

std::vector<std::string> codes(const std::vector<rd::EarlyWarningFlag>& flags) {
    std::vector<std::string> out;
    for (const auto& f : flags)
        out.push_back(f.code);
    return out;
}

std::string textOf(const std::vector<rd::EarlyWarningFlag>& flags, std::string_view code) {
    for (const auto& f : flags)
        if (f.code == code)
            return f.text;
    return "(no " + std::string(code) + ")";
}

using Codes = std::vector<std::string>;

rd::ContactOutcomeAt contactOn(std::string_view date, ContactOutcome outcome) {
    rd::ContactOutcomeAt c;
    c.at = rd::DateTime{day(date), 10 * 60};
    c.outcome = outcome;
    return c;
}

} // namespace

TEST_CASE("first installment missed", "[early_warning]") {
    PositionCalculator calc;
    SECTION("not on the due date, from the day after") {
        const auto loan = fourMonths().build();
        CHECK(rd::earlyWarnings(input(loan, "2026-02-01"), calc).empty());
        auto flags = rd::earlyWarnings(input(loan, "2026-02-02"), calc);
        CHECK(codes(flags) == Codes{"first_installment_missed"});
        CHECK(flags[0].text == "First installment (due 2026-02-01) not paid");
    }
    SECTION("paid on time: no flag; the second missed is not this sign") {
        const auto loan = fourMonths().payment("P1", "2026-02-01", 100000).build();
        CHECK(rd::earlyWarnings(input(loan, "2026-03-02"), calc).empty());
    }
    SECTION("a reversed payment makes it missed again") {
        const auto loan =
            fourMonths()
                .payment("P1", "2026-02-01", 100000, "2026-02-05", rd::PaymentMethod::Cheque)
                .build();
        CHECK(rd::earlyWarnings(input(loan, "2026-02-04"), calc).empty());
        CHECK(codes(rd::earlyWarnings(input(loan, "2026-02-05"), calc)) ==
              Codes{"first_installment_missed", "payment_reversed"});
    }
}

TEST_CASE("partial payments on the last two installments", "[early_warning]") {
    PositionCalculator calc;
    SECTION("part paid in both periods") {
        const auto loan = fourMonths()
                              .payment("P1", "2026-01-25", 60000)
                              .payment("P2", "2026-02-25", 70000)
                              .build();
        // 03-01 is #2's due date: only #1 is due before it.
        CHECK(textOf(rd::earlyWarnings(input(loan, "2026-03-01"), calc), "partial_payments") ==
              "(no partial_payments)");
        auto flags = rd::earlyWarnings(input(loan, "2026-03-02"), calc);
        CHECK(textOf(flags, "partial_payments") == "Partial payments on the last 2 installments");
        // 130,000 paid in all: #1 is paid, #2 owes 70,000.
        CHECK(codes(flags) == Codes{"partial_payments"});
    }
    SECTION("a full period breaks the pattern") {
        const auto loan = fourMonths()
                              .payment("P1", "2026-01-25", 60000)
                              .payment("P2", "2026-02-25", 100000)
                              .build();
        CHECK(codes(rd::earlyWarnings(input(loan, "2026-03-02"), calc)).empty());
    }
    SECTION("nothing paid in a period is a miss, not a partial") {
        const auto loan = fourMonths().payment("P1", "2026-01-25", 60000).build();
        CHECK(textOf(rd::earlyWarnings(input(loan, "2026-03-02"), calc), "partial_payments") ==
              "(no partial_payments)");
    }
    SECTION("only the latest two count; a payment on the due date is in that period") {
        const auto loan = fourMonths()
                              .payment("P1", "2026-02-01", 100000)
                              .payment("P2", "2026-03-01", 40000)
                              .payment("P3", "2026-04-01", 40000)
                              .build();
        CHECK(textOf(rd::earlyWarnings(input(loan, "2026-04-02"), calc), "partial_payments") ==
              "Partial payments on the last 2 installments");
    }
    SECTION("configured to one installment") {
        const auto loan = fourMonths().payment("P1", "2026-01-25", 60000).build();
        rd::EarlyWarningPolicy policy;
        policy.partialInstallments = 1;
        CHECK(textOf(rd::earlyWarnings(input(loan, "2026-02-02"), calc, policy),
                     "partial_payments") == "Partial payment on the last installment");
    }
}

TEST_CASE("two or more broken promises", "[early_warning]") {
    const auto loan = fourMonths().payment("P1", "2026-02-01", 100000).build();
    PositionCalculator calc;
    auto in = input(loan, "2026-02-15");
    in.promiseStatuses = {PromiseStatus::Broken, PromiseStatus::Partial, PromiseStatus::Kept};
    CHECK(rd::earlyWarnings(in, calc).empty());
    in.promiseStatuses.push_back(PromiseStatus::Broken);
    auto flags = rd::earlyWarnings(in, calc);
    CHECK(codes(flags) == Codes{"broken_promises"});
    CHECK(flags[0].text == "2 broken promises");
    in.promiseStatuses.push_back(PromiseStatus::Broken);
    CHECK(rd::earlyWarnings(in, calc)[0].text == "3 broken promises");
}

TEST_CASE("DPD about to cross a bucket boundary: 3 days away flags, 4 does not",
          "[early_warning][bucket]") {
    const auto loan = fourMonths().payment("P1", "2026-02-01", 100000).build(); // #2 unpaid
    PositionCalculator calc;
    auto roll = [&](std::string_view asOf) {
        return textOf(rd::earlyWarnings(input(loan, asOf), calc), "bucket_roll");
    };
    CHECK(calc.compute(loan, day("2026-03-28")).daysPastDue == 27);
    CHECK(roll("2026-03-28") == "(no bucket_roll)");           // DPD 27: 4 days to 31
    CHECK(roll("2026-03-29") == "Rolls into 31-60 in 3 days"); // DPD 28
    CHECK(roll("2026-03-30") == "Rolls into 31-60 in 2 days");
    CHECK(roll("2026-03-31") == "Rolls into 31-60 tomorrow"); // DPD 30
    CHECK(roll("2026-04-01") == "(no bucket_roll)");          // DPD 31: in 31-60
    SECTION("a configured look-ahead") {
        rd::EarlyWarningPolicy policy;
        policy.bucketLookaheadDays = 5;
        CHECK(textOf(rd::earlyWarnings(input(loan, "2026-03-27"), calc, policy), "bucket_roll") ==
              "Rolls into 31-60 in 5 days");
    }
    SECTION("a current loan does not roll") {
        CHECK(roll("2026-02-27") == "(no bucket_roll)");
    }
}

TEST_CASE("no successful contact in 14 days", "[early_warning][contact]") {
    const auto loan = fourMonths().payment("P1", "2026-02-01", 100000).build();
    PositionCalculator calc;
    SECTION("counted from the case opening when nobody was reached") {
        auto in = input(loan, "2026-03-15");
        in.caseOpenedOn = day("2026-03-02");
        in.contacts = {contactOn("2026-03-03", ContactOutcome::NoAnswer)};
        CHECK(codes(rd::earlyWarnings(in, calc)).empty()); // 13 days
        in.asOf = day("2026-03-16");
        auto flags = rd::earlyWarnings(in, calc);
        CHECK(codes(flags) == Codes{"no_contact"});
        CHECK(flags[0].text == "No successful contact in 14 days");
    }
    SECTION("a successful contact restarts the count") {
        auto in = input(loan, "2026-03-23");
        in.caseOpenedOn = day("2026-03-02");
        in.contacts = {contactOn("2026-03-10", ContactOutcome::Promised),
                       contactOn("2026-03-20", ContactOutcome::Refused)};
        CHECK(codes(rd::earlyWarnings(in, calc)).empty()); // 13 days since 03-10
        in.asOf = day("2026-03-24");
        CHECK(textOf(rd::earlyWarnings(in, calc), "no_contact") ==
              "No successful contact in 14 days");
    }
    SECTION("no case and no contact: nothing to count from") {
        CHECK(textOf(rd::earlyWarnings(input(loan, "2026-03-30"), calc), "no_contact") ==
              "(no no_contact)");
    }
}

TEST_CASE("a payment reversed in the last 30 days", "[early_warning]") {
    const auto loan =
        fourMonths()
            .payment("P1", "2026-01-30", 100000)
            .payment("P2", "2026-02-25", 100000, "2026-03-02", rd::PaymentMethod::Cheque)
            .build();
    PositionCalculator calc;
    CHECK(textOf(rd::earlyWarnings(input(loan, "2026-03-01"), calc), "payment_reversed") ==
          "(no payment_reversed)");
    CHECK(textOf(rd::earlyWarnings(input(loan, "2026-03-02"), calc), "payment_reversed") ==
          "Payment of UGX 100,000 reversed on 2026-03-02");
    CHECK(textOf(rd::earlyWarnings(input(loan, "2026-04-01"), calc), "payment_reversed") ==
          "Payment of UGX 100,000 reversed on 2026-03-02"); // 30 days ago
    CHECK(textOf(rd::earlyWarnings(input(loan, "2026-04-02"), calc), "payment_reversed") ==
          "(no payment_reversed)"); // 31 days ago
}

TEST_CASE("no signs for loans that are not active", "[early_warning]") {
    PositionCalculator calc;
    const auto paid = fourMonths().payment("P1", "2026-02-10", 400000).build();
    auto in = input(paid, "2026-03-01");
    in.promiseStatuses = {PromiseStatus::Broken, PromiseStatus::Broken};
    CHECK(rd::earlyWarnings(in, calc).empty());
    const auto wo = fourMonths().writtenOff("2026-03-01").build();
    CHECK(rd::earlyWarnings(input(wo, "2026-03-01"), calc).empty());
    EarlyWarningInput none;
    CHECK(rd::earlyWarnings(none, calc).empty());
}

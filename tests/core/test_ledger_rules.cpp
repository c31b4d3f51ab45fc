// checkLedger: the import rules of interchange.md section 1 for one loan.

#include "core/ledger_rules.h"
#include "ledger_builders.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using rd::LedgerProblem;
using rdtest::day;
using rdtest::LedgerBuilder;
using Subject = LedgerProblem::Subject;

namespace {

// A valid KES loan: 300.00 in three installments, a penalty, two payments (one reversed).
LedgerBuilder good() {
    LedgerBuilder b("L1", "2026-01-01");
    b.installment("2026-02-01", 10000, 1000)
        .installment("2026-03-01", 10000, 1000)
        .installment("2026-04-01", 10000, 1000)
        .penalty("CH1", 2, "2026-03-10", 500)
        .payment("P1", "2026-02-01", 11000)
        .payment("P2", "2026-03-15", 5000, "2026-03-18", rd::PaymentMethod::Cheque);
    return b;
}

std::string describe(const std::vector<LedgerProblem>& problems) {
    std::string out;
    for (const auto& p : problems)
        out += p.column + ": " + p.message + "\n";
    return out;
}

// Exactly one problem, about `subject` and `column`; returns it.
LedgerProblem onlyProblem(const rd::LoanLedger& loan, Subject subject, const char* column,
                          int exponent = 2) {
    const auto problems = rd::checkLedger(loan, exponent);
    INFO(describe(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].subject == subject);
    CHECK(problems[0].column == column);
    CHECK_FALSE(problems[0].message.empty());
    return problems[0];
}

} // namespace

TEST_CASE("a good ledger has no problems", "[ledger_rules]") {
    const auto problems = rd::checkLedger(good().build(), 2);
    INFO(describe(problems));
    CHECK(problems.empty());

    // Boundary cases that are allowed.
    rd::LoanLedger edge = good().build();
    edge.charges[0].chargedOn = day("2026-01-01");   // charged on the disbursement day
    edge.payments[0].paidOn = day("2026-01-01");     // paid on the disbursement day
    edge.payments[1].reversedOn = day("2026-03-15"); // reversed the day it was paid
    edge.terms.writtenOffOn = day("2026-01-01");     // written off on the disbursement day
    const auto edgeProblems = rd::checkLedger(edge, 2);
    INFO(describe(edgeProblems));
    CHECK(edgeProblems.empty());

    for (const auto& l : rdtest::workedLedgers())
        CHECK(rd::checkLedger(l, 2).empty());
}

TEST_CASE("write-off before disbursement", "[ledger_rules]") {
    auto loan = good().writtenOff("2025-12-31").build();
    const auto p = onlyProblem(loan, Subject::Terms, "written_off_on");
    CHECK(p.message.find("2025-12-31") != std::string::npos);
    CHECK(p.message.find("L1") != std::string::npos);
}

TEST_CASE("a loan without a schedule", "[ledger_rules]") {
    auto loan = good().build();
    loan.schedule.clear();
    loan.charges.clear(); // a charge would also name a missing installment
    const auto p = onlyProblem(loan, Subject::Schedule, "loan_id");
    CHECK(p.message.find("no schedule") != std::string::npos);
}

TEST_CASE("due dates after disbursement and strictly increasing", "[ledger_rules]") {
    SECTION("first installment due on the disbursement date") {
        auto loan = good().build();
        loan.schedule[0].dueDate = day("2026-01-01");
        const auto p = onlyProblem(loan, Subject::Schedule, "due_date");
        CHECK(p.installmentNumber == 1);
    }
    SECTION("first installment due before disbursement") {
        auto loan = good().build();
        loan.schedule[0].dueDate = day("2025-12-01");
        CHECK(onlyProblem(loan, Subject::Schedule, "due_date").installmentNumber == 1);
    }
    SECTION("two installments due the same day") {
        auto loan = good().build();
        loan.schedule[2].dueDate = day("2026-03-01");
        const auto p = onlyProblem(loan, Subject::Schedule, "due_date");
        CHECK(p.installmentNumber == 3);
        CHECK(p.message.find("strictly increasing") != std::string::npos);
    }
    SECTION("a due date going back") {
        auto loan = good().build();
        loan.schedule[1].dueDate = day("2026-01-15");
        CHECK(onlyProblem(loan, Subject::Schedule, "due_date").installmentNumber == 2);
    }
}

TEST_CASE("installments numbered 1..n without gaps", "[ledger_rules]") {
    SECTION("a gap") {
        auto loan = good().build();
        loan.schedule[2].number = 4;
        loan.charges.clear();
        onlyProblem(loan, Subject::Schedule, "installment_no");
    }
    SECTION("a duplicate") {
        auto loan = good().build();
        loan.schedule[2].number = 2;
        onlyProblem(loan, Subject::Schedule, "installment_no");
    }
    SECTION("n numbers ending at n but not starting at 1") {
        auto loan = good().build();
        loan.schedule[0].number = 0; // 0, 2, 3
        loan.charges.clear();
        onlyProblem(loan, Subject::Schedule, "installment_no");
    }
    SECTION("starting at 0") {
        auto loan = good().build();
        for (auto& in : loan.schedule)
            in.number -= 1;
        loan.charges[0].installmentNumber = 1;
        onlyProblem(loan, Subject::Schedule, "installment_no");
    }
}

TEST_CASE("principal parts sum to the principal", "[ledger_rules]") {
    SECTION("KES") {
        auto loan = good().principal(30001).build();
        const auto p = onlyProblem(loan, Subject::Schedule, "principal_due");
        CHECK(p.message.find("sums to 300.00, but the loan's principal is 300.01") !=
              std::string::npos);
    }
    SECTION("UGX amounts are printed without decimals") {
        auto loan = good().principal(25000).build();
        const auto p = onlyProblem(loan, Subject::Schedule, "principal_due", 0);
        CHECK(p.message.find("sums to 30000, but the loan's principal is 25000") !=
              std::string::npos);
    }
}

TEST_CASE("charges on existing installments and not before disbursement", "[ledger_rules]") {
    SECTION("an installment the loan does not have") {
        auto loan = good().penalty("CH9", 4, "2026-03-10", 100).build();
        const auto p = onlyProblem(loan, Subject::Charge, "installment_no");
        CHECK(p.message.find("CH9") != std::string::npos);
    }
    SECTION("charged before disbursement") {
        auto loan = good().fee("CH8", 1, "2025-12-31", 100).build();
        const auto p = onlyProblem(loan, Subject::Charge, "charged_on");
        CHECK(p.message.find("CH8") != std::string::npos);
    }
}

TEST_CASE("payments not before disbursement, reversals not before the payment", "[ledger_rules]") {
    SECTION("paid before disbursement") {
        auto loan = good().payment("P0", "2025-12-31", 100).build();
        const auto p = onlyProblem(loan, Subject::Payment, "paid_on");
        CHECK(p.message.find("P0") != std::string::npos);
    }
    SECTION("reversed before it was paid") {
        auto loan = good().payment("P3", "2026-03-20", 100, "2026-03-19").build();
        const auto p = onlyProblem(loan, Subject::Payment, "reversed_on");
        CHECK(p.message.find("P3") != std::string::npos);
    }
}

TEST_CASE("every problem of a loan is reported", "[ledger_rules]") {
    auto loan = good()
                    .writtenOff("2025-01-01")
                    .principal(1)
                    .penalty("CH9", 7, "2025-01-01", 100)
                    .payment("P0", "2025-01-01", 100, "2024-12-31")
                    .build();
    loan.schedule[1].dueDate = loan.schedule[0].dueDate;
    const auto problems = rd::checkLedger(loan, 2);
    INFO(describe(problems));
    std::vector<std::string> columns;
    for (const auto& p : problems)
        columns.push_back(p.column);
    CHECK(columns == std::vector<std::string>{"written_off_on", "due_date", "principal_due",
                                              "installment_no", "charged_on", "paid_on",
                                              "reversed_on"});
}

TEST_CASE("checkLedger refuses non-positive amounts", "[ledger_rules]") {
    auto base = rdtest::LedgerBuilder("L1").installment("2026-02-01", 100).build();
    SECTION("principal") {
        auto l = base;
        l.terms.principal = 0;
        l.schedule[0].principalDue = 0;
        CHECK_FALSE(rd::checkLedger(l, 2).empty());
    }
    SECTION("payment") {
        auto l = base;
        l.payments.push_back({"P1", rdtest::day("2026-01-15"), -500, {}, {}, std::nullopt});
        const auto problems = rd::checkLedger(l, 2);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].column == "amount");
    }
    SECTION("a good ledger passes") { CHECK(rd::checkLedger(base, 2).empty()); }
}

TEST_CASE("an out-of-order schedule is checked and replayed by installment number",
          "[ledger_rules][allocation]") {
    auto l = rdtest::LedgerBuilder("L1")
                 .installment("2026-02-01", 100)
                 .installment("2026-03-01", 100)
                 .build();
    std::swap(l.schedule[0], l.schedule[1]);
    CHECK(rd::checkLedger(l, 2).empty());
    rd::PositionCalculator calc;
    const auto pos = calc.compute(l, rdtest::day("2026-03-10"));
    REQUIRE(pos.oldestOverdueDueDate);
    CHECK(*pos.oldestOverdueDueDate == rdtest::day("2026-02-01"));
    CHECK(pos.daysPastDue == 37);
}

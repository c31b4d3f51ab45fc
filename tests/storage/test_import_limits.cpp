// Limits and corner cases found in review: amounts too large to add up safely, a loan set
// back to active, and a refused loan row not cascading into its other rows.
#include "storage_test_support.h"

#include <catch2/catch.hpp>

using namespace rdst;

TEST_CASE("amounts above 10^15 minor units are refused before they can overflow a sum",
          "[import][rules][limits]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    Folder in = Folder::copyOf(workedDir(), tmp / "in");
    // One more than the largest amount: refused with the limit in the message.
    in.setLine("loans.csv", 2,
               "L1,C1,Business Loan,Kampala Central,okello,KES,10000000000000.01,2026-01-01,"
               "active,");
    const auto o = importDir(*db, in.path());
    INFO(joined(problemLines(o.errors)));
    CHECK_FALSE(o.committed);
    CHECK(hasProblem(o.errors, "loans.csv:2: principal: ", "is too large (at most "
                                                           "10000000000000.00)"));
    CHECK(rowCount(db->handle(), "loans") == 0);
}

TEST_CASE("a written-off loan set back to active loses its write-off date even without the "
          "column",
          "[import][incremental][limits]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    Folder first = Folder::copyOf(workedDir(), tmp / "first");
    first.setLine("loans.csv", 2,
                  "L1,C1,Business Loan,Kampala Central,okello,KES,300.00,2026-01-01,written_off,"
                  "2026-03-05");
    importOk(*db, first.path());
    CHECK(position(*db, "L1", "2026-03-20").status == rd::LoanStatus::WrittenOff);

    Folder second(tmp / "second");
    second.write("loans.csv", "loan_id,client_id,product,branch,credit_officer,currency,"
                              "principal,disbursed_on,status\n"
                              "L1,C1,Business Loan,Kampala Central,okello,KES,300.00,2026-01-01,"
                              "active\n");
    importOk(*db, second.path());
    CHECK(queryText(db->handle(), "SELECT status || '|' || ifnull(written_off_on, 'none') FROM "
                                  "loans WHERE loan_id = 'L1'") == "active|none");
    CHECK(position(*db, "L1", "2026-03-20").status == rd::LoanStatus::Active);
}

TEST_CASE("a refused row of an existing loan does not cascade into its schedule rows",
          "[import][rules][limits]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    importOk(*db, workedDir());
    Folder later = Folder::copyOf(workedDir(), tmp / "later");
    // A bad principal on L1, and L1's schedule (which only fits the old principal).
    later.setLine("loans.csv", 2,
                  "L1,C1,Business Loan,Kampala Central,okello,KES,400.0x,2026-01-01,active,");
    const auto o = importDir(*db, later.path());
    INFO(joined(problemLines(o.errors)));
    CHECK(o.errors.count() == 1);
    CHECK(hasProblem(o.errors, "loans.csv:2: principal: ", "is not an amount"));
}

// Incremental and idempotent imports (interchange.md section 1), all-or-nothing, and dry
// runs, against the importer directly. The database starts with the worked example.
#include "storage_test_support.h"

#include <fmt/format.h>
#include <sqlite3.h>

using namespace rdst;
using rd::storage::ImportOutcome;

namespace {

struct Worked {
    TempDir tmp;
    std::unique_ptr<rd::storage::Database> db = openDb(tmp / "rd.db");
    Folder later{tmp / "later"};
    std::string before;

    Worked() {
        importOk(*db, workedDir());
        before = snapshot(*db);
    }
    sqlite3* h() const { return db->handle(); }
    std::string text(const std::string& sql) const { return queryText(h(), sql); }
    std::int64_t number(const std::string& sql) const { return queryInt(h(), sql); }

    ImportOutcome refused(const std::string& prefix, const std::string& part, int errors = -1) {
        const ImportOutcome o = importDir(*db, later.path());
        INFO("expected a problem starting with [" << prefix << "] containing [" << part
                                                  << "]\nreported:\n"
                                                  << joined(problemLines(o.errors)));
        CHECK_FALSE(o.ok);
        CHECK_FALSE(o.committed);
        CHECK(hasProblem(o.errors, prefix, part));
        if (errors >= 0)
            CHECK(o.errors.count() == errors);
        CHECK(snapshot(*db) == before);
        return o;
    }
    ImportOutcome nothingToChange() {
        const ImportOutcome o = importDir(*db, later.path());
        INFO(joined(problemLines(o.errors)));
        CHECK(o.ok);
        CHECK_FALSE(o.committed);
        CHECK(o.counts.changes() == 0);
        CHECK(snapshot(*db) == before);
        return o;
    }
};

const std::string kPaymentsHeader = "payment_id,loan_id,paid_on,amount,method,reference,"
                                    "reversed_on\n";

} // namespace

TEST_CASE("importing the same folder twice changes nothing the second time",
          "[import][incremental]") {
    Worked w;
    const ImportOutcome o = importDir(*w.db, workedDir());
    CHECK(o.ok);
    CHECK_FALSE(o.committed);
    CHECK(o.counts.changes() == 0);
    CHECK(o.counts.rowsUnchanged == 1 + 2 + 6 + 2 + 4);
    CHECK(snapshot(*w.db) == w.before);
    CHECK(w.number("SELECT count(*) FROM imports") == 1);
}

TEST_CASE("the edge example imported twice changes nothing", "[import][incremental]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    importOk(*db, edgeDir());
    const std::string before = snapshot(*db);
    const ImportOutcome o = importDir(*db, edgeDir());
    CHECK(o.ok);
    CHECK(o.counts.changes() == 0);
    CHECK(snapshot(*db) == before);
}

TEST_CASE("a schedule whose rows are not together in the file imports idempotently",
          "[import][incremental]") {
    // L1 and L2 rows alternate: a valid file; importing it again must change nothing.
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    Folder in = Folder::copyOf(workedDir(), tmp / "in");
    in.write("schedule.csv", "loan_id,installment_no,due_date,principal_due,interest_due\n"
                             "L1,1,2026-02-01,100.00,10.00\n"
                             "L2,1,2026-02-01,100.00,10.00\n"
                             "L1,2,2026-03-01,100.00,10.00\n"
                             "L2,2,2026-03-01,100.00,10.00\n"
                             "L1,3,2026-04-01,100.00,10.00\n"
                             "L2,3,2026-04-01,100.00,10.00\n");
    importOk(*db, in.path());
    CHECK(rowCount(db->handle(), "installments") == 6);
    const std::string before = snapshot(*db);
    const ImportOutcome again = importDir(*db, in.path());
    INFO(joined(problemLines(again.errors)));
    CHECK(again.ok);
    CHECK(again.counts.schedulesReplaced == 0);
    CHECK(again.counts.changes() == 0);
    CHECK(rowCount(db->handle(), "installment_versions") == 0);
    CHECK(snapshot(*db) == before);
}

TEST_CASE("columns in another order are the same data", "[import][incremental]") {
    Worked w;
    w.later.write("loans.csv", "status,principal,loan_id,written_off_on,currency,branch,"
                               "disbursed_on,client_id,product,credit_officer\n"
                               "active,300.00,L1,,KES,Kampala Central,2026-01-01,C1,Business "
                               "Loan,okello\n"
                               "active,300.00,L2,,KES,Kampala Central,2026-01-01,C1,Business "
                               "Loan,\n");
    const ImportOutcome o = w.nothingToChange();
    CHECK(o.counts.rowsUnchanged == 2);
}

TEST_CASE("a later folder with only payments.csv adds the payments", "[import][incremental]") {
    Worked w;
    CHECK(position(*w.db, "L1", "2026-03-26").arrears.total() == 6500);
    w.later.write("payments.csv", kPaymentsHeader + "P5,L1,2026-03-25,65.00,cash,,\n"
                                                    "P6,L2,2026-03-25,1.00,cash,,\n");
    const ImportOutcome o = importOk(*w.db, w.later.path());
    CHECK(o.counts.paymentsAdded == 2);
    CHECK(o.counts.changes() == 2);
    CHECK(w.number("SELECT count(*) FROM payments") == 6);
    CHECK(w.number("SELECT count(*) FROM clients") == 1);
    CHECK(w.number("SELECT count(*) FROM installments") == 6);
    // The position changes from the payment's date on, not before.
    CHECK(position(*w.db, "L1", "2026-03-24").arrears.total() == 6500);
    const auto after = position(*w.db, "L1", "2026-03-26");
    CHECK(after.arrears.total() == 0);
    CHECK(after.daysPastDue == 0);
    CHECK(w.number("SELECT count(*) FROM imports") == 2);
    CHECK(w.number("SELECT count(*) FROM audit_log WHERE action = 'import'") == 2);
}

TEST_CASE("a changed client row updates the client and keeps the old version",
          "[import][incremental]") {
    Worked w;
    // The phone column is absent: the stored phone stays.
    w.later.write("clients.csv", "client_id,full_name,branch,email\n"
                                 "C1,Amina Nakato Okello,Jinja,amina@example.org\n");
    const ImportOutcome o = importOk(*w.db, w.later.path());
    CHECK(o.counts.clientsChanged == 1);
    CHECK(o.counts.changes() == 1);
    CHECK(w.text("SELECT full_name || '|' || branch || '|' || phone || '|' || email FROM clients "
                 "WHERE client_id = 'C1'") ==
          "Amina Nakato Okello|Jinja|+256772000001|amina@example.org");
    REQUIRE(w.number("SELECT count(*) FROM client_versions") == 1);
    CHECK(w.text("SELECT full_name || '|' || branch || '|' || phone || '|' || ifnull(email, "
                 "'NULL') || '|' || import_id || '|' || replaced_by_import FROM "
                 "client_versions") == "Amina Nakato|Kampala Central|+256772000001|NULL|1|2");

    SECTION("and the same row again changes nothing") {
        w.before = snapshot(*w.db);
        w.nothingToChange();
    }
}

TEST_CASE("a changed loan row updates the loan and keeps the old version",
          "[import][incremental]") {
    Worked w;
    // Only the required columns: credit_officer and the other optional ones stay.
    w.later.write("loans.csv",
                  "loan_id,client_id,product,branch,currency,principal,disbursed_on,status\n"
                  "L1,C1,Business Loan Plus,Jinja,KES,300.00,2026-01-01,active\n"
                  "L2,C1,Business Loan,Kampala Central,KES,300.00,2026-01-01,active\n");
    const ImportOutcome o = importOk(*w.db, w.later.path());
    CHECK(o.counts.loansChanged == 1);
    CHECK(o.counts.rowsUnchanged == 1);
    CHECK(w.text("SELECT product || '|' || branch || '|' || credit_officer FROM loans WHERE "
                 "loan_id = 'L1'") == "Business Loan Plus|Jinja|okello");
    REQUIRE(w.number("SELECT count(*) FROM loan_versions") == 1);
    CHECK(w.text("SELECT product || '|' || branch || '|' || credit_officer || '|' || "
                 "replaced_by_import FROM loan_versions") ==
          "Business Loan|Kampala Central|okello|2");
}

TEST_CASE("a written-off loan: the later status changes the position's status",
          "[import][incremental]") {
    Worked w;
    w.later.write("loans.csv", "loan_id,client_id,product,branch,credit_officer,currency,"
                               "principal,disbursed_on,status,written_off_on\n"
                               "L2,C1,Business Loan,Kampala Central,,KES,300.00,2026-01-01,"
                               "written_off,2026-03-19\n");
    importOk(*w.db, w.later.path());
    CHECK(position(*w.db, "L2", "2026-03-18").status == rd::LoanStatus::Active);
    CHECK(position(*w.db, "L2", "2026-03-19").status == rd::LoanStatus::WrittenOff);
    CHECK(w.text("SELECT status || '|' || ifnull(written_off_on, 'NULL') FROM loan_versions") ==
          "active|NULL");
}

TEST_CASE("a changed loan must still fit its schedule and events", "[import][incremental]") {
    Worked w;
    SECTION("a new principal without a new schedule") {
        w.later.write("loans.csv", "loan_id,client_id,product,branch,currency,principal,"
                                   "disbursed_on,status\n"
                                   "L1,C1,Business Loan,Kampala Central,KES,330.00,2026-01-01,"
                                   "active\n");
        w.refused("loans.csv:2: principal_due: ",
                  "principal_due of loan L1 sums to 300.00, but the loan's principal is 330.00", 1);
    }
    SECTION("a new principal with its new schedule") {
        w.later.write("loans.csv", "loan_id,client_id,product,branch,currency,principal,"
                                   "disbursed_on,status\n"
                                   "L1,C1,Business Loan,Kampala Central,KES,330.00,2026-01-01,"
                                   "active\n");
        w.later.write("schedule.csv", "loan_id,installment_no,due_date,principal_due,"
                                      "interest_due\n"
                                      "L1,1,2026-02-01,100.00,10.00\n"
                                      "L1,2,2026-03-01,100.00,10.00\n"
                                      "L1,3,2026-04-01,130.00,10.00\n");
        const ImportOutcome o = importOk(*w.db, w.later.path());
        CHECK(o.counts.loansChanged == 1);
        CHECK(o.counts.schedulesReplaced == 1);
    }
    SECTION("disbursed after its first payment") {
        w.later.write("loans.csv", "loan_id,client_id,product,branch,currency,principal,"
                                   "disbursed_on,status\n"
                                   "L1,C1,Business Loan,Kampala Central,KES,300.00,2026-02-15,"
                                   "active\n");
        const ImportOutcome o = w.refused("loans.csv:2: ", "2026-02-15");
        CHECK(hasProblem(o.errors, "loans.csv:2: due_date: ", "2026-02-01"));
        CHECK(hasProblem(o.errors, "loans.csv:2: paid_on: ", "payment P1"));
    }
}

TEST_CASE("schedule rows for an existing loan replace its whole schedule",
          "[import][incremental]") {
    Worked w;
    const auto old = position(*w.db, "L1", "2026-03-20");
    CHECK(old.daysPastDue == 19);
    // Rescheduled: four installments of 75.00 from April.
    w.later.write("schedule.csv", "loan_id,installment_no,due_date,principal_due,interest_due,"
                                  "fee_due\n"
                                  "L1,1,2026-02-01,75.00,10.00,0\n"
                                  "L1,2,2026-04-01,75.00,10.00,0\n"
                                  "L1,3,2026-05-01,75.00,10.00,0\n"
                                  "L1,4,2026-06-01,75.00,10.00,0\n");
    const ImportOutcome o = importOk(*w.db, w.later.path());
    CHECK(o.counts.schedulesReplaced == 1);
    CHECK(o.counts.installmentsWritten == 4);
    CHECK(w.text("SELECT group_concat(installment_no || ':' || due_date || ':' || principal_due, "
                 "' ') FROM (SELECT i.* FROM installments i JOIN loans l ON l.id = i.loan_pk "
                 "WHERE l.loan_id = 'L1' ORDER BY installment_no)") ==
          "1:2026-02-01:7500 2:2026-04-01:7500 3:2026-05-01:7500 4:2026-06-01:7500");
    // The old schedule is kept as history, marked with the import that replaced it.
    CHECK(w.text("SELECT group_concat(installment_no || ':' || due_date || ':' || principal_due "
                 "|| ':' || replaced_by_import, ' ') FROM (SELECT * FROM installment_versions "
                 "ORDER BY installment_no)") ==
          "1:2026-02-01:10000:2 2:2026-03-01:10000:2 3:2026-04-01:10000:2");
    // L2 is untouched.
    CHECK(w.number("SELECT count(*) FROM installments i JOIN loans l ON l.id = i.loan_pk WHERE "
                   "l.loan_id = 'L2'") == 3);
    // The position follows the new schedule: 2026-03-01 is no longer due. (#1 due 85.00 is
    // paid by P1; P2 50.00 and the rest of P1 go to #2, and the penalty CH1 sits on #2.)
    const auto now = position(*w.db, "L1", "2026-03-20");
    CHECK(now.daysPastDue == 0);
    CHECK(now.arrears.total() == 0);
    CHECK(now.outstandingPrincipal == old.outstandingPrincipal);

    SECTION("a schedule that drops an installment a charge is on is refused") {
        w.before = snapshot(*w.db);
        w.later.write("schedule.csv", "loan_id,installment_no,due_date,principal_due,"
                                      "interest_due\n"
                                      "L1,1,2026-02-01,300.00,30.00\n");
        w.refused("schedule.csv:2: installment_no: ", "charge CH1 is on installment 2", 1);
    }
}

TEST_CASE("a charge on an installment that the same import adds is accepted",
          "[import][incremental]") {
    Worked w;
    w.later.write("schedule.csv", "loan_id,installment_no,due_date,principal_due,interest_due\n"
                                  "L1,1,2026-02-01,75.00,10.00\n"
                                  "L1,2,2026-03-01,75.00,10.00\n"
                                  "L1,3,2026-04-01,75.00,10.00\n"
                                  "L1,4,2026-05-01,75.00,10.00\n");
    w.later.write("charges.csv", "charge_id,loan_id,installment_no,charged_on,kind,amount\n"
                                 "CH9,L1,4,2026-03-20,fee,2.00\n");
    const ImportOutcome o = importOk(*w.db, w.later.path());
    CHECK(o.counts.schedulesReplaced == 1);
    CHECK(o.counts.chargesAdded == 1);
}

TEST_CASE("a replacement schedule with a bad due date names the row", "[import][incremental]") {
    // Installment 3 (line 4) is due before installment 2: the problem is on line 4.
    Worked w;
    w.later.write("schedule.csv", "loan_id,installment_no,due_date,principal_due,interest_due\n"
                                  "L1,1,2026-02-01,100.00,10.00\n"
                                  "L1,2,2026-05-01,100.00,10.00\n"
                                  "L1,3,2026-04-01,100.00,10.00\n");
    w.refused("schedule.csv:4: due_date: ", "2026-04-01", 1);
}

TEST_CASE("the same schedule again is not a replacement", "[import][incremental]") {
    Worked w;
    w.later.write("schedule.csv", readFile(workedDir() / "schedule.csv"));
    const ImportOutcome o = w.nothingToChange();
    CHECK(o.counts.rowsUnchanged == 6);
    CHECK(w.number("SELECT count(*) FROM installment_versions") == 0);
}

TEST_CASE("payments are immutable by id", "[import][incremental]") {
    Worked w;
    SECTION("another amount") {
        w.later.write("payments.csv", kPaymentsHeader + "P1,L1,2026-02-01,111.00,cash,,\n");
        w.refused("payments.csv:2: payment_id: ",
                  "payment \"P1\" was imported before as 110.00 on 2026-02-01 for loan L1", 1);
    }
    SECTION("another date") {
        w.later.write("payments.csv", kPaymentsHeader + "P1,L1,2026-02-02,110.00,cash,,\n");
        w.refused("payments.csv:2: payment_id: ", "payment \"P1\" was imported before", 1);
    }
    SECTION("another loan") {
        w.later.write("payments.csv", kPaymentsHeader + "P1,L2,2026-02-01,110.00,cash,,\n");
        w.refused("payments.csv:2: payment_id: ", "payment \"P1\" was imported before", 1);
    }
    SECTION("the same payment again is fine") {
        w.later.write("payments.csv", kPaymentsHeader + "P1,L1,2026-02-01,110.00,cash,,\n");
        const ImportOutcome o = w.nothingToChange();
        CHECK(o.counts.rowsUnchanged == 1);
    }
}

TEST_CASE("reversed_on may be filled in by a later import", "[import][incremental]") {
    Worked w;
    CHECK(position(*w.db, "L1", "2026-03-20").arrears.total() == 6500);
    w.later.write("payments.csv",
                  kPaymentsHeader + "P2,L1,2026-03-15,50.00,mobile_money,MM-88123,2026-03-18\n");
    const ImportOutcome o = importOk(*w.db, w.later.path());
    CHECK(o.counts.paymentsReversed == 1);
    CHECK(o.counts.changes() == 1);
    CHECK(w.text("SELECT reversed_on || '|' || reversal_import_id || '|' || import_id FROM "
                 "payments WHERE payment_id = 'P2'") == "2026-03-18|2|1");
    // As in the worked example's L2: the payment stops counting from 2026-03-18.
    CHECK(position(*w.db, "L1", "2026-03-17").arrears.total() == 6500);
    const auto after = position(*w.db, "L1", "2026-03-20");
    CHECK(after.arrears.total() == 11500);
    CHECK(after.daysPastDue == 19);

    SECTION("the same reversal again changes nothing") {
        w.before = snapshot(*w.db);
        w.nothingToChange();
    }
    SECTION("a reversal changed later is an error") {
        w.before = snapshot(*w.db);
        w.later.write("payments.csv", kPaymentsHeader + "P2,L1,2026-03-15,50.00,mobile_money,"
                                                        "MM-88123,2026-03-19\n");
        w.refused("payments.csv:2: reversed_on: ",
                  "payment \"P2\" was reversed on 2026-03-18; a reversal is never changed", 1);
    }
    SECTION("a reversal removed later is an error") {
        w.before = snapshot(*w.db);
        w.later.write("payments.csv",
                      kPaymentsHeader + "P2,L1,2026-03-15,50.00,mobile_money,MM-88123,\n");
        w.refused("payments.csv:2: reversed_on: ", "payment \"P2\" was reversed on 2026-03-18", 1);
    }
}

TEST_CASE("charges are immutable by id", "[import][incremental]") {
    Worked w;
    const std::string header = "charge_id,loan_id,installment_no,charged_on,kind,amount\n";
    SECTION("another amount") {
        w.later.write("charges.csv", header + "CH1,L1,2,2026-03-10,penalty,6.00\n");
        w.refused("charges.csv:2: charge_id: ",
                  "charge \"CH1\" was imported before as penalty 5.00 on 2026-03-10 for loan L1 "
                  "installment 2",
                  1);
    }
    SECTION("another kind") {
        w.later.write("charges.csv", header + "CH1,L1,2,2026-03-10,fee,5.00\n");
        w.refused("charges.csv:2: charge_id: ", "charge \"CH1\" was imported before", 1);
    }
    SECTION("another installment") {
        w.later.write("charges.csv", header + "CH1,L1,3,2026-03-10,penalty,5.00\n");
        w.refused("charges.csv:2: charge_id: ", "charge \"CH1\" was imported before", 1);
    }
    SECTION("another loan") {
        w.later.write("charges.csv", header + "CH1,L2,2,2026-03-10,penalty,5.00\n");
        w.refused("charges.csv:2: charge_id: ", "charge \"CH1\" was imported before", 1);
    }
    SECTION("the same charge again is fine") {
        w.later.write("charges.csv", header + "CH1,L1,2,2026-03-10,penalty,5.00\n");
        w.nothingToChange();
    }
}

TEST_CASE("optional payment columns absent in a later file keep the stored values",
          "[import][incremental]") {
    // The daily file of the core banking system lists its payments with the required
    // columns only; P4 (cheque CHQ-000451, reversed 2026-03-18) and P2 (mobile money) are
    // in it again, unchanged.
    Worked w;
    w.later.write("payments.csv", "payment_id,loan_id,paid_on,amount\n"
                                  "P1,L1,2026-02-01,110.00\n"
                                  "P2,L1,2026-03-15,50.00\n"
                                  "P3,L2,2026-02-01,110.00\n"
                                  "P4,L2,2026-03-15,50.00\n");
    const ImportOutcome o = importDir(*w.db, w.later.path());
    INFO(joined(problemLines(o.errors)));
    CHECK(o.ok);
    CHECK(o.counts.changes() == 0);
    CHECK(snapshot(*w.db) == w.before);
}

TEST_CASE("optional loan and client columns absent in a later file keep the stored values",
          "[import][incremental]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    Folder first(tmp / "first");
    first.write("clients.csv", "client_id,full_name,branch,national_id,phone,alt_phone,email,"
                               "address,group_name\n"
                               "C1,Amina Nakato,Gulu,CM123,+256772000001,+256772000002,"
                               "a@example.org,Plot 4,Tuko Pamoja\n");
    first.write("loans.csv", "loan_id,client_id,product,branch,credit_officer,currency,"
                             "principal,disbursed_on,status,written_off_on,"
                             "annual_interest_rate,interest_method,frequency\n"
                             "L1,C1,Group Loan,Gulu,atim,UGX,300000,2025-01-01,active,,24,flat,"
                             "monthly\n");
    first.write("schedule.csv", "loan_id,installment_no,due_date,principal_due,interest_due\n"
                                "L1,1,2025-02-01,300000,6000\n");
    importOk(*db, first.path());
    const std::string before = snapshot(*db);

    Folder later(tmp / "later");
    later.write("clients.csv", "client_id,full_name,branch\n"
                               "C1,Amina Nakato,Gulu\n");
    later.write("loans.csv", "loan_id,client_id,product,branch,currency,principal,"
                             "disbursed_on,status\n"
                             "L1,C1,Group Loan,Gulu,UGX,300000,2025-01-01,active\n");
    const ImportOutcome o = importDir(*db, later.path());
    INFO(joined(problemLines(o.errors)));
    CHECK(o.ok);
    CHECK(o.counts.changes() == 0);
    CHECK(o.counts.rowsUnchanged == 2);
    CHECK(snapshot(*db) == before);

    SECTION("present but empty clears them") {
        later.write("clients.csv", "client_id,full_name,branch,phone\n"
                                   "C1,Amina Nakato,Gulu,\n");
        const ImportOutcome cleared = importOk(*db, later.path());
        CHECK(cleared.counts.clientsChanged == 1);
        CHECK(queryText(db->handle(), "SELECT ifnull(phone, 'NULL') || '|' || national_id FROM "
                                      "clients") == "NULL|CM123");
    }
}

TEST_CASE("all or nothing: one bad payment after many good rows imports nothing",
          "[import][all-or-nothing]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    importOk(*db, workedDir());
    const std::string before = snapshot(*db);
    const BigFolderRows rows = writeBigFolder(tmp / "big", 300);
    Folder big(tmp / "big");
    big.appendLine("payments.csv", "B-BAD,B-L000300,2025-03-01,-1.00,cash,,");
    const ImportOutcome o = importDir(*db, big.path());
    INFO(joined(problemLines(o.errors)));
    CHECK_FALSE(o.committed);
    REQUIRE(o.errors.count() == 1);
    CHECK(problemLines(o.errors)[0].rfind(
              fmt::format("payments.csv:{}: amount: \"-1.00\" is not an amount", rows.payments + 2),
              0) == 0);
    CHECK(snapshot(*db) == before);
}

TEST_CASE("a dry run reports the counts and writes nothing", "[import][dry-run]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    const std::string empty = snapshot(*db);
    const ImportOutcome first = importDir(*db, workedDir(), true);
    CHECK(first.ok);
    CHECK_FALSE(first.committed);
    CHECK(first.counts.clientsAdded == 1);
    CHECK(first.counts.loansAdded == 2);
    CHECK(first.counts.installmentsWritten == 6);
    CHECK(first.counts.chargesAdded == 2);
    CHECK(first.counts.paymentsAdded == 4);
    CHECK(first.currency == "KES");
    CHECK(snapshot(*db) == empty);
    CHECK_FALSE(db->currency().has_value());

    importOk(*db, workedDir());
    const std::string before = snapshot(*db);
    Folder later(tmp / "later");
    later.write("payments.csv", kPaymentsHeader +
                                    "P2,L1,2026-03-15,50.00,mobile_money,MM-88123,2026-03-18\n"
                                    "P5,L1,2026-03-25,65.00,cash,,\n");
    const ImportOutcome dry = importDir(*db, later.path(), true);
    CHECK(dry.ok);
    CHECK_FALSE(dry.committed);
    CHECK(dry.counts.paymentsAdded == 1);
    CHECK(dry.counts.paymentsReversed == 1);
    CHECK(snapshot(*db) == before);

    SECTION("a dry run finds the same problems as an import") {
        later.appendLine("payments.csv", "P6,L1,2026-03-25,0,cash,,");
        const ImportOutcome bad = importDir(*db, later.path(), true);
        CHECK_FALSE(bad.ok);
        CHECK(hasProblem(bad.errors, "payments.csv:4: amount: ", "must be greater than 0"));
        CHECK(snapshot(*db) == before);
    }
}

TEST_CASE("restructured_on: the core banking system's restructure starts the watch, and is kept "
          "by a later file without the column",
          "[import][incremental][plans]") {
    Worked w;
    w.later.write("loans.csv", "loan_id,client_id,product,branch,currency,principal,"
                               "disbursed_on,status,restructured_on\n"
                               "L1,C1,Business Loan,Kampala Central,KES,300.00,2026-01-01,"
                               "active,2026-02-15\n");
    const ImportOutcome o = importOk(*w.db, w.later.path());
    CHECK(o.counts.loansChanged == 1);
    CHECK(w.text("SELECT restructured_on FROM loans WHERE loan_id = 'L1'") == "2026-02-15");
    CHECK(w.text("SELECT ifnull(restructured_on, 'NULL') FROM loan_versions") == "NULL");
    // As of 2026-03-01 L1 is current (installment 2 is due that day), and no installment due
    // since the restructure has been paid in full on time: in watch, bucket restructured.
    const auto p = position(*w.db, "L1", "2026-03-01");
    CHECK(p.daysPastDue == 0);
    CHECK(p.restructuredOn == day("2026-02-15"));
    CHECK(p.inWatch);
    CHECK(p.inRestructuredBucket());
    CHECK_FALSE(position(*w.db, "L1", "2026-02-14").inWatch); // not restructured yet
    CHECK_FALSE(position(*w.db, "L2", "2026-03-01").inWatch); // never restructured

    // The ledger cache carries it: aging from the cache puts L1 in `restructured`.
    w.later.write("loans.csv", "loan_id,client_id,product,branch,currency,principal,"
                               "disbursed_on,status\n"
                               "L1,C1,Business Loan,Kampala Central,KES,300.00,2026-01-01,"
                               "active\n");
    const ImportOutcome again = importDir(*w.db, w.later.path());
    CHECK(again.ok);
    CHECK(again.counts.changes() == 0);
    CHECK(w.text("SELECT restructured_on FROM loans WHERE loan_id = 'L1'") == "2026-02-15");
}

TEST_CASE("restructured_on must be a date on or after the disbursement", "[import][plans]") {
    Worked w;
    SECTION("before the disbursement") {
        w.later.write("loans.csv", "loan_id,client_id,product,branch,currency,principal,"
                                   "disbursed_on,status,restructured_on\n"
                                   "L1,C1,Business Loan,Kampala Central,KES,300.00,2026-01-01,"
                                   "active,2025-12-31\n");
        w.refused("loans.csv:2: restructured_on: ", "before the disbursement on 2026-01-01");
    }
    SECTION("not a date") {
        w.later.write("loans.csv", "loan_id,client_id,product,branch,currency,principal,"
                                   "disbursed_on,status,restructured_on\n"
                                   "L1,C1,Business Loan,Kampala Central,KES,300.00,2026-01-01,"
                                   "active,2026-02-30\n");
        w.refused("loans.csv:2: restructured_on: ", "2026-02-30");
    }
}

TEST_CASE("a new schedule for a loan rescheduled here warns until the core banking system posts "
          "the reschedule, and the local one stays in force",
          "[import][incremental][plans]") {
    Worked w;
    // An approved reschedule of L1 from 2026-03-20 (as PlanService::approve stores it): the
    // old installments frozen at what was paid, then one new installment of the rest.
    w.db->exec("INSERT INTO plans(loan_pk, kind, start_date, proposed_by, proposed_at, "
               "business_date, balance, total, grace_days, approvals_needed) SELECT id, "
               "'reschedule', '2026-03-20', 'akello', 't', '2026-03-20', 17500, 18000, 2, 1 "
               "FROM loans WHERE loan_id = 'L1'");
    w.db->exec("INSERT INTO plan_schedule_rows VALUES"
               "(1, 1, '2026-02-01', 10000, 1000, 0, 0, 0),"
               "(1, 2, '2026-03-01', 3500, 1000, 0, 500, 0),"
               "(1, 3, '2026-04-01', 0, 0, 0, 0, 0),"
               "(1, 4, '2026-04-20', 16500, 500, 0, 0, 1)");
    rd::storage::LoanRepository(*w.db).rebuildLedgerCache();
    const auto local = position(*w.db, "L1", "2026-03-20");
    CHECK(local.daysPastDue == 0);
    CHECK(local.restructuredOn == day("2026-03-20"));

    const std::string schedule = "loan_id,installment_no,due_date,principal_due,interest_due\n"
                                 "L1,1,2026-02-01,100.00,10.00\n"
                                 "L1,2,2026-05-01,200.00,10.00\n";
    w.later.write("schedule.csv", schedule);
    const ImportOutcome o = importOk(*w.db, w.later.path());
    CHECK(o.counts.schedulesReplaced == 1);
    INFO(joined(problemLines(o.warnings)));
    CHECK(hasProblem(o.warnings, "schedule.csv:2: loan_id: ",
                     "loan L1 was rescheduled here from 2026-03-20 (plan 1)"));
    // The local reschedule is still the loan's schedule from its start.
    CHECK(position(*w.db, "L1", "2026-03-20").daysPastDue == 0);
    CHECK(position(*w.db, "L1", "2026-04-25").daysPastDue == 5); // the new installment, 04-20

    // Posted: restructured_on on the start. No warning, and the imported schedule rules.
    w.later.write("loans.csv", "loan_id,client_id,product,branch,currency,principal,"
                               "disbursed_on,status,restructured_on\n"
                               "L1,C1,Business Loan,Kampala Central,KES,300.00,2026-01-01,"
                               "active,2026-03-20\n");
    w.later.write("schedule.csv", "loan_id,installment_no,due_date,principal_due,interest_due\n"
                                  "L1,1,2026-02-01,100.00,10.00\n"
                                  "L1,2,2026-06-01,200.00,10.00\n");
    const ImportOutcome posted = importOk(*w.db, w.later.path());
    CHECK(posted.warnings.count() == 0);
    const auto imported = position(*w.db, "L1", "2026-04-25");
    CHECK(imported.daysPastDue == 0); // installment 2 falls due in June
    CHECK(imported.inWatch);
}

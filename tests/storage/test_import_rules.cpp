// Every validation rule of interchange.md section 1, against the importer directly.
//
// Each fixture is the worked example (tests/data/examples/worked) with one thing broken,
// imported on top of a small existing KES portfolio (client C0, loan L0: see seedFolder).
// Each refusal checks the exact `FILE:LINE: COLUMN: ` prefix, the key part of the message,
// and that the database is exactly as it was before (every row of every table).
#include "storage_test_support.h"

#include <fmt/format.h>
#include <sqlite3.h>

using namespace rdst;
using rd::storage::ImportOutcome;

namespace {

struct Base {
    TempDir tmp;
    std::unique_ptr<rd::storage::Database> db = openDb(tmp / "rd.db");
    Folder in = Folder::copyOf(workedDir(), tmp / "in");
    std::string before;

    Base() {
        importOk(*db, seedFolder(tmp / "seed").path());
        before = snapshot(*db);
    }

    // Imports `in`; expects a refusal naming `prefix` + `part` (and exactly `errors`
    // problems when given) and an unchanged database.
    ImportOutcome refused(const std::string& prefix, const std::string& part, int errors = -1) {
        const ImportOutcome o = importDir(*db, in.path());
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

    ImportOutcome accepted() {
        const ImportOutcome o = importDir(*db, in.path());
        INFO("reported:\n" << joined(problemLines(o.errors)));
        CHECK(o.ok);
        CHECK(o.committed);
        return o;
    }

    std::string text(const std::string& sql) { return queryText(db->handle(), sql); }
};

// The worked example without one column (header and rows; it has no quoted fields).
void dropColumn(Folder& folder, const std::string& file, const std::string& column) {
    const std::string text = folder.text(file);
    std::vector<std::vector<std::string>> rows;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string line = text.substr(start, end - start);
        std::vector<std::string> fields;
        std::size_t from = 0;
        while (true) {
            const std::size_t comma = line.find(',', from);
            fields.push_back(line.substr(from, comma - from));
            if (comma == std::string::npos)
                break;
            from = comma + 1;
        }
        rows.push_back(fields);
        start = end == std::string::npos ? text.size() : end + 1;
    }
    std::size_t index = 0;
    while (index < rows[0].size() && rows[0][index] != column)
        ++index;
    REQUIRE(index < rows[0].size());
    std::string out;
    for (auto& fields : rows) {
        fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(index));
        for (std::size_t i = 0; i < fields.size(); ++i)
            out += (i ? "," : "") + fields[i];
        out += "\n";
    }
    folder.write(file, out);
}

} // namespace

TEST_CASE("the unbroken worked example imports on top of the seed portfolio", "[import][rules]") {
    Base b;
    const ImportOutcome o = b.accepted();
    CHECK(o.counts.clientsAdded == 1);
    CHECK(o.counts.loansAdded == 2);
    CHECK(o.counts.schedulesAdded == 2);
    CHECK(o.counts.installmentsWritten == 6);
    CHECK(o.counts.chargesAdded == 2);
    CHECK(o.counts.paymentsAdded == 4);
    CHECK(o.warnings.count() == 0);
    CHECK(snapshot(*b.db) != b.before);
}

TEST_CASE("a missing required column is an error, in every file", "[import][rules]") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> required = {
        {"clients.csv", {"client_id", "full_name", "branch"}},
        {"loans.csv",
         {"loan_id", "client_id", "product", "branch", "currency", "principal", "disbursed_on",
          "status"}},
        {"schedule.csv",
         {"loan_id", "installment_no", "due_date", "principal_due", "interest_due"}},
        {"charges.csv", {"charge_id", "loan_id", "installment_no", "charged_on", "kind", "amount"}},
        {"payments.csv", {"payment_id", "loan_id", "paid_on", "amount"}},
    };
    for (const auto& [file, columns] : required) {
        for (const auto& column : columns) {
            DYNAMIC_SECTION(file << " without " << column) {
                Base b;
                dropColumn(b.in, file, column);
                b.refused(fmt::format("{}:1: {}: ", file, column),
                          fmt::format("required column is missing (add a \"{}\" column to the "
                                      "header)",
                                      column));
            }
        }
    }
}

TEST_CASE("optional columns may be left out", "[import][rules]") {
    const std::vector<std::pair<std::string, std::string>> optional = {
        {"clients.csv", "phone"},        {"loans.csv", "credit_officer"},
        {"loans.csv", "written_off_on"}, {"schedule.csv", "fee_due"},
        {"payments.csv", "method"},      {"payments.csv", "reference"},
    };
    for (const auto& [file, column] : optional) {
        DYNAMIC_SECTION(file << " without " << column) {
            Base b;
            dropColumn(b.in, file, column);
            b.accepted();
        }
    }
}

TEST_CASE("an unknown column is ignored with a warning", "[import][rules]") {
    Base b;
    b.in.write("clients.csv", "client_id,full_name,nickname,branch,phone\n"
                              "C1,Amina Nakato,Mina,Kampala Central,+256772000001\n");
    const ImportOutcome o = b.accepted();
    REQUIRE(o.warnings.count() == 1);
    CHECK(problemLines(o.warnings)[0] == "clients.csv:1: nickname: unknown column, ignored");
    CHECK(b.text("SELECT full_name || '/' || branch FROM clients WHERE client_id = 'C1'") ==
          "Amina Nakato/Kampala Central");
}

TEST_CASE("a column named twice in the header is an error", "[import][rules]") {
    Base b;
    b.in.write("clients.csv", "client_id,full_name,branch,branch\n"
                              "C1,Amina Nakato,Kampala Central,Gulu\n");
    b.refused("clients.csv:1: branch: ", "the column appears twice");
}

TEST_CASE("every id is unique within its file, a repeat names both lines", "[import][rules]") {
    Base b;
    SECTION("client_id") {
        b.in.appendLine("clients.csv", "C1,Amina N.,Kampala Central,+256772000001");
        b.refused("clients.csv:3: client_id: ", "client \"C1\" appears again (first at line 2)", 1);
    }
    SECTION("loan_id") {
        b.in.appendLine("loans.csv", "L1,C1,Business Loan,Kampala Central,okello,KES,300.00,"
                                     "2026-01-01,active,");
        b.refused("loans.csv:4: loan_id: ", "loan \"L1\" appears again (first at line 2)", 1);
    }
    SECTION("loan_id + installment_no, next to each other") {
        b.in.setLine("schedule.csv", 4, "L1,2,2026-04-01,100.00,10.00,0");
        b.refused("schedule.csv:4: installment_no: ",
                  "installment 2 of loan L1 appears again (first at line 3)");
    }
    SECTION("charge_id") {
        b.in.appendLine("charges.csv", "CH1,L1,3,2026-03-10,fee,1.00");
        b.refused("charges.csv:4: charge_id: ", "charge \"CH1\" appears again (first at line 2)",
                  1);
    }
    SECTION("payment_id, with other values") {
        b.in.appendLine("payments.csv", "P1,L2,2026-03-01,10.00,cash,,");
        b.refused("payments.csv:6: payment_id: ", "payment \"P1\" appears again (first at line 2)",
                  1);
    }
    SECTION("payment_id, the identical row twice") {
        b.in.appendLine("payments.csv", "P1,L1,2026-02-01,110.00,cash,,");
        b.refused("payments.csv:6: payment_id: ", "payment \"P1\" appears again (first at line 2)",
                  1);
    }
    SECTION("an id already in the database, twice in the file") {
        b.in.write("clients.csv", "client_id,full_name,branch\n"
                                  "C0,Seed Client,Nairobi West\n"
                                  "C0,Seed Client,Nairobi West\n"
                                  "C1,Amina Nakato,Kampala Central\n");
        b.refused("clients.csv:3: client_id: ", "client \"C0\" appears again (first at line 2)", 1);
    }
    SECTION("a payment already in the database, twice in the file") {
        b.in.appendLine("payments.csv", "P0,L0,2025-07-01,105.00,,,");
        b.in.appendLine("payments.csv", "P0,L0,2025-07-01,105.00,,,");
        b.refused("payments.csv:7: payment_id: ", "payment \"P0\" appears again (first at line 6)",
                  1);
    }
}

TEST_CASE("a repeated installment apart from the loan's other rows names its first line",
          "[import][rules]") {
    // L1's installment 2 is at line 3; it comes again at line 8, after L2's rows.
    Base b;
    b.in.appendLine("schedule.csv", "L1,2,2026-03-01,100.00,10.00,0");
    b.refused("schedule.csv:8: installment_no: ",
              "installment 2 of loan L1 appears again (first at line 3)");
}

TEST_CASE("a loan's client must exist, in this import or earlier", "[import][rules]") {
    Base b;
    SECTION("unknown client") {
        b.in.setLine("loans.csv", 3,
                     "L2,C9,Business Loan,Kampala Central,,KES,300.00,"
                     "2026-01-01,active,");
        // L2 is refused; its schedule, charge and payments are not reported again.
        b.refused("loans.csv:3: client_id: ",
                  "client \"C9\" is not in clients.csv or the "
                  "database",
                  1);
    }
    SECTION("a client imported earlier") {
        b.in.setLine("loans.csv", 3,
                     "L2,C0,Business Loan,Kampala Central,,KES,300.00,"
                     "2026-01-01,active,");
        b.accepted();
        CHECK(b.text("SELECT c.client_id FROM loans l JOIN clients c ON c.id = l.client_pk "
                     "WHERE l.loan_id = 'L2'") == "C0");
    }
}

TEST_CASE("the currency must be the portfolio currency", "[import][rules]") {
    SECTION("another currency than the database's") {
        Base b;
        b.in.setLine("loans.csv", 2,
                     "L1,C1,Business Loan,Kampala Central,okello,USD,300.00,"
                     "2026-01-01,active,");
        b.refused("loans.csv:2: currency: ", "\"USD\" is not the portfolio currency KES", 1);
    }
    SECTION("not a currency code") {
        Base b;
        b.in.setLine("loans.csv", 2,
                     "L1,C1,Business Loan,Kampala Central,okello,XYZ,300.00,"
                     "2026-01-01,active,");
        b.refused("loans.csv:2: currency: ", "\"XYZ\" is not an ISO 4217 currency code", 1);
    }
    SECTION("a second import in another currency is refused") {
        Base b;
        Folder edge = Folder::copyOf(edgeDir(), b.tmp / "edge");
        const ImportOutcome o = importDir(*b.db, edge.path());
        INFO(joined(problemLines(o.errors)));
        CHECK_FALSE(o.committed);
        CHECK(o.errors.count() == 7); // one per loan, nothing else cascades
        for (int line = 2; line <= 8; ++line)
            CHECK(hasProblem(o.errors, fmt::format("loans.csv:{}: currency: ", line),
                             "\"UGX\" is not the portfolio currency KES"));
        CHECK(snapshot(*b.db) == b.before);
    }
    SECTION("a new database takes the first loan's currency; others are refused") {
        TempDir tmp;
        auto db = openDb(tmp / "rd.db");
        const std::string before = snapshot(*db);
        Folder in = Folder::copyOf(workedDir(), tmp / "in");
        in.setLine("loans.csv", 3,
                   "L2,C1,Business Loan,Kampala Central,,UGX,300,2026-01-01,"
                   "active,");
        const ImportOutcome o = importDir(*db, in.path());
        INFO(joined(problemLines(o.errors)));
        CHECK(hasProblem(o.errors,
                         "loans.csv:3: currency: ", "\"UGX\" is not the portfolio currency KES"));
        CHECK(o.errors.count() == 1);
        CHECK_FALSE(db->currency().has_value());
        CHECK(snapshot(*db) == before);
    }
    SECTION("the currency fixed by init is kept") {
        TempDir tmp;
        auto db = openDb(tmp / "rd.db", "UGX");
        const std::string before = snapshot(*db);
        const ImportOutcome o = importDir(*db, workedDir());
        INFO(joined(problemLines(o.errors)));
        CHECK(hasProblem(o.errors,
                         "loans.csv:2: currency: ", "\"KES\" is not the portfolio currency UGX"));
        CHECK(hasProblem(o.errors,
                         "loans.csv:3: currency: ", "\"KES\" is not the portfolio currency UGX"));
        CHECK(snapshot(*db) == before);
    }
}

TEST_CASE("the principal must be greater than 0", "[import][rules]") {
    for (const std::string zero : {"0", "0.00"}) {
        DYNAMIC_SECTION("principal " << zero) {
            Base b;
            b.in.setLine("loans.csv", 2,
                         "L1,C1,Business Loan,Kampala Central,okello,KES," + zero +
                             ",2026-01-01,active,");
            b.refused("loans.csv:2: principal: ", "\"" + zero + "\" must be greater than 0", 1);
        }
    }
}

TEST_CASE("dates are YYYY-MM-DD of a day that exists", "[import][rules]") {
    const std::string notADate = " is not a date (YYYY-MM-DD, a day that exists)";
    Base b;
    SECTION("disbursed_on 2026-02-30") {
        b.in.setLine("loans.csv", 2,
                     "L1,C1,Business Loan,Kampala Central,okello,KES,300.00,"
                     "2026-02-30,active,");
        b.refused("loans.csv:2: disbursed_on: ", "\"2026-02-30\"" + notADate, 1);
    }
    SECTION("due_date 2026-02-29 (not a leap year)") {
        b.in.setLine("schedule.csv", 3, "L1,2,2026-02-29,100.00,10.00,0");
        b.refused("schedule.csv:3: due_date: ", "\"2026-02-29\"" + notADate);
    }
    SECTION("charged_on 2026-04-31") {
        b.in.setLine("charges.csv", 2, "CH1,L1,2,2026-04-31,penalty,5.00");
        b.refused("charges.csv:2: charged_on: ", "\"2026-04-31\"" + notADate, 1);
    }
    SECTION("paid_on 2026-2-1") {
        b.in.setLine("payments.csv", 2, "P1,L1,2026-2-1,110.00,cash,,");
        b.refused("payments.csv:2: paid_on: ", "\"2026-2-1\"" + notADate, 1);
    }
    SECTION("reversed_on 2026-13-01") {
        b.in.setLine("payments.csv", 5, "P4,L2,2026-03-15,50.00,cheque,CHQ-000451,2026-13-01");
        b.refused("payments.csv:5: reversed_on: ", "\"2026-13-01\"" + notADate, 1);
    }
    SECTION("written_off_on 18/03/2026") {
        b.in.setLine("loans.csv", 3,
                     "L2,C1,Business Loan,Kampala Central,,KES,300.00,"
                     "2026-01-01,written_off,18/03/2026");
        b.refused("loans.csv:3: written_off_on: ", "\"18/03/2026\"" + notADate, 1);
    }
    SECTION("a leap day that exists is fine") {
        b.in.setLine("schedule.csv", 2, "L1,1,2026-02-28,100.00,10.00,0");
        b.accepted();
    }
}

TEST_CASE("amounts follow the money text form of the portfolio currency", "[import][rules]") {
    SECTION("the contract's example: \"12,500\" as a principal") {
        Base b;
        b.in.setLine("loans.csv", 2,
                     "L1,C1,Business Loan,Kampala Central,okello,KES,"
                     "\"12,500\",2026-01-01,active,");
        const ImportOutcome o = b.refused("loans.csv:2: principal: ", "\"12,500\"", 1);
        CHECK(problemLines(o.errors)[0] == "loans.csv:2: principal: \"12,500\" is not an amount "
                                           "(digits with at most 2 decimals)");
    }
    SECTION("1250.505 in KES") {
        Base b;
        b.in.setLine("payments.csv", 2, "P1,L1,2026-02-01,1250.505,cash,,");
        const ImportOutcome o = b.refused("payments.csv:2: amount: ", "\"1250.505\"", 1);
        CHECK(problemLines(o.errors)[0] == "payments.csv:2: amount: \"1250.505\" is not an "
                                           "amount (digits with at most 2 decimals)");
    }
    SECTION("1250.0 in UGX") {
        TempDir tmp;
        auto db = openDb(tmp / "rd.db");
        Folder in = Folder::copyOf(edgeDir(), tmp / "in");
        in.setLine("payments.csv", 2, "A1,PRE,2025-01-25,1250.0,cash,,");
        const ImportOutcome o = importDir(*db, in.path());
        INFO(joined(problemLines(o.errors)));
        REQUIRE(o.errors.count() == 1);
        CHECK(problemLines(o.errors)[0] ==
              "payments.csv:2: amount: \"1250.0\" is not an amount (digits only, no decimals)");
        CHECK(rowCount(db->handle(), "loans") == 0);
    }
    for (const std::string bad :
         {"1250.", ".5", "-5.00", "+5", "1 250", "KES5", "1e3", "5,00", "１２"}) {
        DYNAMIC_SECTION("interest_due " << bad) {
            Base b;
            b.in.setLine("schedule.csv", 3, "L1,2,2026-03-01,100.00,\"" + bad + "\",0");
            b.refused("schedule.csv:3: interest_due: ", "\"" + bad + "\" is not an amount");
        }
    }
    SECTION("1250.5 is KES 1250.50") {
        Base b;
        b.in.setLine("payments.csv", 2, "P1,L1,2026-02-01,110.5,cash,,");
        b.accepted();
        CHECK(b.text("SELECT amount FROM payments WHERE payment_id = 'P1'") == "11050");
    }
}

TEST_CASE("a loan's status is active or written_off", "[import][rules]") {
    for (const std::string status : {"closed", "Active", ""}) {
        DYNAMIC_SECTION("status [" << status << "]") {
            Base b;
            b.in.setLine("loans.csv", 2,
                         "L1,C1,Business Loan,Kampala Central,okello,KES,300.00,2026-01-01," +
                             status + ",");
            b.refused("loans.csv:2: status: ", "\"" + status + "\" is not a loan status", 1);
        }
    }
}

TEST_CASE("written_off_on: required when written off, empty when active, not before "
          "disbursement",
          "[import][rules]") {
    Base b;
    const std::string l2 = "L2,C1,Business Loan,Kampala Central,,KES,300.00,2026-01-01,";
    SECTION("written off without a date") {
        b.in.setLine("loans.csv", 3, l2 + "written_off,");
        b.refused("loans.csv:3: written_off_on: ", "is empty, but the loan is written off", 1);
    }
    SECTION("active with a date") {
        b.in.setLine("loans.csv", 3, l2 + "active,2026-03-31");
        b.refused("loans.csv:3: written_off_on: ", "must be empty for an active loan", 1);
    }
    SECTION("written off before disbursement") {
        b.in.setLine("loans.csv", 3, l2 + "written_off,2025-12-31");
        b.refused("loans.csv:3: written_off_on: ",
                  "2025-12-31 is before the disbursement on 2026-01-01", 1);
    }
    SECTION("written off on the day of disbursement is fine") {
        b.in.setLine("loans.csv", 3, l2 + "written_off,2026-01-01");
        b.accepted();
        CHECK(b.text("SELECT status || ' ' || written_off_on FROM loans WHERE loan_id = 'L2'") ==
              "written_off 2026-01-01");
    }
}

TEST_CASE("installments are numbered 1..n without gaps", "[import][rules]") {
    Base b;
    SECTION("a gap: 1, 2, 4") {
        b.in.setLine("schedule.csv", 4, "L1,4,2026-04-01,100.00,10.00,0");
        b.refused("schedule.csv:2: installment_no: ",
                  "installments of loan L1 are not numbered 1 to 3 without gaps", 1);
    }
    SECTION("starting at 2") {
        b.in.setLine("schedule.csv", 2, "L1,2,2026-02-01,100.00,10.00,0");
        b.in.setLine("schedule.csv", 3, "L1,3,2026-03-01,100.00,10.00,0");
        b.in.setLine("schedule.csv", 4, "L1,4,2026-04-01,100.00,10.00,0");
        b.refused("schedule.csv:2: installment_no: ",
                  "installments of loan L1 are not numbered 1 to 3 without gaps", 1);
    }
    SECTION("installment 0") {
        b.in.setLine("schedule.csv", 5, "L2,0,2026-02-01,100.00,10.00,0");
        b.refused("schedule.csv:5: installment_no: ", "\"0\" is not an installment number");
    }
    SECTION("not a number") {
        b.in.setLine("schedule.csv", 5, "L2,one,2026-02-01,100.00,10.00,0");
        b.refused("schedule.csv:5: installment_no: ", "\"one\" is not an installment number");
    }
    SECTION("rows in another order are fine") {
        b.in.write("schedule.csv", "loan_id,installment_no,due_date,principal_due,interest_due\n"
                                   "L1,3,2026-04-01,100.00,10.00\n"
                                   "L1,1,2026-02-01,100.00,10.00\n"
                                   "L1,2,2026-03-01,100.00,10.00\n"
                                   "L2,2,2026-03-01,100.00,10.00\n"
                                   "L2,3,2026-04-01,100.00,10.00\n"
                                   "L2,1,2026-02-01,100.00,10.00\n");
        b.accepted();
        CHECK(b.text("SELECT group_concat(installment_no || ':' || due_date, ' ') FROM (SELECT "
                     "* FROM installments i JOIN loans l ON l.id = i.loan_pk WHERE l.loan_id = "
                     "'L1' ORDER BY installment_no)") == "1:2026-02-01 2:2026-03-01 3:2026-04-01");
    }
}

TEST_CASE("due dates are strictly increasing and after disbursement", "[import][rules]") {
    Base b;
    SECTION("two installments due the same day") {
        b.in.setLine("schedule.csv", 3, "L1,2,2026-02-01,100.00,10.00,0");
        b.refused("schedule.csv:3: due_date: ",
                  "2026-02-01 is not after the due date of installment 1 (2026-02-01)", 1);
    }
    SECTION("a later installment due earlier") {
        b.in.setLine("schedule.csv", 4, "L1,3,2026-02-15,100.00,10.00,0");
        b.refused("schedule.csv:4: due_date: ",
                  "2026-02-15 is not after the due date of installment 2 (2026-03-01)", 1);
    }
    SECTION("the first installment due on the day of disbursement") {
        b.in.setLine("schedule.csv", 5, "L2,1,2026-01-01,100.00,10.00,0");
        b.refused("schedule.csv:5: due_date: ",
                  "2026-01-01 is not after the disbursement of loan L2 on 2026-01-01", 1);
    }
    SECTION("the first installment due before disbursement") {
        b.in.setLine("schedule.csv", 2, "L1,1,2025-12-01,100.00,10.00,0");
        b.refused("schedule.csv:2: due_date: ",
                  "2025-12-01 is not after the disbursement of loan L1 on 2026-01-01", 1);
    }
}

TEST_CASE("principal_due sums to the loan's principal", "[import][rules]") {
    Base b;
    SECTION("short by 0.01") {
        b.in.setLine("schedule.csv", 4, "L1,3,2026-04-01,99.99,10.00,0");
        b.refused("schedule.csv:2: principal_due: ",
                  "principal_due of loan L1 sums to 299.99, but the loan's principal is 300.00", 1);
    }
    SECTION("over by 0.01") {
        b.in.setLine("schedule.csv", 7, "L2,3,2026-04-01,100.01,10.00,0");
        b.refused("schedule.csv:5: principal_due: ",
                  "principal_due of loan L2 sums to 300.01, but the loan's principal is 300.00", 1);
    }
}

TEST_CASE("fee_due is optional and defaults to 0", "[import][rules]") {
    Base b;
    SECTION("column absent") {
        dropColumn(b.in, "schedule.csv", "fee_due");
        b.accepted();
        CHECK(b.text("SELECT sum(fee_due) FROM installments") == "0");
    }
    SECTION("cell empty, and a value where given") {
        b.in.setLine("schedule.csv", 2, "L1,1,2026-02-01,100.00,10.00,");
        b.in.setLine("schedule.csv", 3, "L1,2,2026-03-01,100.00,10.00,2.5");
        b.accepted();
        CHECK(b.text("SELECT group_concat(fee_due, ' ') FROM (SELECT i.fee_due FROM installments "
                     "i JOIN loans l ON l.id = i.loan_pk WHERE l.loan_id = 'L1' ORDER BY "
                     "installment_no)") == "0 250 0");
    }
    SECTION("a bad fee_due is an error") {
        b.in.setLine("schedule.csv", 3, "L1,2,2026-03-01,100.00,10.00,2.505");
        b.refused("schedule.csv:3: fee_due: ", "\"2.505\" is not an amount");
    }
}

TEST_CASE("charges: kind, amount, date and installment", "[import][rules]") {
    Base b;
    SECTION("kind interest") {
        b.in.setLine("charges.csv", 2, "CH1,L1,2,2026-03-10,interest,5.00");
        b.refused("charges.csv:2: kind: ", "\"interest\" is not a charge kind (fee or penalty)", 1);
    }
    SECTION("amount 0") {
        b.in.setLine("charges.csv", 3, "CH2,L2,2,2026-03-10,penalty,0");
        b.refused("charges.csv:3: amount: ", "\"0\" must be greater than 0", 1);
    }
    SECTION("charged before disbursement") {
        b.in.setLine("charges.csv", 2, "CH1,L1,2,2025-12-31,penalty,5.00");
        b.refused("charges.csv:2: charged_on: ",
                  "2025-12-31 is before the disbursement of loan L1 on 2026-01-01", 1);
    }
    SECTION("charged on the day of disbursement is fine") {
        b.in.setLine("charges.csv", 2, "CH1,L1,2,2026-01-01,fee,5.00");
        b.accepted();
    }
    SECTION("an installment the loan does not have") {
        b.in.setLine("charges.csv", 2, "CH1,L1,4,2026-03-10,penalty,5.00");
        b.refused("charges.csv:2: installment_no: ", "loan L1 has no installment 4", 1);
    }
    SECTION("a loan that does not exist") {
        b.in.setLine("charges.csv", 2, "CH1,L9,2,2026-03-10,penalty,5.00");
        b.refused("charges.csv:2: loan_id: ", "loan \"L9\" is not in loans.csv or the database", 1);
    }
    SECTION("both kinds are accepted") {
        b.in.setLine("charges.csv", 2, "CH1,L1,2,2026-03-10,fee,5.00");
        b.accepted();
        CHECK(b.text("SELECT group_concat(kind, ' ') FROM (SELECT kind FROM charges ORDER BY "
                     "charge_id)") == "fee penalty fee");
    }
}

TEST_CASE("payments: amount, date, method and reversal", "[import][rules]") {
    Base b;
    SECTION("amount 0.00") {
        b.in.setLine("payments.csv", 2, "P1,L1,2026-02-01,0.00,cash,,");
        b.refused("payments.csv:2: amount: ", "\"0.00\" must be greater than 0", 1);
    }
    SECTION("paid before disbursement") {
        b.in.setLine("payments.csv", 2, "P1,L1,2025-12-31,110.00,cash,,");
        b.refused("payments.csv:2: paid_on: ",
                  "2025-12-31 is before the disbursement of loan L1 on 2026-01-01", 1);
    }
    SECTION("method card") {
        b.in.setLine("payments.csv", 3, "P2,L1,2026-03-15,50.00,card,MM-88123,");
        b.refused("payments.csv:3: method: ", "\"card\" is not a payment method", 1);
    }
    SECTION("every method, and cash by default") {
        b.in.write("payments.csv", "payment_id,loan_id,paid_on,amount,method,reference\n"
                                   "P1,L1,2026-02-01,10.00,cash,\n"
                                   "P2,L1,2026-02-02,10.00,cheque,C1\n"
                                   "P3,L1,2026-02-03,10.00,bank_transfer,B1\n"
                                   "P4,L1,2026-02-04,10.00,mobile_money,M1\n"
                                   "P5,L1,2026-02-05,10.00,other,O1\n"
                                   "P6,L1,2026-02-06,10.00,,\n");
        b.accepted();
        CHECK(b.text("SELECT group_concat(method, ' ') FROM (SELECT method FROM payments WHERE "
                     "payment_id != 'P0' ORDER BY payment_id)") ==
              "cash cheque bank_transfer mobile_money other cash");
    }
    SECTION("reversed before it was paid") {
        b.in.setLine("payments.csv", 5, "P4,L2,2026-03-15,50.00,cheque,CHQ-000451,2026-03-14");
        b.refused(
            "payments.csv:5: reversed_on: ", "2026-03-14 is before the payment date 2026-03-15", 1);
    }
    SECTION("reversed the day it was paid is fine") {
        b.in.setLine("payments.csv", 5, "P4,L2,2026-03-15,50.00,cheque,CHQ-000451,2026-03-15");
        b.accepted();
    }
    SECTION("a loan that does not exist") {
        b.in.setLine("payments.csv", 2, "P1,L9,2026-02-01,110.00,cash,,");
        b.refused("payments.csv:2: loan_id: ", "loan \"L9\" is not in loans.csv or the database",
                  1);
    }
}

TEST_CASE("after an import every loan has a schedule", "[import][rules]") {
    Base b;
    SECTION("a new loan without schedule rows") {
        b.in.appendLine("loans.csv", "L3,C1,Business Loan,Kampala Central,,KES,100.00,"
                                     "2026-01-01,active,");
        b.refused("loans.csv:4: loan_id: ", "loan L3 has no schedule", 1);
    }
    SECTION("no schedule.csv at all") {
        b.in.remove("schedule.csv").remove("charges.csv");
        const ImportOutcome o = b.refused("loans.csv:2: loan_id: ", "loan L1 has no schedule");
        CHECK(hasProblem(o.errors, "loans.csv:3: loan_id: ", "loan L2 has no schedule"));
    }
}

TEST_CASE("quoted fields may hold commas, quotes and line breaks", "[import][rules]") {
    Base b;
    b.in.write("clients.csv", "client_id,full_name,branch,phone,address\n"
                              "C1,\"Nakato, Amina\",Kampala Central,+256772000001,\"Plot 4\n"
                              "Market Road, Kampala\"\n"
                              "\"C2\",\"Said \"\"Boss\"\" Mugisha\",\"Kampala Central\",,\n");
    b.accepted();
    CHECK(b.text("SELECT full_name || '|' || address FROM clients WHERE client_id = 'C1'") ==
          "Nakato, Amina|Plot 4\nMarket Road, Kampala");
    CHECK(b.text("SELECT full_name || '|' || branch || '|' || ifnull(phone, 'NULL') FROM clients "
                 "WHERE client_id = 'C2'") == "Said \"Boss\" Mugisha|Kampala Central|NULL");
}

TEST_CASE("line numbers are physical lines, after a field with a line break", "[import][rules]") {
    Base b;
    b.in.write("clients.csv", "client_id,full_name,branch,address\n"
                              "C1,Amina Nakato,Kampala Central,\"Plot 4\n"
                              "Market Road\n"
                              "Kampala\"\n"
                              "C2,,Kampala Central,\n");
    b.refused("clients.csv:5: full_name: ", "is empty (a value is required)", 1);
}

namespace {

std::string bomAndCrlf(const std::string& text) {
    std::string out = "\xEF\xBB\xBF";
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

} // namespace

TEST_CASE("files with a BOM and CRLF line ends import like plain ones", "[import][rules]") {
    TempDir tmp;
    Folder crlf(tmp / "crlf");
    for (const char* f :
         {"clients.csv", "loans.csv", "schedule.csv", "charges.csv", "payments.csv"})
        crlf.write(f, bomAndCrlf(readFile(workedDir() / f)));
    auto plainDb = openDb(tmp / "plain.db");
    auto crlfDb = openDb(tmp / "crlf.db");
    importOk(*plainDb, workedDir());
    importOk(*crlfDb, crlf.path());
    CHECK(portfolio(crlfDb->handle()) == portfolio(plainDb->handle()));
    // No stray \r at the end of a stored value.
    CHECK(queryInt(crlfDb->handle(), "SELECT count(*) FROM payments WHERE reversed_on LIKE "
                                     "'%' || char(13) OR reference LIKE '%' || char(13)") == 0);

    SECTION("and problems in them name the right line") {
        Base b;
        b.in.write("loans.csv",
                   bomAndCrlf("loan_id,client_id,product,branch,credit_officer,currency,"
                              "principal,disbursed_on,status,written_off_on\n"
                              "L1,C1,Business Loan,Kampala Central,okello,KES,300.00,2026-01-01,"
                              "active,\n"
                              "L2,C1,Business Loan,Kampala Central,,KES,-300.00,2026-01-01,"
                              "active,\n"));
        b.refused("loans.csv:3: principal: ", "\"-300.00\" is not an amount", 1);
    }
}

TEST_CASE("invalid UTF-8 is an error", "[import][rules]") {
    Base b;
    SECTION("a stray byte") {
        b.in.setLine("clients.csv", 2, "C1,Amina \xFF Nakato,Kampala Central,+256772000001");
        b.refused("clients.csv:2: ", "invalid UTF-8");
    }
    SECTION("a Latin-1 name on a later line") {
        b.in.appendLine("clients.csv", "C2,Ren\xE9 Okello,Kampala Central,");
        b.refused("clients.csv:3: ", "invalid UTF-8");
    }
    SECTION("an overlong encoding") {
        b.in.setLine("payments.csv", 3, "P2,L1,2026-03-15,50.00,mobile_money,MM-\xC0\xAF,");
        b.refused("payments.csv:3: ", "invalid UTF-8");
    }
    SECTION("valid multi-byte UTF-8 is fine") {
        b.in.setLine("clients.csv", 2,
                     "C1,Amína Nakató \xE5\x90\x8D \xF0\x9F\x98\x80,Kampala Central,+256");
        b.accepted();
        CHECK(b.text("SELECT full_name FROM clients WHERE client_id = 'C1'") ==
              "Amína Nakató \xE5\x90\x8D \xF0\x9F\x98\x80");
    }
}

TEST_CASE("a row with the wrong number of fields is an error", "[import][rules]") {
    Base b;
    SECTION("too few") {
        b.in.appendLine("loans.csv", "L3,C1,Business Loan");
        b.refused("loans.csv:4: (row): ", "the row has 3 fields but the header has 10", 1);
    }
    SECTION("too many") {
        b.in.setLine("payments.csv", 3, "P2,L1,2026-03-15,50.00,mobile_money,MM-88123,,extra");
        b.refused("payments.csv:3: (row): ", "the row has 8 fields but the header has 7", 1);
    }
}

TEST_CASE("a folder with none of the files, or no folder, is an error", "[import][rules]") {
    Base b;
    SECTION("empty folder") {
        Folder empty(b.tmp / "empty");
        writeFile(empty.path() / "readme.txt", "not an import file\n");
        const ImportOutcome o = importDir(*b.db, empty.path());
        REQUIRE(o.errors.count() == 1);
        CHECK_THAT(problemLines(o.errors)[0], Catch::Contains("holds none of clients.csv"));
        CHECK(snapshot(*b.db) == b.before);
    }
    SECTION("missing folder") {
        const ImportOutcome o = importDir(*b.db, b.tmp / "no-such-folder");
        REQUIRE(o.errors.count() == 1);
        CHECK_FALSE(o.committed);
        CHECK(snapshot(*b.db) == b.before);
    }
    SECTION("an empty file") {
        b.in.write("charges.csv", "");
        b.refused("charges.csv:1: (header): ", "the file is empty", 1);
    }
}

TEST_CASE("every problem is reported, up to 200", "[import][rules]") {
    SECTION("problems in several files are all reported") {
        Base b;
        b.in.setLine("clients.csv", 2, "C1,,Kampala Central,+256772000001");
        b.in.setLine("schedule.csv", 6, "L2,2,2026-03-01,100.00,ten,0");
        b.in.setLine("payments.csv", 4, "P3,L2,2026-02-01,110.00,cash,,2026-01-31");
        const ImportOutcome o = b.refused("clients.csv:2: full_name: ", "is empty");
        CHECK(hasProblem(o.errors, "schedule.csv:6: interest_due: ", "\"ten\" is not an amount"));
        CHECK(hasProblem(o.errors, "payments.csv:4: reversed_on: ",
                         "2026-01-31 is before the payment date 2026-02-01"));
    }
    SECTION("250 bad rows: 200 kept, all counted") {
        Base b;
        std::string payments = "payment_id,loan_id,paid_on,amount\n";
        for (int i = 1; i <= 250; ++i)
            payments += fmt::format("X{},L1,2026-02-01,0\n", i);
        b.in.write("payments.csv", payments);
        const ImportOutcome o = b.refused("payments.csv:2: amount: ", "must be greater than 0");
        CHECK(o.errors.count() == 250);
        CHECK(o.errors.kept().size() == 200);
        CHECK(hasProblem(o.errors, "payments.csv:201: amount: ", "\"0\" must be greater than 0"));
    }
}

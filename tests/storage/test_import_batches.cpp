// Payments and installments are written 64 rows per INSERT; a batch refused by SQLite (a
// payment id already stored) is undone and its rows are written again one by one with the
// row-by-row checks. These files are larger than a batch, so that path runs here.
#include "storage_test_support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace rd;
using namespace rdst;

namespace {

// 150 new payments on L1 of 0.01 each, one a day from 2026-01-02 (P100 ... P249); line N of
// the file (the header is line 1) holds payment P(98 + N).
std::string manyPayments() {
    std::string csv = "payment_id,loan_id,paid_on,amount,method,reference,reversed_on\n";
    for (int i = 0; i < 150; ++i)
        csv += fmt::format("P{},L1,{},0.01,cash,,\n", 100 + i,
                           day("2026-01-02").addDays(i).toString());
    return csv;
}

} // namespace

TEST_CASE("import batches: a stored payment inside a batch is taken as unchanged, the rest is "
          "added",
          "[import][batches]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    importOk(*db, workedDir());
    Folder later(tmp / "later");
    std::string csv = manyPayments();
    // P1 exactly as stored, in the middle of the second batch of 64 rows.
    const auto at = csv.find("P170,");
    csv.insert(at, "P1,L1,2026-02-01,110.00,cash,,\n");
    later.write("payments.csv", csv);
    const auto o = importOk(*db, later.path());
    CHECK(o.counts.paymentsAdded == 150);
    CHECK(o.counts.rowsUnchanged == 1);
    CHECK(queryInt(db->handle(), "SELECT count(*) FROM payments") == 150 + 4);
    CHECK(queryInt(db->handle(), "SELECT count(*) FROM payments WHERE payment_id = 'P1'") == 1);
    // Each row keeps its own file line, the batched ones included.
    CHECK(queryInt(db->handle(), "SELECT source_line FROM payments WHERE payment_id = 'P249'") ==
          152);
}

TEST_CASE("import batches: errors in several batches come in line order and nothing is written",
          "[import][batches]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    importOk(*db, workedDir());
    const std::string before = snapshot(*db);
    Folder later(tmp / "later");
    std::string csv = manyPayments();
    // Line 72: P1 stored with other values; line 131: a date that does not exist.
    csv.replace(csv.find("P170,"), 0, "P1,L1,2026-02-01,999.00,cash,,\n");
    const std::string bad = "P228,"; // line 130 before P1 was inserted above it
    const auto row = csv.find(bad);
    const auto comma = csv.find(',', csv.find(',', row) + 1);
    csv.replace(comma + 1, 10, "2026-02-30");
    later.write("payments.csv", csv);
    const auto o = importDir(*db, later.path());
    INFO(joined(problemLines(o.errors)));
    CHECK_FALSE(o.committed);
    REQUIRE(o.errors.count() == 2);
    CHECK(o.errors.kept()[0].line == 72);
    CHECK(o.errors.kept()[0].column == "payment_id");
    CHECK(o.errors.kept()[1].line == 131);
    CHECK(o.errors.kept()[1].column == "paid_on");
    CHECK(snapshot(*db) == before);
}

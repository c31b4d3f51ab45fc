// Files written by earlier versions of RecoveryDesk open in this one: each is migrated
// (after a backup copy) and keeps its portfolio. tests/data/schema holds one file per
// released schema version, made by that version from the worked example.
#include "storage/migrations.h"
#include "storage_test_support.h"

#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::storage;

TEST_CASE("a schema version 1 file opens, is migrated if needed and keeps its loans",
          "[database][migration]") {
    rdst::TempDir tmp;
    const auto path = tmp / "old.db";
    std::filesystem::copy_file(std::filesystem::path(RD_TEST_DATA_DIR) / "schema/v1-worked.db",
                               path);
    auto opened = Database::open(path, {});
    REQUIRE(opened.ok());
    auto& db = **opened;
    CHECK(db.schemaVersion() == latestSchemaVersion());
    if (latestSchemaVersion() > 1) {
        REQUIRE(db.migrationBackup());
        CHECK(std::filesystem::exists(*db.migrationBackup()));
    } else {
        CHECK_FALSE(db.migrationBackup());
    }
    CHECK(db.currency() == Currency{"KES", 2});

    LoanRepository loans(db);
    const auto l1 = loans.findLoan("L1");
    REQUIRE(l1);
    PositionCalculator calc(loadDelinquencyPolicy(db));
    const auto pos = calc.compute(*l1, Date::parse("2026-03-20").value());
    CHECK(pos.daysPastDue == 19);
    CHECK(pos.arrears.total() == 6500);
    CHECK(pos.outstandingPrincipal == 16500);
    CHECK(loans.ledgerCacheComplete());
}

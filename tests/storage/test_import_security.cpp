// guarantors.csv and collateral.csv (interchange.md section 1): checked like the other
// import files, all or nothing, incremental, and a changed row versioned.
#include "storage_test_support.h"

using namespace rdst;
using rd::storage::ImportOutcome;

namespace {

const std::string kGuarantorHeader = "guarantor_id,loan_id,full_name,phone,relationship\n";
const std::string kCollateralHeader =
    "collateral_id,loan_id,kind,description,market_value,forced_sale_value,valued_on,"
    "registration\n";

struct Security {
    TempDir tmp;
    std::unique_ptr<rd::storage::Database> db = openDb(tmp / "rd.db");
    Folder in{tmp / "in"};
    std::string before;

    Security() {
        importOk(*db, seedFolder(tmp / "seed").path());
        in.write("guarantors.csv", kGuarantorHeader + "G1,L0,Amina Nakato,+256772000111,sister\n"
                                                      "G2,L0,Peter Okello,,group member\n");
        in.write("collateral.csv", kCollateralHeader +
                                       "K1,L0,vehicle,Bajaj Boxer motorcycle,4500000.00,"
                                       "2700000.00,2026-01-10,UEX 123A\n"
                                       "K2,L0,household,\"Sofa set, fridge\",,,,\n");
        before = snapshot(*db);
    }

    ImportOutcome refused(const std::string& prefix, const std::string& part) {
        const ImportOutcome o = importDir(*db, in.path());
        INFO("expected [" << prefix << "] containing [" << part << "]\nreported:\n"
                          << joined(problemLines(o.errors)));
        CHECK_FALSE(o.ok);
        CHECK_FALSE(o.committed);
        CHECK(hasProblem(o.errors, prefix, part));
        CHECK(snapshot(*db) == before);
        return o;
    }

    std::int64_t count(const std::string& sql) { return queryInt(db->handle(), sql); }
    std::string text(const std::string& sql) { return queryText(db->handle(), sql); }
};

} // namespace

TEST_CASE("guarantors and collateral are imported for a stored loan", "[import][security]") {
    Security s;
    const ImportOutcome o = importOk(*s.db, s.in.path());
    CHECK(o.counts.guarantorsAdded == 2);
    CHECK(o.counts.collateralAdded == 2);
    CHECK(s.count("SELECT COUNT(*) FROM guarantors g JOIN loans l ON l.id = g.loan_pk "
                  "WHERE l.loan_id = 'L0'") == 2);
    CHECK(s.text("SELECT phone FROM guarantors WHERE guarantor_id = 'G1'") == "+256772000111");
    CHECK(s.count("SELECT phone IS NULL FROM guarantors WHERE guarantor_id = 'G2'") == 1);
    // KES has two decimals: amounts are stored in minor units.
    CHECK(s.count("SELECT market_value FROM collateral WHERE collateral_id = 'K1'") == 450000000);
    CHECK(s.count("SELECT forced_sale_value FROM collateral WHERE collateral_id = 'K1'") ==
          270000000);
    CHECK(s.text("SELECT registration FROM collateral WHERE collateral_id = 'K1'") == "UEX 123A");
    CHECK(s.count("SELECT market_value IS NULL AND valued_on IS NULL FROM collateral "
                  "WHERE collateral_id = 'K2'") == 1);
    CHECK(s.text("SELECT summary FROM imports ORDER BY id DESC LIMIT 1")
              .find("\"guarantors_added\": 2") != std::string::npos);
}

TEST_CASE("guarantors and collateral may name a loan of the same import", "[import][security]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    Folder in = seedFolder(tmp / "in");
    in.write("guarantors.csv", kGuarantorHeader + "G1,L0,Amina Nakato,,\n");
    in.write("collateral.csv", kCollateralHeader + "K1,L0,land,Plot 12 Mukono,,,,\n");
    const ImportOutcome o = importOk(*db, in.path());
    CHECK(o.counts.loansAdded == 1);
    CHECK(o.counts.guarantorsAdded == 1);
    CHECK(o.counts.collateralAdded == 1);
}

TEST_CASE("a bad guarantor or collateral row refuses the whole import", "[import][security]") {
    Security s;
    // A good new client in the same import is not written either.
    s.in.write("clients.csv", "client_id,full_name,branch\nC9,New Client,Nairobi West\n");
    SECTION("bad kind") {
        s.in.setLine("collateral.csv", 2, "K1,L0,jewellery,Gold ring,100.00,50.00,2026-01-10,");
        s.refused("collateral.csv:2: kind: ", "\"jewellery\" is not a kind of collateral");
    }
    SECTION("bad amount") {
        s.in.setLine("collateral.csv", 2, "K1,L0,vehicle,Motorcycle,4.500.000,,,");
        s.refused("collateral.csv:2: market_value: ", "4.500.000");
    }
    SECTION("negative forced-sale value") {
        s.in.setLine("collateral.csv", 2, "K1,L0,vehicle,Motorcycle,100.00,-5,,");
        s.refused("collateral.csv:2: forced_sale_value: ", "");
    }
    SECTION("bad date") {
        s.in.setLine("collateral.csv", 2, "K1,L0,vehicle,Motorcycle,,,10/01/2026,");
        s.refused("collateral.csv:2: valued_on: ", "");
    }
    SECTION("unknown loan") {
        s.in.setLine("guarantors.csv", 3, "G2,L404,Peter Okello,,");
        s.refused("guarantors.csv:3: loan_id: ", "loan \"L404\" is not in loans.csv or the "
                                                 "database");
    }
    SECTION("unknown loan for collateral") {
        s.in.setLine("collateral.csv", 3, "K2,L404,household,Sofa,,,,");
        s.refused("collateral.csv:3: loan_id: ", "\"L404\"");
    }
    SECTION("missing required value") {
        s.in.setLine("guarantors.csv", 2, "G1,L0,,,");
        s.refused("guarantors.csv:2: full_name: ", "is empty");
    }
    SECTION("missing description column") {
        s.in.write("collateral.csv", "collateral_id,loan_id,kind\nK1,L0,land\n");
        s.refused("collateral.csv:1: description: ", "required column is missing");
    }
    SECTION("guarantor id twice") {
        s.in.appendLine("guarantors.csv", "G1,L0,Someone Else,,");
        s.refused("guarantors.csv:4: guarantor_id: ",
                  "guarantor \"G1\" appears again (first at line 2)");
    }
    SECTION("collateral id twice") {
        s.in.appendLine("collateral.csv", "K2,L0,savings,Group savings,,,,");
        s.refused("collateral.csv:4: collateral_id: ",
                  "collateral \"K2\" appears again (first at line 3)");
    }
    CHECK(s.count("SELECT COUNT(*) FROM clients WHERE client_id = 'C9'") == 0);
}

TEST_CASE("a repeated id of a row already stored is reported too", "[import][security]") {
    Security s;
    importOk(*s.db, s.in.path());
    s.before = snapshot(*s.db);
    s.in.appendLine("guarantors.csv", "G1,L0,Amina Nakato,+256772000111,sister");
    s.refused("guarantors.csv:4: guarantor_id: ", "appears again (first at line 2)");
}

TEST_CASE("re-importing guarantors and collateral changes nothing", "[import][security]") {
    Security s;
    importOk(*s.db, s.in.path());
    const std::string after = snapshot(*s.db);
    const ImportOutcome again = importDir(*s.db, s.in.path());
    CHECK(again.ok);
    CHECK_FALSE(again.committed);
    CHECK(again.counts.changes() == 0);
    CHECK(again.counts.rowsUnchanged == 4);
    CHECK(snapshot(*s.db) == after);
}

TEST_CASE("a changed guarantor or collateral row keeps its previous values", "[import][security]") {
    Security s;
    importOk(*s.db, s.in.path());
    Folder later(s.tmp / "later");
    // Only the changed rows; the file without the phone column keeps the stored phone.
    later.write("guarantors.csv", "guarantor_id,loan_id,full_name\nG1,L0,Amina Nakato Ssali\n");
    later.write("collateral.csv", kCollateralHeader + "K1,L0,vehicle,Bajaj Boxer motorcycle,"
                                                      "4000000.00,2400000.00,2026-06-01,UEX "
                                                      "123A\n");
    const ImportOutcome o = importOk(*s.db, later.path());
    CHECK(o.counts.guarantorsChanged == 1);
    CHECK(o.counts.collateralChanged == 1);
    CHECK(o.counts.guarantorsAdded == 0);
    CHECK(s.text("SELECT full_name FROM guarantors WHERE guarantor_id = 'G1'") ==
          "Amina Nakato Ssali");
    CHECK(s.text("SELECT phone FROM guarantors WHERE guarantor_id = 'G1'") == "+256772000111");
    CHECK(s.text("SELECT v.full_name FROM guarantor_versions v JOIN guarantors g "
                 "ON g.id = v.guarantor_pk WHERE g.guarantor_id = 'G1'") == "Amina Nakato");
    CHECK(s.count("SELECT v.market_value FROM collateral_versions v JOIN collateral c "
                  "ON c.id = v.collateral_pk WHERE c.collateral_id = 'K1'") == 450000000);
    CHECK(s.count("SELECT market_value FROM collateral WHERE collateral_id = 'K1'") == 400000000);
    CHECK(s.count("SELECT COUNT(*) FROM guarantors") == 2);
    CHECK(s.count("SELECT COUNT(*) FROM collateral") == 2);
}

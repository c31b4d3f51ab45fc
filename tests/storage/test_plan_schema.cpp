// Schema version 7 (plans, budgets, counselling, referrals): a version 6 file migrates with
// its cases rebuilt in place (ids, references and rules kept), and the new tables are
// append-only.
#include "desk_fixture.h"
#include "storage/case_repository.h"
#include "storage/migrations.h"

#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::storage;
using deskfx::Desk;
using rdst::day;

namespace {
const Date kDay = day("2026-03-20");

bool fails(Database& db, const char* sql) {
    try {
        db.exec(sql);
    } catch (const StorageError&) {
        return true;
    }
    return false;
}
} // namespace

TEST_CASE("plans schema: a version 6 file migrates to 7, its cases rebuilt with ids, events and "
          "rules kept",
          "[plans][migration]") {
    rdst::TempDir tmp;
    const auto path = tmp / "old.db";
    std::string casesBefore;
    {
        Desk d;
        d.recompute(kDay);
        REQUIRE(d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T10:00")).ok());
        casesBefore = rdst::queryText(d.db->handle(),
                                      "SELECT group_concat(id || ':' || loan_pk || ':' || stage || "
                                      "':' || ifnull(assigned_to, '-'), ',') FROM cases");
        d.db->backupTo(path);
    }
    {
        auto raw = rdst::openDb(path);
        rdst::dropSchemaV7(*raw);
    }
    auto opened = Database::open(path, {});
    REQUIRE(opened.ok());
    auto& db = **opened;
    CHECK(db.schemaVersion() == latestSchemaVersion());
    CHECK(latestSchemaVersion() >= 7);
    REQUIRE(db.migrationBackup());
    CHECK(rdst::queryText(db.handle(),
                          "SELECT group_concat(id || ':' || loan_pk || ':' || stage || ':' || "
                          "ifnull(assigned_to, '-'), ',') FROM cases") == casesBefore);
    CHECK(rdst::rowCount(db.handle(), "contacts") == 1);
    CHECK(rdst::queryInt(db.handle(), "PRAGMA foreign_keys") == 1);
    CHECK(rdst::rowCount(db.handle(), "loans") == 4);
    // The rebuilt table keeps its rules and gains the close reason `settled`.
    CHECK(fails(db, "DELETE FROM cases"));
    CHECK(fails(db, "UPDATE cases SET close_reason = 'forgiven', status = 'closed', "
                    "closed_on = '2026-03-20' WHERE id = 1"));
    CHECK_FALSE(fails(db, "UPDATE cases SET close_reason = 'settled', status = 'closed', "
                          "closed_on = '2026-03-20' WHERE id = 1"));
    CHECK(fails(db, "INSERT INTO case_events(case_id, at, business_date, actor, kind) "
                    "VALUES(999, 'x', '2026-03-20', 'x', 'opened')")); // references still checked
    CHECK(rdst::queryText(db.handle(), "SELECT ifnull(restructured_on, 'NULL') FROM loans "
                                       "LIMIT 1") == "NULL");
}

TEST_CASE("plans schema: plans, decisions, budgets, counselling and referrals are append-only",
          "[plans]") {
    Desk d;
    d.recompute(kDay);
    Database& db = *d.db;
    db.exec("INSERT INTO plans(loan_pk, kind, start_date, proposed_by, proposed_at, "
            "business_date, balance, total, grace_days, approvals_needed) "
            "VALUES(1, 'arrangement', '2026-03-20', 'akello', 't', '2026-03-20', 100, 100, 2, 1)");
    db.exec("INSERT INTO plan_installments(plan_id, n, due_date, amount) "
            "VALUES(1, 1, '2026-04-20', 100)");
    db.exec("INSERT INTO plan_decisions(plan_id, decision, decided_by, decided_at, "
            "business_date, comment) VALUES(1, 'approved', 'sarah', 't', '2026-03-20', 'ok')");
    CHECK(rdst::queryText(db.handle(),
                          "SELECT approvals || '/' || approvals_needed || '/' || "
                          "ifnull(ended_by, '-') FROM plan_decision_state") == "1/1/-");
    for (const char* sql : {"UPDATE plans SET total = 1", "DELETE FROM plans",
                            "UPDATE plan_installments SET amount = 1", "DELETE FROM plan_decisions",
                            "UPDATE plan_decisions SET comment = 'x'"})
        CHECK(fails(db, sql));
    CHECK(fails(db, "INSERT INTO plan_decisions(plan_id, decision, decided_by, decided_at, "
                    "business_date, comment) VALUES(1, 'rejected', 'sarah', 't', '2026-03-20', "
                    "' ')")); // a decision needs a comment
    CHECK(fails(db, "INSERT INTO plans(loan_pk, kind, start_date, proposed_by, proposed_at, "
                    "business_date, balance, total, grace_days, approvals_needed) "
                    "VALUES(1, 'holiday', '2026-03-20', 'a', 't', '2026-03-20', 1, 1, 2, 1)"));
    db.exec("INSERT INTO budgets(client_pk, budget_date, entered_by, entered_at) "
            "VALUES(1, '2026-03-20', 'akello', 't')");
    db.exec("INSERT INTO budget_lines VALUES(1, 1, 'income', 'shop', 50000)");
    CHECK(fails(db, "UPDATE budget_lines SET monthly_amount = 1"));
    CHECK(fails(db, "INSERT INTO budget_lines VALUES(1, 2, 'expense', 'rent', -1)"));
    db.exec("INSERT INTO referrals(loan_pk, organisation, service, referred_by, referred_at, "
            "business_date) VALUES(1, 'Youth Skills Centre', 'vocational_training', 'akello', "
            "'t', '2026-03-20')");
    CHECK(fails(db, "DELETE FROM referrals"));
    CHECK(fails(db, "INSERT INTO referral_updates(referral_id, status, updated_by, updated_at, "
                    "business_date) VALUES(1, 'lost', 'akello', 't', '2026-03-20')"));
}

TEST_CASE("a date column that is not a date is a storage error naming the value, in every "
          "repository",
          "[plans][storage]") {
    Desk d;
    d.recompute(kDay);
    d.db->exec("UPDATE cases SET opened_on = '2026-02-30' WHERE id = 1");
    try {
        (void)CaseRepository(*d.db).openCases();
        FAIL("a damaged date was read as a date");
    } catch (const StorageError& e) {
        CHECK_THAT(e.what(), Catch::Contains("corrupt date \"2026-02-30\""));
        CHECK(e.code() == SQLITE_CORRUPT);
    }
}

// Schema version 8 (letters, legal action, guarantors and collateral): a version 7 file
// migrates with its contacts rebuilt in place, the shipped templates are seeded as version 1,
// and the new tables are append-only.
#include "core/letter_template.h"
#include "desk_fixture.h"
#include "storage/migrations.h"
#include "storage/shipped_letter_templates.h"

#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::storage;
using deskfx::Desk;
using rdst::day;

namespace {
const Date kDay = day("2026-03-20");

bool fails(Database& db, const std::string& sql) {
    try {
        db.exec(sql.c_str());
    } catch (const StorageError&) {
        return true;
    }
    return false;
}
} // namespace

TEST_CASE("letter schema: a version 7 file migrates to 8, its contacts kept with their rules",
          "[letters][migration]") {
    rdst::TempDir tmp;
    const auto path = tmp / "old.db";
    std::string contactsBefore;
    {
        Desk d;
        d.recompute(kDay);
        REQUIRE(d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T10:00")).ok());
        contactsBefore = rdst::queryText(
            d.db->handle(), "SELECT group_concat(id || ':' || case_id || ':' || channel || ':' || "
                            "outcome || ':' || at, ',') FROM contacts");
        d.db->backupTo(path);
    }
    {
        auto raw = rdst::openDb(path);
        rdst::dropSchemaV8(*raw);
    }
    auto opened = Database::open(path, {});
    REQUIRE(opened.ok());
    auto& db = **opened;
    CHECK(db.schemaVersion() == 8);
    REQUIRE(db.migrationBackup());
    CHECK(rdst::queryText(db.handle(),
                          "SELECT group_concat(id || ':' || case_id || ':' || channel || ':' || "
                          "outcome || ':' || at, ',') FROM contacts") == contactsBefore);
    CHECK(rdst::queryInt(db.handle(), "PRAGMA foreign_keys") == 1);
    CHECK(fails(db, "DELETE FROM contacts"));
    CHECK(fails(db, "UPDATE contacts SET note = 'x'"));
    CHECK(fails(db, "INSERT INTO contacts(case_id, loan_pk, at, channel, direction, person, "
                    "outcome, officer, recorded_at) VALUES(1, 1, 't', 'letter', 'outbound', "
                    "'client', 'posted', 'akello', 't')"));
    CHECK_FALSE(fails(db, "INSERT INTO contacts(case_id, loan_pk, at, channel, direction, person, "
                          "outcome, officer, recorded_at) VALUES(1, 1, 't', 'letter', "
                          "'outbound', 'client', 'sent', 'akello', 't')"));
    CHECK(rdst::rowCount(db.handle(), "letter_templates") ==
          static_cast<std::int64_t>(shippedLetterTemplates().size()));
}

TEST_CASE("letter schema: every shipped template is seeded as version 1", "[letters]") {
    Desk d;
    REQUIRE_FALSE(shippedLetterTemplates().empty());
    for (const ShippedLetterTemplate& t : shippedLetterTemplates()) {
        CAPTURE(t.kind, t.language);
        CHECK(rdst::queryText(d.db->handle(),
                              "SELECT title || '|' || version || '|' || saved_by FROM "
                              "letter_templates WHERE kind = '" +
                                  t.kind + "' AND language = '" + t.language + "'") ==
              t.title + "|1|recoverydesk");
    }
}

TEST_CASE("letter schema: templates, letters, legal records and costs are append-only",
          "[letters]") {
    Desk d;
    Database& db = *d.db;
    for (const char* table : {"letter_templates", "letter_logos", "letters", "letter_prints",
                              "feasibility_assessments", "legal_cases", "legal_sessions",
                              "legal_judgments", "legal_enforcements", "recovery_costs"}) {
        CAPTURE(table);
        CHECK(fails(db, fmt::format("CREATE TEMP TRIGGER probe AFTER INSERT ON {} BEGIN SELECT "
                                    "1; END; DROP TRIGGER probe",
                                    table)) == false);
        CHECK(rdst::queryInt(db.handle(),
                             fmt::format("SELECT count(*) FROM sqlite_master WHERE type = "
                                         "'trigger' AND tbl_name = '{}'",
                                         table)) == 2);
    }
    CHECK(fails(db, "UPDATE letter_templates SET body = 'changed'"));
    CHECK(fails(db, "DELETE FROM letter_templates"));
    CHECK(fails(db, "INSERT INTO letter_templates(kind, language, version, title, body, "
                    "saved_by, saved_at) VALUES('Bad Kind', 'en', 1, 't', 'b', 'x', 't')"));
}

TEST_CASE("letter schema: every shipped template passes the check a saved one must pass",
          "[letters]") {
    for (const ShippedLetterTemplate& t : shippedLetterTemplates()) {
        CAPTURE(t.kind, t.language);
        auto checked = validateLetterTemplate(t.title, t.body);
        INFO((checked.ok() ? std::string() : checked.error().message));
        CHECK(checked.ok());
    }
}

// The database file: how it is created, which files are refused (and left untouched),
// migration and its backup, the immutability triggers, transactions and settings.
#include "storage/migrations.h"
#include "storage_test_support.h"

#include <fmt/format.h>
#include <sqlite3.h>

using namespace rdst;
using rd::storage::Database;
using rd::storage::OpenOptions;

namespace {

// A raw connection for setting up files the way other programs (or older versions) would.
class Raw {
public:
    explicit Raw(const fs::path& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path.string());
    }
    ~Raw() { sqlite3_close_v2(db_); }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;
    void exec(const std::string& sql) {
        const std::string err = execError(db_, sql);
        if (!err.empty())
            throw std::runtime_error(sql + ": " + err);
    }
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
};

OpenOptions creating() {
    OpenOptions o;
    o.createIfMissing = true;
    return o;
}

std::vector<std::string> backupsIn(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".bak")
            names.push_back(e.path().filename().string());
    return names;
}

// Opening must fail with a message containing `part`, for a plain open and for one that
// would create or migrate, and leave the file byte for byte as it was.
void expectRefusedUntouched(const fs::path& path, const std::string& part) {
    const std::string bytes = readFile(path);
    for (bool create : {false, true}) {
        INFO("createIfMissing " << create);
        OpenOptions options;
        options.createIfMissing = create;
        auto opened = Database::open(path, options);
        REQUIRE_FALSE(opened.ok());
        CHECK_THAT(opened.error().message, Catch::Contains(part));
        CHECK_THAT(opened.error().message, Catch::Contains(path.string()));
    }
    CHECK((readFile(path) == bytes)); // byte for byte
    CHECK_FALSE(fileExists(path.string() + "-wal"));
    CHECK(backupsIn(path.parent_path()).empty());
}

} // namespace

TEST_CASE("a new database is a RecoveryDesk file in WAL mode with foreign keys on", "[database]") {
    TempDir tmp;
    const fs::path path = tmp / "sub" / "dir" / "rd.db";
    {
        auto db = openDb(path);
        sqlite3* h = db->handle();
        CHECK(queryInt(h, "PRAGMA application_id") == 0x5244534B);
        CHECK(queryInt(h, "PRAGMA user_version") == rd::storage::latestSchemaVersion());
        CHECK(db->schemaVersion() == rd::storage::latestSchemaVersion());
        CHECK(queryText(h, "PRAGMA journal_mode") == "wal");
        CHECK(queryInt(h, "PRAGMA foreign_keys") == 1);
        CHECK_FALSE(db->migrationBackup().has_value());
        CHECK_FALSE(db->currency().has_value());
        // Foreign keys are enforced, not just declared.
        CHECK_THAT(execError(h, "INSERT INTO loans(loan_id, client_pk, product, branch, "
                                "principal, disbursed_on, status, import_id, source_line) "
                                "VALUES('X', 999, 'p', 'b', 1, '2026-01-01', 'active', 999, 2)"),
                   Catch::Contains("FOREIGN KEY"));
    }
    // The header fields and WAL mode are in the file, not just the connection.
    Raw raw(path);
    CHECK(queryInt(raw.handle(), "PRAGMA application_id") == 0x5244534B);
    CHECK(queryInt(raw.handle(), "PRAGMA user_version") == rd::storage::latestSchemaVersion());
    CHECK(queryText(raw.handle(), "PRAGMA journal_mode") == "wal");
    CHECK(backupsIn(path.parent_path()).empty());
}

TEST_CASE("a currency given when creating is the portfolio currency", "[database]") {
    TempDir tmp;
    {
        auto db = openDb(tmp / "rd.db", "UGX");
        REQUIRE(db->currency().has_value());
        CHECK(db->currency()->code == "UGX");
        CHECK(db->currency()->exponent == 0);
    }
    // A later open with another currency does not change it.
    auto db = openDb(tmp / "rd.db", "KES");
    CHECK(db->currency()->code == "UGX");
}

TEST_CASE("a missing file is not created unless asked", "[database]") {
    TempDir tmp;
    auto opened = Database::open(tmp / "none.db", OpenOptions{});
    REQUIRE_FALSE(opened.ok());
    CHECK_THAT(opened.error().message, Catch::Contains("does not exist"));
    // The message names no command: the hint says to create it, each face in its words.
    CHECK(opened.error().kind == rd::ErrorKind::NotFound);
    CHECK(opened.error().hint == rd::Hint::CreateDatabase);
    CHECK(opened.error().fact("path") == (tmp / "none.db").string());
    CHECK_FALSE(fileExists(tmp / "none.db"));
}

TEST_CASE("a file that is not SQLite is refused and left unmodified", "[database]") {
    TempDir tmp;
    std::string text;
    for (int i = 0; i < 200; ++i)
        text += fmt::format("line {}: this is a shopping list, not a database\n", i);
    writeFile(tmp / "notes.db", text);
    expectRefusedUntouched(tmp / "notes.db",
                           "is not a RecoveryDesk database (it is not an SQLite file)");
}

TEST_CASE("another program's SQLite file is refused and left unmodified", "[database]") {
    TempDir tmp;
    SECTION("tables and application_id 0") {
        {
            Raw raw(tmp / "other.db");
            raw.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);"
                     "INSERT INTO notes(body) VALUES('buy milk');");
        }
        expectRefusedUntouched(tmp / "other.db", "another program's SQLite file");
        Raw raw(tmp / "other.db");
        CHECK(queryText(raw.handle(), "SELECT body FROM notes") == "buy milk");
        CHECK(queryInt(raw.handle(), "SELECT count(*) FROM sqlite_schema") == 1);
    }
    SECTION("another application_id and no tables") {
        {
            Raw raw(tmp / "other.db");
            raw.exec("PRAGMA application_id = 305419896; CREATE TABLE t(x); DROP TABLE t;");
        }
        expectRefusedUntouched(tmp / "other.db", "another program's SQLite file");
    }
}

TEST_CASE("a file from a newer RecoveryDesk is refused and left unmodified", "[database]") {
    TempDir tmp;
    { openDb(tmp / "rd.db"); }
    {
        Raw raw(tmp / "rd.db");
        raw.exec(fmt::format("PRAGMA user_version = {}", rd::storage::latestSchemaVersion() + 1));
    }
    expectRefusedUntouched(tmp / "rd.db", "install the newer version");
    auto opened = Database::open(tmp / "rd.db", OpenOptions{});
    REQUIRE_FALSE(opened.ok());
    CHECK_THAT(opened.error().message, Catch::Contains("newer RecoveryDesk"));
}

TEST_CASE("an empty 0-byte file becomes a database only when creating", "[database]") {
    TempDir tmp;
    writeFile(tmp / "rd.db", "");
    {
        auto opened = Database::open(tmp / "rd.db", OpenOptions{});
        REQUIRE_FALSE(opened.ok());
        CHECK_THAT(opened.error().message, Catch::Contains("is an empty file"));
        CHECK(opened.error().hint == rd::Hint::CreateDatabase);
        CHECK(opened.error().fact("path") == (tmp / "rd.db").string());
    }
    CHECK(fs::file_size(tmp / "rd.db") == 0);
    auto db = openDb(tmp / "rd.db");
    CHECK(queryInt(db->handle(), "PRAGMA application_id") == 0x5244534B);
    CHECK(db->schemaVersion() == rd::storage::latestSchemaVersion());
    CHECK_FALSE(db->migrationBackup().has_value());
}

TEST_CASE("an SQLite file without tables (version 0) is migrated without a backup", "[database]") {
    TempDir tmp;
    {
        Raw raw(tmp / "rd.db");
        raw.exec("CREATE TABLE t(x); DROP TABLE t;");
    }
    REQUIRE(fs::file_size(tmp / "rd.db") > 0);
    auto db = openDb(tmp / "rd.db");
    CHECK(db->schemaVersion() == rd::storage::latestSchemaVersion());
    CHECK(queryInt(db->handle(), "PRAGMA application_id") == 0x5244534B);
    CHECK(queryInt(db->handle(), "SELECT count(*) FROM sqlite_schema WHERE name = 'payments'") ==
          1);
    CHECK_FALSE(db->migrationBackup().has_value());
    CHECK(backupsIn(tmp.path()).empty());
}

TEST_CASE("opening a current file makes no backup and changes nothing", "[database]") {
    TempDir tmp;
    {
        auto db = openDb(tmp / "rd.db");
        importOk(*db, workedDir());
    }
    std::string before;
    {
        Raw raw(tmp / "rd.db");
        before = snapshot(raw.handle());
    }
    for (int i = 0; i < 2; ++i) {
        auto db = openDb(tmp / "rd.db");
        CHECK_FALSE(db->migrationBackup().has_value());
        CHECK(snapshot(*db) == before);
    }
    CHECK(backupsIn(tmp.path()).empty());
}

// With a single schema version there is no real older RecoveryDesk file. This builds the
// closest honest stand-in: a RecoveryDesk file (application_id set) at user_version 0 that
// holds data, so the "migrate an existing file" path runs: backup first, then migrate.
TEST_CASE("migrating a file with content writes a backup copy first", "[database][migration]") {
    TempDir tmp;
    const fs::path path = tmp / "rd.db";
    {
        Raw raw(path);
        raw.exec("PRAGMA application_id = 1380209483; PRAGMA user_version = 0;"
                 "CREATE TABLE legacy_notes(body TEXT); INSERT INTO legacy_notes "
                 "VALUES('keep me');");
    }
    SECTION("with migration allowed") {
        auto db = openDb(path);
        REQUIRE(db->migrationBackup().has_value());
        const fs::path backup = *db->migrationBackup();
        CHECK(backup.parent_path() == path.parent_path());
        CHECK_THAT(backup.filename().string(), Catch::StartsWith("rd.db.v0-"));
        CHECK_THAT(backup.filename().string(), Catch::EndsWith(".bak"));
        CHECK(backupsIn(tmp.path()).size() == 1);
        CHECK(db->schemaVersion() == rd::storage::latestSchemaVersion());
        CHECK(queryText(db->handle(), "SELECT body FROM legacy_notes") == "keep me");
        // The backup is the file as it was before the migration.
        Raw old(backup);
        CHECK(queryInt(old.handle(), "PRAGMA user_version") == 0);
        CHECK(queryInt(old.handle(), "PRAGMA application_id") == 0x5244534B);
        CHECK(queryText(old.handle(), "SELECT body FROM legacy_notes") == "keep me");
        CHECK(queryInt(old.handle(), "SELECT count(*) FROM sqlite_schema") == 1);
    }
    SECTION("with migration not allowed") {
        OpenOptions options;
        options.migrate = false;
        auto opened = Database::open(path, options);
        REQUIRE_FALSE(opened.ok());
        CHECK_THAT(opened.error().message, Catch::Contains("needs migrating"));
        CHECK(backupsIn(tmp.path()).empty());
        Raw raw(path);
        CHECK(queryInt(raw.handle(), "PRAGMA user_version") == 0);
        CHECK(queryInt(raw.handle(), "SELECT count(*) FROM sqlite_schema") == 1);
    }
}

// A migration step that fails (here: step 1 run again on a file that already has its
// tables, as if user_version had been reset) must leave the file as it was, with the
// backup next to it.
TEST_CASE("a failing migration step leaves the file as it was", "[database][migration]") {
    TempDir tmp;
    const fs::path path = tmp / "rd.db";
    std::string before;
    {
        auto db = openDb(path);
        importOk(*db, workedDir());
    }
    {
        Raw raw(path);
        raw.exec("PRAGMA user_version = 0");
        before = snapshot(raw.handle());
    }
    bool failed = false;
    try {
        auto opened = Database::open(path, creating());
        failed = !opened.ok();
    } catch (const rd::storage::StorageError&) {
        failed = true;
    }
    CHECK(failed);
    Raw raw(path);
    CHECK(snapshot(raw.handle()) == before);
    CHECK(backupsIn(tmp.path()).size() == 1);
}

TEST_CASE("payments, charges and the audit log cannot be edited or deleted with SQL",
          "[database][immutability]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    importOk(*db, workedDir());
    sqlite3* h = db->handle();
    const std::string before = snapshot(*db);

    CHECK_THAT(execError(h, "UPDATE payments SET amount = 1 WHERE payment_id = 'P1'"),
               Catch::Contains("a payment is never edited"));
    CHECK_THAT(execError(h, "UPDATE payments SET paid_on = '2026-02-02' WHERE payment_id = 'P1'"),
               Catch::Contains("a payment is never edited"));
    CHECK_THAT(execError(h, "DELETE FROM payments WHERE payment_id = 'P1'"),
               Catch::Contains("payments are never deleted"));
    CHECK_THAT(execError(h, "DELETE FROM payments"), Catch::Contains("never deleted"));
    CHECK_THAT(execError(h, "UPDATE charges SET amount = 1"),
               Catch::Contains("charges are never edited"));
    CHECK_THAT(execError(h, "DELETE FROM charges WHERE charge_id = 'CH1'"),
               Catch::Contains("charges are never deleted"));
    CHECK_THAT(execError(h, "UPDATE audit_log SET actor = 'someone else'"),
               Catch::Contains("append-only"));
    CHECK_THAT(execError(h, "DELETE FROM audit_log"), Catch::Contains("append-only"));
    // A reversal, once set, is never changed or removed.
    CHECK_THAT(execError(h, "UPDATE payments SET reversed_on = NULL WHERE payment_id = 'P4'"),
               Catch::Contains("a payment is never edited"));
    CHECK_THAT(execError(h, "UPDATE payments SET reversed_on = '2026-03-19' WHERE payment_id = "
                            "'P4'"),
               Catch::Contains("a payment is never edited"));
    CHECK(snapshot(*db) == before);
    CHECK(rowCount(h, "audit_log") == 1);

    // The one change allowed: a reversal date added once, not before the payment.
    CHECK_THAT(execError(h, "UPDATE payments SET reversed_on = '2026-01-31' WHERE payment_id = "
                            "'P1'"),
               Catch::Contains("CHECK constraint failed"));
    CHECK(execError(h, "UPDATE payments SET reversed_on = '2026-03-20' WHERE payment_id = 'P1'") ==
          "");
    CHECK_THAT(execError(h, "UPDATE payments SET reversed_on = '2026-03-21' WHERE payment_id = "
                            "'P1'"),
               Catch::Contains("a payment is never edited"));
}

TEST_CASE("a transaction rolls back unless committed", "[database]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    {
        rd::storage::Transaction tx(*db);
        db->setSetting("probe", "1");
    }
    CHECK_FALSE(db->setting("probe").has_value());
    {
        rd::storage::Transaction tx(*db);
        db->setSetting("probe", "2");
        tx.commit();
    }
    CHECK(db->setting("probe") == "2");
}

TEST_CASE("settings are validated, stored and audited", "[database][settings]") {
    TempDir tmp;
    auto db = openDb(tmp / "rd.db");
    sqlite3* h = db->handle();
    CHECK(rd::storage::loadDelinquencyPolicy(*db).buckets.size() == 7);

    auto refused =
        rd::storage::changeSetting(*db, "buckets", "30,20", "tester", "2026-11-28T10:00:00Z");
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message, Catch::Contains("bucket bound 20 must be greater than 30"));
    CHECK_FALSE(
        rd::storage::changeSetting(*db, "buckets", "30,x", "tester", "2026-11-28T10:00:00Z").ok());
    CHECK_FALSE(
        rd::storage::changeSetting(*db, "colour", "blue", "tester", "2026-11-28T10:00:00Z").ok());
    // Needs the currency to read the amount.
    CHECK_FALSE(
        rd::storage::changeSetting(*db, "arrears_tolerance", "5", "tester", "2026-11-28T10:00:00Z")
            .ok());
    CHECK(rowCount(h, "audit_log") == 0);

    auto stored =
        rd::storage::changeSetting(*db, "buckets", "30,60,90", "tester", "2026-11-28T10:00:00Z");
    REQUIRE(stored.ok());
    CHECK(*stored == "30,60,90");
    const auto policy = rd::storage::loadDelinquencyPolicy(*db);
    REQUIRE(policy.buckets.size() == 5);
    CHECK(policy.buckets.buckets()[4].name == "91+");
    REQUIRE(rowCount(h, "audit_log") == 1);
    CHECK(queryText(h, "SELECT actor || '|' || action || '|' || entity || '|' || entity_key || "
                       "'|' || ifnull(before, 'NULL') || '|' || after FROM audit_log") ==
          "tester|change_setting|setting|buckets|NULL|30,60,90");

    REQUIRE(
        rd::storage::changeSetting(*db, "buckets", "15,30", "tester", "2026-11-28T10:00:00Z").ok());
    CHECK(queryText(h, "SELECT before || '>' || after FROM audit_log ORDER BY id DESC LIMIT 1") ==
          "30,60,90>15,30");

    Folder in = Folder::copyOf(workedDir(), tmp / "in");
    importOk(*db, in.path());
    auto tolerance = rd::storage::changeSetting(*db, "arrears_tolerance", "1.5", "tester",
                                                "2026-11-28T10:00:00Z");
    REQUIRE(tolerance.ok());
    CHECK(*tolerance == "1.50");
    CHECK(rd::storage::loadDelinquencyPolicy(*db).arrearsTolerance == 150);
    CHECK_FALSE(rd::storage::changeSetting(*db, "arrears_tolerance", "1.505", "tester",
                                           "2026-11-28T10:00:00Z")
                    .ok());
}

TEST_CASE("settings set through the CLI changes the buckets and is audited",
          "[database][settings][cli]") {
    TempDir tmp;
    const std::string db = (tmp / "rd.db").string();
    REQUIRE(runCli({"--db", db, "import", workedDir().string()}, tmp.path()).exitCode == 0);
    const auto refused = runCli({"--db", db, "settings", "set", "buckets", "30,20"}, tmp.path());
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err, Catch::Contains("must be greater than 30"));
    const auto set = runCli({"--db", db, "settings", "set", "buckets", "30,60,90"}, tmp.path());
    INFO(set.err);
    CHECK(set.exitCode == 0);
    Raw raw(db);
    CHECK(queryText(raw.handle(), "SELECT value FROM settings WHERE key = 'buckets'") ==
          "30,60,90");
    CHECK(queryText(raw.handle(),
                    "SELECT count(*) || '|' || max(after) FROM audit_log WHERE "
                    "action = 'change_setting' AND entity_key = 'buckets'") == "1|30,60,90");
}

// The same stand-in for an older file as above: a dry run must not migrate it (nor write a
// backup), since it writes nothing; it says the file needs `init` first.
TEST_CASE("import --dry-run leaves an older file as it is", "[database][migration][cli]") {
    TempDir tmp;
    const fs::path path = tmp / "rd.db";
    {
        Raw raw(path);
        raw.exec("PRAGMA application_id = 1380209483; PRAGMA user_version = 0;"
                 "CREATE TABLE legacy_notes(body TEXT); INSERT INTO legacy_notes "
                 "VALUES('keep me');");
    }
    const std::string bytes = readFile(path);
    const auto r =
        runCli({"--db", path.string(), "import", workedDir().string(), "--dry-run"}, tmp.path());
    INFO(r.out << r.err);
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("needs migrating") && Catch::Contains("init"));
    CHECK((readFile(path) == bytes)); // byte for byte
    CHECK(backupsIn(tmp.path()).empty());
}

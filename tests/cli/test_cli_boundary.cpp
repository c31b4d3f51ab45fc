// The service boundary as the command line sees it: every command acts as someone (the
// signed-in --as user, or the local operator `recoverydesk-cli`), the services decide what
// that actor may do, hints come in the command line's words, and a storage failure exits 3
// with nothing half-written.
#include "cli_desk.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <string>

using namespace rd::test;

namespace {

// The first column of the first row of `statement` as text ("" when there is none).
std::string query(const std::string& path, const std::string& statement) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, statement.c_str(), -1, &st, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

bool fileExists(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::exists(p, ec);
}

// The worked example with one more client, so that an import of it changes something.
std::filesystem::path oneMoreClient(const WorkedDesk& d) {
    const auto dir = d.tmp / "more";
    writeFile(dir / "clients.csv", readFile(examplesDir() / "worked" / "clients.csv") +
                                       "C77,Okello Moses,Kampala Central,\n");
    return dir;
}

// Holds the database's write lock (an exclusive transaction) while it lives, as another
// program writing to the file would.
class WriteLock {
public:
    explicit WriteLock(const std::string& path) {
        REQUIRE(sqlite3_open(path.c_str(), &db_) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    ~WriteLock() {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db_);
    }
    WriteLock(const WriteLock&) = delete;
    WriteLock& operator=(const WriteLock&) = delete;

private:
    sqlite3* db_ = nullptr;
};

} // namespace

TEST_CASE("cli boundary: import --as needs an administrator, an officer changes nothing",
          "[cli][boundary][import]") {
    WorkedDesk d;
    const auto dir = oneMoreClient(d);
    const std::string bytes = readFile(d.db);
    const std::string audits = query(d.db, "SELECT count(*) FROM audit_log");

    const auto refused = d.as("akello", {"import", dir.string()});
    INFO(refused.err);
    CHECK(refused.exitCode == 1);
    CHECK(refused.out.empty());
    CHECK_THAT(refused.err, Catch::Contains("permission denied for akello (officer)") &&
                                Catch::Contains("only an administrator may import"));
    CHECK((readFile(d.db) == bytes)); // byte for byte
    CHECK(query(d.db, "SELECT count(*) FROM audit_log") == audits);
    CHECK(query(d.db, "SELECT count(*) FROM clients WHERE client_id = 'C77'") == "0");

    // A dry run is refused the same way.
    CHECK(d.as("akello", {"import", dir.string(), "--dry-run"}).exitCode == 1);

    const auto imported = d.asOk("boss", {"import", dir.string()});
    CHECK_THAT(imported.out, Catch::Contains("clients   1 new, 0 changed"));
    CHECK(query(d.db, "SELECT actor FROM audit_log WHERE action = 'import' ORDER BY id DESC "
                      "LIMIT 1") == "boss");
    // The worked example's own import (no --as) was the local operator's.
    CHECK(query(d.db, "SELECT actor FROM audit_log WHERE action = 'import' ORDER BY id "
                      "LIMIT 1") == "recoverydesk-cli");
}

TEST_CASE("cli boundary: import --as into a new database signs in first and leaves no file",
          "[cli][boundary][import]") {
    TempDir tmp;
    const auto db = tmp / "new" / "rd.db";
    const auto r = runCli({"--db", db.string(), "import", (examplesDir() / "worked").string(),
                           "--as", "boss", "--password-stdin"},
                          "boss-pass-1\n", {"XDG_DATA_HOME=" + (tmp / "xdg").string()});
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("--as boss: wrong username or password"));
    CHECK_FALSE(fileExists(tmp / "new"));
}

TEST_CASE("cli boundary: settings set without --as is the local operator's, an officer's is "
          "refused",
          "[cli][boundary][settings]") {
    WorkedDesk d;
    CHECK(d.ok({"settings", "set", "promise_grace_days", "5"}).out == "promise_grace_days = 5\n");
    CHECK(query(d.db,
                "SELECT actor || '|' || after FROM audit_log WHERE action = "
                "'change_setting' AND entity_key = 'promise_grace_days'") == "recoverydesk-cli|5");

    const auto refused = d.as("akello", {"settings", "set", "promise_grace_days", "9"});
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err,
               Catch::Contains("promise_grace_days: permission denied for akello (officer)") &&
                   Catch::Contains("only an administrator may change settings"));
    CHECK(query(d.db, "SELECT value FROM settings WHERE key = 'promise_grace_days'") == "5");
    CHECK(query(d.db, "SELECT count(*) FROM audit_log WHERE action = 'change_setting'") == "1");

    // The administrator's change names them.
    d.asOk("boss", {"settings", "set", "promise_grace_days", "3"});
    CHECK(query(d.db, "SELECT actor FROM audit_log WHERE action = 'change_setting' ORDER BY id "
                      "DESC LIMIT 1") == "boss");
    // Reads need no sign-in: the local operator reads every branch.
    CHECK_THAT(d.ok({"settings", "show"}).out, Catch::Contains("promise_grace_days"));
    CHECK_THAT(d.ok({"users", "list"}).out, Catch::Contains("akello"));
}

TEST_CASE("cli boundary: init --rebuild-cache is audited as the local operator",
          "[cli][boundary][cache]") {
    WorkedDesk d;
    CHECK(query(d.db, "SELECT count(*) FROM audit_log WHERE action = 'rebuild_ledger_cache'") ==
          "0");
    const auto r = d.ok({"init", "--rebuild-cache"});
    CHECK_THAT(r.out, Catch::StartsWith("rebuilt the ledger cache of 2 loans\n"));
    CHECK(query(d.db,
                "SELECT actor || '|' || entity || '|' || after FROM audit_log WHERE "
                "action = 'rebuild_ledger_cache'") == "recoverydesk-cli|database|{\"loans\":2}");
}

TEST_CASE("cli boundary: the services' hints come in the command line's words",
          "[cli][boundary][errors]") {
    WorkedDesk d;
    d.ok({"recompute", "--as-of", "2026-03-20"}); // L1 -> akello, L2 -> bosco

    const auto blank = d.as("akello", {"note", "add", "L1", "--text", "  "});
    CHECK(blank.exitCode == 1);
    CHECK(blank.err == "recoverydesk-cli: note add L1: a note needs some text (--text)\n");

    const auto noCase = d.as("akello", {"note", "add", "L9", "--text", "hello"});
    CHECK(noCase.exitCode == 1);
    CHECK(noCase.err == "recoverydesk-cli: note add L9: loan \"L9\" has no open case (run "
                        "`recompute` first, or check the account number)\n");

    const auto wrongNote = d.as("akello", {"note", "add", "L1", "--text", "x", "--corrects", "99"});
    CHECK(wrongNote.exitCode == 1);
    CHECK_THAT(wrongNote.err, Catch::EndsWith("(see `case show L1`)\n"));

    // The legal request's reason is `case stage`'s --note.
    const auto noReason = d.as("akello", {"case", "stage", "L1", "--to", "legal"});
    CHECK(noReason.exitCode == 1);
    CHECK_THAT(noReason.err, Catch::EndsWith(": give it with --note\n"));

    const auto noComment = d.as("sarah", {"case", "review", "L1", "--comment", " "});
    CHECK(noComment.exitCode == 1);
    CHECK_THAT(noComment.err, Catch::EndsWith("needs a comment (--comment)\n"));

    const auto noBranch =
        d.run({"users", "add", "zed", "--role", "officer", "--as", "boss", "--password-stdin"},
              "boss-pass-1\n");
    CHECK(noBranch.exitCode == 1);
    CHECK_THAT(noBranch.err, Catch::Contains("needs at least one branch (--branch NAME)"));
}

TEST_CASE("cli boundary: a queue for an unknown officer names `users list`",
          "[cli][boundary][errors]") {
    WorkedDesk d;
    const auto r = d.run({"queue", "--officer", "nobody", "--date", "2026-03-20"});
    CHECK(r.exitCode == 1);
    CHECK(r.err == "recoverydesk-cli: there is no user named \"nobody\" (see `users list`)\n");
}

TEST_CASE("cli boundary: a locked database exits 3 and nothing is half-written",
          "[cli][boundary][storage]") {
    WorkedDesk d;
    const auto dir = oneMoreClient(d);
    const std::string audits = query(d.db, "SELECT count(*) FROM audit_log");
    {
        WriteLock lock(d.db);
        const auto set = d.run({"settings", "set", "buckets", "30,60,90"});
        INFO(set.err);
        CHECK(set.exitCode == 3);
        CHECK(set.out.empty());
        CHECK_THAT(set.err, Catch::StartsWith("recoverydesk-cli: buckets: the database could not "
                                              "be read or written") &&
                                Catch::Contains("nothing was saved") &&
                                Catch::Contains("then run the command again"));

        const auto imported = d.run({"import", dir.string()});
        INFO(imported.err);
        CHECK(imported.exitCode == 3);
        CHECK_THAT(imported.err, Catch::Contains("nothing was saved"));

        const auto rebuilt = d.run({"init", "--rebuild-cache"});
        CHECK(rebuilt.exitCode == 3);

        // Signing in takes the write lock too (it counts failures): refused the same way.
        const auto signedIn = d.as("akello", {"note", "add", "L1", "--text", "hello"});
        CHECK(signedIn.exitCode == 3);
    }
    CHECK(query(d.db, "SELECT count(*) FROM audit_log") == audits);
    CHECK(query(d.db, "SELECT count(*) FROM settings WHERE key = 'buckets'") == "0");
    CHECK(query(d.db, "SELECT count(*) FROM clients WHERE client_id = 'C77'") == "0");
    // Once the other program is done, the same commands work.
    d.ok({"settings", "set", "buckets", "30,60,90"});
    d.ok({"import", dir.string()});
    CHECK(query(d.db, "SELECT count(*) FROM clients WHERE client_id = 'C77'") == "1");
}

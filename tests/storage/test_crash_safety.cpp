// Crash safety: the real recoverydesk-cli is killed (SIGKILL) in the middle of an import,
// either by its test hook RECOVERYDESK_TEST_KILL_AFTER_ROWS=N (it kills itself after N
// written rows) or by the test after a few milliseconds. Afterwards the file must pass
// PRAGMA integrity_check and hold all of the import or none of it.
#include "storage_test_support.h"

#include <chrono>
#include <csignal>
#include <fmt/format.h>
#include <sqlite3.h>
#include <thread>

using namespace rdst;

namespace {

constexpr int kLoans = 1500;

class Raw {
public:
    explicit Raw(const fs::path& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path.string());
    }
    ~Raw() { sqlite3_close_v2(db_); }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
};

std::string integrity(const fs::path& path) {
    Raw raw(path);
    return queryText(raw.handle(), "PRAGMA integrity_check");
}

std::string portfolioOf(const fs::path& path) {
    Raw raw(path);
    return portfolio(raw.handle());
}

std::string snapshotOf(const fs::path& path) {
    Raw raw(path);
    return snapshot(raw.handle());
}

// Shared by the tests of this file: the big folder, a database holding the seed portfolio,
// and the expected portfolios after a complete import into a new file and on the seed.
struct Setup {
    TempDir tmp;
    fs::path big = tmp / "big";
    BigFolderRows rows = writeBigFolder(big, kLoans);
    fs::path seedDb = tmp / "seed.db";
    std::string seedSnapshot, fullNew, fullOnSeed;

    Setup() {
        const fs::path seed = seedFolder(tmp / "seed").path();
        REQUIRE(runCli({"--db", seedDb.string(), "import", seed.string()}, tmp.path()).exitCode ==
                0);
        seedSnapshot = snapshotOf(seedDb);

        const fs::path fresh = tmp / "complete-new.db";
        REQUIRE(runCli({"--db", fresh.string(), "import", big.string()}, tmp.path()).exitCode == 0);
        fullNew = portfolioOf(fresh);

        const fs::path onSeed = copyOfSeed("complete-on-seed.db");
        REQUIRE(runCli({"--db", onSeed.string(), "import", big.string()}, tmp.path()).exitCode ==
                0);
        fullOnSeed = portfolioOf(onSeed);
        REQUIRE(fullOnSeed != portfolioOf(seedDb));
    }

    // The seed database under a new name (no -wal is left after the CLI exits).
    fs::path copyOfSeed(const std::string& name) const {
        REQUIRE_FALSE(fileExists(seedDb.string() + "-wal"));
        const fs::path path = tmp / name;
        fs::copy_file(seedDb, path, fs::copy_options::overwrite_existing);
        return path;
    }

    std::vector<std::string> importArgs(const fs::path& db) const {
        return {"--db", db.string(), "import", big.string()};
    }
};

Setup& setup() {
    static Setup s;
    return s;
}

// A new file after a crash that holds nothing of the import: no schema yet, or empty
// tables.
bool holdsNothing(const fs::path& path) {
    Raw raw(path);
    if (queryInt(raw.handle(), "SELECT count(*) FROM sqlite_schema WHERE name = 'loans'") == 0)
        return true; // killed before the schema was created
    std::int64_t rows = 0;
    for (const char* table :
         {"clients", "loans", "installments", "charges", "payments", "imports", "audit_log"})
        rows += rowCount(raw.handle(), table);
    return rows == 0;
}

// A new file after a crash: absent, or a valid database holding nothing of the import.
void checkNothingInNewFile(const fs::path& path) {
    if (!fileExists(path))
        return;
    CHECK(integrity(path) == "ok");
    CHECK(holdsNothing(path));
}

} // namespace

TEST_CASE("an import killed after N rows into a new file leaves nothing of it", "[crash][slow]") {
    Setup& s = setup();
    const std::int64_t total = s.rows.total();
    for (const std::int64_t n : {std::int64_t{0}, std::int64_t{1}, s.rows.clients + 10, total / 2,
                                 total - s.rows.payments / 2, total - 1}) {
        DYNAMIC_SECTION("killed after " << n << " of " << total << " rows") {
            const fs::path path = s.tmp / fmt::format("new-{}.db", n);
            const auto r = runCli(s.importArgs(path), s.tmp.path(),
                                  {fmt::format("RECOVERYDESK_TEST_KILL_AFTER_ROWS={}", n)});
            INFO(r.err);
            CHECK(r.exitCode == 128 + SIGKILL);
            checkNothingInNewFile(path);
            // The file left behind is usable: the same import afterwards completes.
            const auto again = runCli(s.importArgs(path), s.tmp.path());
            INFO(again.err);
            REQUIRE(again.exitCode == 0);
            CHECK(integrity(path) == "ok");
            CHECK(portfolioOf(path) == s.fullNew);
        }
    }
}

TEST_CASE("an import killed after N rows on an existing portfolio leaves it exactly as it was",
          "[crash][slow]") {
    Setup& s = setup();
    const std::int64_t total = s.rows.total();
    for (const std::int64_t n : {std::int64_t{0}, s.rows.clients / 2,
                                 s.rows.clients + s.rows.loans + 100, total / 2, total - 1}) {
        DYNAMIC_SECTION("killed after " << n << " of " << total << " rows") {
            const fs::path path = s.copyOfSeed(fmt::format("existing-{}.db", n));
            const auto r = runCli(s.importArgs(path), s.tmp.path(),
                                  {fmt::format("RECOVERYDESK_TEST_KILL_AFTER_ROWS={}", n)});
            INFO(r.err);
            CHECK(r.exitCode == 128 + SIGKILL);
            CHECK(integrity(path) == "ok");
            CHECK(snapshotOf(path) == s.seedSnapshot);
        }
    }
    SECTION("with N = all rows the hook never fires and the import completes") {
        const fs::path path = s.copyOfSeed("existing-all.db");
        const auto r = runCli(s.importArgs(path), s.tmp.path(),
                              {fmt::format("RECOVERYDESK_TEST_KILL_AFTER_ROWS={}", total)});
        INFO(r.err);
        CHECK(r.exitCode == 0);
        CHECK(integrity(path) == "ok");
        CHECK(portfolioOf(path) == s.fullOnSeed);
    }
}

// Large imports run with a rollback journal instead of the WAL; the environment variable
// lowers the size from which they do, so that this folder takes that path too.
TEST_CASE("a large import (rollback journal) killed after N rows leaves all or nothing",
          "[crash][slow]") {
    Setup& s = setup();
    const std::string large = "RECOVERYDESK_LARGE_IMPORT_BYTES=0";
    const std::int64_t total = s.rows.total();
    for (const std::int64_t n : {std::int64_t{1}, total / 2, total - 1}) {
        DYNAMIC_SECTION("killed after " << n << " of " << total << " rows") {
            const fs::path existing = s.copyOfSeed(fmt::format("journal-existing-{}.db", n));
            auto r = runCli(s.importArgs(existing), s.tmp.path(),
                            {fmt::format("RECOVERYDESK_TEST_KILL_AFTER_ROWS={}", n), large});
            CHECK(r.exitCode == 128 + SIGKILL);
            CHECK(integrity(existing) == "ok"); // opening rolls the hot journal back
            CHECK(snapshotOf(existing) == s.seedSnapshot);

            const fs::path fresh = s.tmp / fmt::format("journal-new-{}.db", n);
            r = runCli(s.importArgs(fresh), s.tmp.path(),
                       {fmt::format("RECOVERYDESK_TEST_KILL_AFTER_ROWS={}", n), large});
            CHECK(r.exitCode == 128 + SIGKILL);
            checkNothingInNewFile(fresh);
        }
    }
    SECTION("a complete large import leaves the file in WAL mode") {
        const fs::path path = s.copyOfSeed("journal-complete.db");
        const auto r = runCli(s.importArgs(path), s.tmp.path(), {large});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        CHECK(portfolioOf(path) == s.fullOnSeed);
        Raw raw(path);
        CHECK(queryText(raw.handle(), "PRAGMA journal_mode") == "wal");
    }
}

TEST_CASE("an import killed at an arbitrary moment leaves all or nothing", "[crash][slow]") {
    Setup& s = setup();
    // How long a complete import takes here, to spread the kills over it.
    const fs::path timed = s.copyOfSeed("timed.db");
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(waitCli(spawnCli(s.importArgs(timed), s.tmp.path())) == 0);
    const auto full = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - start);
    int none = 0, all = 0;
    for (int i = 0; i < 10; ++i) {
        const auto delay = full * (i + 1) / 11;
        const fs::path existing = s.copyOfSeed(fmt::format("timed-existing-{}.db", i));
        const fs::path fresh = s.tmp / fmt::format("timed-new-{}.db", i);
        for (const fs::path& path : {existing, fresh}) {
            const int pid = spawnCli(s.importArgs(path), s.tmp.path());
            std::this_thread::sleep_for(delay);
            ::kill(pid, SIGKILL);
            const int status = waitCli(pid);
            INFO(path.filename() << " killed after " << delay.count() << " us, status " << status);
            CHECK((status == 0 || status == 128 + SIGKILL));
            if (!fileExists(path)) {
                CHECK(path == fresh);
                ++none;
                continue;
            }
            CHECK(integrity(path) == "ok");
            const bool nothing =
                path == fresh ? holdsNothing(path) : snapshotOf(path) == s.seedSnapshot;
            if (nothing) {
                ++none;
            } else {
                // Not the old content: then all of the import (the kill may still have come
                // after the commit, so the status does not tell).
                CHECK(portfolioOf(path) == (path == fresh ? s.fullNew : s.fullOnSeed));
                ++all;
            }
        }
    }
    INFO(none << " kills left nothing, " << all << " completed; a full import takes "
              << full.count() << " us");
    CHECK(none > 0);
}

TEST_CASE("the shipped command line has no test hooks: the kill hook is ignored", "[crash]") {
    Setup& s = setup();
    const fs::path path = s.tmp / "shipped-ignores-hook.db";
    const auto r =
        runShippedCli(s.importArgs(path), s.tmp.path(),
                      {"RECOVERYDESK_TEST_KILL_AFTER_ROWS=0", "RECOVERYDESK_LARGE_IMPORT_BYTES=0"});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(portfolioOf(path) == s.fullNew);
}

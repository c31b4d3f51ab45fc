// Reports never give figures from an incomplete ledger cache, and a large first import
// (rollback journal) leaves nothing different from a small one.
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace rd::test;

namespace {

void sql(const std::string& path, const char* statement) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, statement, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

} // namespace

TEST_CASE("aging with missing ledger cache rows reads the tables and says so",
          "[cli][cache]") {
    TempDir tmp;
    const std::string db = (tmp / "rd.db").string();
    REQUIRE(runCli({"--db", db, "import", (examplesDir() / "edge").string()}).exitCode == 0);
    const std::vector<std::string> aging = {"--db", db,       "report", "aging", "--as-of",
                                            "2025-03-10", "--by", "officer", "--format", "json"};
    const auto before = runCli(aging);
    REQUIRE(before.exitCode == 0);
    CHECK(before.err.empty());

    sql(db, "DELETE FROM loan_ledgers WHERE loan_pk IN (SELECT id FROM loans WHERE loan_id IN "
            "('SAME', 'WO'))");
    const auto degraded = runCli(aging);
    REQUIRE(degraded.exitCode == 0);
    CHECK(degraded.out == before.out);
    CHECK_THAT(degraded.err, Catch::Contains("ledger cache") && Catch::Contains("--rebuild-cache"));

    REQUIRE(runCli({"--db", db, "init", "--rebuild-cache"}).exitCode == 0);
    const auto rebuilt = runCli(aging);
    CHECK(rebuilt.out == before.out);
    CHECK(rebuilt.err.empty());
}

TEST_CASE("a large first import gives the same portfolio, in WAL mode, its re-import writes "
          "nothing",
          "[cli][import][cache]") {
    TempDir tmp;
    const std::string files = (tmp / "files").string();
    REQUIRE(runCli({"--db", (tmp / "gen.db").string(), "demo", "--loans", "300", "--as-of",
                    "2026-11-28", "--export", files})
                .exitCode == 0);
    const std::string small = (tmp / "small.db").string();
    const std::string large = (tmp / "large.db").string();
    REQUIRE(runCli({"--db", small, "import", files}).exitCode == 0);
    REQUIRE(runCli({"--db", large, "import", files}, "", {"RECOVERYDESK_LARGE_IMPORT_BYTES=0"})
                .exitCode == 0);
    const std::vector<std::string> report = {"report", "aging", "--as-of", "2026-11-28",
                                             "--by",   "branch", "--format", "csv"};
    auto args = [&](const std::string& db) {
        std::vector<std::string> a = {"--db", db};
        a.insert(a.end(), report.begin(), report.end());
        return a;
    };
    CHECK(runCli(args(small)).out == runCli(args(large)).out);

    const std::string bytes = readFile(large);
    const auto again =
        runCli({"--db", large, "import", files}, "", {"RECOVERYDESK_LARGE_IMPORT_BYTES=0"});
    REQUIRE(again.exitCode == 0);
    CHECK_THAT(again.out, Catch::Contains("Nothing to change"));
    CHECK(readFile(large) == bytes);
}

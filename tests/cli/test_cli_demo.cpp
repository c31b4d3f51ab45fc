// The demo command: a deterministic portfolio whose export, imported elsewhere, gives the
// same reports.
#include "cli_runner.h"

#include <catch2/catch.hpp>

using namespace rd::test;

TEST_CASE("demo --export: importing the export gives identical reports", "[cli][demo]") {
    TempDir tmp;
    const std::string demoDb = (tmp / "demo.db").string();
    const std::string otherDb = (tmp / "other.db").string();
    const std::string files = (tmp / "files").string();
    auto r = runCli({"--db", demoDb, "demo", "--loans", "400", "--seed", "5", "--as-of",
                     "2026-11-28", "--export", files, "--no-history"},
                    "");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("400 loans"));
    r = runCli({"--db", otherDb, "import", files});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);

    for (const char* date : {"2025-12-31", "2026-11-28"})
        for (const char* by : {"branch", "officer", "product"}) {
            const auto a = runCli({"--db", demoDb, "report", "aging", "--as-of", date, "--by", by,
                                   "--format", "json"});
            const auto b = runCli({"--db", otherDb, "report", "aging", "--as-of", date, "--by",
                                   by, "--format", "json"});
            REQUIRE(a.exitCode == 0);
            CHECK(a.out == b.out);
            CHECK_THAT(a.out, Catch::Contains("\"gross_portfolio\""));
        }
    const auto loanA = runCli({"--db", demoDb, "loan", "LN0000123", "--as-of", "2026-11-28"});
    const auto loanB = runCli({"--db", otherDb, "loan", "LN0000123", "--as-of", "2026-11-28"});
    REQUIRE(loanA.exitCode == 0);
    CHECK(loanA.out == loanB.out);
}

TEST_CASE("demo is deterministic for a seed and refuses a database that holds a portfolio",
          "[cli][demo]") {
    TempDir tmp;
    auto run = [&](const std::string& name, const std::string& seed) {
        const std::string db = (tmp / name).string();
        REQUIRE(runCli({"--db", db, "demo", "--loans", "200", "--seed", seed, "--as-of",
                        "2026-11-28"})
                    .exitCode == 0);
        return runCli({"--db", db, "report", "aging", "--as-of", "2026-11-28", "--format",
                       "csv"})
            .out;
    };
    const auto first = run("a.db", "3");
    CHECK(first == run("b.db", "3"));
    CHECK(first != run("c.db", "4"));
    const auto again = runCli({"--db", (tmp / "a.db").string(), "demo", "--loans", "10"});
    CHECK(again.exitCode == 1);
    CHECK_THAT(again.err, Catch::Contains("already holds a portfolio"));
}

TEST_CASE("demo into a database of another currency is refused with what to do", "[cli][demo]") {
    TempDir tmp;
    const std::string db = (tmp / "kes.db").string();
    REQUIRE(runCli({"--db", db, "init", "--currency", "KES"}).exitCode == 0);
    const auto r = runCli({"--db", db, "demo", "--loans", "10"});
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("is a KES database; give --currency KES"));
    CHECK_THAT(r.err, !Catch::Contains("bug"));
}

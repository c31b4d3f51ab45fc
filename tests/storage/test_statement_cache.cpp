#include "storage/database.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace rd;
using namespace rd::storage;

namespace {
std::unique_ptr<Database> scratch(const char* name) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    OpenOptions options;
    options.createIfMissing = true;
    return std::move(Database::open(path, options).value());
}
} // namespace

TEST_CASE("a cached statement is parsed once and reset between borrowers", "[storage][cache]") {
    auto db = scratch("rd-statement-cache.db");
    db->exec("CREATE TABLE t(x INTEGER)");
    sqlite3_stmt* first = nullptr;
    for (int i = 1; i <= 3; ++i) {
        auto insert = db->prepareCached("INSERT INTO t(x) VALUES (?)");
        if (!first)
            first = insert->handle();
        CHECK(insert->handle() == first); // the same prepared statement every time
        insert->bind(1, i).execute();
    }
    auto sum = db->prepareCached("SELECT SUM(x), COUNT(*) FROM t");
    REQUIRE(sum->step());
    CHECK(sum->int64(0) == 6);
    CHECK(sum->int64(1) == 3);
}

TEST_CASE("a cached statement in use is not handed out twice", "[storage][cache]") {
    auto db = scratch("rd-statement-cache-nested.db");
    db->exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3)");
    const char* sql = "SELECT x FROM t WHERE x >= ? ORDER BY x";
    auto outer = db->prepareCached(sql);
    outer->bind(1, 2);
    REQUIRE(outer->step());
    CHECK(outer->int64(0) == 2);
    {
        auto inner = db->prepareCached(sql); // while the outer one is mid-iteration
        CHECK(inner->handle() != outer->handle());
        inner->bind(1, 1);
        REQUIRE(inner->step());
        CHECK(inner->int64(0) == 1);
    }
    REQUIRE(outer->step()); // the outer iteration was not disturbed
    CHECK(outer->int64(0) == 3);
    CHECK_FALSE(outer->step());
}

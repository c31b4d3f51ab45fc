#include "sqlite_statement.h"

#include <fmt/format.h>

namespace rd::storage {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK)
        throw StorageError(fmt::format("cannot prepare SQL ({}): {}", sqlite3_errmsg(db), sql), rc);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = other.db_;
        stmt_ = other.stmt_;
        other.stmt_ = nullptr;
    }
    return *this;
}

void Statement::check(int rc, const char* what) {
    if (rc != SQLITE_OK)
        throw StorageError(fmt::format("{} failed: {}", what, sqlite3_errmsg(db_)), rc);
}

Statement& Statement::bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_, index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                            SQLITE_TRANSIENT),
          "bind");
    return *this;
}

Statement& Statement::bindStatic(int index, std::string_view text) {
    check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                            SQLITE_STATIC),
          "bind");
    return *this;
}

Statement& Statement::bindNull(int index) {
    check(sqlite3_bind_null(stmt_, index), "bind");
    return *this;
}

Statement& Statement::bindOptional(int index, std::string_view textOrEmptyForNull) {
    return textOrEmptyForNull.empty() ? bindNull(index) : bind(index, textOrEmptyForNull);
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    throw StorageError(fmt::format("SQL step failed: {} ({})", message, sqlite3_sql(stmt_)), rc);
}

int Statement::tryExecute() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
        sqlite3_reset(stmt_);
        return SQLITE_OK;
    }
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        return rc;
    throw StorageError(fmt::format("SQL failed: {} ({})", message, sqlite3_sql(stmt_)), rc);
}

void Statement::execute() {
    const int rc = tryExecute();
    if (rc != SQLITE_OK)
        throw StorageError(
            fmt::format("SQL failed: {} ({})", sqlite3_errstr(rc), sqlite3_sql(stmt_)), rc);
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string_view Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!p)
        return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::string> Statement::optionalString(int column) const {
    if (isNull(column))
        return std::nullopt;
    return string(column);
}

} // namespace rd::storage

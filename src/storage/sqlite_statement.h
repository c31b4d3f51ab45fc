#pragma once

#include <cstdint>
#include <optional>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rd::storage {

// An SQLite failure that is not the user's doing (I/O, corruption, a bug).
class StorageError : public std::runtime_error {
public:
    StorageError(const std::string& what, int code) : std::runtime_error(what), code_(code) {}
    int code() const { return code_; }

private:
    int code_;
};

// A prepared statement. Binding indexes are 1-based, column indexes 0-based, as in SQLite.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view text); // copied by SQLite
    // Not copied: `text` must stay valid until the statement is stepped and reset.
    Statement& bindStatic(int index, std::string_view text);
    Statement& bindNull(int index);
    Statement& bindOptional(int index, std::string_view textOrEmptyForNull);
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        if (value)
            return bind(index, *value);
        return bindNull(index);
    }

    // Steps once: true when a row is available.
    bool step();
    // Steps a statement that returns no rows; returns the SQLite result code so callers can
    // handle SQLITE_CONSTRAINT; other failures throw.
    int tryExecute();
    void execute();
    void reset();

    std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_, column); }
    int int32(int column) const { return sqlite3_column_int(stmt_, column); }
    bool isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::string_view text(int column) const;
    std::string string(int column) const { return std::string(text(column)); }
    std::optional<std::string> optionalString(int column) const;

    sqlite3_stmt* handle() const { return stmt_; }

private:
    void check(int rc, const char* what);

    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

} // namespace rd::storage

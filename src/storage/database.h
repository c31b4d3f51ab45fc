#pragma once

#include "core/currency.h"
#include "core/result.h"
#include "sqlite_statement.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace rd::storage {

// "RDSK" in the SQLite header's application_id field marks a RecoveryDesk file.
inline constexpr int kApplicationId = 0x5244534B;

struct OpenOptions {
    bool createIfMissing = false;
    // Currency of a new database; when unset a new database has none until the first
    // import sets it from the data.
    std::optional<Currency> currency;
    bool migrate = true; // bring an older file up to this version (after a backup copy)
};

// One portfolio in one SQLite file: WAL, foreign keys on, busy timeout, schema migrated in
// numbered steps. Move-only; closes the connection on destruction.
class Database {
public:
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& path,
                                                  const OpenOptions& options);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const { return db_; }
    const std::filesystem::path& path() const { return path_; }
    int schemaVersion() const;
    // The backup made before the last migration of this file, if any.
    const std::optional<std::filesystem::path>& migrationBackup() const { return backup_; }

    void exec(const char* sql);
    Statement prepare(std::string_view sql) const { return Statement(db_, sql); }

    std::optional<std::string> setting(std::string_view key) const;
    void setSetting(std::string_view key, std::string_view value);
    // The portfolio currency, once set by init or the first import.
    std::optional<Currency> currency() const;

    // Writes a consistent copy of the database to `target` with the online backup API.
    void backupTo(const std::filesystem::path& target) const;

private:
    Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}

    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    std::optional<std::filesystem::path> backup_;
};

// RAII write transaction (BEGIN IMMEDIATE): rolls back unless commit() is called.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();
    void rollback();

private:
    Database& db_;
    bool open_ = true;
};

} // namespace rd::storage

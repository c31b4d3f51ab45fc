#pragma once

#include "core/currency.h"
#include "core/result.h"
#include "sqlite_statement.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

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

// A prepared statement borrowed from a Database's cache: reset (bindings cleared) when the
// borrower is done with it, so the next borrower of the same SQL skips the parse.
class CachedStatement {
public:
    CachedStatement(Statement* cached, bool* inUse) : cached_(cached), inUse_(inUse) {}
    explicit CachedStatement(Statement owned) : owned_(std::move(owned)) {}
    CachedStatement(CachedStatement&& other) noexcept
        : cached_(std::exchange(other.cached_, nullptr)),
          inUse_(std::exchange(other.inUse_, nullptr)), owned_(std::move(other.owned_)) {}
    CachedStatement& operator=(CachedStatement&&) = delete;
    ~CachedStatement() {
        if (cached_) {
            cached_->reset();
            *inUse_ = false;
        }
    }
    Statement& operator*() { return cached_ ? *cached_ : *owned_; }
    Statement* operator->() { return cached_ ? cached_ : &*owned_; }

private:
    Statement* cached_ = nullptr;
    bool* inUse_ = nullptr;
    std::optional<Statement> owned_;
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
    // For statements run many times in a row (one per case of a recompute, say): the parsed
    // statement is kept and reused. Falls back to a fresh one while the cached one is in use.
    CachedStatement prepareCached(std::string_view sql) const;

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
    struct CacheEntry {
        std::unique_ptr<Statement> statement;
        bool inUse = false;
    };
    mutable std::unordered_map<std::string, CacheEntry> cache_;
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

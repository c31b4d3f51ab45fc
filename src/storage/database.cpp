#include "database.h"

#include "migrations.h"

#include <chrono>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace rd::storage {
namespace {

std::int64_t pragmaInt(sqlite3* db, const char* pragma) {
    Statement st(db, fmt::format("PRAGMA {}", pragma));
    return st.step() ? st.int64(0) : 0;
}

std::string timestampForFileName() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

} // namespace

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path,
                                                 const OpenOptions& options) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (!exists && !options.createIfMissing)
        return Error{fmt::format("database {} does not exist", path.string()),
                     ErrorKind::NotFound,
                     Hint::CreateDatabase,
                     {{"path", path.string()}}};
    if (!exists && path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), ec);

    // Each connection is used by one thread at a time: no global memory statistics (and
    // their mutex) needed. Must be set before SQLite initialises, so on the first open.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (options.createIfMissing ? SQLITE_OPEN_CREATE : 0) |
                      SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        sqlite3_close(raw);
        return Error{fmt::format("cannot open database {}: {}", path.string(), msg)};
    }
    std::unique_ptr<Database> db(new Database(raw, path));
    sqlite3_busy_timeout(raw, 5000);
    sqlite3_extended_result_codes(raw, 1);

    std::int64_t appId = 0, version = 0, tables = 0;
    try {
        appId = pragmaInt(raw, "application_id");
        version = pragmaInt(raw, "user_version");
        Statement count(raw, "SELECT count(*) FROM sqlite_schema");
        tables = count.step() ? count.int64(0) : 0;
    } catch (const StorageError&) {
        return Error{fmt::format("{} is not a RecoveryDesk database (it is not an SQLite file)",
                                 path.string()),
                     ErrorKind::Invalid,
                     Hint::CheckDatabasePath,
                     {{"path", path.string()}}};
    }
    const bool empty = appId == 0 && version == 0 && tables == 0;
    if (!empty && appId != kApplicationId)
        return Error{fmt::format("{} is not a RecoveryDesk database (another program's SQLite "
                                 "file); it was not modified",
                                 path.string()),
                     ErrorKind::Invalid,
                     Hint::CheckDatabasePath,
                     {{"path", path.string()}}};
    if (version > latestSchemaVersion())
        return Error{fmt::format("{} was written by a newer RecoveryDesk (schema version {}, this "
                                 "program knows up to {}); install the newer version to open it",
                                 path.string(), version, latestSchemaVersion())};
    if (empty && !options.createIfMissing)
        return Error{
            fmt::format("{} is an empty file, not a RecoveryDesk database yet", path.string()),
            ErrorKind::NotFound,
            Hint::CreateDatabase,
            {{"path", path.string()}}};

    if (version < latestSchemaVersion() && !options.migrate && !empty)
        return Error{fmt::format("{} has schema version {} and needs migrating to {}",
                                 path.string(), version, latestSchemaVersion()),
                     ErrorKind::Conflict,
                     Hint::MigrateDatabase,
                     {{"path", path.string()}}};

    // Only now that the file is known to be ours and wanted: WAL changes its header.
    // WAL is a property of the file; switching needs a moment of exclusive access, which a
    // large first import (rollback journal) holds: then this connection reads without it.
    std::string journalMode;
    {
        Statement mode(raw, "PRAGMA journal_mode");
        if (mode.step())
            journalMode = mode.string(0);
    }
    if (journalMode != "wal") {
        try {
            db->exec("PRAGMA journal_mode=WAL");
        } catch (const StorageError& e) {
            spdlog::info("{} stays in {} mode for now: {}", path.string(), journalMode, e.what());
        }
    }
    db->exec("PRAGMA synchronous=NORMAL");
    db->exec("PRAGMA foreign_keys=ON");

    if (version < latestSchemaVersion()) {
        if (!empty) {
            std::filesystem::path backup = path;
            backup += fmt::format(".v{}-{}.bak", version, timestampForFileName());
            db->backupTo(backup);
            db->backup_ = backup;
            spdlog::info("backed up {} to {} before migrating from schema {}", path.string(),
                         backup.string(), version);
        }
        migrateSchema(*db, static_cast<int>(version));
    }
    if (options.currency && !db->currency()) {
        Transaction tx(*db);
        db->setSetting("currency", options.currency->code);
        tx.commit();
    }
    return db;
}

Database::~Database() {
    cache_.clear(); // finalize the cached statements before closing
    sqlite3_close_v2(db_);
}

CachedStatement Database::prepareCached(std::string_view sql) const {
    auto& entry = cache_[std::string(sql)];
    if (entry.inUse)
        return CachedStatement(Statement(db_, sql));
    if (!entry.statement)
        entry.statement = std::make_unique<Statement>(db_, sql);
    entry.inUse = true;
    return CachedStatement(entry.statement.get(), &entry.inUse);
}

int Database::schemaVersion() const {
    return static_cast<int>(pragmaInt(db_, "user_version"));
}

void Database::exec(const char* sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string message = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw StorageError(fmt::format("SQL failed: {}", message), rc);
    }
}

std::optional<std::string> Database::setting(std::string_view key) const {
    Statement st(db_, "SELECT value FROM settings WHERE key = ?");
    st.bind(1, key);
    if (st.step())
        return st.string(0);
    return std::nullopt;
}

void Database::setSetting(std::string_view key, std::string_view value) {
    Statement st(db_, "INSERT INTO settings(key, value) VALUES(?, ?) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value).execute();
}

std::optional<Currency> Database::currency() const {
    const auto code = setting("currency");
    if (!code)
        return std::nullopt;
    return findCurrency(*code);
}

void Database::backupTo(const std::filesystem::path& target) const {
    sqlite3* out = nullptr;
    int rc =
        sqlite3_open_v2(target.c_str(), &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close(out);
        throw StorageError(fmt::format("cannot create backup {}", target.string()), rc);
    }
    sqlite3_backup* backup = sqlite3_backup_init(out, "main", db_, "main");
    if (!backup) {
        std::string msg = sqlite3_errmsg(out);
        sqlite3_close(out);
        throw StorageError(fmt::format("cannot back up to {}: {}", target.string(), msg), rc);
    }
    rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    sqlite3_close(out);
    if (rc != SQLITE_DONE)
        throw StorageError(
            fmt::format("backup to {} failed: {}", target.string(), sqlite3_errstr(rc)), rc);
}

Transaction::Transaction(Database& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (open_) {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
        }
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

void Transaction::rollback() {
    db_.exec("ROLLBACK");
    open_ = false;
}

} // namespace rd::storage

#pragma once

// Helpers for the storage tests: temporary folders, import folders made from the worked
// example with one thing broken, database snapshots, and running the real CLI binary.

#include "core/currency.h"
#include "core/date.h"
#include "core/loan_position.h"
#include "storage/database.h"
#include "storage/folder_importer.h"
#include "storage/loan_repository.h"
#include "storage/portfolio_settings.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rdst {

namespace fs = std::filesystem;

// A fresh directory under the system temp folder, removed when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

std::string readFile(const fs::path& path);
void writeFile(const fs::path& path, const std::string& bytes);
bool fileExists(const fs::path& path);

fs::path examplesDir();
fs::path workedDir();
fs::path edgeDir();

// An import folder: a copy of an example (or empty), edited line by line.
class Folder {
public:
    explicit Folder(fs::path dir) : dir_(std::move(dir)) { fs::create_directories(dir_); }
    static Folder copyOf(const fs::path& example, const fs::path& dir);

    const fs::path& path() const { return dir_; }
    std::string text(const std::string& file) const { return readFile(dir_ / file); }
    // Replaces line `line` (1-based, the header is line 1) of `file`.
    Folder& setLine(const std::string& file, int line, const std::string& text);
    Folder& appendLine(const std::string& file, const std::string& text);
    Folder& write(const std::string& file, const std::string& bytes);
    Folder& remove(const std::string& file);

private:
    fs::path dir_;
};

// The folder with the small KES portfolio the rule tests start from (client C0, loan L0,
// one installment, one payment): ids that the worked example does not use.
Folder seedFolder(const fs::path& dir);

// Opens (creating) a database; fails the test if it cannot.
std::unique_ptr<rd::storage::Database> openDb(const fs::path& path,
                                              std::optional<std::string> currency = {});

rd::storage::ImportOutcome importDir(rd::storage::Database& db, const fs::path& dir,
                                     bool dryRun = false);
// Fails the test (with every problem printed) unless the import succeeded and committed.
rd::storage::ImportOutcome importOk(rd::storage::Database& db, const fs::path& dir);

std::vector<std::string> problemLines(const rd::storage::ProblemList& list);
std::string joined(const std::vector<std::string>& lines);
// True when some problem starts with `prefix` ("loans.csv:2: principal: ") and contains
// `part`.
bool hasProblem(const rd::storage::ProblemList& list, const std::string& prefix,
                const std::string& part);

// Every row of every table, in a stable order, as text: equal snapshots mean equal
// contents (timestamps included).
std::string snapshot(const rd::storage::Database& db);
std::string snapshot(sqlite3* db);
// The portfolio tables only (clients, loans, installments, charges, payments and their
// versions), without import ids: what two imports of the same data have in common.
std::string portfolio(sqlite3* db);
std::int64_t rowCount(sqlite3* db, const std::string& table);

// Takes a database of the current schema back to version 7 (what version 8 added dropped).
void dropSchemaV8(rd::storage::Database& raw);
// Takes a current file back to schema version 6: drops what version 7 added (the cases
// table keeps its wider check, which version 7 writes again).
void dropSchemaV7(rd::storage::Database& raw);
std::int64_t queryInt(sqlite3* db, const std::string& sql);
std::string queryText(sqlite3* db, const std::string& sql);
// Runs SQL that is expected to fail; returns SQLite's message ("" if it succeeded).
std::string execError(sqlite3* db, const std::string& sql);

rd::Date day(const std::string& text);
rd::LoanPosition position(rd::storage::Database& db, const std::string& loanId,
                          const std::string& asOf);

// The real recoverydesk-cli, with its log folder inside `dataHome`.
struct CliRun {
    int exitCode = -1; // 128 + signal when killed
    std::string out, err;
};
// Runs the command line; with a RECOVERYDESK_ test hook in `env`, its test build.
CliRun runCli(const std::vector<std::string>& args, const fs::path& dataHome,
              const std::vector<std::string>& env = {});
// Runs `binary` (the shipped command line when null and no hook is set) whatever `env` holds.
CliRun runShippedCli(const std::vector<std::string>& args, const fs::path& dataHome,
                     const std::vector<std::string>& env, const char* binary = RD_CLI_PATH);

// Starts the CLI without waiting (output discarded); returns the process id.
int spawnCli(const std::vector<std::string>& args, const fs::path& dataHome,
             const std::vector<std::string>& env = {});
// Waits for a process started by spawnCli; returns the exit code or 128 + signal.
int waitCli(int pid);

// A larger valid KES import folder: `loans` clients and loans (ids with `prefix`), each
// with 12 monthly installments, two payments, and a penalty on every tenth loan.
struct BigFolderRows {
    std::int64_t clients = 0, loans = 0, installments = 0, charges = 0, payments = 0;
    std::int64_t total() const { return clients + loans + installments + charges + payments; }
};
BigFolderRows writeBigFolder(const fs::path& dir, int loans, const std::string& prefix = "B");

} // namespace rdst

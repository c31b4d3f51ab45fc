#pragma once

#include "core/aging_report.h"
#include "core/bucket_scheme.h"
#include "core/clock.h"
#include "core/currency.h"
#include "core/loan_position.h"
#include "core/progress.h"
#include "core/result.h"
#include "core/user.h"
#include "storage_fwd.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::services {

// What a face may know about the database file before anyone signs in.
struct DatabaseInfo {
    std::filesystem::path path;
    int schemaVersion = 0;
    std::optional<Currency> currency; // none until the first import or init --currency
    bool demoPortfolio = false;
    std::int64_t loans = 0;
    std::string timeZone;     // the institution's (setting time_zone)
    int idleLockMinutes = 10; // the workstation locks after this many idle minutes
    std::optional<std::filesystem::path> migrationBackup; // made before the last migration
};

// One loan's position as of a date, with its schedule: the command line's `loan`.
struct LoanReport {
    Currency currency;
    LoanTerms terms;
    LoanPosition position;
    std::vector<InstallmentState> installments;
    BucketScheme buckets;
};

struct AgingRun {
    AgingReport report;
    Currency currency;
    // The ledger cache was incomplete (a damaged or hand-edited file), so the report read the
    // tables: slower, never less. Rebuilding the cache fixes it.
    bool readTables = false;
};

// The portfolio as a whole: a loan's position, the aging report, and the upkeep of derived
// data. Reads need ReadBranch (a loan's branch; every branch for a portfolio report, so an
// administrator or the local operator); upkeep needs MaintainDatabase.
class PortfolioService {
public:
    explicit PortfolioService(storage::Database& db, Clock clock = {})
        : db_(db), clock_(std::move(clock)) {}

    Result<DatabaseInfo> info() const;

    Result<LoanReport> loan(const User& actor, std::string_view loanId, Date asOf) const;

    Result<AgingRun> aging(const User& actor, Date asOf, AgingGroupBy groupBy,
                           const ProgressCallback& progress = {}) const;

    // Rewrites the loan ledger cache that reports read, from the tables, in one transaction
    // with an audit record; returns the number of loans.
    Result<std::int64_t> rebuildLedgerCache(const User& actor);
    // Marks the database as a demo portfolio (the GUI's sign-in then lists the demo users);
    // needs ImportPortfolio; audited.
    Result<void> markDemoPortfolio(const User& actor);

    // True when every loan has its cached ledger.
    Result<bool> ledgerCacheComplete() const;

private:
    storage::Database& db_;
    Clock clock_;
};

} // namespace rd::services

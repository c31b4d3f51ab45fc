#pragma once

#include "core/clock.h"
#include "core/date.h"
#include "core/import_counts.h"
#include "core/progress.h"
#include "core/result.h"
#include "core/user.h"
#include "services/case_service.h"
#include "storage_fwd.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rd::services {

// An import of the core banking system's files (interchange.md section 1).
struct ImportRequest {
    std::filesystem::path folder;
    bool dryRun = false;               // check everything, write nothing
    ProgressCallback progress;         // bytes read of all files; returning false cancels
    std::optional<Date> recomputeAsOf; // after a committed import, open and close cases
    // Test hooks (only the test build of the command line sets them).
    std::optional<std::int64_t> killAfterRows;
    std::optional<std::int64_t> largeImportBytes;
};

// One finding: FILE:LINE: COLUMN: message.
struct ImportFinding {
    std::string file;
    std::int64_t line = 0;
    std::string column;
    std::string message;
    std::string text() const;
};


struct ImportReport {
    bool ok = false;        // no errors
    bool committed = false; // written to the database (never for a dry run)
    bool cancelled = false;
    std::vector<ImportFinding> errors, warnings; // the first 200 of each
    std::int64_t errorCount = 0, warningCount = 0;
    ImportCounts changes;
    std::string currency;
    std::optional<RecomputeSummary> recompute; // when asked for and the import committed
};

// Imports a folder all or nothing (one transaction: any error rolls everything back), or
// checks it (dry run). Needs ImportPortfolio: an administrator, or the command line's local
// operator; the import and its audit record name the actor.
class ImportService {
public:
    explicit ImportService(storage::Database& db, Clock clock = {})
        : db_(db), clock_(std::move(clock)) {}

    Result<ImportReport> run(const User& actor, const ImportRequest& request);

private:
    storage::Database& db_;
    Clock clock_;
};

} // namespace rd::services

#pragma once

#include "core/clock.h"
#include "core/currency.h"
#include "core/import_counts.h"
#include "core/progress.h"
#include "database.h"
#include "import_problem.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace rd::storage {

struct ImportOptions {
    bool dryRun = false;
    std::string actor = "import";
    Clock clock; // when the import started and ended, for its record and the audit trail
    ProgressCallback progress; // bytes read of all files
    // Test hooks, set only by test builds (the crash-safety tests): end the process after
    // this many rows written, and the size of files above which a first load runs with a
    // rollback journal (default kLargeImportBytes).
    std::optional<std::int64_t> killAfterRows;
    std::optional<std::int64_t> largeImportBytes;
};

using rd::ImportCounts;

struct ImportOutcome {
    bool ok = false;        // no errors
    bool committed = false; // written to the database (never for a dry run)
    bool cancelled = false;
    ProblemList errors{200};
    ProblemList warnings{200};
    ImportCounts counts;
    std::string currency;
};

// Imports a folder of core-banking files (interchange.md section 1) all or nothing, in
// one transaction: any error rolls everything back.
ImportOutcome importFolder(Database& db, const std::filesystem::path& dir,
                           const ImportOptions& options);

} // namespace rd::storage

#include "import_service.h"

#include "case_access.h"
#include "service_edge.h"
#include "storage/database.h"
#include "storage/folder_importer.h"

namespace rd::services {

namespace {

std::vector<ImportFinding> findings(const storage::ProblemList& list) {
    std::vector<ImportFinding> out;
    for (const auto& p : list.kept())
        out.push_back({p.file, p.line, p.column, p.message});
    return out;
}

} // namespace

std::string ImportFinding::text() const {
    return storage::ImportProblem{file, line, column, message}.toString();
}

Result<ImportReport> ImportService::run(const User& actor, const ImportRequest& request) {
    return atEdge([&]() -> Result<ImportReport> {
        const auto who = currentUser(db_, actor);
        if (!who || !allows(*who, Permission::ImportPortfolio))
            return permissionDenied(who.value_or(actor), Permission::ImportPortfolio);
        storage::ImportOptions options;
        options.dryRun = request.dryRun;
        options.actor = who->username;
        options.clock = clock_;
        options.progress = request.progress;
        options.killAfterRows = request.killAfterRows;
        options.largeImportBytes = request.largeImportBytes;
        const auto outcome = storage::importFolder(db_, request.folder, options);
        ImportReport report;
        report.ok = outcome.ok;
        report.committed = outcome.committed;
        report.cancelled = outcome.cancelled;
        report.errors = findings(outcome.errors);
        report.warnings = findings(outcome.warnings);
        report.errorCount = outcome.errors.count();
        report.warningCount = outcome.warnings.count();
        report.changes = outcome.counts;
        report.currency = outcome.currency;
        if (outcome.committed && request.recomputeAsOf) {
            auto summary = CaseService(db_, clock_).recompute(*who, *request.recomputeAsOf);
            if (!summary)
                return summary.error();
            report.recompute = *summary;
        }
        return report;
    });
}

} // namespace rd::services

#include "folder_importer.h"

#include "import_session.h"

#include <spdlog/spdlog.h>

namespace rd::storage {

ImportOutcome importFolder(Database& db, const std::filesystem::path& dir,
                           const ImportOptions& options) {
    ImportOutcome outcome;
    try {
        detail::ImportSession(db, dir, options, outcome).run();
    } catch (const detail::Cancelled&) {
        outcome.cancelled = true;
        outcome.errors.add({dir.string(), 0, "(import)", "cancelled; nothing was imported"});
    }
    outcome.ok = outcome.errors.empty();
    spdlog::info("import of {}: {} error(s), {} change(s), committed={}", dir.string(),
                 outcome.errors.count(), outcome.counts.changes(), outcome.committed);
    return outcome;
}

} // namespace rd::storage

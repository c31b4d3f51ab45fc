#include "import_runner.h"
#include "test_hooks.h"

#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace rd::cli {

storage::ImportOutcome runImport(const std::filesystem::path& path,
                                 const std::filesystem::path& dir, bool dryRun) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw UserError(fmt::format("{} is not a folder (give the folder that holds "
                                    "clients.csv, loans.csv, schedule.csv, charges.csv, "
                                    "payments.csv)",
                                    dir.string()));
    const bool existed = std::filesystem::exists(path, ec);
    // The highest missing folder above the file: removed again if nothing is imported.
    std::filesystem::path createdFolder;
    for (auto p = std::filesystem::absolute(path, ec).parent_path();
         !p.empty() && !std::filesystem::exists(p, ec); p = p.parent_path()) {
        createdFolder = p;
        if (p == p.parent_path())
            break;
    }
    storage::ImportOutcome outcome;
    {
        storage::OpenOptions options;
        options.createIfMissing = true;
        options.migrate = !dryRun; // a dry run writes nothing, not even a migration
        auto opened = storage::Database::open(path, options);
        if (!opened)
            throw UserError(opened.error().message);
        auto db = std::move(opened).value();

        const bool tty = isatty(STDERR_FILENO);
        auto last = std::chrono::steady_clock::now();
        storage::ImportOptions importOptions;
        importOptions.dryRun = dryRun;
        importOptions.actor = "recoverydesk-cli";
        const auto hooks = importTestHooks();
        importOptions.killAfterRows = hooks.killAfterRows;
        importOptions.largeImportBytes = hooks.largeImportBytes;
        importOptions.progress = [&](std::int64_t done, std::int64_t total) {
            const auto now = std::chrono::steady_clock::now();
            if (tty && now - last > std::chrono::milliseconds(200) && total > 0) {
                std::fprintf(stderr, "\rimporting... %3d%%",
                             static_cast<int>(done * 100 / total));
                last = now;
            }
            return true;
        };
        outcome = storage::importFolder(*db, dir, importOptions);
        if (tty)
            std::fprintf(stderr, "\r                 \r");
    }
    for (const auto& w : outcome.warnings.kept())
        std::fprintf(stderr, "warning: %s\n", w.toString().c_str());
    for (const auto& e : outcome.errors.kept())
        std::fprintf(stderr, "%s\n", e.toString().c_str());
    if (outcome.errors.count() > static_cast<std::int64_t>(outcome.errors.kept().size()))
        std::fprintf(stderr, "... and %lld more problem(s)\n",
                     static_cast<long long>(outcome.errors.count() -
                                            static_cast<std::int64_t>(outcome.errors.kept().size())));
    if (!existed && !outcome.committed) {
        // Nothing was imported into a file this command created: leave no empty database.
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(path.string() + suffix, ec);
        if (!createdFolder.empty())
            std::filesystem::remove_all(createdFolder, ec);
    }
    return outcome;
}

} // namespace rd::cli

#include "import_runner.h"

#include "test_hooks.h"

#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace rd::cli {
namespace {

// Removes the database file (and the folders above it) that this command created, when the
// command ends without having imported anything into it, whatever way it ends.
class CreatedFile {
public:
    explicit CreatedFile(std::filesystem::path path) : path_(std::move(path)) {
        std::error_code ec;
        existed_ = std::filesystem::exists(path_, ec);
        // The highest missing folder above the file.
        for (auto p = std::filesystem::absolute(path_, ec).parent_path();
             !p.empty() && !std::filesystem::exists(p, ec); p = p.parent_path()) {
            createdFolder_ = p;
            if (p == p.parent_path())
                break;
        }
    }
    ~CreatedFile() {
        if (existed_ || keep_)
            return;
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(path_.string() + suffix, ec);
        if (!createdFolder_.empty())
            std::filesystem::remove_all(createdFolder_, ec);
    }
    CreatedFile(const CreatedFile&) = delete;
    CreatedFile& operator=(const CreatedFile&) = delete;
    void keep() { keep_ = true; }

private:
    std::filesystem::path path_;
    std::filesystem::path createdFolder_;
    bool existed_ = false;
    bool keep_ = false;
};

} // namespace

services::ImportReport runImport(const std::filesystem::path& path,
                                 const std::filesystem::path& dir, bool dryRun,
                                 const ActorOptions& actor) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw UserError(fmt::format("{} is not a folder (give the folder that holds "
                                    "clients.csv, loans.csv, schedule.csv, charges.csv, "
                                    "payments.csv)",
                                    dir.string()));
    // Declared before the services, so that it removes the file after they have closed it.
    CreatedFile created(path);
    services::ImportReport report;
    {
        services::OpenRequest request;
        request.createIfMissing = true;
        request.migrate = !dryRun; // a dry run writes nothing, not even a migration
        auto opened = services::Services::open(path, request);
        if (!opened)
            fail(opened.error());
        auto& desk = **opened;
        const User user = actorOrOperator(desk, actor);

        const bool tty = isatty(STDERR_FILENO);
        auto last = std::chrono::steady_clock::now();
        services::ImportRequest run;
        run.folder = dir;
        run.dryRun = dryRun;
        const auto hooks = importTestHooks();
        run.killAfterRows = hooks.killAfterRows;
        run.largeImportBytes = hooks.largeImportBytes;
        run.progress = [&](std::int64_t done, std::int64_t total) {
            const auto now = std::chrono::steady_clock::now();
            if (tty && now - last > std::chrono::milliseconds(200) && total > 0) {
                std::fprintf(stderr, "\rimporting... %3d%%", static_cast<int>(done * 100 / total));
                last = now;
            }
            return true;
        };
        auto done = desk.imports().run(user, run);
        if (tty)
            std::fprintf(stderr, "\r                 \r");
        report = valueOr(std::move(done), fmt::format("import of {}", dir.string()));
    }
    for (const auto& w : report.warnings)
        std::fprintf(stderr, "warning: %s\n", w.text().c_str());
    for (const auto& e : report.errors)
        std::fprintf(stderr, "%s\n", e.text().c_str());
    const auto shown = static_cast<std::int64_t>(report.errors.size());
    if (report.errorCount > shown)
        std::fprintf(stderr, "... and %lld more problem(s)\n",
                     static_cast<long long>(report.errorCount - shown));
    if (report.committed)
        created.keep();
    return report;
}

} // namespace rd::cli

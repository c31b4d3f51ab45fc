#include "commands.h"
#include "import_runner.h"

#include <fmt/format.h>

namespace rd::cli {

void addImportCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("import", "import the files in DIR (all or nothing)");
    auto dir = std::make_shared<std::string>();
    auto dryRun = std::make_shared<bool>(false);
    cmd->add_option("DIR", *dir, "folder with clients.csv, loans.csv, schedule.csv, charges.csv, "
                                 "payments.csv (any of them)")
        ->required();
    cmd->add_flag("--dry-run", *dryRun, "check the folder and report what would change; write "
                                        "nothing");
    cmd->callback([&global, dir, dryRun] {
        const auto outcome = runImport(global.databasePath(), *dir, *dryRun);
        if (!outcome.ok)
            throw UserError(fmt::format("import of {} refused: {} problem(s); the database is "
                                        "unchanged (fix the lines above and import again)",
                                        *dir, outcome.errors.count()));
        const auto& c = outcome.counts;
        if (c.changes() == 0) {
            fmt::print("Nothing to change: the database already holds everything in {} ({} rows "
                       "checked)\n",
                       *dir, c.rowsUnchanged);
            return;
        }
        fmt::print("{} {}{}:\n", *dryRun ? "Dry run, nothing written; the import would make"
                                         : "Imported",
                   *dir, outcome.currency.empty() ? "" : " (" + outcome.currency + ")");
        fmt::print("  clients   {} new, {} changed\n", c.clientsAdded, c.clientsChanged);
        fmt::print("  loans     {} new, {} changed\n", c.loansAdded, c.loansChanged);
        fmt::print("  schedules {} new, {} replaced ({} installments written)\n",
                   c.schedulesAdded, c.schedulesReplaced, c.installmentsWritten);
        fmt::print("  charges   {} new\n", c.chargesAdded);
        fmt::print("  payments  {} new, {} reversed\n", c.paymentsAdded, c.paymentsReversed);
        fmt::print("  unchanged rows {}\n", c.rowsUnchanged);
    });
}

} // namespace rd::cli

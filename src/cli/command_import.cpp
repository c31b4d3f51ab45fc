#include "commands.h"
#include "import_runner.h"

#include <fmt/format.h>

namespace rd::cli {

void addImportCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("import", "import the files in DIR (all or nothing)");
    auto dir = std::make_shared<std::string>();
    auto dryRun = std::make_shared<bool>(false);
    auto actor = std::make_shared<ActorOptions>();
    cmd->add_option("DIR", *dir,
                    "folder with clients.csv, loans.csv, schedule.csv, charges.csv, "
                    "payments.csv (any of them)")
        ->required();
    cmd->add_flag("--dry-run", *dryRun,
                  "check the folder and report what would change; write "
                  "nothing");
    addActor(cmd, *actor, false,
             "import as this administrator (signs in; the audit trail names them); without "
             "--as the import is recorded as recoverydesk-cli, the local operator");
    cmd->callback([&global, dir, dryRun, actor] {
        const auto report = runImport(global.databasePath(), *dir, *dryRun, *actor);
        if (!report.ok)
            throw UserError(fmt::format("import of {} refused: {} problem(s); the database is "
                                        "unchanged (fix the lines above and import again)",
                                        *dir, report.errorCount));
        const auto& c = report.changes;
        if (c.changes() == 0) {
            fmt::print("Nothing to change: the database already holds everything in {} ({} rows "
                       "checked)\n",
                       *dir, c.rowsUnchanged);
            return;
        }
        fmt::print("{} {}{}:\n",
                   *dryRun ? "Dry run, nothing written; the import would make" : "Imported", *dir,
                   report.currency.empty() ? "" : " (" + report.currency + ")");
        fmt::print("  clients   {} new, {} changed\n", c.clientsAdded, c.clientsChanged);
        fmt::print("  loans     {} new, {} changed\n", c.loansAdded, c.loansChanged);
        fmt::print("  schedules {} new, {} replaced ({} installments written)\n", c.schedulesAdded,
                   c.schedulesReplaced, c.installmentsWritten);
        fmt::print("  charges   {} new\n", c.chargesAdded);
        fmt::print("  payments  {} new, {} reversed\n", c.paymentsAdded, c.paymentsReversed);
        // Only for a folder with the files, so that other imports report as they always have.
        if (c.guarantorsAdded + c.guarantorsChanged > 0)
            fmt::print("  guarantors {} new, {} changed\n", c.guarantorsAdded, c.guarantorsChanged);
        if (c.collateralAdded + c.collateralChanged > 0)
            fmt::print("  collateral {} new, {} changed\n", c.collateralAdded, c.collateralChanged);
        fmt::print("  unchanged rows {}\n", c.rowsUnchanged);
    });
}

} // namespace rd::cli

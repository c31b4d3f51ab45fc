#include "commands.h"

#include "storage/loan_repository.h"
#include "storage/migrations.h"

#include <fmt/format.h>

namespace rd::cli {

void addInitCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("init", "create the database, or migrate it to this version");
    auto currency = std::make_shared<std::string>();
    auto rebuild = std::make_shared<bool>(false);
    cmd->add_option("--currency", *currency, "portfolio currency, ISO 4217 (e.g. UGX, KES)");
    cmd->add_flag("--rebuild-cache", *rebuild,
                  "rewrite the loan ledger cache that reports read, from the tables");
    cmd->callback([&global, currency, rebuild] {
        storage::OpenOptions options;
        options.createIfMissing = true;
        if (!currency->empty()) {
            auto c = parseCurrency(*currency);
            if (!c)
                throw UserError(fmt::format("--currency: {}", c.error().message));
            options.currency = *c;
        }
        auto db = global.open(options);
        if (options.currency && db->currency() != options.currency)
            throw UserError(fmt::format("{} already holds a {} portfolio; a database holds one "
                                        "currency (use another --db for {})",
                                        db->path().string(), db->currency()->code,
                                        options.currency->code));
        storage::LoanRepository loans(*db);
        if (*rebuild || !loans.ledgerCacheComplete()) {
            storage::Transaction tx(*db);
            loans.rebuildLedgerCache();
            tx.commit();
            fmt::print("rebuilt the ledger cache of {} loans\n", loans.loanCount());
        }
        fmt::print("{}: schema version {}, currency {}\n", db->path().string(),
                   db->schemaVersion(), db->currency() ? db->currency()->code : "(not set yet)");
        if (db->migrationBackup())
            fmt::print("backup of the previous version: {}\n", db->migrationBackup()->string());
    });
}

} // namespace rd::cli

#include "commands.h"
#include "services/portfolio_service.h"

#include <fmt/format.h>

namespace rd::cli {

void addInitCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("init", "create the database, or migrate it to this version");
    auto currency = std::make_shared<std::string>();
    auto rebuild = std::make_shared<bool>(false);
    cmd->add_option("--currency", *currency, "portfolio currency, ISO 4217 (e.g. UGX, KES)");
    cmd->add_flag("--rebuild-cache", *rebuild,
                  "rewrite the loan ledger cache that reports read, from the tables (audited "
                  "as recoverydesk-cli, the local operator)");
    cmd->callback([&global, currency, rebuild] {
        services::OpenRequest request;
        request.createIfMissing = true;
        if (!currency->empty()) {
            auto c = parseCurrency(*currency);
            if (!c)
                throw UserError(fmt::format("--currency: {}", c.error().message));
            request.currency = *c;
        }
        auto desk = global.open(request);
        auto& portfolio = desk->portfolio();
        const auto before = valueOr(portfolio.info());
        if (request.currency && before.currency != request.currency)
            throw UserError(fmt::format("{} already holds a {} portfolio; a database holds one "
                                        "currency (use another --db for {})",
                                        before.path.string(), before.currency->code,
                                        request.currency->code));
        if (*rebuild || !valueOr(portfolio.ledgerCacheComplete())) {
            const auto loans = valueOr(portfolio.rebuildLedgerCache(localOperator()));
            fmt::print("rebuilt the ledger cache of {} loans\n", loans);
        }
        const auto info = valueOr(portfolio.info());
        fmt::print("{}: schema version {}, currency {}\n", info.path.string(), info.schemaVersion,
                   info.currency ? info.currency->code : "(not set yet)");
        if (info.migrationBackup)
            fmt::print("backup of the previous version: {}\n", info.migrationBackup->string());
    });
}

} // namespace rd::cli

#include "cli_environment.h"
#include "commands.h"
#include "report_output.h"
#include "storage/loan_repository.h"
#include "storage/portfolio_settings.h"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <thread>

namespace rd::cli {

void addReportCommand(CLI::App& app, GlobalOptions& global) {
    auto* report = app.add_subcommand("report", "portfolio reports");
    report->require_subcommand(1);
    auto* aging = report->add_subcommand("aging", "aging by bucket and portfolio at risk");
    auto asOf = std::make_shared<std::string>();
    auto by = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("text");
    aging->add_option("--as-of", *asOf, "business date YYYY-MM-DD (default: today)");
    aging->add_option("--by", *by, "group by branch, officer or product")
        ->check(CLI::IsMember({"branch", "officer", "product"}));
    aging->add_option("--format", *format, "text, json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    aging->callback([&global, asOf, by, format] {
        const Date date = asOf->empty() ? today() : parseDateOption(*asOf, "--as-of");
        auto db = global.open();
        const auto currency = db->currency();
        if (!currency)
            throw UserError(fmt::format("{} holds no portfolio yet (import one first)",
                                        db->path().string()));
        const AgingGroupBy groupBy =
            by->empty() ? AgingGroupBy::None : *agingGroupByFromString(*by);
        storage::LoanRepository loans(*db);
        // Small portfolios are read on one thread; large ones on one thread per core.
        const int parts = loans.loanCount() < 20000
                              ? 1
                              : static_cast<int>(std::clamp(std::thread::hardware_concurrency(),
                                                            1u, 8u));
        // The ledger cache is rewritten with every change; should rows be missing (a
        // damaged or hand-edited file) the report reads the tables instead, never less.
        auto kind = storage::LedgerSourceKind::Cache;
        if (!loans.ledgerCacheComplete()) {
            kind = storage::LedgerSourceKind::Tables;
            std::fprintf(stderr, "warning: the ledger cache of %s is incomplete, so this report "
                                 "reads the tables (slower); run `recoverydesk-cli --db %s init "
                                 "--rebuild-cache`\n",
                         db->path().c_str(), db->path().c_str());
        }
        auto owned = loans.partitionedSources(parts, kind);
        std::vector<LoanLedgerSource*> sources;
        for (auto& s : owned)
            sources.push_back(s.get());
        auto result = computeAging(sources, date, storage::loadDelinquencyPolicy(*db), groupBy);
        if (!result)
            throw UserError(result.error().message);
        if (*format == "json")
            fmt::print("{}\n", agingJson(*result, *currency).dump(1));
        else if (*format == "csv")
            fmt::print("{}", agingCsv(*result, *currency));
        else
            fmt::print("{}", agingText(*result, *currency));
    });
}

} // namespace rd::cli

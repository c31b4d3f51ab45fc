#include "cli_environment.h"
#include "commands.h"
#include "report_output.h"
#include "services/portfolio_service.h"

#include <cstdio>
#include <fmt/format.h>

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
        auto desk = global.open();
        const AgingGroupBy groupBy =
            by->empty() ? AgingGroupBy::None : *agingGroupByFromString(*by);
        const auto run = valueOr(desk->portfolio().aging(localOperator(), date, groupBy));
        // The ledger cache is rewritten with every change; should rows be missing (a
        // damaged or hand-edited file) the report read the tables instead, never less.
        if (run.readTables) {
            const std::string path = global.databasePath().string();
            std::fprintf(stderr,
                         "warning: the ledger cache of %s is incomplete, so this report "
                         "reads the tables (slower); run `recoverydesk-cli --db %s init "
                         "--rebuild-cache`\n",
                         path.c_str(), path.c_str());
        }
        if (*format == "json")
            fmt::print("{}\n", agingJson(run.report, run.currency).dump(1));
        else if (*format == "csv")
            fmt::print("{}", agingCsv(run.report, run.currency));
        else
            fmt::print("{}", agingText(run.report, run.currency));
    });
}

} // namespace rd::cli

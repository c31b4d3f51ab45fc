#include "cli_environment.h"
#include "commands.h"
#include "demo/demo_generator.h"
#include "import_runner.h"
#include "storage/loan_repository.h"

#include <fmt/format.h>
#include <unistd.h>

namespace rd::cli {

void addDemoCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("demo", "fill a new database with a realistic demo portfolio");
    auto loans = std::make_shared<std::int64_t>(2000);
    auto seed = std::make_shared<std::uint64_t>(1);
    auto asOf = std::make_shared<std::string>();
    auto exportDir = std::make_shared<std::string>();
    auto currency = std::make_shared<std::string>("UGX");
    cmd->add_option("--loans", *loans, "number of loans (default 2000)")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}));
    cmd->add_option("--seed", *seed, "random seed; the same seed gives the same portfolio");
    cmd->add_option("--as-of", *asOf, "the portfolio's business date (default: today)");
    cmd->add_option("--export", *exportDir, "also keep the portfolio as import files in DIR");
    cmd->add_option("--currency", *currency, "portfolio currency (default UGX)");
    cmd->callback([&global, loans, seed, asOf, exportDir, currency] {
        demo::DemoOptions options;
        options.loans = *loans;
        options.seed = *seed;
        options.asOf = asOf->empty() ? today() : parseDateOption(*asOf, "--as-of");
        auto c = parseCurrency(*currency);
        if (!c)
            throw UserError(fmt::format("--currency: {}", c.error().message));
        options.currency = *c;

        const auto path = global.databasePath();
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) {
            auto db = global.open();
            if (storage::LoanRepository(*db).loanCount() > 0)
                throw UserError(fmt::format("{} already holds a portfolio; the demo goes into a "
                                            "new database (give another --db)",
                                            path.string()));
        }
        std::filesystem::path dir;
        bool temporary = false;
        if (!exportDir->empty()) {
            dir = *exportDir;
        } else {
            dir = std::filesystem::temp_directory_path() /
                  fmt::format("recoverydesk-demo-{}", ::getpid());
            temporary = true;
        }
        auto written = demo::writeDemoFiles(options, dir);
        if (!written)
            throw UserError(written.error().message);
        const auto outcome = runImport(path, dir, false);
        if (temporary)
            std::filesystem::remove_all(dir, ec);
        if (!outcome.ok)
            throw UserError("the demo portfolio could not be imported (see above); this is a bug, "
                            "please report it with the command line you used");
        fmt::print("Demo portfolio in {}: {} clients, {} loans, {} installments, {} charges, {} "
                   "payments ({}, as of {}, seed {})\n",
                   path.string(), written->clients, written->loans, written->installments,
                   written->charges, written->payments, options.currency.code,
                   options.asOf.toString(), options.seed);
        if (!temporary)
            fmt::print("Import files written to {}\n", dir.string());
    });
}

} // namespace rd::cli

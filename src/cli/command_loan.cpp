#include "cli_environment.h"
#include "commands.h"
#include "report_output.h"
#include "storage/loan_repository.h"
#include "storage/portfolio_settings.h"

#include <fmt/format.h>

namespace rd::cli {

void addLoanCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("loan", "show one loan's position as of a date");
    auto loanId = std::make_shared<std::string>();
    auto asOf = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("text");
    cmd->add_option("LOAN_ID", *loanId, "the loan's account number")->required();
    cmd->add_option("--as-of", *asOf, "business date YYYY-MM-DD (default: today)");
    cmd->add_option("--format", *format, "text or json")
        ->check(CLI::IsMember({"text", "json"}));
    cmd->callback([&global, loanId, asOf, format] {
        const Date date = asOf->empty() ? today() : parseDateOption(*asOf, "--as-of");
        auto db = global.open();
        const auto currency = db->currency();
        storage::LoanRepository loans(*db);
        const auto ledger = loans.findLoan(*loanId);
        if (!ledger || !currency)
            throw UserError(fmt::format("no loan \"{}\" in {} (check the account number, or "
                                        "import it first)",
                                        *loanId, db->path().string()));
        PositionCalculator calculator(storage::loadDelinquencyPolicy(*db));
        const LoanPosition position = calculator.compute(*ledger, date);
        const BucketScheme& buckets = calculator.policy().buckets;
        if (*format == "json")
            fmt::print("{}\n",
                       loanPositionJson(ledger->terms, position, buckets, *currency).dump(1));
        else
            fmt::print("{}", loanPositionText(ledger->terms, position, calculator.installments(),
                                              buckets, *currency));
    });
}

} // namespace rd::cli

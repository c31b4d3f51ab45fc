#include "cli_environment.h"
#include "commands.h"
#include "report_output.h"
#include "services/portfolio_service.h"

#include <fmt/format.h>

namespace rd::cli {

void addLoanCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("loan", "show one loan's position as of a date");
    auto loanId = std::make_shared<std::string>();
    auto asOf = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("text");
    cmd->add_option("LOAN_ID", *loanId, "the loan's account number")->required();
    cmd->add_option("--as-of", *asOf, "business date YYYY-MM-DD (default: today)");
    cmd->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->callback([&global, loanId, asOf, format] {
        const Date date = asOf->empty() ? today() : parseDateOption(*asOf, "--as-of");
        auto desk = global.open();
        auto report = desk->portfolio().loan(localOperator(), *loanId, date);
        if (!report && report.error().kind == ErrorKind::NotFound &&
            report.error().fact("loan") == *loanId)
            // The command line names the file it looked in.
            throw UserError(fmt::format("no loan \"{}\" in {} (check the account number, or "
                                        "import it first)",
                                        *loanId, global.databasePath().string()));
        const auto loan = valueOr(std::move(report));
        if (*format == "json")
            fmt::print(
                "{}\n",
                loanPositionJson(loan.terms, loan.position, loan.buckets, loan.currency).dump(1));
        else
            fmt::print("{}", loanPositionText(loan.terms, loan.position, loan.installments,
                                              loan.buckets, loan.currency));
    });
}

} // namespace rd::cli

#pragma once

#include "commands.h"
#include "core/schedule_calculator.h"

#include <string>

namespace rd::cli {

// The schedule calculator's options (domain.md 9a), shared by `plan preview` and a
// reschedule's `plan propose`.
struct CalculatorOptions {
    std::string rate;
    std::string ratePer = "year";
    std::string method;
    std::string amortization = "equal_installments";
    std::string dayCount;
    int every = 1;
    std::string unit;
    int installments = 0;
    std::string firstDue;
    int principalGrace = 0;
};
// --rate, --rate-per, --method, --amortization, --day-count, --every, --unit,
// --installments, --first-due, --principal-grace; `required` makes the essential ones so.
void addCalculatorOptions(CLI::App* cmd, CalculatorOptions& options, bool required);
// The calculator's input from the options (amount, start and exponent left to the caller);
// a UserError naming the option when one does not read.
ScheduleInput calculatorInput(const CalculatorOptions& options);
// The option behind a calculator error's "field" fact, or null.
const char* calculatorOption(const std::string& field);

// `plan propose|approve|reject|withdraw|show`, `plans [export]` and `budget set|show`
// (command_plan_actions.cpp).
void addPlanActionCommands(CLI::App& plan, CLI::App& app, GlobalOptions& global);

// The `plan` command (interchange.md section 4) with its `preview` subcommand. Returns the
// `plan` command so that its other subcommands (propose, approve, ...) can be added to it.
CLI::App& addPlanCommands(CLI::App& app, GlobalOptions& global);

} // namespace rd::cli

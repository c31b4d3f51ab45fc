#include "command_plan.h"

#include "command_cases.h"
#include "core/currency.h"
#include "core/decimal.h"
#include "core/money_text.h"
#include "core/schedule_calculator.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

namespace rd::cli {
namespace {

using Json = nlohmann::ordered_json;

struct PreviewOptions : CalculatorOptions {
    std::string amount;
    std::string start;
    std::string currency;
    std::string format = "text";
};

// The option that holds the calculator's input named by an error's "field".
const char* optionOf(const std::string& field) {
    static constexpr std::array<std::pair<const char*, const char*>, 8> options{{
        {"amount", "--amount"},
        {"rate", "--rate"},
        {"every", "--every"},
        {"installments", "--installments"},
        {"start", "--start"},
        {"first_due", "--first-due"},
        {"principal_grace", "--principal-grace"},
        {"exponent", "--currency"},
    }};
    for (const auto& [name, option] : options)
        if (field == name)
            return option;
    return nullptr;
}

Json scheduleJson(const ComputedSchedule& s, const Currency& c) {
    const int exp = c.exponent;
    Json installments = Json::array();
    for (const auto& line : s.installments)
        installments.push_back({{"n", line.n},
                                {"due_date", line.dueDate.toString()},
                                {"principal", formatAmount(line.principal, exp)},
                                {"interest", formatAmount(line.interest, exp)},
                                {"total", formatAmount(line.total, exp)},
                                {"balance", formatAmount(line.balance, exp)}});
    Json j;
    j["currency"] = c.code;
    j["amount"] = formatAmount(s.principal, exp);
    j["installments"] = std::move(installments);
    j["totals"] = Json{{"principal", formatAmount(s.principal, exp)},
                       {"interest", formatAmount(s.interest, exp)},
                       {"total", formatAmount(s.total, exp)}};
    return j;
}

std::string scheduleText(const ComputedSchedule& s, const ScheduleInput& in,
                         const PreviewOptions& o, const Currency& c) {
    const int exp = c.exponent;
    const auto money = [exp](Amount a) { return formatAmountGrouped(a, exp); };
    std::string amortization = o.amortization;
    std::replace(amortization.begin(), amortization.end(), '_', ' ');
    const std::string unit = in.every == 1 ? o.unit.substr(0, o.unit.size() - 1)
                                           : fmt::format("{} {}", in.every, o.unit);
    std::string out = fmt::format(
        "{} at {}% a {}, {}{}, {}, every {}, {} installment{} from {}{}\n",
        formatMoneyText(c.code, s.principal, exp), toString(in.ratePercent), o.ratePer, o.method,
        in.method == InterestMethod::Declining ? ", " + amortization : std::string(), o.dayCount,
        unit, in.installments, in.installments == 1 ? "" : "s", in.start.toString(),
        in.principalGrace > 0 ? fmt::format(", principal grace {}", in.principalGrace) : "");
    // Every amount column is as wide as its widest figure.
    std::size_t width = std::string("Principal").size();
    for (const Amount a : {s.principal, s.interest, s.total})
        width = std::max(width, money(a).size());
    const std::size_t number =
        std::max<std::size_t>(1, std::to_string(s.installments.size()).size());
    out += fmt::format("{:>{}}  {:<10}  {:>{}}  {:>{}}  {:>{}}  {:>{}}\n", "#", number, "Due date",
                       "Principal", width, "Interest", width, "Total", width, "Balance", width);
    for (const auto& line : s.installments)
        out +=
            fmt::format("{:>{}}  {:<10}  {:>{}}  {:>{}}  {:>{}}  {:>{}}\n", line.n, number,
                        line.dueDate.toString(), money(line.principal), width, money(line.interest),
                        width, money(line.total), width, money(line.balance), width);
    out += fmt::format("{:>{}}  {:<10}  {:>{}}  {:>{}}  {:>{}}\n", "", number, "Total",
                       money(s.principal), width, money(s.interest), width, money(s.total), width);
    return out;
}

void addPreviewCommand(CLI::App& plan, GlobalOptions& global) {
    auto* cmd = plan.add_subcommand(
        "preview", "compute a repayment schedule (domain.md section 9a) without saving it");
    auto o = std::make_shared<PreviewOptions>();
    cmd->add_option("--amount", o->amount, "the amount to repay, in the currency's text form")
        ->required();
    addCalculatorOptions(cmd, *o, true);
    cmd->add_option("--start", o->start, "start date YYYY-MM-DD: interest runs from it")
        ->required();
    cmd->add_option("--currency", o->currency,
                    "ISO 4217 code; with it no database is opened (default: the portfolio's)");
    cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->callback([&global, o] {
        ScheduleInput in = calculatorInput(*o);
        in.start = parseDateOption(o->start, "--start");

        Currency currency;
        if (!o->currency.empty()) {
            auto parsed = parseCurrency(o->currency);
            if (!parsed)
                throw UserError(fmt::format("--currency: {}", parsed.error().message));
            currency = *parsed;
        } else {
            currency = portfolioCurrency(*global.open());
        }
        in.exponent = currency.exponent;
        auto amount = parseAmount(o->amount, currency.exponent);
        if (!amount)
            throw UserError(fmt::format("--amount: {}", amount.error().message));
        in.amount = *amount;

        auto schedule = computeSchedule(in);
        if (!schedule) {
            const char* option = optionOf(schedule.error().fact("field"));
            throw UserError(option ? fmt::format("{}: {}", option, schedule.error().message)
                                   : schedule.error().message);
        }
        if (o->format == "json")
            fmt::print("{}\n", scheduleJson(*schedule, currency).dump(1));
        else
            fmt::print("{}", scheduleText(*schedule, in, *o, currency));
    });
}

} // namespace

void addCalculatorOptions(CLI::App* cmd, CalculatorOptions& o, bool required) {
    cmd->add_option("--rate", o.rate, "nominal interest rate in percent (e.g. 9.5)");
    cmd->add_option("--rate-per", o.ratePer, "the rate is per year (default) or per month")
        ->check(CLI::IsMember({"year", "month"}));
    cmd->add_option("--method", o.method, "declining or flat")
        ->check(CLI::IsMember({"declining", "flat"}));
    cmd->add_option("--amortization", o.amortization,
                    "equal_installments (default) or equal_principal")
        ->check(CLI::IsMember({"equal_installments", "equal_principal"}));
    cmd->add_option("--day-count", o.dayCount, "30/360, actual/365 or actual/actual")
        ->check(CLI::IsMember({"30/360", "actual/365", "actual/actual"}));
    cmd->add_option("--every", o.every, "installments fall due every K weeks or months");
    cmd->add_option("--unit", o.unit, "weeks or months")->check(CLI::IsMember({"weeks", "months"}));
    cmd->add_option("--installments", o.installments, "the number of installments N");
    cmd->add_option("--first-due", o.firstDue,
                    "first due date YYYY-MM-DD (default: the start plus one period)");
    cmd->add_option("--principal-grace", o.principalGrace,
                    "the first G installments pay interest only (default 0)");
    if (required)
        for (const char* name :
             {"--rate", "--method", "--day-count", "--every", "--unit", "--installments"})
            cmd->get_option(name)->required();
}

ScheduleInput calculatorInput(const CalculatorOptions& o) {
    ScheduleInput in;
    auto rate = parseDecimal(o.rate);
    if (!rate)
        throw UserError(fmt::format("--rate: {}", rate.error().message));
    in.ratePercent = *rate;
    // The words were checked by CLI11 already.
    in.ratePer = *ratePerFromText(o.ratePer);
    in.method = *interestMethodFromText(o.method);
    in.amortization = *amortizationFromText(o.amortization);
    in.dayCount = *dayCountFromText(o.dayCount);
    in.unit = *periodUnitFromText(o.unit);
    in.every = o.every;
    in.installments = o.installments;
    in.principalGrace = o.principalGrace;
    if (!o.firstDue.empty())
        in.firstDue = parseDateOption(o.firstDue, "--first-due");
    return in;
}

const char* calculatorOption(const std::string& field) {
    return optionOf(field);
}

CLI::App& addPlanCommands(CLI::App& app, GlobalOptions& global) {
    auto* plan = app.add_subcommand("plan", "repayment plans: preview a schedule");
    plan->require_subcommand(1);
    addPreviewCommand(*plan, global);
    return *plan;
}

} // namespace rd::cli

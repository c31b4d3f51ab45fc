// `plan propose|approve|reject|withdraw|show`, `plans [export]` and `budget set|show`
// (interchange.md section 4) over services/plan_service.h.
#include "cli_environment.h"
#include "command_cases.h"
#include "command_plan.h"
#include "core/money_text.h"
#include "services/plan_service.h"

#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

namespace rd::cli {
namespace {

using Json = nlohmann::ordered_json;
using services::PlanView;

Date dateOr(const std::string& text, const char* option) {
    return text.empty() ? today() : parseDateOption(text, option);
}

Amount amountOption(const std::string& text, const char* option, int exponent) {
    auto a = parseAmount(text, exponent);
    if (!a)
        throw UserError(fmt::format("{}: {}", option, a.error().message));
    return *a;
}

Json planJson(const PlanView& v, int exponent) {
    const PlanRecord& p = v.plan;
    Json j;
    j["plan_id"] = p.id;
    j["loan_id"] = p.loanId;
    j["kind"] = toString(p.kind);
    j["status"] = toString(v.status);
    j["start"] = p.start.toString();
    j["proposed_by"] = p.proposedBy;
    Json approvals = Json::array();
    for (const auto& d : p.decisions)
        approvals.push_back(
            {{"by", d.by}, {"at", d.at}, {"decision", d.decision}, {"comment", d.comment}});
    j["approvals"] = std::move(approvals);
    j["approvals_needed"] = p.approvalsNeeded;
    j["amount"] = formatAmount(p.total, exponent);
    j["balance"] = formatAmount(p.balance, exponent);
    j["waived"] = formatAmount(v.waiver ? v.waiver->parts.total() : p.waived, exponent);
    j["monthly_amount"] = formatAmount(p.monthlyAmount, exponent);
    j["surplus"] = p.surplus ? Json(formatAmount(*p.surplus, exponent)) : Json(nullptr);
    j["affordability_reason"] =
        p.affordabilityReason.empty() ? Json(nullptr) : Json(p.affordabilityReason);
    j["note"] = p.note;
    Json installments = Json::array();
    for (std::size_t i = 0; i < p.installments.size(); ++i) {
        const PlanInstallment& in = p.installments[i];
        const char* status = v.activatedOn && i < v.score.installments.size()
                                 ? toString(v.score.installments[i])
                                 : "pending";
        installments.push_back({{"n", in.n},
                                {"due_date", in.dueDate.toString()},
                                {"amount", formatAmount(in.amount, exponent)},
                                {"status", status}});
    }
    j["installments"] = std::move(installments);
    return j;
}

std::string planText(const PlanView& v, int exponent) {
    const PlanRecord& p = v.plan;
    const auto money = [exponent](Amount a) { return formatAmountGrouped(a, exponent); };
    std::string out =
        fmt::format("Plan {} of loan {} ({}): {}, {}, from {}\n", p.id, p.loanId, v.clientName,
                    toString(p.kind), toString(v.status), p.start.toString());
    out += fmt::format("  Proposed by {} on {}{}\n", p.proposedBy, p.businessDate.toString(),
                       p.note.empty() ? "" : ": " + p.note);
    out += fmt::format("  Balance {}  to pay {}  waived {}  ({} approval{} needed)\n",
                       money(p.balance), money(p.total),
                       money(v.waiver ? v.waiver->parts.total() : p.waived), p.approvalsNeeded,
                       p.approvalsNeeded == 1 ? "" : "s");
    out += fmt::format("  A month {}{}\n", money(p.monthlyAmount),
                       p.surplus ? fmt::format(" of a surplus of {}", money(*p.surplus))
                                 : std::string(" (no budget)"));
    if (!p.affordabilityReason.empty())
        out += fmt::format("  Affordability reason: {}\n", p.affordabilityReason);
    for (const auto& d : p.decisions)
        out += fmt::format("  {} by {} on {}: {}\n", d.decision, d.by, d.businessDate.toString(),
                           d.comment);
    for (std::size_t i = 0; i < p.installments.size(); ++i) {
        const PlanInstallment& in = p.installments[i];
        out += fmt::format(
            "  {:>3} {}  {:>16}  {}\n", in.n, in.dueDate.toString(), money(in.amount),
            v.activatedOn && i < v.score.installments.size() ? toString(v.score.installments[i])
                                                             : "pending");
    }
    return out;
}

// DATE:AMOUNT
PlanInstallment installmentOption(const std::string& text, int exponent) {
    const auto colon = text.find(':');
    if (colon == std::string::npos)
        throw UserError(fmt::format("--installment: \"{}\" is not DATE:AMOUNT (e.g. "
                                    "2026-04-30:150000)",
                                    text));
    PlanInstallment i;
    i.dueDate = parseDateOption(text.substr(0, colon), "--installment");
    i.amount = amountOption(text.substr(colon + 1), "--installment", exponent);
    return i;
}

void addPropose(CLI::App& plan, GlobalOptions& global) {
    auto* cmd = plan.add_subcommand("propose", "propose a repayment plan for a loan's open case "
                                               "(a supervisor of the branch approves it)");
    struct Options : CalculatorOptions {
        ActorOptions actor;
        std::string loanId, kind, start, note, reason, amount, payBy, date, format = "text";
        int parts = 0;
        std::vector<std::string> dated; // --installment DATE:AMOUNT
        bool capitalise = false;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    cmd->add_option("--kind", o->kind, "arrangement, reschedule or settlement")
        ->required()
        ->check(CLI::IsMember({"arrangement", "reschedule", "settlement"}));
    cmd->add_option("--start", o->start, "the plan's start S (default: the business date)");
    cmd->add_option("--note", o->note, "what was agreed with the client");
    cmd->add_option("--affordability-reason", o->reason,
                    "why the plan is proposed although the budget does not show it affordable");
    addCalculatorOptions(cmd, *o, false);
    cmd->add_flag("--capitalise", o->capitalise,
                  "reschedule: the unpaid interest, fees and penalties join the principal");
    cmd->add_option("--parts", o->parts,
                    "arrangement: the arrears in N parts every --every --unit; settlement: the "
                    "--amount in N parts");
    cmd->add_option("--installment", o->dated, "DATE:AMOUNT, repeated: the dated amounts");
    cmd->add_option("--amount", o->amount, "settlement: the agreed amount");
    cmd->add_option("--pay-by", o->payBy, "settlement: the date of a single payment");
    cmd->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        auto desk = global.open();
        const int exponent = portfolioCurrency(*desk).exponent;
        services::PlanProposal p;
        p.loanId = o->loanId;
        p.kind = *planKindFromString(o->kind);
        if (!o->start.empty())
            p.start = parseDateOption(o->start, "--start");
        const Date start = p.start.value_or(date);
        p.note = o->note;
        p.affordabilityReason = o->reason;
        p.capitalise = o->capitalise;
        const bool months = o->unit != "weeks";
        for (const auto& text : o->dated)
            p.installments.push_back(installmentOption(text, exponent));
        const User user = signInActor(*desk, o->actor);
        auto& plans = desk->plans();
        switch (p.kind) {
        case PlanKind::Reschedule:
            if (o->rate.empty() || o->method.empty() || o->dayCount.empty() || o->unit.empty() ||
                o->installments == 0)
                throw UserError("a reschedule needs --rate, --method, --day-count, --every, "
                                "--unit and --installments (the new schedule's terms)");
            p.reschedule = calculatorInput(*o);
            break;
        case PlanKind::Arrangement:
            if (p.installments.empty()) {
                if (o->parts < 1 || o->unit.empty())
                    throw UserError("an arrangement needs --parts N --every K --unit "
                                    "weeks|months, or --installment DATE:AMOUNT repeated");
                const auto arrangement =
                    plans.arrangementFor(user, o->loanId, start, o->parts, o->every, months);
                if (!arrangement)
                    fail(arrangement.error(), fmt::format("plan propose {}", o->loanId));
                p.installments = *arrangement;
            }
            break;
        case PlanKind::Settlement:
            if (p.installments.empty()) {
                if (o->amount.empty())
                    throw UserError("a settlement needs --amount with --pay-by DATE (one sum) or "
                                    "--parts N --every K --unit, or --installment DATE:AMOUNT "
                                    "repeated");
                const Amount total = amountOption(o->amount, "--amount", exponent);
                if (!o->payBy.empty())
                    p.installments = {{1, parseDateOption(o->payBy, "--pay-by"), total, {}}};
                else if (o->parts >= 1 && !o->unit.empty())
                    p.installments = proposeSettlement(total, start, o->parts, o->every, months);
                else
                    throw UserError("a settlement needs --pay-by DATE or --parts N --every K "
                                    "--unit weeks|months");
            }
            break;
        }
        auto view = plans.propose(user, p, date);
        if (!view) {
            if (const char* option = calculatorOption(view.error().fact("field")))
                throw UserError(fmt::format("plan propose {}: {}: {}", o->loanId, option,
                                            view.error().message));
            fail(view.error(), fmt::format("plan propose {}", o->loanId),
                 {{Hint::GiveReason, "give it with --affordability-reason"}});
        }
        if (o->format == "json")
            fmt::print("{}\n", planJson(*view, exponent).dump(1));
        else
            fmt::print("Plan {} proposed: {} approval{} of a supervisor of branch {} needed.\n{}",
                       view->plan.id, view->plan.approvalsNeeded,
                       view->plan.approvalsNeeded == 1 ? "" : "s", view->branch,
                       planText(*view, exponent));
    });
}

// approve, reject and withdraw: PLAN_ID --as USER --comment|--reason TEXT
void addDecision(CLI::App& plan, GlobalOptions& global, const char* name, const char* help,
                 const char* textOption) {
    auto* cmd = plan.add_subcommand(name, help);
    struct Options {
        ActorOptions actor;
        std::int64_t id = 0;
        std::string text, date;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("PLAN_ID", o->id, "the plan's number")->required();
    cmd->add_option(textOption, o->text, "why (kept with the decision)")->required();
    cmd->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(cmd, o->actor);
    const std::string verb = name;
    cmd->callback([&global, o, verb] {
        const Date date = dateOr(o->date, "--date");
        auto desk = global.open();
        const int exponent = portfolioCurrency(*desk).exponent;
        const User user = signInActor(*desk, o->actor);
        auto& plans = desk->plans();
        auto view = verb == "approve"  ? plans.approve(user, o->id, o->text, date)
                    : verb == "reject" ? plans.reject(user, o->id, o->text, date)
                                       : plans.withdraw(user, o->id, o->text, date);
        if (!view)
            fail(view.error(), fmt::format("plan {} {}", verb, o->id));
        fmt::print("Plan {} is now {}.\n{}", o->id, toString(view->status),
                   planText(*view, exponent));
    });
}

void addShow(CLI::App& plan, GlobalOptions& global) {
    auto* cmd = plan.add_subcommand("show", "one plan with its installments' status as of a date");
    struct Options {
        ActorOptions actor;
        std::int64_t id = 0;
        std::string asOf, format = "text";
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("PLAN_ID", o->id, "the plan's number")->required();
    cmd->add_option("--as-of", o->asOf, "business date YYYY-MM-DD (default: today)");
    cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    addActor(cmd, o->actor, false);
    cmd->callback([&global, o] {
        const Date asOf = dateOr(o->asOf, "--as-of");
        auto desk = global.open();
        const int exponent = portfolioCurrency(*desk).exponent;
        const User user = o->actor.as.empty() ? localOperator() : signInActor(*desk, o->actor);
        auto view = desk->plans().show(user, o->id, asOf);
        if (!view)
            fail(view.error(), fmt::format("plan show {}", o->id));
        if (o->format == "json")
            fmt::print("{}\n", planJson(*view, exponent).dump(1));
        else
            fmt::print("{}", planText(*view, exponent));
    });
}

void addPlansList(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("plans", "repayment plans, or `plans export` for posting");
    struct Options {
        ActorOptions actor;
        std::string loanId, status, asOf, since, format = "text", exportFormat = "csv";
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--loan", o->loanId, "only the plans of this loan");
    cmd->add_option("--status", o->status, "only plans in this status")
        ->check(CLI::IsMember(
            {"proposed", "rejected", "withdrawn", "active", "cancelled", "broken", "completed"}));
    cmd->add_option("--as-of", o->asOf, "business date YYYY-MM-DD (default: today)");
    cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    addActor(cmd, o->actor, false);
    auto* exp = cmd->add_subcommand("export", "approved reschedules and completed settlements "
                                              "(with their waivers) for posting");
    exp->add_option("--since", o->since, "from this business date on")->required();
    exp->add_option("--format", o->exportFormat, "csv or json")
        ->check(CLI::IsMember({"csv", "json"}));
    exp->callback([&global, o] {
        const Date since = parseDateOption(o->since, "--since");
        auto desk = global.open();
        const int exponent = portfolioCurrency(*desk).exponent;
        const User user = o->actor.as.empty() ? localOperator() : signInActor(*desk, o->actor);
        auto rows = desk->plans().exportSince(user, since);
        if (!rows)
            fail(rows.error(), "plans export");
        if (o->exportFormat == "json") {
            Json all = Json::array();
            for (const auto& r : *rows) {
                Json j = planJson(r.view, exponent);
                j["posted_on"] = r.postedOn.toString();
                if (r.view.waiver)
                    j["waiver"] = {
                        {"waived_on", r.view.waiver->waivedOn.toString()},
                        {"principal", formatAmount(r.view.waiver->parts.principal, exponent)},
                        {"interest", formatAmount(r.view.waiver->parts.interest, exponent)},
                        {"fees", formatAmount(r.view.waiver->parts.fees, exponent)},
                        {"penalties", formatAmount(r.view.waiver->parts.penalties, exponent)}};
                all.push_back(std::move(j));
            }
            fmt::print("{}\n", all.dump(1));
            return;
        }
        fmt::print("plan_id,loan_id,kind,posted_on,start,amount,waived_principal,waived_interest,"
                   "waived_fees,waived_penalties,installments\n");
        for (const auto& r : *rows) {
            const ComponentAmounts w = r.view.waiver ? r.view.waiver->parts : ComponentAmounts{};
            std::string dated;
            for (const auto& i : r.view.plan.installments)
                dated += fmt::format("{}{}:{}", dated.empty() ? "" : " ", i.dueDate.toString(),
                                     formatAmount(i.amount, exponent));
            fmt::print("{},{},{},{},{},{},{},{},{},{},{}\n", r.view.plan.id, r.view.plan.loanId,
                       toString(r.view.plan.kind), r.postedOn.toString(),
                       r.view.plan.start.toString(), formatAmount(r.view.plan.total, exponent),
                       formatAmount(w.principal, exponent), formatAmount(w.interest, exponent),
                       formatAmount(w.fees, exponent), formatAmount(w.penalties, exponent), dated);
        }
    });
    cmd->callback([&global, o, exp] {
        if (exp->parsed())
            return;
        const Date asOf = dateOr(o->asOf, "--as-of");
        auto desk = global.open();
        const int exponent = portfolioCurrency(*desk).exponent;
        const User user = o->actor.as.empty() ? localOperator() : signInActor(*desk, o->actor);
        auto views = desk->plans().list(
            user, o->loanId.empty() ? std::nullopt : std::optional<std::string>(o->loanId),
            o->status.empty() ? std::nullopt : planStatusFromString(o->status), asOf);
        if (!views)
            fail(views.error(), "plans");
        if (o->format == "json") {
            Json all = Json::array();
            for (const auto& v : *views)
                all.push_back(planJson(v, exponent));
            fmt::print("{}\n", all.dump(1));
            return;
        }
        for (const auto& v : *views)
            fmt::print("{:>6}  {:<12} {:<12} {:<10} {}  {:>16}\n", v.plan.id, v.plan.loanId,
                       toString(v.plan.kind), toString(v.status), v.plan.start.toString(),
                       formatAmountGrouped(v.plan.total, exponent));
    });
}

// NAME=AMOUNT
BudgetLine budgetLine(const std::string& text, bool income, int exponent) {
    const auto eq = text.rfind('=');
    const char* option = income ? "--income" : "--expense";
    if (eq == std::string::npos || eq == 0)
        throw UserError(
            fmt::format("{}: \"{}\" is not NAME=AMOUNT (e.g. shop=450000)", option, text));
    return {income, text.substr(0, eq), amountOption(text.substr(eq + 1), option, exponent)};
}

void addBudget(CLI::App& app, GlobalOptions& global) {
    auto* budget = app.add_subcommand("budget", "a client's budget worksheet (monthly)");
    budget->require_subcommand(1);
    auto* set = budget->add_subcommand("set", "record a new budget worksheet for a client");
    struct Options {
        ActorOptions actor;
        std::string clientId, date, note, format = "text";
        std::vector<std::string> income, expense;
    };
    auto o = std::make_shared<Options>();
    set->add_option("CLIENT_ID", o->clientId, "the client")->required();
    set->add_option("--income", o->income, "NAME=AMOUNT a month, repeated")->required();
    set->add_option("--expense", o->expense, "NAME=AMOUNT a month, repeated");
    set->add_option("--note", o->note, "anything the approver should know");
    set->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(set, o->actor);
    set->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        auto desk = global.open();
        const int exponent = portfolioCurrency(*desk).exponent;
        std::vector<BudgetLine> lines;
        for (const auto& t : o->income)
            lines.push_back(budgetLine(t, true, exponent));
        for (const auto& t : o->expense)
            lines.push_back(budgetLine(t, false, exponent));
        const User user = signInActor(*desk, o->actor);
        auto b = desk->plans().setBudget(user, o->clientId, std::move(lines), date, o->note);
        if (!b)
            fail(b.error(), fmt::format("budget set {}", o->clientId));
        fmt::print("Budget {} of client {} on {}: income {}, expenses {}, surplus {} a month.\n",
                   b->id, b->clientId, b->date.toString(),
                   formatAmountGrouped(b->income(), exponent),
                   formatAmountGrouped(b->expenses(), exponent),
                   formatAmountGrouped(b->surplus(), exponent));
    });
}

} // namespace

void addPlanActionCommands(CLI::App& plan, CLI::App& app, GlobalOptions& global) {
    addPropose(plan, global);
    addDecision(plan, global, "approve",
                "approve a proposed plan (a supervisor of the branch who did not propose it; two "
                "different supervisors above the waiver limit)",
                "--comment");
    addDecision(plan, global, "reject", "reject a proposed plan, with a comment", "--comment");
    addDecision(plan, global, "withdraw", "withdraw a proposal (its proposer or a supervisor)",
                "--reason");
    addShow(plan, global);
    addPlansList(app, global);
    addBudget(app, global);
}

} // namespace rd::cli

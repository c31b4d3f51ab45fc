// `legal feasibility|case|status|hearing|outcome|judgment|enforcement|show|calendar` and
// `cost add|reverse`: legal action and recovery costs (services/legal_service.h).
#include "command_legal.h"

#include "cli_environment.h"
#include "command_cases.h"
#include "core/money.h"
#include "core/money_text.h"
#include "core/text_trim.h"
#include "legal_json.h"
#include "services/case_service.h"
#include "services/legal_service.h"
#include "sign_in.h"

#include <fmt/format.h>
#include <memory>

namespace rd::cli {
namespace {

Date dateOr(const std::string& text, const char* option) {
    return text.empty() ? today() : parseDateOption(text, option);
}

template <typename T> T parsed(Result<T> value, const char* option) {
    if (!value)
        throw UserError(fmt::format("{}: {}", option, value.error().message));
    return *value;
}

Amount amountOption(const std::string& text, const Currency& currency, const char* option) {
    if (text.empty())
        return 0;
    return parsed(parseAmount(text, currency.exponent), option);
}

std::vector<std::string> splitColons(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto colon = text.find(':', start);
        parts.push_back(trimmed(text.substr(start, colon - start)));
        if (colon == std::string::npos)
            return parts;
        start = colon + 1;
    }
}

void addFormat(CLI::App* cmd, std::string& format) {
    cmd->add_option("--format", format, "text or json")->check(CLI::IsMember({"text", "json"}));
}

// --collateral ID (imported, with its values) or DESCRIPTION:MARKET:FORCED.
AssessedCollateral collateralLine(const std::string& text, const services::CaseFile& file,
                                  const Currency& currency) {
    const auto parts = splitColons(text);
    if (parts.size() == 1) {
        for (const auto& c : file.collateral)
            if (c.collateralId == parts[0])
                return {c.collateralId, {}};
        throw UserError(fmt::format("--collateral: loan {} has no collateral \"{}\"; give an "
                                    "imported collateral id or DESCRIPTION:MARKET:FORCED",
                                    file.loan.loanId, text));
    }
    if (parts.size() != 3)
        throw UserError(fmt::format("--collateral: \"{}\" is not DESCRIPTION:MARKET:FORCED "
                                    "(e.g. \"Boda boda UBK 123:3500000:2000000\")",
                                    text));
    return {std::nullopt,
            {parts[0], amountOption(parts[1], currency, "--collateral market value"),
             amountOption(parts[2], currency, "--collateral forced-sale value")}};
}

// --guarantor ID_OR_NAME[:reached|not_reached[:CAN_PAY[:PHONE]]].
AssessedGuarantor guarantorLine(const std::string& text, const services::CaseFile& file,
                                const Currency& currency) {
    const auto parts = splitColons(text);
    if (parts.size() > 4)
        throw UserError(fmt::format("--guarantor: \"{}\" is not ID_OR_NAME[:reached|not_reached"
                                    "[:CAN_PAY[:PHONE]]]",
                                    text));
    AssessedGuarantor g;
    bool imported = false;
    for (const auto& known : file.guarantors)
        if (known.guarantorId == parts[0]) {
            g.guarantorId = known.guarantorId;
            g.value.fullName = known.fullName;
            g.value.phone = known.phone;
            imported = true;
        }
    if (!imported)
        g.value.fullName = parts[0];
    if (parts.size() > 1) {
        if (parts[1] == "reached")
            g.value.reached = true;
        else if (parts[1] != "not_reached")
            throw UserError(
                fmt::format("--guarantor: \"{}\" is neither reached nor not_reached", parts[1]));
    }
    if (parts.size() > 2)
        g.value.canPay = amountOption(parts[2], currency, "--guarantor can-pay amount");
    if (parts.size() > 3)
        g.value.phone = parts[3];
    return g;
}

void printAssessment(const FeasibilityRecord& a, const Currency& c) {
    const auto money = [&](Amount v) { return formatMoneyText(c.code, v, c.exponent); };
    fmt::print("Feasibility assessment {} of {} on {} by {}:\n", a.id, a.loanId,
               a.businessDate.toString(), a.assessedBy);
    fmt::print("  balance {}\n", money(a.balance));
    for (const auto& l : a.collateral)
        fmt::print("  collateral {}{}: market {}, forced sale {}\n", l.value.description,
                   l.collateralId ? " (" + *l.collateralId + ")" : "", money(l.value.marketValue),
                   money(l.value.forcedSaleValue));
    for (const auto& g : a.guarantors)
        fmt::print("  guarantor {}{}: {}, can pay {}\n", g.value.fullName,
                   g.guarantorId ? " (" + *g.guarantorId + ")" : "",
                   g.value.reached ? "reached" : "not reached", money(g.value.canPay));
    fmt::print("  estimated costs {} (court {}, lawyer {}, auctioneer {}, transport {})\n",
               money(a.costs.total()), money(a.costs.court), money(a.costs.lawyer),
               money(a.costs.auctioneer), money(a.costs.transport));
    fmt::print("  chance of recovery {}%\n", a.chancePercent);
    fmt::print("  expected net recovery {}\n", money(a.expectedNetRecovery));
}

void addFeasibility(CLI::App* legal, GlobalOptions& global) {
    auto* cmd = legal->add_subcommand(
        "feasibility", "assess whether legal action is worth it (whoever works the case); the "
                       "request to move the case to legal carries the newest assessment");
    struct Options {
        ActorOptions actor;
        std::string loanId, court, lawyer, auctioneer, transport, note, date, format = "text";
        int chance = -1;
        std::vector<std::string> collateral, guarantors;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    cmd->add_option("--chance", o->chance, "the chance of recovery in percent (0-100)")->required();
    cmd->add_option("--collateral", o->collateral,
                    "an imported collateral id, or DESCRIPTION:MARKET:FORCED (repeat)");
    cmd->add_option("--guarantor", o->guarantors,
                    "ID_OR_NAME[:reached|not_reached[:CAN_PAY[:PHONE]]] (repeat)");
    cmd->add_option("--court", o->court, "estimated court fees");
    cmd->add_option("--lawyer", o->lawyer, "estimated lawyer's fees");
    cmd->add_option("--auctioneer", o->auctioneer, "estimated auctioneer's fees");
    cmd->add_option("--transport", o->transport, "estimated transport");
    cmd->add_option("--note", o->note, "the officer's reasoning");
    cmd->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addFormat(cmd, o->format);
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        auto desk = global.open();
        const Currency currency = portfolioCurrency(*desk);
        const User user = signInActor(*desk, o->actor);
        const auto file = valueOr(desk->cases().caseFile(user, o->loanId, date),
                                  fmt::format("legal feasibility {}", o->loanId));
        services::FeasibilityRequest r;
        for (const auto& c : o->collateral)
            r.collateral.push_back(collateralLine(c, file, currency));
        for (const auto& g : o->guarantors)
            r.guarantors.push_back(guarantorLine(g, file, currency));
        r.costs.court = amountOption(o->court, currency, "--court");
        r.costs.lawyer = amountOption(o->lawyer, currency, "--lawyer");
        r.costs.auctioneer = amountOption(o->auctioneer, currency, "--auctioneer");
        r.costs.transport = amountOption(o->transport, currency, "--transport");
        r.chancePercent = o->chance;
        r.note = o->note;
        const auto a = valueOr(desk->legal().assessFeasibility(user, o->loanId, r, date),
                               fmt::format("legal feasibility {}", o->loanId));
        if (o->format == "json")
            fmt::print("{}\n", feasibilityJson(a, currency).dump(2));
        else
            printAssessment(a, currency);
    });
}

void addLegalCase(CLI::App* legal, GlobalOptions& global) {
    auto* cmd = legal->add_subcommand(
        "case", "record a legal case filed for a loan whose case is in stage legal");
    struct Options {
        ActorOptions actor;
        std::string loanId, forum, kind = "court", number, lawyer, filedOn, note, date;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    cmd->add_option("--forum", o->forum, "the court or agency")->required();
    cmd->add_option("--forum-kind", o->kind, "court or agency (default: court)");
    cmd->add_option("--case-number", o->number, "the court's case number");
    cmd->add_option("--lawyer", o->lawyer, "the lawyer or firm");
    cmd->add_option("--filed-on", o->filedOn, "filing date YYYY-MM-DD (default: --date)");
    cmd->add_option("--note", o->note, "a note");
    cmd->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        services::LegalCaseRequest r;
        r.forumKind = parsed(parseForumKind(o->kind), "--forum-kind");
        r.forum = o->forum;
        r.caseNumber = o->number;
        r.lawyer = o->lawyer;
        r.filedOn = o->filedOn.empty() ? date : parseDateOption(o->filedOn, "--filed-on");
        r.note = o->note;
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        const auto id = valueOr(desk->legal().openLegalCase(user, o->loanId, r, date),
                                fmt::format("legal case {}", o->loanId),
                                {{Hint::RequestLegal, "(`case stage LOAN --to legal` files the "
                                                      "request; a supervisor approves it)"}});
        fmt::print("Legal case {} of {} recorded: {} {}, filed {}.\n", id, o->loanId, r.forum,
                   r.caseNumber.empty() ? "(no case number yet)" : r.caseNumber,
                   r.filedOn.toString());
    });
}

void addStatus(CLI::App* legal, GlobalOptions& global) {
    auto* cmd = legal->add_subcommand("status", "record a legal case's new status (filed, "
                                                "mediation, hearing, judgment, enforcement, "
                                                "closed), case number or lawyer");
    struct Options {
        ActorOptions actor;
        std::int64_t id = 0;
        std::string to, note, number, lawyer, date;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LEGAL_CASE_ID", o->id, "the legal case")->required();
    cmd->add_option("--to", o->to, "the new status")->required();
    cmd->add_option("--note", o->note, "what happened (required to close)");
    cmd->add_option("--case-number", o->number, "a new case number");
    cmd->add_option("--lawyer", o->lawyer, "a new lawyer");
    cmd->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        const auto status = parsed(parseLegalStatus(o->to), "--to");
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        const auto c = valueOr(
            desk->legal().updateStatus(
                user, o->id, status, o->note,
                o->number.empty() ? std::nullopt : std::optional<std::string>(o->number),
                o->lawyer.empty() ? std::nullopt : std::optional<std::string>(o->lawyer), date),
            fmt::format("legal status {}", o->id), {{Hint::GiveText, "(--note)"}});
        fmt::print("Legal case {} of {} is now {}.\n", c.id, c.loanId, toString(c.status()));
    });
}

void addHearing(CLI::App* legal, GlobalOptions& global) {
    auto* cmd = legal->add_subcommand(
        "hearing", "schedule a hearing or mediation session (puts the case on the call list "
                   "the working day before)");
    struct Options {
        ActorOptions actor;
        std::int64_t id = 0;
        std::string on, time, place, purpose, date;
        bool mediation = false;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LEGAL_CASE_ID", o->id, "the legal case")->required();
    cmd->add_option("--on", o->on, "the session's date YYYY-MM-DD")->required();
    cmd->add_option("--time", o->time, "HH:MM");
    cmd->add_option("--place", o->place, "where (default: the court or agency)");
    cmd->add_option("--purpose", o->purpose, "what the session is for");
    cmd->add_flag("--mediation", o->mediation, "a mediation session, not a hearing");
    cmd->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        services::LegalSessionRequest r;
        r.kind = o->mediation ? LegalSessionKind::Mediation : LegalSessionKind::Hearing;
        r.date = parseDateOption(o->on, "--on");
        r.time = o->time;
        r.place = o->place;
        r.purpose = o->purpose;
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        const auto id = valueOr(desk->legal().addSession(user, o->id, r, date),
                                fmt::format("legal hearing {}", o->id));
        fmt::print("Session {} ({}) of legal case {} on {}{}.\n", id, toString(r.kind), o->id,
                   r.date.toString(), r.time.empty() ? "" : " at " + r.time);
    });
}

void addOutcome(CLI::App* legal, GlobalOptions& global) {
    auto* cmd = legal->add_subcommand("outcome", "record what came of a hearing or mediation "
                                                 "session (and the next date)");
    struct Options {
        ActorOptions actor;
        std::int64_t id = 0;
        std::string outcome, next, date;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("SESSION_ID", o->id, "the session")->required();
    cmd->add_option("--outcome", o->outcome, "what came of it")->required();
    cmd->add_option("--next", o->next, "the next session's date YYYY-MM-DD");
    cmd->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        std::optional<Date> next;
        if (!o->next.empty())
            next = parseDateOption(o->next, "--next");
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        const auto s =
            valueOr(desk->legal().recordOutcome(user, o->id, o->outcome, next, date),
                    fmt::format("legal outcome {}", o->id), {{Hint::GiveText, "(--outcome)"}});
        fmt::print("Session {} of {}: {}{}.\n", s.id, s.date.toString(), s.outcome->outcome,
                   next ? "; next session on " + next->toString() : "");
    });
}

void addJudgment(CLI::App* legal, GlobalOptions& global) {
    auto* cmd = legal->add_subcommand("judgment", "record a judgment (moves the legal case to "
                                                  "judgment)");
    struct Options {
        ActorOptions actor;
        std::int64_t id = 0;
        std::string on, amount, costs, note, date;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LEGAL_CASE_ID", o->id, "the legal case")->required();
    cmd->add_option("--on", o->on, "the judgment's date YYYY-MM-DD")->required();
    cmd->add_option("--amount", o->amount, "the amount awarded")->required();
    cmd->add_option("--costs", o->costs, "the costs awarded (default 0)");
    cmd->add_option("--note", o->note, "the terms");
    cmd->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        const Date on = parseDateOption(o->on, "--on");
        auto desk = global.open();
        const Currency currency = portfolioCurrency(*desk);
        const Amount amount = amountOption(o->amount, currency, "--amount");
        const Amount costs = amountOption(o->costs, currency, "--costs");
        const User user = signInActor(*desk, o->actor);
        const auto id =
            valueOr(desk->legal().recordJudgment(user, o->id, on, amount, costs, o->note, date),
                    fmt::format("legal judgment {}", o->id));
        fmt::print("Judgment {} of legal case {} on {}: {} awarded, costs {}.\n", id, o->id,
                   on.toString(), formatMoneyText(currency.code, amount, currency.exponent),
                   formatMoneyText(currency.code, costs, currency.exponent));
    });
}

void addEnforcement(CLI::App* legal, GlobalOptions& global) {
    auto* cmd = legal->add_subcommand(
        "enforcement", "record an attachment or repossession (moves the legal case to "
                       "enforcement)");
    struct Options {
        ActorOptions actor;
        std::int64_t id = 0;
        std::string kind, items, on, proceeds, note, date;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LEGAL_CASE_ID", o->id, "the legal case")->required();
    cmd->add_option("--kind", o->kind, "attachment or repossession")->required();
    cmd->add_option("--items", o->items, "what was attached or repossessed")->required();
    cmd->add_option("--on", o->on, "the action's date YYYY-MM-DD")->required();
    cmd->add_option("--proceeds", o->proceeds, "what the sale brought in (default 0)");
    cmd->add_option("--note", o->note, "a note");
    cmd->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        const auto kind = parsed(parseEnforcementKind(o->kind), "--kind");
        const Date on = parseDateOption(o->on, "--on");
        auto desk = global.open();
        const Currency currency = portfolioCurrency(*desk);
        const Amount proceeds = amountOption(o->proceeds, currency, "--proceeds");
        const User user = signInActor(*desk, o->actor);
        const auto id = valueOr(desk->legal().recordEnforcement(user, o->id, kind, o->items, on,
                                                                proceeds, o->note, date),
                                fmt::format("legal enforcement {}", o->id));
        fmt::print("Enforcement {} ({}) of legal case {} on {}.\n", id, toString(kind), o->id,
                   on.toString());
    });
}

void printLegalFile(const std::string& loanId, const services::LegalFile& f, const Currency& c) {
    const auto money = [&](Amount v) { return formatMoneyText(c.code, v, c.exponent); };
    if (f.assessments.empty() && f.cases.empty() && f.costs.empty()) {
        fmt::print("Loan {} has no feasibility assessment, legal case or recovery cost.\n", loanId);
        return;
    }
    if (!f.assessments.empty())
        printAssessment(f.assessments.back(), c);
    for (const auto& l : f.cases) {
        fmt::print("Legal case {}: {} {} ({}), lawyer {}, filed {}, {}\n", l.id, l.forum,
                   l.caseNumberNow().empty() ? "(no number)" : l.caseNumberNow(),
                   toString(l.forumKind), l.lawyerNow().empty() ? "none" : l.lawyerNow(),
                   l.filedOn.toString(), toString(l.status()));
        for (const auto& s : l.sessions)
            fmt::print("  session {} {} {}{} at {}{}{}\n", s.id, toString(s.kind),
                       s.date.toString(), s.time.empty() ? "" : " " + s.time, s.place,
                       s.purpose.empty() ? "" : " (" + s.purpose + ")",
                       s.outcome ? ": " + s.outcome->outcome : "");
        for (const auto& j : l.judgments)
            fmt::print("  judgment {} on {}: {} awarded, costs {}\n", j.id, j.date.toString(),
                       money(j.amountAwarded), money(j.costsAwarded));
        for (const auto& e : l.enforcements)
            fmt::print("  {} on {}: {}, proceeds {}\n", toString(e.kind), e.date.toString(),
                       e.items, money(e.proceeds));
    }
    if (!f.costs.empty())
        fmt::print("Recovery costs:\n");
    for (const auto& k : f.costs)
        fmt::print("  #{} {} {} {}{}{}\n", k.id, k.date.toString(), toString(k.kind),
                   money(k.amount), k.reference.empty() ? "" : " ref " + k.reference,
                   k.reversesCostId ? fmt::format(" (reverses #{}: {})", *k.reversesCostId, k.note)
                   : k.reversedById ? fmt::format(" (reversed by #{})", *k.reversedById)
                                    : "");
    if (!f.costs.empty())
        fmt::print("  total {}\n", money(f.costTotal));
}

void addShow(CLI::App* legal, GlobalOptions& global) {
    auto* cmd = legal->add_subcommand("show", "a loan's feasibility assessments, legal cases "
                                              "and recovery costs");
    struct Options {
        ActorOptions actor;
        std::string loanId, format = "text";
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    addFormat(cmd, o->format);
    addActor(cmd, o->actor, false, "read as this user (default: the local operator)");
    cmd->callback([&global, o] {
        auto desk = global.open();
        const Currency currency = portfolioCurrency(*desk);
        const User user = actorOrOperator(*desk, o->actor);
        const auto f = valueOr(desk->legal().legalOfLoan(user, o->loanId),
                               fmt::format("legal show {}", o->loanId));
        if (o->format == "json")
            fmt::print("{}\n", legalFileJson(f, currency).dump(2));
        else
            printLegalFile(o->loanId, f, currency);
    });
}

void addCalendar(CLI::App* legal, GlobalOptions& global) {
    auto* cmd = legal->add_subcommand("calendar", "hearings and mediation sessions in a period");
    struct Options {
        ActorOptions actor;
        std::string from, to, officer, format = "text";
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--from", o->from, "first day YYYY-MM-DD (default: today)");
    cmd->add_option("--to", o->to, "last day YYYY-MM-DD (default: 30 days after --from)");
    cmd->add_option("--officer", o->officer, "only this officer's cases");
    addFormat(cmd, o->format);
    addActor(cmd, o->actor, false, "read as this user (default: the local operator)");
    cmd->callback([&global, o] {
        const Date from = dateOr(o->from, "--from");
        const Date to = o->to.empty() ? from.addDays(30) : parseDateOption(o->to, "--to");
        auto desk = global.open();
        const User user = actorOrOperator(*desk, o->actor);
        const auto entries =
            valueOr(desk->legal().calendar(user, from, to, o->officer), "legal calendar");
        if (o->format == "json") {
            nlohmann::ordered_json rows = nlohmann::ordered_json::array();
            for (const auto& e : entries)
                rows.push_back(calendarEntryJson(e));
            fmt::print("{}\n", nlohmann::ordered_json{{"from", from.toString()},
                                                      {"to", to.toString()},
                                                      {"sessions", rows}}
                                   .dump(2));
            return;
        }
        if (entries.empty())
            fmt::print("No hearing or mediation session from {} to {}.\n", from.toString(),
                       to.toString());
        for (const auto& e : entries)
            fmt::print("{} {:5} {:9} {} {} ({}), {} {}{}{}\n", e.session.date.toString(),
                       e.session.time, toString(e.session.kind), e.loanId, e.clientName,
                       e.officer.empty() ? "unassigned" : e.officer, e.forum, e.caseNumber,
                       e.session.purpose.empty() ? "" : ": " + e.session.purpose,
                       e.session.outcome ? " -> " + e.session.outcome->outcome : "");
    });
}

void addCostAdd(CLI::App* cost, GlobalOptions& global) {
    auto* cmd = cost->add_subcommand("add", "record a recovery cost on a loan's case");
    struct Options {
        ActorOptions actor;
        std::string loanId, kind, amount, on, reference, note, date;
        std::int64_t legalCase = 0;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    cmd->add_option("--kind", o->kind, "legal, court, auctioneer, transport, agency or other")
        ->required();
    cmd->add_option("--amount", o->amount, "the amount")->required();
    cmd->add_option("--on", o->on, "the cost's date YYYY-MM-DD (default: --date)");
    cmd->add_option("--reference", o->reference, "invoice or receipt number");
    cmd->add_option("--note", o->note, "what it was for");
    cmd->add_option("--legal-case", o->legalCase, "the legal case it belongs to");
    cmd->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        services::CostRequest r;
        r.kind = parsed(parseCostKind(o->kind), "--kind");
        r.date = o->on.empty() ? date : parseDateOption(o->on, "--on");
        r.reference = o->reference;
        r.note = o->note;
        if (o->legalCase > 0)
            r.legalCaseId = o->legalCase;
        auto desk = global.open();
        const Currency currency = portfolioCurrency(*desk);
        r.amount = amountOption(o->amount, currency, "--amount");
        const User user = signInActor(*desk, o->actor);
        const auto id = valueOr(desk->legal().addCost(user, o->loanId, r, date),
                                fmt::format("cost add {}", o->loanId));
        fmt::print("Cost {} of {} recorded: {} {} on {}.\n", id, o->loanId, toString(r.kind),
                   formatMoneyText(currency.code, r.amount, currency.exponent), r.date.toString());
    });
}

void addCostReverse(CLI::App* cost, GlobalOptions& global) {
    auto* cmd = cost->add_subcommand("reverse", "reverse a recovery cost recorded in error (a "
                                                "supervisor of the branch)");
    struct Options {
        ActorOptions actor;
        std::int64_t id = 0;
        std::string reason, date;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("COST_ID", o->id, "the cost")->required();
    cmd->add_option("--reason", o->reason, "why")->required();
    cmd->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        const auto id = valueOr(desk->legal().reverseCost(user, o->id, o->reason, date),
                                fmt::format("cost reverse {}", o->id));
        fmt::print("Cost {} reversed by cost {}.\n", o->id, id);
    });
}

} // namespace

void addLegalCommands(CLI::App& app, GlobalOptions& global) {
    auto* legal = app.add_subcommand("legal", "feasibility of legal action, legal cases, "
                                              "hearings, judgments and enforcement");
    legal->require_subcommand(1);
    addFeasibility(legal, global);
    addLegalCase(legal, global);
    addStatus(legal, global);
    addHearing(legal, global);
    addOutcome(legal, global);
    addJudgment(legal, global);
    addEnforcement(legal, global);
    addShow(legal, global);
    addCalendar(legal, global);
    auto* cost = app.add_subcommand("cost", "recovery costs of a loan's case");
    cost->require_subcommand(1);
    addCostAdd(cost, global);
    addCostReverse(cost, global);
}

} // namespace rd::cli

// `desk close|day|days|sign-off|reopen`: the officers' end of day (recovery-rules.md, "End
// of day").
#include "cli_environment.h"
#include "command_cases.h"
#include "command_payments.h"
#include "core/money_text.h"
#include "services/day_close_service.h"
#include "sign_in.h"

#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

namespace rd::cli {
namespace {

using Json = nlohmann::ordered_json;

// The business date of a desk command: --date, default today, never after today.
Date deskDate(const std::string& text) {
    const Date date = text.empty() ? today() : parseDateOption(text, "--date");
    if (date > today())
        throw UserError(fmt::format("--date: {} is after today ({}); a day is closed on or "
                                    "after it",
                                    date.toString(), today().toString()));
    return date;
}

Json nullable(const std::string& text) {
    return text.empty() ? Json(nullptr) : Json(text);
}

Json receiptLine(const services::DeskReceipt& r, const Currency& c) {
    return Json{{"receipt", services::receiptNumberText(r.receiptNo)},
                {"loan_id", r.loanId},
                {"client", r.clientName},
                {"method", toString(r.method)},
                {"reference", nullable(r.reference)},
                {"amount", formatAmount(r.amount, c.exponent)},
                {"business_date", r.businessDate.toString()},
                {"reversed_on", r.reversedOn ? Json(r.reversedOn->toString()) : Json(nullptr)},
                {"reversal_reason", nullable(r.reversalReason)},
                {"reversed_by", nullable(r.reversedBy)}};
}

Json dayJson(const services::DeskDay& d, const Currency& c) {
    const auto money = [&c](Amount a) { return formatAmount(a, c.exponent); };
    Json j;
    j["officer"] = d.officer;
    j["name"] = d.officerName;
    j["date"] = d.date.toString();
    j["state"] = toString(d.state);
    j["currency"] = c.code;
    Json methods = Json::array();
    for (const auto& m : d.summary.byMethod)
        methods.push_back(
            Json{{"method", toString(m.method)}, {"count", m.count}, {"total", money(m.total)}});
    j["by_method"] = methods;
    j["receipt_count"] = d.summary.receiptCount;
    j["received"] = money(d.summary.received);
    j["reversal_count"] = d.summary.reversalCount;
    j["reversed"] = money(d.summary.reversed);
    j["cash_expected"] = money(d.summary.cashExpected);
    const auto* last = d.lastClose();
    j["cash_counted"] = last ? Json(money(last->cashCounted)) : Json(nullptr);
    j["difference"] = last ? Json(money(last->difference())) : Json(nullptr);
    j["difference_reason"] = last ? nullable(last->differenceReason) : Json(nullptr);
    Json receipts = Json::array();
    for (const auto& r : d.receipts)
        receipts.push_back(receiptLine(r, c));
    j["receipts"] = receipts;
    Json reversals = Json::array();
    for (const auto& r : d.reversals)
        reversals.push_back(receiptLine(r, c));
    j["reversals"] = reversals;
    Json closes = Json::array();
    for (const auto& x : d.closes)
        closes.push_back(Json{{"closed_at", x.closedAt},
                              {"cash_expected", money(x.cashExpected)},
                              {"cash_counted", money(x.cashCounted)},
                              {"difference", money(x.difference())},
                              {"difference_reason", nullable(x.differenceReason)},
                              {"signed_by", nullable(x.signedBy)},
                              {"signed_at", nullable(x.signedAt)},
                              {"reopened_by", nullable(x.reopenedBy)},
                              {"reopened_at", nullable(x.reopenedAt)},
                              {"reopen_reason", nullable(x.reopenReason)}});
    j["closes"] = closes;
    return j;
}

std::string stateWords(DayState state) {
    switch (state) {
    case DayState::Open:
        return "open";
    case DayState::Closed:
        return "closed";
    case DayState::SignedOff:
        return "signed off";
    }
    return "open";
}

void printDay(const services::DeskDay& d, const Currency& c) {
    const auto grouped = [&c](Amount a) { return formatAmountGrouped(a, c.exponent); };
    fmt::print("day {} of {} ({}): {}\n", d.date.toString(), d.officer, d.officerName,
               stateWords(d.state));
    fmt::print("  {:<16}{:>8}{:>22}\n", "method", "count", fmt::format("total {}", c.code));
    for (const auto& m : d.summary.byMethod)
        fmt::print("  {:<16}{:>8}{:>22}\n", paymentMethodWords(m.method), m.count,
                   grouped(m.total));
    fmt::print("  {:<16}{:>8}{:>22}\n", "all receipts", d.summary.receiptCount,
               grouped(d.summary.received));
    fmt::print("  {:<16}{:>8}{:>22}\n", "reversals", d.summary.reversalCount,
               grouped(d.summary.reversed));
    for (const auto& r : d.receipts)
        fmt::print("receipt {} {} {} {}{}\n", services::receiptNumberText(r.receiptNo), r.loanId,
                   paymentMethodWords(r.method), grouped(r.amount),
                   r.reference.empty() ? "" : " ref " + r.reference);
    for (const auto& r : d.reversals)
        fmt::print("reversed {} {} {} {} (taken {}) by {}: {}\n",
                   services::receiptNumberText(r.receiptNo), r.loanId, paymentMethodWords(r.method),
                   grouped(r.amount), r.businessDate.toString(),
                   r.reversedBy.empty() ? "an import" : r.reversedBy,
                   r.reversalReason.empty() ? "(in the core banking system)" : r.reversalReason);
    fmt::print("cash expected {}\n", formatMoneyText(c.code, d.summary.cashExpected, c.exponent));
    for (const auto& x : d.closes) {
        fmt::print("closed at {}: cash counted {}, difference {}{}\n", x.closedAt,
                   grouped(x.cashCounted), grouped(x.difference()),
                   x.differenceReason.empty() ? "" : " (" + x.differenceReason + ")");
        if (!x.signedAt.empty())
            fmt::print("signed off by {} at {}\n", x.signedBy, x.signedAt);
        if (!x.reopenedAt.empty())
            fmt::print("reopened by {} at {}: {}\n", x.reopenedBy, x.reopenedAt, x.reopenReason);
    }
}

struct DayOptions {
    ActorOptions actor;
    std::string officer, date, format = "text", cashCounted, reason;
};

void output(const services::DeskDay& d, const Currency& c, const std::string& format) {
    if (format == "json")
        fmt::print("{}\n", dayJson(d, c).dump(1));
    else
        printDay(d, c);
}

void addFormat(CLI::App* cmd, DayOptions& o) {
    cmd->add_option("--format", o.format, "text or json")->check(CLI::IsMember({"text", "json"}));
}

} // namespace

void addDeskCommands(CLI::App& app, GlobalOptions& global) {
    auto* desk = app.add_subcommand("desk", "the officers' end of day at the desk");
    desk->require_subcommand(1);

    auto* close =
        desk->add_subcommand("close", "close your day: count the cash against the cash received");
    auto c = std::make_shared<DayOptions>();
    addActor(close, c->actor);
    close->add_option("--date", c->date, "the business date to close (default: today)");
    close->add_option("--cash-counted", c->cashCounted, "the cash counted in the drawer")
        ->required();
    close->add_option("--reason", c->reason,
                      "why the cash counted differs from the cash received (needed then)");
    addFormat(close, *c);
    close->callback([&global, c] {
        const Date date = deskDate(c->date);
        auto services = global.open();
        const Currency currency = portfolioCurrency(*services);
        auto counted = parseAmount(c->cashCounted, currency.exponent);
        if (!counted)
            throw UserError(fmt::format("--cash-counted: {}", counted.error().message));
        const User user = signInActor(*services, c->actor);
        auto done = services->days().close(user, date, *counted, c->reason);
        if (!done)
            fail(done.error(), fmt::format("desk close {}", date.toString()));
        output(*done, currency, c->format);
    });

    auto* day = desk->add_subcommand("day", "an officer's day: receipts by method, reversals, "
                                            "cash counted, state");
    auto d = std::make_shared<DayOptions>();
    addActor(day, d->actor, false, "act as this user (default: the local operator)");
    day->add_option("--officer", d->officer, "whose day (default: the --as user's own)");
    day->add_option("--date", d->date, "the business date (default: today)");
    addFormat(day, *d);
    day->callback([&global, d] {
        const Date date = d->date.empty() ? today() : parseDateOption(d->date, "--date");
        if (d->officer.empty() && d->actor.as.empty())
            throw UserError("--officer: give whose day to show (or act as the officer with --as)");
        auto services = global.open();
        const Currency currency = portfolioCurrency(*services);
        const User user = actorOrOperator(*services, d->actor);
        const std::string officer = d->officer.empty() ? user.username : d->officer;
        auto found = services->days().day(user, officer, date);
        if (!found)
            fail(found.error(), fmt::format("desk day {}", officer));
        output(*found, currency, d->format);
    });

    auto* days = desk->add_subcommand(
        "days", "the days of the officers of your branches (a supervisor) and their state");
    auto all = std::make_shared<DayOptions>();
    addActor(days, all->actor, false, "act as this supervisor (default: the local operator)");
    days->add_option("--date", all->date, "the business date (default: today)");
    addFormat(days, *all);
    days->callback([&global, all] {
        const Date date = all->date.empty() ? today() : parseDateOption(all->date, "--date");
        auto services = global.open();
        const Currency currency = portfolioCurrency(*services);
        const User user = actorOrOperator(*services, all->actor);
        const auto list = valueOr(services->days().branchDays(user, date), "desk days");
        if (all->format == "json") {
            Json j = Json::array();
            for (const auto& x : list)
                j.push_back(dayJson(x, currency));
            fmt::print("{}\n", j.dump(1));
            return;
        }
        fmt::print("{:<20}{:<12}{:>8}{:>20}{:>20}\n", "officer", "state", "receipts", "received",
                   "difference");
        for (const auto& x : list) {
            const auto* last = x.lastClose();
            fmt::print("{:<20}{:<12}{:>8}{:>20}{:>20}\n", x.officer, stateWords(x.state),
                       x.summary.receiptCount,
                       formatAmountGrouped(x.summary.received, currency.exponent),
                       last && x.state != DayState::Open
                           ? formatAmountGrouped(last->difference(), currency.exponent)
                           : "");
        }
    });

    for (const bool reopen : {false, true}) {
        auto* cmd = desk->add_subcommand(
            reopen ? "reopen" : "sign-off",
            reopen ? "reopen an officer's closed day, with a reason (a supervisor of the branch)"
                   : "sign off an officer's closed day (a supervisor of the branch)");
        auto o = std::make_shared<DayOptions>();
        cmd->add_option("OFFICER", o->officer, "the officer's username")->required();
        addActor(cmd, o->actor);
        cmd->add_option("--date", o->date, "the business date (default: today)");
        if (reopen)
            cmd->add_option("--reason", o->reason, "why the day is reopened")->required();
        addFormat(cmd, *o);
        cmd->callback([&global, o, reopen] {
            const Date date = deskDate(o->date);
            auto services = global.open();
            const Currency currency = portfolioCurrency(*services);
            const User user = signInActor(*services, o->actor);
            auto done = reopen ? services->days().reopen(user, o->officer, date, o->reason)
                               : services->days().signOff(user, o->officer, date);
            if (!done)
                fail(done.error(),
                     fmt::format("desk {} {}", reopen ? "reopen" : "sign-off", o->officer));
            output(*done, currency, o->format);
        });
    }
}

} // namespace rd::cli

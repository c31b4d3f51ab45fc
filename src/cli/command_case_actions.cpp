// `case stage|approve|review|audit`, `note add` and `team`: the supervisor's and officer's
// case operations (services/case_actions_service.h) and the team's day
// (services/case_query_service.h).
#include "cli_environment.h"
#include "command_cases.h"
#include "core/money_text.h"
#include "services/case_actions_service.h"
#include "services/case_query_service.h"
#include "services/portfolio_service.h"

#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

namespace rd::cli {
namespace {

using Json = nlohmann::ordered_json;

Date dateOr(const std::string& text, const char* option) {
    return text.empty() ? today() : parseDateOption(text, option);
}

Json textOrNull(const std::optional<std::string>& s) {
    return s ? Json(*s) : Json(nullptr);
}

void addStage(CLI::App* cmd, GlobalOptions& global) {
    auto* stage = cmd->add_subcommand(
        "stage", "move a loan's open case to another stage (to legal: an officer's move is a "
                 "request that a supervisor of the branch approves)");
    struct Options {
        ActorOptions actor;
        std::string loanId, to, note, date;
    };
    auto o = std::make_shared<Options>();
    stage->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    stage->add_option("--to", o->to, "early, collection, pre-legal, legal or post-write-off")
        ->required();
    stage->add_option("--note", o->note, "why");
    stage->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(stage, o->actor);
    stage->callback([&global, o] {
        auto to = parseCaseStage(o->to);
        if (!to)
            throw UserError(fmt::format("--to: {}", to.error().message));
        const Date date = dateOr(o->date, "--date");
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        auto& service = desk->actions();
        const std::string context = fmt::format("case stage {}", o->loanId);
        if (*to == CaseStage::Legal && user.role != Role::Supervisor) {
            auto id = service.requestLegal(user, o->loanId, o->note, date);
            if (!id)
                // The request's reason is this command's --note.
                fail(id.error(), context, {{Hint::GiveReason, "give it with --note"}});
            fmt::print("Approval {} requested: the case of {} moves to legal when a supervisor "
                       "of its branch approves it (case approve {} --approve).\n",
                       *id, o->loanId, *id);
            return;
        }
        auto moved = service.changeStage(user, o->loanId, *to, o->note, date);
        if (!moved)
            fail(moved.error(), context);
        fmt::print("The case of {} is now in stage {}.\n", moved->loanId, toString(moved->stage));
    });
}

void addApprove(CLI::App* cmd, GlobalOptions& global) {
    auto* approve = cmd->add_subcommand(
        "approve", "approve or reject a request to move a case to legal (a supervisor of the "
                   "branch other than the requester)");
    struct Options {
        ActorOptions actor;
        std::int64_t id = 0;
        bool approve = false, reject = false;
        std::string comment, date;
    };
    auto o = std::make_shared<Options>();
    approve->add_option("APPROVAL_ID", o->id, "the request's number (shown by `case show`)")
        ->required();
    auto* yes = approve->add_flag("--approve", o->approve, "approve the request");
    auto* no = approve->add_flag("--reject", o->reject, "reject the request");
    yes->excludes(no);
    approve->add_option("--comment", o->comment, "why (kept with the decision)")->required();
    approve->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(approve, o->actor);
    approve->callback([&global, o] {
        if (!o->approve && !o->reject)
            throw UserError("case approve: say --approve or --reject");
        const Date date = dateOr(o->date, "--date");
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        auto decided = desk->actions().decideApproval(user, o->id, o->approve, o->comment, date);
        if (!decided)
            fail(decided.error(), fmt::format("case approve {}", o->id));
        fmt::print("Approval {} {}: the case of {} is in stage {}.\n", o->id,
                   o->approve ? "approved" : "rejected", decided->approval.loanId,
                   toString(decided->stage));
    });
}

void addReview(CLI::App* cmd, GlobalOptions& global) {
    auto* review = cmd->add_subcommand(
        "review", "sign off a review of a loan's open case (a supervisor of the branch)");
    struct Options {
        ActorOptions actor;
        std::string loanId, comment, date;
    };
    auto o = std::make_shared<Options>();
    review->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    review->add_option("--comment", o->comment, "the review's conclusion")->required();
    review->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(review, o->actor);
    review->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        auto id = desk->actions().signOffReview(user, o->loanId, o->comment, date);
        if (!id)
            fail(id.error(), fmt::format("case review {}", o->loanId));
        fmt::print("Review {} of the case of {} signed off by {}.\n", *id, o->loanId,
                   user.username);
    });
}

void addAudit(CLI::App* cmd, GlobalOptions& global) {
    auto* audit = cmd->add_subcommand(
        "audit", "every audit record of a loan's case work (a supervisor of the branch, an "
                 "administrator, or the officer who holds the case)");
    struct Options {
        ActorOptions actor;
        std::string loanId, format = "text";
    };
    auto o = std::make_shared<Options>();
    audit->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    audit->add_option("--format", o->format, "text or json")
        ->check(CLI::IsMember({"text", "json"}));
    addActor(audit, o->actor);
    audit->callback([&global, o] {
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        auto trail = desk->actions().auditTrail(user, o->loanId);
        if (!trail)
            fail(trail.error(), fmt::format("case audit {}", o->loanId));
        if (o->format == "json") {
            Json entries = Json::array();
            for (const auto& e : *trail)
                entries.push_back(Json{{"at", e.at},
                                       {"actor", e.actor},
                                       {"action", e.action},
                                       {"before", textOrNull(e.before)},
                                       {"after", textOrNull(e.after)}});
            fmt::print("{}\n", Json{{"loan_id", o->loanId}, {"entries", entries}}.dump(1));
            return;
        }
        fmt::print("Audit trail of {}: {} record(s)\n", o->loanId, trail->size());
        for (const auto& e : *trail)
            fmt::print("  {} {} {}: {} -> {}\n", e.at, e.actor, e.action, e.before.value_or("-"),
                       e.after.value_or("-"));
    });
}

} // namespace

void addCaseActionCommands(CLI::App* caseCommand, GlobalOptions& global) {
    addStage(caseCommand, global);
    addApprove(caseCommand, global);
    addReview(caseCommand, global);
    addAudit(caseCommand, global);
}

void addNoteCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("note", "write notes on cases");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "add a note to a loan's open case (append-only)");
    struct Options {
        ActorOptions actor;
        std::string loanId, text, date;
        std::int64_t corrects = 0;
    };
    auto o = std::make_shared<Options>();
    add->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    add->add_option("--text", o->text, "the note")->required();
    add->add_option("--corrects", o->corrects,
                    "the id of an earlier note of this loan that this one corrects (the earlier "
                    "one is kept)");
    add->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(add, o->actor);
    add->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        std::optional<std::int64_t> corrects;
        if (o->corrects > 0)
            corrects = o->corrects;
        auto id = desk->actions().addNote(user, o->loanId, o->text, corrects, date);
        if (!id)
            fail(id.error(), fmt::format("note add {}", o->loanId));
        fmt::print("Note {} added to the case of {}.\n", *id, o->loanId);
    });
}

void addTeamCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand(
        "team", "the day of each officer and supervisor of your branches: open cases, contacts, "
                "promises due and kept, money collected");
    struct Options {
        ActorOptions actor;
        std::string date, format = "text";
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        auto team = desk->queries().team(user, date);
        if (!team)
            fail(team.error(), "team");
        const auto currency = valueOr(desk->portfolio().info()).currency;
        const int exp = currency ? currency->exponent : 2;
        if (o->format == "json") {
            Json members = Json::array();
            for (const auto& m : *team)
                members.push_back(Json{{"username", m.username},
                                       {"full_name", m.fullName},
                                       {"role", roleCode(m.role)},
                                       {"branches", m.branches},
                                       {"open_cases", m.openCases},
                                       {"contacts_logged", m.contactsLogged},
                                       {"promises_due", m.promisesDue},
                                       {"promises_kept", m.promisesKept},
                                       {"collected", formatAmount(m.collected, exp)}});
            fmt::print("{}\n", Json{{"date", date.toString()},
                                    {"currency", currency ? Json(currency->code) : Json(nullptr)},
                                    {"members", members}}
                                   .dump(1));
            return;
        }
        fmt::print("Team of {} on {}\n", user.username, date.toString());
        fmt::print("  {:<16} {:<10} {:>6} {:>8} {:>9} {:>5} {:>16}\n", "user", "role", "cases",
                   "contacts", "promises", "kept", "collected");
        for (const auto& m : *team)
            fmt::print("  {:<16} {:<10} {:>6} {:>8} {:>9} {:>5} {:>16}\n", m.username,
                       roleCode(m.role), m.openCases, m.contactsLogged, m.promisesDue,
                       m.promisesKept, formatAmountGrouped(m.collected, exp));
    });
}

} // namespace rd::cli

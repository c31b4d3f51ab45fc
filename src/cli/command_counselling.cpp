// `counselling add|list`, `referral add|update` and `referrals`: counselling sessions and
// referrals to outside services (services/counselling_service.h).
#include "command_counselling.h"

#include "cli_environment.h"
#include "services/counselling_service.h"
#include "sign_in.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <memory>
#include <nlohmann/json.hpp>

namespace rd::cli {
namespace {

using Json = nlohmann::ordered_json;

Date dateOr(const std::string& text, const char* option) {
    return text.empty() ? today() : parseDateOption(text, option);
}

std::optional<Date> optionalDate(const std::string& text, const char* option) {
    if (text.empty())
        return std::nullopt;
    return parseDateOption(text, option);
}

template <typename T> T parsed(Result<T> value, const char* option) {
    if (!value)
        throw UserError(fmt::format("{}: {}", option, value.error().message));
    return *value;
}

Json dateOrNull(const std::optional<Date>& d) {
    return d ? Json(d->toString()) : Json(nullptr);
}

void addSessionCommand(CLI::App* cmd, GlobalOptions& global) {
    auto* add = cmd->add_subcommand(
        "add", "record a counselling session (one-to-one or workshop) with the clients who "
               "attended (an officer or supervisor of their branch)");
    struct Options {
        ActorOptions actor;
        std::string topic, kind, facilitator, notes, followUp, date;
        std::vector<std::string> clients;
    };
    auto o = std::make_shared<Options>();
    add->add_option("--topic", o->topic, "what the session was about")->required();
    add->add_option("--client", o->clients, "a client who attended (repeat for a workshop)")
        ->required();
    add->add_option("--kind", o->kind,
                    "one_to_one or workshop (default: one_to_one for one client, workshop for "
                    "several)");
    add->add_option("--facilitator", o->facilitator, "who led it (default: your full name)");
    add->add_option("--notes", o->notes, "what was said or agreed");
    add->add_option("--follow-up", o->followUp, "follow-up date YYYY-MM-DD");
    add->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(add, o->actor);
    add->callback([&global, o] {
        const Date date = dateOr(o->date, "--date");
        const auto followUp = optionalDate(o->followUp, "--follow-up");
        const SessionKind kind = !o->kind.empty() ? parsed(parseSessionKind(o->kind), "--kind")
                                 : o->clients.size() > 1 ? SessionKind::Workshop
                                                         : SessionKind::OneToOne;
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        auto id = desk->counselling().addSession(user, kind, o->topic, o->facilitator, o->clients,
                                                 o->notes, followUp, date);
        if (!id)
            fail(id.error(), "counselling add", {{Hint::GiveText, "give it with --topic"}});
        fmt::print("Counselling session {} ({}) recorded on {} for {}.\n", *id, toString(kind),
                   date.toString(), fmt::join(o->clients, ", "));
    });
}

void addSessionListCommand(CLI::App* cmd, GlobalOptions& global) {
    auto* list = cmd->add_subcommand("list", "the counselling sessions a client attended, "
                                             "newest first");
    struct Options {
        ActorOptions actor;
        std::string clientId, format = "text";
    };
    auto o = std::make_shared<Options>();
    list->add_option("CLIENT_ID", o->clientId, "the client's id")->required();
    list->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    addActor(list, o->actor, false, "act as this user (default: the local operator)");
    list->callback([&global, o] {
        auto desk = global.open();
        const User user = actorOrOperator(*desk, o->actor);
        auto sessions = desk->counselling().sessionsOfClient(user, o->clientId);
        if (!sessions)
            fail(sessions.error(), fmt::format("counselling list {}", o->clientId));
        if (o->format == "json") {
            Json out = Json::array();
            for (const auto& s : *sessions) {
                Json clients = Json::array();
                for (const auto& a : s.attendees)
                    clients.push_back(Json{{"client_id", a.clientId}, {"full_name", a.fullName}});
                out.push_back(Json{{"session_id", s.id},
                                   {"kind", toString(s.kind)},
                                   {"date", s.sessionDate.toString()},
                                   {"topic", s.topic},
                                   {"facilitator", s.facilitator},
                                   {"notes", s.notes},
                                   {"follow_up_on", dateOrNull(s.followUpOn)},
                                   {"recorded_by", s.recordedBy},
                                   {"recorded_at", s.recordedAt},
                                   {"clients", clients}});
            }
            fmt::print("{}\n", Json{{"client_id", o->clientId}, {"sessions", out}}.dump(1));
            return;
        }
        fmt::print("Counselling of {}: {} session(s)\n", o->clientId, sessions->size());
        for (const auto& s : *sessions) {
            std::vector<std::string> names;
            for (const auto& a : s.attendees)
                names.push_back(fmt::format("{} {}", a.clientId, a.fullName));
            fmt::print("  #{} {} {} \"{}\" by {}{}\n", s.id, s.sessionDate.toString(),
                       toString(s.kind), s.topic, s.facilitator,
                       s.followUpOn ? " follow-up " + s.followUpOn->toString() : "");
            fmt::print("      attended: {}\n", fmt::join(names, "; "));
            if (!s.notes.empty())
                fmt::print("      notes: {}\n", s.notes);
        }
    });
}

void addReferralAdd(CLI::App* cmd, GlobalOptions& global) {
    auto* add = cmd->add_subcommand("add", "refer the client of a loan's open case to an outside "
                                           "service (whoever works the case)");
    struct Options {
        ActorOptions actor;
        std::string loanId, to, service, followUp, note, date;
    };
    auto o = std::make_shared<Options>();
    add->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    add->add_option("--to", o->to, "the organisation")->required();
    add->add_option("--service", o->service,
                    "social_welfare, vocational_training, counselling, health or other")
        ->required();
    add->add_option("--follow-up", o->followUp,
                    "follow-up date YYYY-MM-DD (puts the case on the call list then)");
    add->add_option("--note", o->note, "why, or what was arranged");
    add->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(add, o->actor);
    add->callback([&global, o] {
        const auto service = parsed(parseReferralService(o->service), "--service");
        const Date date = dateOr(o->date, "--date");
        const auto followUp = optionalDate(o->followUp, "--follow-up");
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        auto id = desk->counselling().addReferral(user, o->loanId, o->to, service, followUp,
                                                  o->note, date);
        if (!id)
            fail(id.error(), fmt::format("referral add {}", o->loanId),
                 {{Hint::GiveText, "give it with --to"}});
        fmt::print("Referral {} of {} to {} ({}) recorded on {}{}.\n", *id, o->loanId, o->to,
                   toString(service), date.toString(),
                   followUp ? ", follow-up " + followUp->toString() : "");
    });
}

void addReferralUpdate(CLI::App* cmd, GlobalOptions& global) {
    auto* update = cmd->add_subcommand(
        "update", "record a referral's new status (whoever works the case, or a supervisor of "
                  "its branch)");
    struct Options {
        ActorOptions actor;
        std::int64_t id = 0;
        std::string status, note, followUp, date;
    };
    auto o = std::make_shared<Options>();
    update->add_option("REFERRAL_ID", o->id, "the referral's number (shown by `referrals`)")
        ->required();
    update->add_option("--status", o->status, "referred, contacted, completed or declined")
        ->required();
    update->add_option("--note", o->note, "what happened");
    update->add_option("--follow-up", o->followUp, "new follow-up date YYYY-MM-DD");
    update->add_option("--date", o->date, "business date YYYY-MM-DD (default: today)");
    addActor(update, o->actor);
    update->callback([&global, o] {
        const auto status = parsed(parseReferralStatus(o->status), "--status");
        const Date date = dateOr(o->date, "--date");
        const auto followUp = optionalDate(o->followUp, "--follow-up");
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        auto id = desk->counselling().updateReferral(user, o->id, status, o->note, followUp, date);
        if (!id)
            fail(id.error(), fmt::format("referral update {}", o->id));
        fmt::print("Referral {} is now {} (update {}, {}).\n", o->id, toString(status), *id,
                   date.toString());
    });
}

void addReferralsCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("referrals", "a loan's referrals with their status now");
    struct Options {
        ActorOptions actor;
        std::string loanId, format = "text";
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    addActor(cmd, o->actor, false, "act as this user (default: the local operator)");
    cmd->callback([&global, o] {
        auto desk = global.open();
        const User user = actorOrOperator(*desk, o->actor);
        auto referrals = desk->counselling().referralsOfLoan(user, o->loanId);
        if (!referrals)
            fail(referrals.error(), fmt::format("referrals {}", o->loanId));
        if (o->format == "json") {
            Json out = Json::array();
            for (const auto& r : *referrals) {
                Json updates = Json::array();
                for (const auto& u : r.updates)
                    updates.push_back(Json{{"update_id", u.id},
                                           {"status", toString(u.status)},
                                           {"note", u.note},
                                           {"follow_up_on", dateOrNull(u.followUpOn)},
                                           {"updated_by", u.updatedBy},
                                           {"updated_at", u.updatedAt},
                                           {"date", u.businessDate.toString()}});
                out.push_back(Json{{"referral_id", r.id},
                                   {"organisation", r.organisation},
                                   {"service", toString(r.service)},
                                   {"status", toString(r.status())},
                                   {"follow_up_on", dateOrNull(r.currentFollowUp())},
                                   {"note", r.note},
                                   {"referred_by", r.referredBy},
                                   {"referred_at", r.referredAt},
                                   {"date", r.businessDate.toString()},
                                   {"updates", updates}});
            }
            fmt::print("{}\n", Json{{"loan_id", o->loanId}, {"referrals", out}}.dump(1));
            return;
        }
        fmt::print("Referrals of {}: {}\n", o->loanId, referrals->size());
        for (const auto& r : *referrals) {
            const auto followUp = r.currentFollowUp();
            fmt::print("  #{} {} {} ({}) {}{}\n", r.id, r.businessDate.toString(), r.organisation,
                       toString(r.service), toString(r.status()),
                       followUp && isOpen(r.status()) ? ", follow-up " + followUp->toString() : "");
            for (const auto& u : r.updates)
                fmt::print("      {} {} by {}{}\n", u.businessDate.toString(), toString(u.status),
                           u.updatedBy, u.note.empty() ? "" : ": " + u.note);
        }
    });
}

} // namespace

void addCounsellingCommands(CLI::App& app, GlobalOptions& global) {
    auto* counselling =
        app.add_subcommand("counselling", "counselling sessions and workshops of clients");
    counselling->require_subcommand(1);
    addSessionCommand(counselling, global);
    addSessionListCommand(counselling, global);
    auto* referral = app.add_subcommand("referral", "referrals to outside services");
    referral->require_subcommand(1);
    addReferralAdd(referral, global);
    addReferralUpdate(referral, global);
    addReferralsCommand(app, global);
}

} // namespace rd::cli

#include "command_cases.h"

#include "cli_environment.h"
#include "core/money_text.h"
#include "legal_json.h"
#include "services/call_list_service.h"
#include "services/case_service.h"
#include "services/contact_service.h"
#include "services/legal_service.h"
#include "services/letter_service.h"
#include "services/portfolio_service.h"

#include <ctime>
#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

namespace rd::cli {

Currency portfolioCurrency(services::Services& services) {
    const auto currency = valueOr(services.portfolio().info()).currency;
    if (!currency)
        throw UserError("the database has no portfolio currency yet (import a portfolio first)");
    return *currency;
}

namespace {

using Json = nlohmann::ordered_json;

Amount parseAmountOption(services::Services& services, const std::string& text,
                         const char* option) {
    auto amount = parseAmount(text, portfolioCurrency(services).exponent);
    if (!amount)
        throw UserError(fmt::format("{}: {}", option, amount.error().message));
    return *amount;
}

Json optionalText(const std::optional<std::string>& s) {
    return s ? Json(*s) : Json(nullptr);
}
Json optionalDate(const std::optional<Date>& d) {
    return d ? Json(d->toString()) : Json(nullptr);
}

template <typename T> T parsed(Result<T> r, const char* option) {
    if (!r)
        throw UserError(fmt::format("{}: {}", option, r.error().message));
    return *r;
}

// ---- recompute ----

void addRecompute(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand(
        "recompute", "open and close cases, evaluate promises, assign new cases (the nightly "
                     "job: needs no --as and acts as `system` in the audit trail)");
    auto asOf = std::make_shared<std::string>();
    auto branch = std::make_shared<std::string>();
    cmd->add_option("--as-of", *asOf, "business date YYYY-MM-DD (default: today)");
    cmd->add_option("--branch", *branch, "only the loans of this branch (default: all)");
    cmd->callback([&global, asOf, branch] {
        const Date date = asOf->empty() ? today() : parseDateOption(*asOf, "--as-of");
        auto desk = global.open();
        const auto s = valueOr(desk->cases().recompute(
            localOperator(), date,
            branch->empty() ? std::nullopt : std::optional<std::string>(*branch)));
        fmt::print("Cases as of {}: {} loans looked at; {} opened ({} without an officer), {} "
                   "closed as cured, {} closed as paid, {} closed as settled, {} moved to "
                   "post-write-off.\n",
                   date.toString(), s.loans, s.opened, s.unassigned, s.closedCured, s.closedPaid,
                   s.closedSettled, s.movedToPostWriteOff);
    });
}

// ---- queue ----

Json queueJson(const services::CallList& list) {
    Json j;
    j["officer"] = list.officer;
    j["date"] = list.date.toString();
    j["currency"] = list.currency.code;
    Json items = Json::array();
    const int exp = list.currency.exponent;
    for (const auto& item : list.items) {
        const auto& e = item.entry;
        Json i;
        i["rank"] = item.rank;
        i["loan_id"] = e.loanId;
        i["client"] = e.clientName;
        i["phone"] = e.phone;
        i["dpd"] = e.position.daysPastDue;
        i["bucket"] = e.bucket.empty() ? Json(nullptr) : Json(e.bucket);
        i["arrears"] = formatAmount(e.position.arrears.total(), exp);
        i["stage"] = toString(e.stage);
        Json reasons = Json::array();
        for (auto r : item.reasons)
            reasons.push_back(toString(r));
        i["reasons"] = reasons;
        i["why"] = item.why;
        i["last_contact_at"] = e.lastContactAt ? Json(e.lastContactAt->toString()) : Json(nullptr);
        i["next_action_on"] = optionalDate(e.nextActionOn);
        if (e.latestPromise && e.latestPromiseEvaluation)
            i["promise"] = Json{{"amount", formatAmount(e.latestPromise->amount, exp)},
                                {"date", e.latestPromise->promisedFor.toString()},
                                {"status", toString(e.latestPromiseEvaluation->status)}};
        else
            i["promise"] = nullptr;
        items.push_back(std::move(i));
    }
    j["items"] = items;
    return j;
}

void addQueue(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("queue", "an officer's daily call list, most urgent first");
    auto officer = std::make_shared<std::string>();
    auto date = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("text");
    cmd->add_option("--officer", *officer, "the officer's username")->required();
    cmd->add_option("--date", *date, "business date YYYY-MM-DD (default: today)");
    cmd->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->callback([&global, officer, date, format] {
        const Date d = date->empty() ? today() : parseDateOption(*date, "--date");
        auto desk = global.open();
        auto list = desk->callList().forOfficer(localOperator(), *officer, d);
        if (!list)
            fail(list.error());
        if (*format == "json") {
            fmt::print("{}\n", queueJson(*list).dump(1));
            return;
        }
        fmt::print("Call list of {} for {}: {} case(s)\n", list->officer, d.toString(),
                   list->items.size());
        for (const auto& item : list->items)
            fmt::print(
                "{:>3}. {:<12} {:<24} {:<16} DPD {:>4}  arrears {:>14}  {}\n", item.rank,
                item.entry.loanId, item.entry.clientName, item.entry.phone,
                item.entry.position.daysPastDue,
                formatAmountGrouped(item.entry.position.arrears.total(), list->currency.exponent),
                item.why);
    });
}

// ---- case show / reassign ----

Json caseFileJson(const services::CaseFile& f) {
    const int exp = f.currency.exponent;
    Json j;
    j["loan_id"] = f.loan.loanId;
    j["as_of"] = f.asOf.toString();
    j["currency"] = f.currency.code;
    j["client"] = f.loan.clientName;
    j["phone"] = f.loan.phone;
    j["branch"] = f.loan.branch;
    j["loan_status"] = toString(f.position.status);
    j["dpd"] = f.position.daysPastDue;
    j["bucket"] = f.bucket.empty() ? Json(nullptr) : Json(f.bucket);
    j["outstanding_principal"] = formatAmount(f.position.outstandingPrincipal, exp);
    j["arrears"] = formatAmount(f.position.arrears.total(), exp);
    j["suggested_stage"] = toString(f.suggestedStage);
    if (f.caseRecord) {
        const auto& c = *f.caseRecord;
        j["case"] =
            Json{{"status", c.open ? "open" : "closed"},
                 {"stage", toString(c.stage)},
                 {"opened_on", c.openedOn.toString()},
                 {"closed_on", optionalDate(c.closedOn)},
                 {"close_reason", c.closeReason.empty() ? Json(nullptr) : Json(c.closeReason)},
                 {"officer", c.assignedUsername.empty() ? Json(nullptr) : Json(c.assignedUsername)},
                 {"next_action_on", optionalDate(c.nextActionOn)},
                 {"next_action_kind",
                  c.nextActionKind.empty() ? Json(nullptr) : Json(c.nextActionKind)}};
    } else {
        j["case"] = nullptr;
    }
    Json flags = Json::array();
    for (const auto& fl : f.flags)
        flags.push_back(Json{{"code", fl.code}, {"text", fl.text}});
    j["flags"] = flags;
    Json contacts = Json::array();
    for (const auto& c : f.contacts)
        contacts.push_back(Json{
            {"id", c.id},
            {"at", c.at.toString()},
            {"channel", toString(c.channel)},
            {"direction", toString(c.direction)},
            {"person", toString(c.person)},
            {"outcome", toString(c.outcome)},
            {"note", c.note},
            {"officer", c.officer},
            {"next_action_on", optionalDate(c.nextActionOn)},
            {"override_reason", c.overrideReason.empty() ? Json(nullptr) : Json(c.overrideReason)},
            {"corrects_contact_id",
             c.correctsContactId ? Json(*c.correctsContactId) : Json(nullptr)}});
    j["contacts"] = contacts;
    Json promises = Json::array();
    for (const auto& p : f.promises)
        promises.push_back(Json{{"amount", formatAmount(p.promise.amount, exp)},
                                {"date", p.promise.promisedFor.toString()},
                                {"created_on", p.promise.createdOn.toString()},
                                {"created_by", p.promise.createdBy},
                                {"status", toString(p.evaluation.status)},
                                {"paid", formatAmount(p.evaluation.paid, exp)},
                                {"deadline", p.evaluation.deadline.toString()}});
    j["promises"] = promises;
    Json events = Json::array();
    for (const auto& e : f.events)
        events.push_back(Json{{"at", e.at},
                              {"business_date", e.businessDate.toString()},
                              {"actor", e.actor},
                              {"kind", e.kind},
                              {"before", optionalText(e.before)},
                              {"after", optionalText(e.after)},
                              {"note", e.note}});
    j["timeline"] = events;
    Json notes = Json::array();
    for (const auto& n : f.notes)
        notes.push_back(
            Json{{"id", n.id},
                 {"at", n.at},
                 {"business_date", n.businessDate.toString()},
                 {"author", n.author},
                 {"text", n.text},
                 {"corrects_note_id", n.correctsNoteId ? Json(*n.correctsNoteId) : Json(nullptr)}});
    j["notes"] = notes;
    Json approvals = Json::array();
    for (const auto& a : f.approvals) {
        Json decision = nullptr;
        if (a.decision)
            decision = Json{{"decision", a.decision->approved ? "approved" : "rejected"},
                            {"decided_by", a.decision->decidedBy},
                            {"decided_at", a.decision->decidedAt},
                            {"business_date", a.decision->businessDate.toString()},
                            {"comment", a.decision->comment}};
        approvals.push_back(Json{{"id", a.id},
                                 {"kind", a.kind},
                                 {"requested_by", a.requestedBy},
                                 {"requested_at", a.requestedAt},
                                 {"business_date", a.businessDate.toString()},
                                 {"note", a.note},
                                 {"decision", decision}});
    }
    j["approvals"] = approvals;
    Json reviews = Json::array();
    for (const auto& r : f.reviews)
        reviews.push_back(Json{{"id", r.id},
                               {"reviewer", r.reviewer},
                               {"at", r.at},
                               {"business_date", r.businessDate.toString()},
                               {"comment", r.comment}});
    j["reviews"] = reviews;
    return j;
}

void printCaseFile(const services::CaseFile& f) {
    const int exp = f.currency.exponent;
    fmt::print("Loan {} of {} ({}), branch {}, as of {}\n", f.loan.loanId, f.loan.clientName,
               f.loan.phone.empty() ? "no phone" : f.loan.phone, f.loan.branch, f.asOf.toString());
    fmt::print("  {} loan, DPD {}, bucket {}, arrears {}, outstanding principal {}\n",
               toString(f.position.status), f.position.daysPastDue,
               f.bucket.empty() ? "-" : f.bucket,
               formatMoneyText(f.currency.code, f.position.arrears.total(), exp),
               formatMoneyText(f.currency.code, f.position.outstandingPrincipal, exp));
    if (!f.caseRecord) {
        fmt::print("  No case (suggested stage would be {}).\n", toString(f.suggestedStage));
    } else {
        const auto& c = *f.caseRecord;
        fmt::print("  Case {} since {}{}: stage {} (suggested {}), officer {}, next action {}\n",
                   c.open ? "open" : "closed", c.openedOn.toString(),
                   c.open ? ""
                          : fmt::format(", closed {} as {}", c.closedOn->toString(), c.closeReason),
                   toString(c.stage), toString(f.suggestedStage),
                   c.assignedUsername.empty() ? "(none)" : c.assignedUsername,
                   c.nextActionOn ? c.nextActionOn->toString() : "(none)");
    }
    for (const auto& fl : f.flags)
        fmt::print("  Warning: {}\n", fl.text);
    if (!f.promises.empty())
        fmt::print("Promises:\n");
    for (const auto& p : f.promises)
        fmt::print("  {} by {} (made {} by {}): {}\n",
                   formatMoneyText(f.currency.code, p.promise.amount, exp),
                   p.promise.promisedFor.toString(), p.promise.createdOn.toString(),
                   p.promise.createdBy, toString(p.evaluation.status));
    if (!f.contacts.empty())
        fmt::print("Contacts:\n");
    for (const auto& c : f.contacts)
        fmt::print("  {} {} {} {} -> {} by {}{}{}\n", c.at.toString(), toString(c.direction),
                   toString(c.channel), toString(c.person), toString(c.outcome), c.officer,
                   c.note.empty() ? "" : ": " + c.note,
                   c.overrideReason.empty() ? "" : " [override: " + c.overrideReason + "]");
    if (!f.events.empty())
        fmt::print("Timeline:\n");
    for (const auto& e : f.events)
        fmt::print("  {} {} by {}: {} -> {}{}\n", e.businessDate.toString(), e.kind, e.actor,
                   e.before.value_or("-"), e.after.value_or("-"),
                   e.note.empty() ? "" : " (" + e.note + ")");
    if (!f.notes.empty())
        fmt::print("Notes:\n");
    for (const auto& n : f.notes)
        fmt::print("  #{} {} by {}{}: {}\n", n.id, n.businessDate.toString(), n.author,
                   n.correctsNoteId ? fmt::format(" (corrects #{})", *n.correctsNoteId) : "",
                   n.text);
    if (!f.approvals.empty())
        fmt::print("Approvals:\n");
    for (const auto& a : f.approvals)
        fmt::print("  #{} {} requested {} by {}{}: {}\n", a.id, a.kind, a.businessDate.toString(),
                   a.requestedBy, a.note.empty() ? "" : " (" + a.note + ")",
                   a.decision
                       ? fmt::format("{} by {} on {} ({})",
                                     a.decision->approved ? "approved" : "rejected",
                                     a.decision->decidedBy, a.decision->businessDate.toString(),
                                     a.decision->comment)
                       : std::string("pending"));
    if (!f.reviews.empty())
        fmt::print("Reviews:\n");
    for (const auto& r : f.reviews)
        fmt::print("  {} signed off by {}: {}\n", r.businessDate.toString(), r.reviewer, r.comment);
}

void addCase(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("case", "show, reassign, move, approve, review or audit a "
                                           "loan's recovery case");
    cmd->require_subcommand(1);

    auto* show = cmd->add_subcommand("show", "the case file of a loan as of a date");
    auto loanId = std::make_shared<std::string>();
    auto asOf = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("text");
    show->add_option("LOAN_ID", *loanId, "the loan's account number")->required();
    show->add_option("--as-of", *asOf, "business date YYYY-MM-DD (default: today)");
    show->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
    show->callback([&global, loanId, asOf, format] {
        const Date date = asOf->empty() ? today() : parseDateOption(*asOf, "--as-of");
        auto desk = global.open();
        auto file = desk->cases().caseFile(localOperator(), *loanId, date);
        if (!file)
            fail(file.error());
        if (*format == "json") {
            Json j = caseFileJson(*file);
            // The letters sent, as `letter show` gives them without their text.
            Json letters = Json::array();
            for (const auto& l : valueOr(desk->letters().lettersOfLoan(localOperator(), *loanId)))
                letters.push_back(
                    Json{{"letter_no", l.letterNo},
                         {"kind", l.kind},
                         {"template_version", l.templateVersion},
                         {"business_date", l.businessDate.toString()},
                         {"deadline", l.deadline ? Json(l.deadline->toString()) : Json(nullptr)},
                         {"sent_at", l.sentAt},
                         {"sent_by", l.sentBy},
                         {"delivery", toString(l.delivery)},
                         {"sha256", l.sha256}});
            j["letters"] = letters;
            const auto legal = legalFileJson(
                valueOr(desk->legal().legalOfLoan(localOperator(), *loanId)), file->currency);
            j["feasibility"] = legal["feasibility"];
            j["legal"] = legal["legal"];
            j["costs"] = legal["costs"];
            j["costs_total"] = legal["costs_total"];
            fmt::print("{}\n", j.dump(1));
        } else
            printCaseFile(*file);
    });

    auto* reassign = cmd->add_subcommand(
        "reassign", "give a loan's open case to another officer (a supervisor of the branch)");
    auto rLoan = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto rDate = std::make_shared<std::string>();
    auto actor = std::make_shared<ActorOptions>();
    reassign->add_option("LOAN_ID", *rLoan, "the loan's account number")->required();
    reassign->add_option("--to", *to, "the officer who takes the case")->required();
    reassign->add_option("--date", *rDate, "business date YYYY-MM-DD (default: today)");
    addActor(reassign, *actor);
    reassign->callback([&global, rLoan, to, rDate, actor] {
        const Date date = rDate->empty() ? today() : parseDateOption(*rDate, "--date");
        auto desk = global.open();
        const User user = signInActor(*desk, *actor);
        auto done = desk->cases().reassign(user, *rLoan, *to, date);
        if (!done)
            fail(done.error(), fmt::format("case reassign {}", *rLoan));
        fmt::print("The case of {} is now assigned to {}.\n", done->loanId, done->assignedUsername);
    });
    addCaseActionCommands(cmd, global);
}

// ---- contact add / promise add ----

struct ContactOptions {
    ActorOptions actor;
    std::string loanId, channel, outcome, person = "client", direction = "outbound", note, at,
                                          nextActionOn, promiseAmount, promiseDate, overrideReason;
    std::int64_t corrects = 0;
};

void addContact(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("contact", "log contacts with clients");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "log a contact on a loan's open case");
    auto o = std::make_shared<ContactOptions>();
    add->add_option("LOAN_ID", o->loanId, "the loan's account number")->required();
    addActor(add, o->actor);
    add->add_option("--channel", o->channel, "call, sms, email, letter, visit or meeting")
        ->required();
    add->add_option("--outcome", o->outcome,
                    "reached, no_answer, wrong_number, refused, disputed, promised, paid or "
                    "other")
        ->required();
    add->add_option("--person", o->person,
                    "client, guarantor, group_leader or other (default: client)");
    add->add_option("--direction", o->direction, "outbound or inbound (default: outbound)");
    add->add_option("--note", o->note, "what was said");
    add->add_option("--at", o->at, "when: YYYY-MM-DDTHH:MM (default: now, local time)");
    add->add_option("--next-action-on", o->nextActionOn,
                    "the date of the next action (none clears the case's next action)");
    add->add_option("--promise-amount", o->promiseAmount, "amount the client promised to pay");
    add->add_option("--promise-date", o->promiseDate, "date the client promised to pay by");
    add->add_option("--override-reason", o->overrideReason,
                    "why a client-protection rule (hours, attempts a day) is broken");
    add->add_option("--corrects", o->corrects,
                    "the id of an earlier contact of this loan that this one corrects (the "
                    "earlier one is kept)");
    add->callback([&global, o] {
        services::NewContact c;
        c.loanId = o->loanId;
        c.channel = parsed(parseContactChannel(o->channel), "--channel");
        c.outcome = parsed(parseContactOutcome(o->outcome), "--outcome");
        c.person = parsed(parsePersonReached(o->person), "--person");
        c.direction = parsed(parseContactDirection(o->direction), "--direction");
        c.note = o->note;
        c.at = o->at.empty() ? localNow() : parsed(DateTime::parse(o->at), "--at");
        if (!o->nextActionOn.empty())
            c.nextActionOn = parseDateOption(o->nextActionOn, "--next-action-on");
        c.overrideReason = o->overrideReason;
        if (o->corrects > 0)
            c.correctsContactId = o->corrects;
        auto desk = global.open();
        if (!o->promiseAmount.empty())
            c.promiseAmount = parseAmountOption(*desk, o->promiseAmount, "--promise-amount");
        if (!o->promiseDate.empty())
            c.promiseDate = parseDateOption(o->promiseDate, "--promise-date");
        const User user = signInActor(*desk, o->actor);
        auto saved = desk->contacts().addContact(user, c);
        if (!saved)
            fail(saved.error(), fmt::format("contact add {}", o->loanId));
        fmt::print("Contact {} logged on {}.\n", saved->contactId, o->loanId);
        if (!saved->overrideReason.empty())
            fmt::print("Rules overridden ({} broken), reason kept: {}\n", saved->breaches.size(),
                       saved->overrideReason);
        if (saved->promiseId)
            fmt::print("Promise {} recorded.\n", *saved->promiseId);
    });
}

void addPromise(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("promise", "record promises to pay");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "record a promise to pay on a loan's open case");
    auto loanId = std::make_shared<std::string>();
    auto amount = std::make_shared<std::string>();
    auto date = std::make_shared<std::string>();
    auto createdOn = std::make_shared<std::string>();
    auto actor = std::make_shared<ActorOptions>();
    add->add_option("LOAN_ID", *loanId, "the loan's account number")->required();
    addActor(add, *actor);
    add->add_option("--amount", *amount, "the amount promised")->required();
    add->add_option("--date", *date, "the date the client promised to pay by")->required();
    add->add_option("--made-on", *createdOn,
                    "the day the promise was made YYYY-MM-DD (default: today)");
    add->callback([&global, loanId, amount, date, createdOn, actor] {
        const Date promisedFor = parseDateOption(*date, "--date");
        const Date madeOn = createdOn->empty() ? today() : parseDateOption(*createdOn, "--made-on");
        auto desk = global.open();
        const Amount value = parseAmountOption(*desk, *amount, "--amount");
        const User user = signInActor(*desk, *actor);
        auto id = desk->contacts().addPromise(user, *loanId, value, promisedFor, madeOn);
        if (!id)
            fail(id.error(), fmt::format("promise add {}", *loanId));
        fmt::print("Promise {} recorded on {}.\n", *id, *loanId);
    });
}

} // namespace

void addCaseCommands(CLI::App& app, GlobalOptions& global) {
    addRecompute(app, global);
    addQueue(app, global);
    addCase(app, global);
    addContact(app, global);
    addPromise(app, global);
    addNoteCommand(app, global);
    addTeamCommand(app, global);
}

} // namespace rd::cli

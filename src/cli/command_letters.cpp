// `letter templates`, `letter template save`, `letter preview`, `letter send`, `letter show`,
// `letters due` and `letters batch`: letter templates, the letters sent and those due
// (services/letter_service.h).
#include "command_letters.h"

#include "cli_environment.h"
#include "command_cases.h"
#include "core/money_text.h"
#include "pdf/letter_pdf.h"
#include "services/letter_service.h"
#include "sign_in.h"

#include <ctime>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

namespace rd::cli {
namespace {

using Json = nlohmann::ordered_json;

template <typename T> T parsed(Result<T> value, const char* option) {
    if (!value)
        throw UserError(fmt::format("{}: {}", option, value.error().message));
    return *value;
}

void checkFormat(const std::string& format) {
    if (format != "text" && format != "json")
        throw UserError(fmt::format("--format: \"{}\" is not a format (use text or json)", format));
}

Json letterJson(const LetterRecord& l) {
    return Json{{"letter_no", l.letterNo},
                {"loan_id", l.loanId},
                {"kind", l.kind},
                {"template_version", l.templateVersion},
                {"sent_at", l.sentAt},
                {"sent_by", l.sentBy},
                {"delivery", toString(l.delivery)},
                {"text", l.title + "\n\n" + l.text},
                {"sha256", l.sha256}};
}

void printLetterText(const Letterhead& head, std::int64_t number, Date date,
                     const std::string& title, const std::string& text) {
    for (const std::string* line : {&head.name, &head.address, &head.phone, &head.licence})
        if (!line->empty())
            fmt::print("{}\n", *line);
    fmt::print("\nLetter {}    {}\n\n{}\n\n{}", number, date.toString(), title, text);
    if (!text.empty() && text.back() != '\n')
        fmt::print("\n");
}

pdf::LetterPage pageOf(const LetterRecord& l) {
    return {l.letterhead, l.letterNo, l.businessDate, l.title, l.text};
}

Result<void> writePdf(const std::string& path, const LetterRecord& l) {
    auto written = pdf::writeLettersPdf(path, {pageOf(l)});
    if (!written)
        return Error{fmt::format("the letter's PDF could not be written ({}): nothing was "
                                 "recorded; give a path in a folder you may write to",
                                 written.error().message),
                     written.error().kind};
    return {};
}

void addTemplatesCommand(CLI::App* letter, GlobalOptions& global) {
    auto* cmd = letter->add_subcommand("templates", "the newest version of every letter template");
    struct Options {
        ActorOptions actor;
        std::string format = "text";
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--format", o->format, "text or json");
    addActor(cmd, o->actor, false);
    cmd->callback([&global, o] {
        checkFormat(o->format);
        auto desk = global.open();
        const User user = actorOrOperator(*desk, o->actor);
        const auto all = valueOr(desk->letters().templates(user), "letter templates");
        if (o->format == "json") {
            Json rows = Json::array();
            for (const auto& t : all)
                rows.push_back({{"kind", t.kind},
                                {"language", t.language},
                                {"version", t.version},
                                {"title", t.title},
                                {"saved_by", t.savedBy},
                                {"saved_at", t.savedAt}});
            fmt::print("{}\n", rows.dump(2));
            return;
        }
        fmt::print("{:<22} {:<4} {:>7}  {}\n", "KIND", "LANG", "VERSION", "TITLE");
        for (const auto& t : all)
            fmt::print("{:<22} {:<4} {:>7}  {}\n", t.kind, t.language, t.version, t.title);
    });

    auto* tpl = letter->add_subcommand("template", "an administrator's work on templates");
    tpl->require_subcommand(1);
    auto* save = tpl->add_subcommand("save", "saves a new version of a template (administrators)");
    struct SaveOptions {
        ActorOptions actor;
        std::string kind, language = "en", title, bodyFile;
    };
    auto s = std::make_shared<SaveOptions>();
    save->add_option("KIND", s->kind, "letter kind, e.g. final_demand (a new kind is allowed)")
        ->required();
    save->add_option("--language", s->language, "language code, e.g. en, lg, sw (default en)");
    save->add_option("--title", s->title, "the letter's title (may use merge fields)")->required();
    save->add_option("--body-file", s->bodyFile, "a UTF-8 text file with the body")->required();
    addActor(save, s->actor);
    save->callback([&global, s] {
        std::ifstream in(s->bodyFile, std::ios::binary);
        if (!in)
            throw UserError(
                fmt::format("--body-file: cannot read \"{}\": check the path", s->bodyFile));
        std::stringstream body;
        body << in.rdbuf();
        auto desk = global.open();
        const User user = signInActor(*desk, s->actor);
        auto saved = desk->letters().saveTemplate(user, s->kind, s->language, s->title, body.str());
        if (!saved) {
            Error e = saved.error();
            if (!e.fact("line").empty() && e.fact("line") != "1")
                e.message = fmt::format("{}:{}: {}", s->bodyFile, e.fact("line"), e.message);
            fail(e, "letter template save");
        }
        fmt::print("Template {} ({}) saved as version {}.\n", saved->kind, saved->language,
                   saved->version);
    });
}

void addPreviewCommand(CLI::App* letter, GlobalOptions& global) {
    auto* cmd = letter->add_subcommand("preview", "renders a letter for a loan; records nothing");
    struct Options {
        ActorOptions actor;
        std::string loan, kind, language = "en", date, format = "text";
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LOAN_ID", o->loan, "the loan")->required();
    cmd->add_option("--template", o->kind, "letter kind, e.g. first_demand")->required();
    cmd->add_option("--language", o->language, "language code (default en)");
    cmd->add_option("--date", o->date, "the letter's date YYYY-MM-DD (default: today)");
    cmd->add_option("--format", o->format, "text or json");
    addActor(cmd, o->actor, false);
    cmd->callback([&global, o] {
        checkFormat(o->format);
        const Date date = o->date.empty() ? today() : parseDateOption(o->date, "--date");
        auto desk = global.open();
        const User user = actorOrOperator(*desk, o->actor);
        const auto d = valueOr(desk->letters().preview(user, o->loan, o->kind, o->language, date),
                               "letter preview");
        if (o->format == "json") {
            fmt::print("{}\n",
                       Json{{"loan_id", o->loan},
                            {"kind", d.templ.kind},
                            {"template_version", d.templ.version},
                            {"date", date.toString()},
                            {"deadline", d.deadline ? Json(d.deadline->toString()) : Json(nullptr)},
                            {"text", d.title + "\n\n" + d.text}}
                           .dump(2));
            return;
        }
        printLetterText(d.letterhead, d.letterNo, date, d.title, d.text);
    });
}

void addSendCommand(CLI::App* letter, GlobalOptions& global) {
    auto* cmd = letter->add_subcommand("send", "sends a letter on the loan's case and records it "
                                               "(prints the letter number)");
    struct Options {
        ActorOptions actor;
        std::string loan, kind, language = "en", delivery = "print", at, format = "text", output;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LOAN_ID", o->loan, "the loan")->required();
    cmd->add_option("--template", o->kind, "letter kind, e.g. final_demand")->required();
    cmd->add_option("--language", o->language, "language code (default en)");
    cmd->add_option("--delivery", o->delivery, "print, hand, post or email (default print)");
    cmd->add_option("--at", o->at,
                    "when it was sent: YYYY-MM-DDTHH:MM (default: now, local "
                    "time); the date is the letter's date");
    cmd->add_option("--output", o->output, "also write the letter to this PDF file");
    cmd->add_option("--format", o->format, "text or json");
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        checkFormat(o->format);
        const LetterDelivery delivery = parsed(parseLetterDelivery(o->delivery), "--delivery");
        const DateTime at = o->at.empty() ? localNow() : parsed(DateTime::parse(o->at), "--at");
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        const auto sent =
            valueOr(desk->letters().send(user, o->loan, o->kind, o->language, delivery, at,
                                         [&](const LetterRecord& l) -> Result<void> {
                                             if (o->output.empty())
                                                 return {};
                                             return writePdf(o->output, l);
                                         }),
                    "letter send");
        if (o->format == "json") {
            fmt::print("{}\n", letterJson(sent).dump(2));
            return;
        }
        fmt::print("Letter {} ({} of loan {}) recorded, delivery {}; sha256 {}.\n", sent.letterNo,
                   sent.kind, sent.loanId, toString(sent.delivery), sent.sha256);
    });
}

void addShowCommand(CLI::App* letter, GlobalOptions& global) {
    auto* cmd = letter->add_subcommand("show", "the exact text of a letter as it was sent");
    struct Options {
        ActorOptions actor;
        std::int64_t letterNo = 0;
        std::string format = "text", output;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("LETTER_NO", o->letterNo, "the letter number")->required();
    cmd->add_option("--output", o->output, "write it to this PDF file (identical to the one sent)");
    cmd->add_option("--format", o->format, "text or json");
    addActor(cmd, o->actor, false);
    cmd->callback([&global, o] {
        checkFormat(o->format);
        auto desk = global.open();
        const User user = actorOrOperator(*desk, o->actor);
        const auto l = valueOr(desk->letters().letter(user, o->letterNo), "letter show");
        if (!o->output.empty())
            check(writePdf(o->output, l), "letter show");
        if (o->format == "json") {
            fmt::print("{}\n", letterJson(l).dump(2));
            return;
        }
        printLetterText(l.letterhead, l.letterNo, l.businessDate, l.title, l.text);
    });
}

void addDueCommand(CLI::App* letters, GlobalOptions& global) {
    auto* cmd = letters->add_subcommand("due", "the cases that need a letter today by the ladder");
    struct Options {
        ActorOptions actor;
        std::string officer, branch, date, format = "text";
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--officer", o->officer, "only this officer's cases (username)");
    cmd->add_option("--branch", o->branch, "only this branch's cases");
    cmd->add_option("--date", o->date, "the day YYYY-MM-DD (default: today)");
    cmd->add_option("--format", o->format, "text or json");
    addActor(cmd, o->actor, false);
    cmd->callback([&global, o] {
        checkFormat(o->format);
        services::LettersDueQuery q;
        q.officer = o->officer;
        q.branch = o->branch;
        q.date = o->date.empty() ? today() : parseDateOption(o->date, "--date");
        auto desk = global.open();
        const User user = actorOrOperator(*desk, o->actor);
        const Currency currency = portfolioCurrency(*desk);
        const auto due = valueOr(desk->letters().lettersDue(user, q), "letters due");
        if (o->format == "json") {
            Json rows = Json::array();
            for (const auto& d : due)
                rows.push_back({{"loan_id", d.loanId},
                                {"client", d.clientName},
                                {"branch", d.branch},
                                {"officer", d.officer.empty() ? Json(nullptr) : Json(d.officer)},
                                {"stage", toString(d.stage)},
                                {"dpd", d.daysPastDue},
                                {"arrears", formatAmount(d.arrears, currency.exponent)},
                                {"kind", d.due.kind},
                                {"reason", d.due.reason},
                                {"last_sent", d.due.lastSent ? Json(d.due.lastSent->toString())
                                                             : Json(nullptr)}});
            fmt::print("{}\n", Json{{"date", q.date.toString()}, {"letters", rows}}.dump(2));
            return;
        }
        fmt::print("Letters due on {}: {}\n", q.date.toString(), due.size());
        if (due.empty())
            return;
        fmt::print("{:<14} {:<24} {:<18} {:>4} {:>14}  {:<18} {}\n", "LOAN", "CLIENT", "OFFICER",
                   "DPD", "ARREARS", "LETTER", "WHY");
        for (const auto& d : due)
            fmt::print("{:<14} {:<24} {:<18} {:>4} {:>14}  {:<18} {}\n", d.loanId, d.clientName,
                       d.officer.empty() ? "-" : d.officer, d.daysPastDue,
                       formatAmountGrouped(d.arrears, currency.exponent), d.due.kind, d.due.reason);
    });
}

void addBatchCommand(CLI::App* letters, GlobalOptions& global) {
    auto* cmd = letters->add_subcommand("batch", "one PDF with a letter to each selected client, "
                                                 "every letter recorded");
    struct Options {
        ActorOptions actor;
        std::string kind, language = "en", output, officer, branch, stage, date, format = "text";
        bool due = false;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--template", o->kind, "letter kind, e.g. first_demand")->required();
    cmd->add_option("--output", o->output, "the PDF file to write")->required();
    cmd->add_option("--officer", o->officer, "only this officer's cases (username)");
    cmd->add_option("--branch", o->branch, "only this branch's cases");
    cmd->add_option("--stage", o->stage,
                    "only cases at this stage: early, collection, pre-legal, legal or "
                    "post-write-off");
    cmd->add_flag("--due", o->due, "only cases for which the ladder says this letter is due");
    cmd->add_option("--date", o->date, "the letters' date YYYY-MM-DD (default: today)");
    cmd->add_option("--language", o->language, "language code (default en)");
    cmd->add_option("--format", o->format, "text or json");
    addActor(cmd, o->actor);
    cmd->callback([&global, o] {
        checkFormat(o->format);
        services::LetterBatchRequest request;
        request.kind = o->kind;
        request.language = o->language;
        request.officer = o->officer;
        request.branch = o->branch;
        request.dueOnly = o->due;
        if (!o->stage.empty())
            request.stage = parsed(parseCaseStage(o->stage), "--stage");
        // The letters' date with the time now: the time their contacts are recorded at.
        DateTime at = localNow();
        if (!o->date.empty())
            at.date = parseDateOption(o->date, "--date");
        auto desk = global.open();
        const User user = signInActor(*desk, o->actor);
        const auto batch = valueOr(
            desk->letters().sendBatch(
                user, request, at,
                [&](const services::LetterBatch& b) -> Result<void> {
                    std::vector<pdf::LetterPage> pages;
                    pages.reserve(b.letters.size());
                    for (const auto& l : b.letters)
                        pages.push_back(pageOf(l));
                    auto written = pdf::writeLettersPdf(o->output, pages);
                    if (!written)
                        return Error{fmt::format("the batch's PDF could not be written ({}): "
                                                 "nothing was recorded; give a path in a folder "
                                                 "you may write to",
                                                 written.error().message),
                                     written.error().kind};
                    return {};
                }),
            "letters batch");
        if (o->format == "json") {
            Json rows = Json::array();
            for (const auto& l : batch.letters)
                rows.push_back(letterJson(l));
            fmt::print("{}\n", Json{{"batch_id", batch.batchId}, {"letters", rows}}.dump(2));
            return;
        }
        const auto first = batch.letters.front().letterNo, last = batch.letters.back().letterNo;
        const std::string numbers = first == last ? fmt::format("number {}", first)
                                                  : fmt::format("numbers {} to {}", first, last);
        fmt::print("Batch {}: {} {} letter{} recorded, {}; PDF {}.\n", batch.batchId,
                   batch.letters.size(), o->kind, batch.letters.size() == 1 ? "" : "s", numbers,
                   o->output);
    });
}

} // namespace

void addLetterCommands(CLI::App& app, GlobalOptions& global) {
    auto* letter = app.add_subcommand("letter", "letter templates and the letters sent");
    letter->require_subcommand(1);
    addTemplatesCommand(letter, global);
    addPreviewCommand(letter, global);
    addSendCommand(letter, global);
    addShowCommand(letter, global);
    auto* letters =
        app.add_subcommand("letters", "the letters the ladder says are due, and batches of them");
    letters->require_subcommand(1);
    addDueCommand(letters, global);
    addBatchCommand(letters, global);
}

} // namespace rd::cli

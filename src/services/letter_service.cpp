#include "letter_service.h"

#include "case_access.h"
#include "case_service.h"
#include "core/call_list.h"
#include "core/letter_deadlines.h"
#include "core/text_trim.h"
#include "letter_values.h"
#include "service_edge.h"
#include "storage/case_repository.h"
#include "storage/database.h"
#include "storage/letter_repository.h"
#include "storage/plan_repository.h"
#include "storage/portfolio_settings.h"
#include "storage/user_repository.h"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

namespace rd::services {
namespace {

using Json = nlohmann::ordered_json;
using storage::LetterRepository;

// Outside the audit calls: the plain-words test reads the literals of those as actions.
constexpr const char* kTemplateEntity = "letter_template";

bool validCode(std::string_view s, bool allowDigits) {
    if (s.empty() || s.size() > 40)
        return false;
    for (char ch : s)
        if (!((ch >= 'a' && ch <= 'z') || (allowDigits && ((ch >= '0' && ch <= '9') || ch == '_'))))
            return false;
    return true;
}

Error noTemplate(std::string_view kind, std::string_view language) {
    return Error{fmt::format("there is no {} letter template in language \"{}\": see the "
                             "templates, or have an administrator write one",
                             kind, language),
                 ErrorKind::NotFound};
}

Letterhead currentLetterhead(const storage::Database& db) {
    Letterhead h;
    h.name = db.setting("institution_name").value_or("");
    h.address = db.setting("institution_address").value_or("");
    h.phone = db.setting("institution_phone").value_or("");
    h.licence = db.setting("institution_licence").value_or("");
    return h;
}

std::string userPhone(const storage::Database& db, const std::string& username) {
    storage::Statement st(db.handle(), "SELECT phone FROM users WHERE username = ?");
    st.bind(1, username);
    return st.step() ? st.string(0) : std::string();
}

Json letterJson(const LetterRecord& l, std::optional<std::int64_t> batchId) {
    Json j;
    j["letter_no"] = l.letterNo;
    j["loan_id"] = l.loanId;
    j["kind"] = l.kind;
    j["template_version"] = l.templateVersion;
    j["sent_at"] = l.sentAt;
    j["sent_by"] = l.sentBy;
    j["delivery"] = toString(l.delivery);
    j["sha256"] = l.sha256;
    if (batchId)
        j["batch_id"] = *batchId;
    return j;
}

// Why a batch selected nothing, and what to change.
Error nothingMatched(const LetterBatchRequest& r, Date date) {
    std::vector<std::string> filters;
    if (!r.officer.empty())
        filters.push_back(fmt::format("officer {}", r.officer));
    if (!r.branch.empty())
        filters.push_back(fmt::format("branch {}", r.branch));
    if (r.stage)
        filters.push_back(fmt::format("stage {}", toString(*r.stage)));
    if (r.dueOnly)
        filters.push_back(fmt::format("{} due on {} by the ladder", r.kind, date.toString()));
    if (filters.empty())
        return Error{"nothing matched: there is no open case you may work, so no letter was "
                     "recorded",
                     ErrorKind::NotFound};
    return Error{fmt::format("nothing matched: no open case you may work has {}, so no letter "
                             "was recorded; widen the selection",
                             fmt::join(filters, ", ")),
                 ErrorKind::NotFound};
}

// A letter of a batch refused: the whole batch is, naming the loan (the error names the field).
Error batchRefused(Error e, const std::string& loanId) {
    constexpr std::string_view single = "nothing was printed or recorded";
    const std::string whole = "no letter of the batch was printed or recorded";
    if (const auto at = e.message.find(single); at != std::string::npos)
        e.message.replace(at, single.size(), whole);
    else
        e.message += fmt::format(" ({})", whole);
    e.message = fmt::format("loan {}: {}", loanId, e.message);
    return e;
}

Error batchCancelled() {
    return Error{"cancelled: no letter of the batch was recorded", ErrorKind::Cancelled};
}

} // namespace

LetterService::LetterService(storage::Database& db, Clock clock)
    : db_(db), clock_(std::move(clock)) {}

Result<std::vector<LetterTemplateRecord>> LetterService::templates(const User& actor) const {
    return atEdge([&]() -> Result<std::vector<LetterTemplateRecord>> {
        const auto current = currentUser(db_, actor);
        if (!current || current->disabled)
            return permissionDenied(actor, Permission::ReadBranch);
        return LetterRepository(db_).latestTemplates();
    });
}

Result<std::vector<LetterTemplateRecord>>
LetterService::templateVersions(const User& actor, std::string_view kind,
                                std::string_view language) const {
    return atEdge([&]() -> Result<std::vector<LetterTemplateRecord>> {
        const auto current = currentUser(db_, actor);
        if (!current || current->disabled)
            return permissionDenied(actor, Permission::ReadBranch);
        auto versions = LetterRepository(db_).templateVersions(kind, language);
        if (versions.empty())
            return noTemplate(kind, language);
        return versions;
    });
}

Result<LetterTemplateRecord> LetterService::saveTemplate(const User& actor, std::string kind,
                                                         std::string language, std::string title,
                                                         std::string body) {
    return atEdge([&]() -> Result<LetterTemplateRecord> {
        const auto current = currentUser(db_, actor);
        if (!current || !allows(*current, Permission::ManageSettings))
            return permissionDenied(actor, Permission::ManageSettings);
        kind = trimmed(kind);
        language = trimmed(language);
        title = trimmed(title);
        if (!validCode(kind, true))
            return Error{fmt::format("\"{}\" is not a letter kind: use lowercase letters, digits "
                                     "and _ (such as final_demand)",
                                     kind)};
        if (!validCode(language, false))
            return Error{fmt::format("\"{}\" is not a language code: use lowercase letters "
                                     "(such as en, lg or sw)",
                                     language)};
        auto checked = validateLetterTemplate(title, body);
        if (!checked)
            return checked.error();
        storage::Transaction tx(db_);
        LetterRepository repo(db_);
        const auto before = repo.latestTemplate(kind, language);
        const std::string now = clock_.isoNow();
        LetterTemplateRecord saved =
            repo.saveTemplate(kind, language, title, body, current->username, now);
        Json after{{"kind", kind},
                   {"language", language},
                   {"version", saved.version},
                   {"title", title},
                   {"body", body}};
        std::optional<std::string> beforeText;
        if (before)
            beforeText =
                Json{{"version", before->version}, {"title", before->title}, {"body", before->body}}
                    .dump();
        storage::CaseRepository(db_).audit(now, current->username, "save_letter_template",
                                           kTemplateEntity, kind + "/" + language, beforeText,
                                           after.dump());
        tx.commit();
        return saved;
    });
}

Result<LetterDraft> LetterService::draft(const User& actor, std::string_view loanId,
                                         std::string_view kind, std::string_view language,
                                         Date businessDate, std::int64_t letterNo) const {
    auto file = CaseService(db_, clock_).caseFile(actor, loanId, businessDate);
    if (!file)
        return file.error();
    LetterRepository repo(db_);
    auto templ = repo.latestTemplate(kind, language);
    if (!templ)
        return noTemplate(kind, language);
    LetterContext c;
    c.file = &*file;
    c.today = businessDate;
    c.letterNo = letterNo;
    c.letterhead = currentLetterhead(db_);
    c.paymentDetails = db_.setting("payment_instructions").value_or("");
    const auto deadlines =
        parseLetterDeadlines(db_.setting("letter_deadlines").value_or(kLetterDeadlinesDefault));
    const auto holidays = parseHolidays(db_.setting("holidays").value_or(kHolidaysDefault));
    if (deadlines && holidays) {
        if (auto it = deadlines->find(kind); it != deadlines->end()) {
            c.deadline = letterDeadline(businessDate, it->second, *holidays);
            c.deadlineDays = it->second.days;
            c.workingDays = it->second.workingDays;
        }
    }
    if (file->caseRecord && !file->caseRecord->assignedUsername.empty()) {
        const std::string& officer = file->caseRecord->assignedUsername;
        auto name = file->fullNames.find(officer);
        c.officerName = name != file->fullNames.end() ? name->second : officer;
        c.officerPhone = userPhone(db_, officer);
    }
    LetterDraft d;
    d.values = letterValues(c);
    auto rendered = renderLetter(templ->title, templ->body, d.values);
    if (!rendered) {
        Error e = rendered.error();
        e.facts.emplace_back("loan", std::string(loanId));
        e.facts.emplace_back("template", fmt::format("{}/{} version {}", templ->kind,
                                                     templ->language, templ->version));
        return e;
    }
    d.templ = *templ;
    d.title = std::move(rendered->title);
    d.text = std::move(rendered->text);
    d.deadline = c.deadline;
    d.letterhead = c.letterhead;
    d.letterNo = letterNo;
    return d;
}

Result<LetterDraft> LetterService::preview(const User& actor, std::string_view loanId,
                                           std::string_view kind, std::string_view language,
                                           Date businessDate) const {
    return atEdge([&]() -> Result<LetterDraft> {
        return draft(actor, loanId, kind, language, businessDate,
                     LetterRepository(db_).nextLetterNo());
    });
}

Result<LetterRecord> LetterService::recordLetter(const User& actor, const CaseRecord& c,
                                                 std::string_view kind, std::string_view language,
                                                 LetterDelivery delivery, DateTime at,
                                                 std::optional<std::int64_t> batchId,
                                                 const Deliver& deliver) {
    LetterRepository repo(db_);
    const std::int64_t number = repo.nextLetterNo();
    auto d = draft(actor, c.loanId, kind, language, at.date, number);
    if (!d)
        return d.error();
    LetterRecord l;
    l.letterNo = number;
    l.loanId = c.loanId;
    l.caseId = c.id;
    l.kind = d->templ.kind;
    l.language = d->templ.language;
    l.templateVersion = d->templ.version;
    l.businessDate = at.date;
    l.deadline = d->deadline;
    l.delivery = delivery;
    l.sentAt = clock_.isoNow();
    l.sentBy = actor.username;
    l.title = d->title;
    l.text = d->text;
    l.sha256 = sha256Hex(l.title + "\n\n" + l.text);
    l.letterhead = d->letterhead;
    if (deliver) {
        auto delivered = deliver(l);
        if (!delivered)
            return delivered.error();
    }
    ContactRecord contact;
    contact.at = at;
    contact.channel = ContactChannel::Letter;
    contact.direction = ContactDirection::Outbound;
    contact.person = PersonReached::Client;
    contact.outcome = ContactOutcome::Sent;
    contact.note = fmt::format("Letter {}: {}", number, l.title);
    contact.officer = actor.username;
    storage::CaseRepository cases(db_);
    l.contactId = cases.insertContact(c.id, c.loanKey, contact, l.sentAt);
    repo.insertLetter(l, c.loanKey, d->templ.id, batchId);
    cases.audit(l.sentAt, actor.username, "send_letter", "case", l.loanId, std::nullopt,
                letterJson(l, batchId).dump());
    return l;
}

Result<LetterRecord> LetterService::send(const User& actor, std::string_view loanId,
                                         std::string_view kind, std::string_view language,
                                         LetterDelivery delivery, DateTime at,
                                         const Deliver& deliver) {
    return atEdge([&]() -> Result<LetterRecord> {
        auto c = workableCase(db_, actor, loanId);
        if (!c)
            return c.error();
        storage::Transaction tx(db_);
        auto l = recordLetter(actor, *c, kind, language, delivery, at, std::nullopt, deliver);
        if (!l)
            return l.error();
        tx.commit();
        return l;
    });
}

Result<LetterBatch> LetterService::sendBatch(const User& actor, const LetterBatchRequest& r,
                                             DateTime at, const BatchDeliver& deliver,
                                             const BatchProgress& progress) {
    return atEdge([&]() -> Result<LetterBatch> {
        auto scope = readScope(db_, actor);
        if (!scope)
            return scope.error();
        LetterRepository repo(db_);
        if (!repo.latestTemplate(r.kind, r.language))
            return noTemplate(r.kind, r.language);
        storage::CaseQuery query;
        query.branch = r.branch;
        query.stage = r.stage;
        if (!r.officer.empty()) {
            const auto user = storage::UserRepository(db_).find(r.officer);
            if (!user)
                return Error{fmt::format("there is no user named \"{}\"", r.officer),
                             ErrorKind::NotFound, Hint::ListUsers};
            query.assignedTo = {user->user.id};
        }
        // Selected, numbered and recorded in one transaction, so the selection is what is
        // recorded and the numbers are gap-free.
        storage::Transaction tx(db_);
        const auto records = storage::CaseQueryRepository(db_).cases(query, *scope);

        struct Selected {
            CaseRecord c;
            std::int64_t client = 0;
            int daysPastDue = 0;
        };
        std::vector<Selected> selected;
        std::optional<Error> refusal;
        for (const auto& rec : records) {
            auto c = workableCase(db_, actor, rec.loanId);
            if (!c) {
                if (!refusal)
                    refusal = c.error();
                continue;
            }
            selected.push_back({std::move(*c), 0, 0});
        }
        // Cases matched but none of them the actor's to work: a refusal, not an empty batch.
        if (selected.empty() && refusal)
            return *refusal;

        if (r.dueOnly && !selected.empty()) {
            auto due = lettersDue(actor, {r.officer, r.branch, at.date});
            if (!due)
                return due.error();
            std::set<std::string> dueLoans;
            for (const auto& item : *due)
                if (item.due.kind == r.kind)
                    dueLoans.insert(item.loanId);
            std::erase_if(selected,
                          [&](const Selected& s) { return !dueLoans.contains(s.c.loanId); });
        }

        std::vector<std::int64_t> keys;
        for (const auto& s : selected)
            keys.push_back(s.c.loanKey);
        const auto clients = repo.clientsOf(keys);
        PositionCalculator calc(storage::loadDelinquencyPolicy(db_));
        std::unordered_map<std::int64_t, const LoanLedger*> ledgers;
        for (const auto& rec : records)
            ledgers[rec.loanKey] = &rec.ledger;
        for (auto& s : selected) {
            s.client = clients.at(s.c.loanKey);
            s.daysPastDue = calc.compute(*ledgers.at(s.c.loanKey), at.date).daysPastDue;
        }
        // One letter per client: the loan with the most days past due, then the lowest id.
        const auto before = [](const Selected& a, const Selected& b) {
            if (a.daysPastDue != b.daysPastDue)
                return a.daysPastDue > b.daysPastDue;
            return a.c.loanId < b.c.loanId;
        };
        std::sort(selected.begin(), selected.end(), before);
        std::vector<Selected> chosen;
        for (auto& s : selected)
            if (std::none_of(chosen.begin(), chosen.end(),
                             [&](const Selected& o) { return o.client == s.client; }))
                chosen.push_back(std::move(s));
        if (chosen.empty())
            return nothingMatched(r, at.date);

        LetterBatch batch;
        batch.batchId = repo.nextBatchId();
        const std::size_t total = chosen.size();
        for (std::size_t i = 0; i < total; ++i) {
            if (progress && !progress(i, total))
                return batchCancelled();
            auto l = recordLetter(actor, chosen[i].c, r.kind, r.language, LetterDelivery::Print, at,
                                  batch.batchId, {});
            if (!l)
                return batchRefused(l.error(), chosen[i].c.loanId);
            batch.letters.push_back(std::move(*l));
        }
        if (progress && !progress(total, total))
            return batchCancelled();
        if (deliver) {
            auto delivered = deliver(batch);
            if (!delivered)
                return delivered.error();
        }
        tx.commit();
        return batch;
    });
}

Result<LetterRecord> LetterService::letter(const User& actor, std::int64_t letterNo) const {
    return atEdge([&]() -> Result<LetterRecord> {
        auto l = LetterRepository(db_).letter(letterNo);
        if (!l)
            return Error{
                fmt::format("there is no letter number {}: see the case's letters", letterNo),
                ErrorKind::NotFound};
        auto readable = readableLoan(db_, actor, l->loanId);
        if (!readable)
            return readable.error();
        return *l;
    });
}

Result<int> LetterService::recordReprint(const User& actor, std::int64_t letterNo) {
    return atEdge([&]() -> Result<int> {
        auto l = letter(actor, letterNo);
        if (!l)
            return l.error();
        storage::Transaction tx(db_);
        LetterRepository repo(db_);
        const int copy = repo.printedCopies(letterNo) + 1;
        const std::string now = clock_.isoNow();
        repo.insertPrint(letterNo, copy, now, actor.username);
        const Json after{{"letter_no", letterNo}, {"copy", copy}};
        storage::CaseRepository(db_).audit(now, actor.username, "reprint_letter", "case", l->loanId,
                                           std::nullopt, after.dump());
        tx.commit();
        return copy;
    });
}

Result<std::vector<LetterRecord>> LetterService::lettersOfLoan(const User& actor,
                                                               std::string_view loanId) const {
    return atEdge([&]() -> Result<std::vector<LetterRecord>> {
        auto readable = readableLoan(db_, actor, loanId);
        if (!readable)
            return readable.error();
        return LetterRepository(db_).lettersOfLoan(readable->key);
    });
}

Result<std::vector<LetterDueItem>> LetterService::lettersDue(const User& actor,
                                                             const LettersDueQuery& q) const {
    return atEdge([&]() -> Result<std::vector<LetterDueItem>> {
        auto scope = readScope(db_, actor);
        if (!scope)
            return scope.error();
        int repeatDays = kLetterRepeatDaysDefault;
        if (const auto text = db_.setting("letter_repeat_days"))
            repeatDays = std::atoi(text->c_str());
        auto ladder = parseLetterLadder(db_.setting("letter_ladder").value_or(kLetterLadderDefault),
                                        repeatDays);
        if (!ladder)
            return ladder.error();
        storage::CaseQuery query;
        query.branch = q.branch;
        if (!q.officer.empty()) {
            const auto user = storage::UserRepository(db_).find(q.officer);
            if (!user)
                return Error{fmt::format("there is no user named \"{}\"", q.officer),
                             ErrorKind::NotFound, Hint::ListUsers};
            query.assignedTo = {user->user.id};
        }
        const auto records = storage::CaseQueryRepository(db_).cases(query, *scope);
        std::vector<std::int64_t> keys;
        keys.reserve(records.size());
        for (const auto& r : records)
            keys.push_back(r.loanKey);
        const auto plans = storage::PlanRepository(db_).approvedOf(keys);
        const auto letters = LetterRepository(db_).ladderLetters();
        PositionCalculator calc(storage::loadDelinquencyPolicy(db_));
        std::vector<LetterDueItem> out;
        for (const auto& r : records) {
            const LoanPosition position = calc.compute(r.ledger, q.date);
            if (position.daysPastDue <= 0)
                continue;
            LadderCase c;
            c.daysPastDue = position.daysPastDue;
            if (const auto p = plans.find(r.loanKey); p != plans.end()) {
                CallListCase planCase;
                planCase.plan = callListPlan(p->second, r.ledger.payments, q.date);
                c.planKept = planBeingKept(planCase);
            }
            if (const auto l = letters.find(r.loanKey); l != letters.end())
                c.sent = l->second;
            auto due = letterDue(*ladder, c, q.date);
            if (!due)
                continue;
            out.push_back({r.loanId, r.clientName, r.branch, r.officer, r.stage,
                           position.daysPastDue, position.arrears.total(), std::move(*due)});
        }
        std::sort(out.begin(), out.end(), [](const LetterDueItem& a, const LetterDueItem& b) {
            if (a.daysPastDue != b.daysPastDue)
                return a.daysPastDue > b.daysPastDue;
            return a.loanId < b.loanId;
        });
        return out;
    });
}

} // namespace rd::services

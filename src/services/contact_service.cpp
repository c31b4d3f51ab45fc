#include "contact_service.h"

#include "case_access.h"
#include "service_edge.h"
#include "storage/case_repository.h"
#include "storage/database.h"
#include "storage/portfolio_settings.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rd::services {
namespace {

using storage::CaseRecord;
using storage::CaseRepository;

std::string promiseJson(const PromiseToPay& p) {
    nlohmann::ordered_json j;
    j["amount_minor"] = p.amount;
    j["promised_for"] = p.promisedFor.toString();
    j["created_on"] = p.createdOn.toString();
    j["created_by"] = p.createdBy;
    j["contact_id"] = p.contactId.empty() ? nullptr : nlohmann::ordered_json(p.contactId);
    return j.dump();
}

} // namespace

ContactService::ContactService(storage::Database& db, Clock clock,
                               std::optional<ContactRules> rules)
    : db_(db), clock_(std::move(clock)), rules_(rules) {}

Result<ContactSaved> ContactService::addContact(const User& actor, const NewContact& in) {
    return atEdge([&]() -> Result<ContactSaved> {
        if (in.promiseAmount.has_value() != in.promiseDate.has_value())
            return Error{"a promise needs both an amount and a date", ErrorKind::Invalid,
                         Hint::GivePromiseBoth};
        storage::Transaction tx(db_);
        auto c = workableCase(db_, actor, in.loanId);
        if (!c)
            return c.error();
        CaseRepository repo(db_);

        const auto earlierContacts = repo.contacts(c->loanKey);
        std::vector<ContactAttempt> sameDay;
        for (const auto& earlier : attemptsOnRecord(earlierContacts, in.correctsContactId))
            if (earlier.at.date == in.at.date)
                sameDay.push_back(earlier);
        ContactSaved saved;
        const ContactRules rules = rules_ ? *rules_ : storage::loadDeskSettings(db_).contactRules;
        saved.breaches = checkContactRules({in.at, in.channel, in.direction}, sameDay, rules);
        auto reason = requireOverrideReason(saved.breaches, in.overrideReason);
        if (!reason)
            return reason.error();
        saved.overrideReason = *reason;

        if (in.correctsContactId) {
            bool sameLoan = false;
            for (const auto& earlier : earlierContacts)
                sameLoan = sameLoan || earlier.id == *in.correctsContactId;
            if (!sameLoan)
                return Error{
                    fmt::format("contact {} is not a contact of loan {}: a correction names "
                                "a contact of the same loan",
                                *in.correctsContactId, in.loanId),
                    ErrorKind::Invalid,
                    Hint::ShowCase,
                    {{"loan", in.loanId}}};
        }

        std::optional<PromiseToPay> promise;
        if (in.promiseAmount) {
            PromiseToPay p;
            p.amount = *in.promiseAmount;
            p.promisedFor = *in.promiseDate;
            p.createdOn = in.at.date;
            p.createdBy = actor.username;
            auto valid = validatePromise(p);
            if (!valid)
                return valid.error();
            promise = *valid;
        }

        ContactRecord record;
        record.at = in.at;
        record.channel = in.channel;
        record.direction = in.direction;
        record.person = in.person;
        record.outcome = in.outcome;
        record.note = in.note;
        record.officer = actor.username;
        record.nextActionOn = in.nextActionOn;
        if (in.nextActionOn)
            record.nextActionKind = in.nextActionKind.empty() ? "follow_up" : in.nextActionKind;
        record.overrideReason = saved.overrideReason;
        record.correctsContactId = in.correctsContactId;
        const std::string now = clock_.isoNow();
        saved.contactId = repo.insertContact(c->id, c->loanKey, record, now);

        if (promise) {
            promise->contactId = std::to_string(saved.contactId);
            saved.promiseId = repo.insertPromise(c->id, c->loanKey, *promise, now);
        }
        // Our rule: a contact always sets the case's next action, and one logged without a next
        // action clears it (the officer has dealt with what was due).
        if (c->nextActionOn != record.nextActionOn) {
            const auto text = [](const std::optional<Date>& d) {
                return d ? std::optional<std::string>(d->toString()) : std::nullopt;
            };
            repo.setNextAction(c->id, record.nextActionOn, record.nextActionKind);
            repo.addEvent(c->id, {now, in.at.date, actor.username, "next_action",
                                  text(c->nextActionOn), text(record.nextActionOn), ""});
        }

        nlohmann::ordered_json after;
        after["contact_id"] = saved.contactId;
        after["at"] = record.at.toString();
        after["channel"] = toString(record.channel);
        after["direction"] = toString(record.direction);
        after["person"] = toString(record.person);
        after["outcome"] = toString(record.outcome);
        after["note"] = record.note;
        after["next_action_on"] =
            record.nextActionOn ? nlohmann::ordered_json(record.nextActionOn->toString()) : nullptr;
        after["override_reason"] =
            saved.overrideReason.empty() ? nullptr : nlohmann::ordered_json(saved.overrideReason);
        nlohmann::ordered_json broken = nlohmann::ordered_json::array();
        for (const auto& b : saved.breaches)
            broken.push_back(b.code);
        after["rules_broken"] = broken;
        after["corrects_contact_id"] =
            in.correctsContactId ? nlohmann::ordered_json(*in.correctsContactId) : nullptr;
        if (promise)
            after["promise"] = nlohmann::ordered_json::parse(promiseJson(*promise));
        repo.audit(now, actor.username, "add_contact", "case", c->loanId, std::nullopt,
                   after.dump());
        tx.commit();
        return saved;
    });
}

Result<std::int64_t> ContactService::addPromise(const User& actor, std::string_view loanId,
                                                Amount amount, Date promisedFor, Date createdOn) {
    return atEdge([&]() -> Result<std::int64_t> {
        storage::Transaction tx(db_);
        auto c = workableCase(db_, actor, loanId);
        if (!c)
            return c.error();
        PromiseToPay p;
        p.amount = amount;
        p.promisedFor = promisedFor;
        p.createdOn = createdOn;
        p.createdBy = actor.username;
        auto valid = validatePromise(p);
        if (!valid)
            return valid.error();
        CaseRepository repo(db_);
        const std::string now = clock_.isoNow();
        const auto id = repo.insertPromise(c->id, c->loanKey, *valid, now);
        repo.audit(now, actor.username, "add_promise", "case", c->loanId, std::nullopt,
                   promiseJson(*valid));
        tx.commit();
        return id;
    });
}

} // namespace rd::services

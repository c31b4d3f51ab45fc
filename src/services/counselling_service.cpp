#include "counselling_service.h"

#include "case_access.h"
#include "core/text_trim.h"
#include "service_edge.h"
#include "storage/case_repository.h"
#include "storage/counselling_repository.h"
#include "storage/database.h"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rd::services {
namespace {

using Json = nlohmann::ordered_json;
using storage::CaseRepository;
using storage::CounsellingRepository;

// Outside the audit calls: the plain-words test reads the literals of those as actions.
constexpr const char* kSessionEntity = "counselling_session";

Json textOrNull(const std::string& s) {
    return s.empty() ? Json(nullptr) : Json(s);
}

Json dateOrNull(const std::optional<Date>& d) {
    return d ? Json(d->toString()) : Json(nullptr);
}

Error disabledAccount(const User& who) {
    return Error{fmt::format("permission denied for {} ({}): the account is disabled; an "
                             "administrator may enable it again",
                             who.username, roleCode(who.role)),
                 ErrorKind::Denied};
}

Error followUpTooEarly(Date followUp, Date from, const char* of) {
    return Error{fmt::format("the follow-up date {} is before {} {}: give a date on or after it",
                             followUp.toString(), of, from.toString()),
                 ErrorKind::Invalid};
}

} // namespace

CounsellingService::CounsellingService(storage::Database& db, Clock clock)
    : db_(db), clock_(std::move(clock)) {}

Result<std::int64_t> CounsellingService::addSession(const User& actor, SessionKind kind,
                                                    std::string topic, std::string facilitator,
                                                    std::vector<std::string> clientIds,
                                                    std::string notes, std::optional<Date> followUp,
                                                    Date businessDate) {
    return atEdge([&]() -> Result<std::int64_t> {
        topic = trimmed(topic);
        facilitator = trimmed(facilitator);
        notes = trimmed(notes);
        if (topic.empty())
            return Error{"a counselling session needs a topic: say what it was about",
                         ErrorKind::Invalid, Hint::GiveText};
        std::vector<std::string> ids;
        for (auto& id : clientIds) {
            id = trimmed(id);
            if (std::find(ids.begin(), ids.end(), id) == ids.end())
                ids.push_back(std::move(id));
        }
        if (ids.empty())
            return Error{"a counselling session needs the client who attended it (one for a "
                         "one-to-one session, one or more for a workshop)",
                         ErrorKind::Invalid};
        if (kind == SessionKind::OneToOne && ids.size() != 1)
            return Error{fmt::format("a one-to-one session has exactly one client, not {}: "
                                     "record a workshop for several clients",
                                     ids.size()),
                         ErrorKind::Invalid};
        if (followUp && *followUp < businessDate)
            return followUpTooEarly(*followUp, businessDate, "the session's date");
        storage::Transaction tx(db_);
        const auto current = currentUser(db_, actor);
        if (!current)
            return permissionDenied(actor, Permission::WorkOwnCases);
        const User& who = *current;
        if (who.disabled)
            return disabledAccount(who);
        CounsellingRepository repo(db_);
        std::vector<std::int64_t> keys;
        Json attendees = Json::array();
        for (const auto& id : ids) {
            const auto client = repo.client(id);
            if (!client)
                return Error{fmt::format("there is no client \"{}\" (check the client id, or "
                                         "import the client first)",
                                         id),
                             ErrorKind::NotFound};
            if (!allows(who, Permission::ReadBranch, client->branch) ||
                !allows(who, Permission::WorkOwnCases, client->branch))
                return Error{fmt::format("permission denied for {} ({}): client {} is in branch "
                                         "{}, and only the officers and supervisors of a "
                                         "client's branch record their counselling",
                                         who.username, roleCode(who.role), id, client->branch),
                             ErrorKind::Denied};
            keys.push_back(client->key);
            attendees.push_back(id);
        }
        CounsellingSessionRecord session;
        session.kind = kind;
        session.sessionDate = businessDate;
        session.topic = topic;
        session.facilitator = !facilitator.empty()
                                  ? facilitator
                                  : (!who.fullName.empty() ? who.fullName : who.username);
        session.notes = notes;
        session.followUpOn = followUp;
        session.recordedBy = who.username;
        session.recordedAt = clock_.isoNow();
        const auto id = repo.insertSession(session, keys);
        Json after;
        after["session_id"] = id;
        after["kind"] = toString(kind);
        after["date"] = businessDate.toString();
        after["topic"] = topic;
        after["facilitator"] = session.facilitator;
        after["clients"] = attendees;
        after["notes"] = textOrNull(notes);
        after["follow_up_on"] = dateOrNull(followUp);
        CaseRepository(db_).audit(session.recordedAt, who.username, "add_counselling",
                                  kSessionEntity, std::to_string(id), std::nullopt, after.dump());
        tx.commit();
        return id;
    });
}

Result<std::int64_t> CounsellingService::addReferral(const User& actor, std::string_view loanId,
                                                     std::string organisation,
                                                     ReferralService service,
                                                     std::optional<Date> followUp, std::string note,
                                                     Date businessDate) {
    return atEdge([&]() -> Result<std::int64_t> {
        organisation = trimmed(organisation);
        note = trimmed(note);
        if (organisation.empty())
            return Error{"a referral needs the organisation the client is referred to",
                         ErrorKind::Invalid, Hint::GiveText};
        if (followUp && *followUp < businessDate)
            return followUpTooEarly(*followUp, businessDate, "the referral's date");
        storage::Transaction tx(db_);
        auto c = workableCase(db_, actor, loanId);
        if (!c)
            return c.error();
        const User who = currentUser(db_, actor).value_or(actor);
        ReferralRecord referral;
        referral.caseId = c->id;
        referral.organisation = organisation;
        referral.service = service;
        referral.followUpOn = followUp;
        referral.note = note;
        referral.referredBy = who.username;
        referral.referredAt = clock_.isoNow();
        referral.businessDate = businessDate;
        const auto id = CounsellingRepository(db_).insertReferral(c->loanKey, referral);
        Json after;
        after["referral_id"] = id;
        after["organisation"] = organisation;
        after["service"] = toString(service);
        after["follow_up_on"] = dateOrNull(followUp);
        after["note"] = textOrNull(note);
        CaseRepository(db_).audit(referral.referredAt, who.username, "add_referral", "case",
                                  c->loanId, std::nullopt, after.dump());
        tx.commit();
        return id;
    });
}

Result<std::int64_t> CounsellingService::updateReferral(const User& actor, std::int64_t referralId,
                                                        ReferralStatus status, std::string note,
                                                        std::optional<Date> followUp,
                                                        Date businessDate) {
    return atEdge([&]() -> Result<std::int64_t> {
        note = trimmed(note);
        if (followUp && !isOpen(status))
            return Error{fmt::format("a {} referral needs no follow-up date: leave it out",
                                     toString(status)),
                         ErrorKind::Invalid};
        if (followUp && *followUp < businessDate)
            return followUpTooEarly(*followUp, businessDate, "the update's date");
        storage::Transaction tx(db_);
        CounsellingRepository repo(db_);
        const auto referral = repo.referral(referralId);
        if (!referral)
            return Error{fmt::format("there is no referral {} (the loan's referrals list shows "
                                     "their ids)",
                                     referralId),
                         ErrorKind::NotFound};
        const auto current = currentUser(db_, actor);
        if (current && current->disabled)
            return disabledAccount(*current);
        auto c = workableCase(db_, actor, referral->loanId);
        // Our rule: a supervisor of the branch also keeps the referrals of closed cases.
        const bool supervises =
            current && allows(*current, Permission::WorkBranchCases, referral->branch);
        if (!c && !supervises) {
            if (c.error().kind == ErrorKind::NotFound)
                return Error{fmt::format("the loan {} of referral {} has no open case now; a "
                                         "supervisor of branch {} updates its referrals",
                                         referral->loanId, referralId, referral->branch),
                             ErrorKind::Denied};
            return c.error();
        }
        const User& who = current ? *current : actor;
        const auto was = referral->status();
        if (!isOpen(was))
            return Error{fmt::format("referral {} was {} on {}: closed referrals stay as they "
                                     "are; add a new referral",
                                     referralId, toString(was),
                                     referral->updates.back().businessDate.toString()),
                         ErrorKind::Conflict};
        ReferralUpdateRecord update;
        update.referralId = referralId;
        update.status = status;
        update.note = note;
        update.followUpOn = followUp;
        update.updatedBy = who.username;
        update.updatedAt = clock_.isoNow();
        update.businessDate = businessDate;
        const auto id = repo.insertReferralUpdate(update);
        Json after;
        after["referral_id"] = referralId;
        after["organisation"] = referral->organisation;
        after["status"] = toString(status);
        after["follow_up_on"] = dateOrNull(followUp);
        after["note"] = textOrNull(note);
        CaseRepository(db_).audit(update.updatedAt, who.username, "update_referral", "case",
                                  referral->loanId, std::string(toString(was)), after.dump());
        tx.commit();
        return id;
    });
}

Result<std::vector<CounsellingSessionRecord>>
CounsellingService::sessionsOfClient(const User& actor, std::string_view clientId) const {
    return atEdge([&]() -> Result<std::vector<CounsellingSessionRecord>> {
        CounsellingRepository repo(db_);
        const auto client = repo.client(clientId);
        if (!client)
            return Error{fmt::format("there is no client \"{}\" (check the client id, or import "
                                     "the client first)",
                                     clientId),
                         ErrorKind::NotFound};
        const auto current = currentUser(db_, actor);
        if (!current || !allows(*current, Permission::ReadBranch, client->branch))
            return permissionDenied(current.value_or(actor), Permission::ReadBranch);
        return repo.sessionsOfClient(client->key);
    });
}

Result<std::vector<ReferralRecord>>
CounsellingService::referralsOfLoan(const User& actor, std::string_view loanId) const {
    return atEdge([&]() -> Result<std::vector<ReferralRecord>> {
        const auto info = readableLoan(db_, actor, loanId);
        if (!info)
            return info.error();
        return CounsellingRepository(db_).referralsOfLoan(info->key);
    });
}

Result<std::vector<ReferralFollowUp>> CounsellingService::followUpsDue(const User& actor,
                                                                       Date asOf) const {
    return atEdge([&]() -> Result<std::vector<ReferralFollowUp>> {
        const auto current = currentUser(db_, actor);
        if (!current)
            return permissionDenied(actor, Permission::ReadBranch);
        const User& who = *current;
        if (who.disabled)
            return disabledAccount(who);
        const bool everyBranch = who.role == Role::Admin || who.role == Role::LocalOperator;
        std::vector<ReferralFollowUp> out;
        for (auto& f : CounsellingRepository(db_).followUpsDue(asOf)) {
            if (!f.openCaseId)
                continue;
            const bool mine =
                f.assignedTo == who.id && allows(who, Permission::WorkOwnCases, f.branch);
            if (everyBranch || mine || allows(who, Permission::WorkBranchCases, f.branch))
                out.push_back(std::move(f));
        }
        return out;
    });
}

} // namespace rd::services

#include "day_close_service.h"

#include "case_access.h"
#include "core/money_text.h"
#include "core/text_trim.h"
#include "receipt_from_record.h"
#include "service_edge.h"
#include "storage/database.h"
#include "storage/desk_day_repository.h"
#include "storage/desk_payment_repository.h"
#include "storage/user_repository.h"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rd::services {
namespace {

using storage::DayCloseRecord;
using storage::DeskDayRepository;

DayClose toClose(const DayCloseRecord& r) {
    return {r.closedAt,    r.receiptCount,     r.received,    r.cashExpected,
            r.cashCounted, r.differenceReason, r.signedBy,    r.signedAt,
            r.reopenedBy,  r.reopenedAt,       r.reopenReason};
}

DayState stateOf(const std::vector<DayClose>& closes) {
    if (closes.empty() || !closes.back().reopenedAt.empty())
        return DayState::Open;
    return closes.back().signedAt.empty() ? DayState::Closed : DayState::SignedOff;
}

// A supervisor (SignOffReviews) of one of `officer`'s branches.
bool supervises(const User& who, const User& officer) {
    return std::any_of(officer.branches.begin(), officer.branches.end(), [&](const std::string& b) {
        return allows(who, Permission::SignOffReviews, b);
    });
}

bool takesPayments(const User& who) {
    return std::any_of(who.branches.begin(), who.branches.end(), [&](const std::string& b) {
        return allows(who, Permission::WorkOwnCases, b);
    });
}

Error noSuchOfficer(std::string_view officer) {
    return Error{fmt::format("there is no user named \"{}\"", officer), ErrorKind::NotFound,
                 Hint::ListUsers};
}

Error notTheirSupervisor(const User& who, const User& officer, std::string_view what) {
    return Error{fmt::format("permission denied for {} ({}): only a supervisor of {}'s branch "
                             "may {} their day",
                             who.username, roleCode(who.role), officer.username, what),
                 ErrorKind::Denied};
}

// The supervisor deciding on an officer's day, and the officer: `what` ("sign off",
// "reopen") names the decision in the refusals. Never one's own day.
struct DayDecision {
    User who;
    User officer;
};
Result<DayDecision> dayDecision(storage::Database& db, const User& actor, std::string_view officer,
                                std::string_view what) {
    const auto who = currentUser(db, actor);
    if (!who)
        return permissionDenied(actor, Permission::SignOffReviews);
    const auto stored = storage::UserRepository(db).find(officer);
    if (!stored)
        return noSuchOfficer(officer);
    const User& of = stored->user;
    if (!supervises(*who, of))
        return notTheirSupervisor(*who, of, what);
    if (who->username == of.username)
        return Error{fmt::format("permission denied for {} ({}): a day is {} by another "
                                 "supervisor, not by the one who closed it",
                                 who->username, roleCode(who->role),
                                 what == "sign off" ? "signed off" : "reopened"),
                     ErrorKind::Denied};
    return DayDecision{*who, of};
}

nlohmann::ordered_json closeJson(const DayClose& c) {
    nlohmann::ordered_json j;
    j["receipt_count"] = c.receiptCount;
    j["received_minor"] = c.received;
    j["cash_expected_minor"] = c.cashExpected;
    j["cash_counted_minor"] = c.cashCounted;
    j["difference_minor"] = c.difference();
    j["difference_reason"] = c.differenceReason;
    return j;
}

} // namespace

DayCloseService::DayCloseService(storage::Database& db, Clock clock)
    : db_(db), clock_(std::move(clock)) {}

DeskDay DayCloseService::load(const User& officer, Date date) const {
    DeskDay d;
    d.officer = officer.username;
    d.officerName = officer.fullName;
    d.branches = officer.branches;
    d.date = date;
    std::vector<DayReceipt> figures;
    for (const auto& r :
         storage::DeskPaymentRepository(db_).forOfficerDay(officer.username, date)) {
        DeskReceipt receipt = toDeskReceipt(db_, r);
        figures.push_back({r.method, r.amount, r.businessDate, r.reversedOn});
        if (r.businessDate == date)
            d.receipts.push_back(receipt);
        if (r.reversedOn == date)
            d.reversals.push_back(std::move(receipt));
    }
    d.summary = summarizeDay(date, figures);
    for (const auto& c : DeskDayRepository(db_).closes(officer.username, date))
        d.closes.push_back(toClose(c));
    d.state = stateOf(d.closes);
    return d;
}

Result<DeskDay> DayCloseService::day(const User& actor, std::string_view officer, Date date) const {
    return atEdge([&]() -> Result<DeskDay> {
        const auto who = currentUser(db_, actor);
        if (!who)
            return permissionDenied(actor, Permission::WorkOwnCases);
        const auto stored = storage::UserRepository(db_).find(officer);
        if (!stored)
            return noSuchOfficer(officer);
        const User& of = stored->user;
        const bool own = !who->disabled && who->username == of.username;
        if (!own && !supervises(*who, of) && !allows(*who, Permission::ImportPortfolio))
            return Error{fmt::format("permission denied for {} ({}): the day of {} is read by "
                                     "them and by a supervisor of their branch",
                                     who->username, roleCode(who->role), of.username),
                         ErrorKind::Denied};
        return load(of, date);
    });
}

Result<std::vector<DeskDay>> DayCloseService::branchDays(const User& actor, Date date) const {
    return atEdge([&]() -> Result<std::vector<DeskDay>> {
        const auto who = currentUser(db_, actor);
        const bool everyBranch = who && allows(*who, Permission::ImportPortfolio);
        if (!who ||
            (!everyBranch &&
             !std::any_of(who->branches.begin(), who->branches.end(), [&](const std::string& b) {
                 return allows(*who, Permission::SignOffReviews, b);
             })))
            return permissionDenied(who.value_or(actor), Permission::SignOffReviews);
        const auto took = storage::DeskPaymentRepository(db_).officersOn(date);
        std::vector<DeskDay> out;
        for (const auto& s : storage::UserRepository(db_).list()) {
            const User& u = s.user;
            if (u.role != Role::Officer && u.role != Role::Supervisor)
                continue;
            if (!everyBranch && !supervises(*who, u))
                continue;
            if (u.disabled && !std::binary_search(took.begin(), took.end(), u.username))
                continue;
            out.push_back(load(u, date));
        }
        return out;
    });
}

Result<DeskDay> DayCloseService::close(const User& actor, Date date, Amount cashCounted,
                                       std::string_view differenceReason) {
    return atEdge([&]() -> Result<DeskDay> {
        storage::Transaction tx(db_);
        const auto who = currentUser(db_, actor);
        if (!who || !takesPayments(*who))
            return permissionDenied(who.value_or(actor), Permission::WorkOwnCases);
        DeskDay before = load(*who, date);
        if (before.state != DayState::Open)
            return Error{fmt::format("the day {} of {} is already closed (at {}); a supervisor "
                                     "reopens it when something must be added",
                                     date.toString(), who->username, before.lastClose()->closedAt),
                         ErrorKind::Conflict};
        const std::string reason = trimmed(differenceReason);
        if (auto bad = checkCashCount(before.summary.cashExpected, cashCounted, reason))
            return *bad;
        DayCloseRecord r;
        r.officer = who->username;
        r.businessDate = date;
        r.closedAt = clock_.isoNow();
        r.receiptCount = before.summary.receiptCount;
        r.received = before.summary.received;
        r.cashExpected = before.summary.cashExpected;
        r.cashCounted = cashCounted;
        r.differenceReason = cashCounted == r.cashExpected ? std::string() : reason;
        DeskDayRepository days(db_);
        days.insertClose(r);
        auto after = closeJson(toClose(r));
        after["reversal_count"] = before.summary.reversalCount;
        after["reversed_minor"] = before.summary.reversed;
        days.audit(r.closedAt, who->username, "close_day", who->username, date, {}, after.dump());
        DeskDay done = load(*who, date);
        tx.commit();
        return done;
    });
}

Result<DeskDay> DayCloseService::signOff(const User& actor, std::string_view officer, Date date) {
    return atEdge([&]() -> Result<DeskDay> {
        storage::Transaction tx(db_);
        const auto decision = dayDecision(db_, actor, officer, "sign off");
        if (!decision)
            return decision.error();
        const User* who = &decision->who;
        const User& of = decision->officer;
        const DeskDay before = load(of, date);
        if (before.state != DayState::Closed)
            return Error{before.state == DayState::Open
                             ? fmt::format("the day {} of {} is not closed: it is signed off "
                                           "after the officer has counted the cash and closed it",
                                           date.toString(), of.username)
                             : fmt::format("the day {} of {} is already signed off by {}",
                                           date.toString(), of.username,
                                           before.lastClose()->signedBy),
                         ErrorKind::Conflict};
        DeskDayRepository days(db_);
        const auto closes = days.closes(of.username, date);
        const std::string now = clock_.isoNow();
        days.insertSignOff(closes.back().id, who->username, now);
        days.audit(now, who->username, "sign_off_day", of.username, date,
                   closeJson(*before.lastClose()).dump(),
                   nlohmann::ordered_json{{"signed_by", who->username}}.dump());
        DeskDay done = load(of, date);
        tx.commit();
        return done;
    });
}

Result<DeskDay> DayCloseService::reopen(const User& actor, std::string_view officer, Date date,
                                        std::string_view reason) {
    return atEdge([&]() -> Result<DeskDay> {
        storage::Transaction tx(db_);
        const auto decision = dayDecision(db_, actor, officer, "reopen");
        if (!decision)
            return decision.error();
        const User* who = &decision->who;
        const User& of = decision->officer;
        const std::string why = trimmed(reason);
        if (why.empty())
            return Error{"reopening a day needs a reason (e.g. \"cheque found after the close\")",
                         ErrorKind::Invalid, Hint::GiveReason};
        const DeskDay before = load(of, date);
        if (before.state == DayState::Open)
            return Error{fmt::format("the day {} of {} is open: there is nothing to reopen",
                                     date.toString(), of.username),
                         ErrorKind::Conflict};
        DeskDayRepository days(db_);
        const auto closes = days.closes(of.username, date);
        const std::string now = clock_.isoNow();
        days.insertReopening(closes.back().id, who->username, now, why);
        days.audit(now, who->username, "reopen_day", of.username, date,
                   nlohmann::ordered_json{{"state", toString(before.state)}}.dump(),
                   nlohmann::ordered_json{{"state", "open"}, {"reason", why}}.dump());
        DeskDay done = load(of, date);
        tx.commit();
        return done;
    });
}

} // namespace rd::services

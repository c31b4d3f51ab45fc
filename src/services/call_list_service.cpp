#include "call_list_service.h"

#include "case_access.h"
#include "core/early_warning.h"
#include "service_edge.h"
#include "storage/case_query_repository.h"
#include "storage/counselling_repository.h"
#include "storage/database.h"
#include "storage/legal_repository.h"
#include "storage/letter_repository.h"
#include "storage/plan_repository.h"
#include "storage/portfolio_settings.h"
#include "storage/user_repository.h"

#include <fmt/format.h>
#include <unordered_map>

namespace rd::services {

// Built from a few set-based reads (the officer's open cases with their loans, clients and
// cached ledgers; the promises and contacts of those loans), with the settings read once:
// the same figures as CaseFile::callListCase, without a case file per case.
Result<CallList> CallListService::forOfficer(const User& actor, std::string_view username,
                                             Date date) const {
    return atEdge([&]() -> Result<CallList> {
        const auto user = storage::UserRepository(db_).find(username);
        if (!user)
            return Error{fmt::format("there is no user named \"{}\"", username),
                         ErrorKind::NotFound, Hint::ListUsers};
        // Our rule: an officer reads their own list; a supervisor the lists of the people of
        // their branches; an administrator (and the local operator) any.
        const auto who = currentUser(db_, actor);
        bool may = who && !who->disabled && who->username == user->user.username;
        if (who && !may)
            for (const auto& branch : user->user.branches)
                may = may || allows(*who, Permission::WorkBranchCases, branch);
        if (who && !may)
            may = allows(*who, Permission::ReadBranch) &&
                  (who->role == Role::Admin || who->role == Role::LocalOperator);
        if (!may)
            return Error{
                fmt::format("permission denied for {} ({}): an officer reads their own call "
                            "list; a supervisor those of their branch",
                            actor.username, roleCode(who ? who->role : actor.role)),
                ErrorKind::Denied};
        const auto currency = db_.currency();
        if (!currency)
            return Error{"the database has no portfolio yet (import one first)",
                         ErrorKind::NotFound};
        CallList list;
        list.officer = user->user.username;
        list.date = date;
        list.currency = *currency;
        const storage::DeskSettings settings = storage::loadDeskSettings(db_);
        PositionCalculator calc(storage::loadDelinquencyPolicy(db_));

        storage::CaseQueryRepository repo(db_);
        storage::CaseQuery query;
        query.assignedTo = {user->user.id};
        auto records = repo.cases(query, storage::BranchScope{true, {}});
        std::vector<std::int64_t> keys;
        for (const auto& r : records)
            keys.push_back(r.loanKey);
        const auto promises = repo.promisesOf(keys);
        const auto contacts = repo.contactsOf(keys);
        const auto plans = storage::PlanRepository(db_).approvedOf(keys);
        std::unordered_map<std::string, std::vector<CallListFollowUp>> followUps;
        for (const auto& due : storage::CounsellingRepository(db_).followUpsDue(date))
            followUps[due.loanId].push_back({due.referralId, due.organisation, due.followUpOn});
        const auto holidays = parseHolidays(db_.setting("holidays").value_or(kHolidaysDefault));
        const auto hearings =
            storage::LegalRepository(db_).hearingsDue(date, holidays ? *holidays : Holidays{});
        const auto deadlines = storage::LetterRepository(db_).latestDeadlines(date);

        std::vector<CallListCase> entries;
        entries.reserve(records.size());
        for (const auto& r : records) {
            CallListCase c;
            c.loanId = r.loanId;
            c.clientId = r.ledger.terms.clientId;
            c.clientName = r.clientName;
            c.phone = r.phone;
            c.officer = r.officer;
            c.stage = r.stage;
            c.nextActionOn = r.nextActionOn;
            c.position = calc.compute(r.ledger, date);
            if (c.position.bucketIndex)
                c.bucket = calc.policy().buckets.nameFor(c.position.daysPastDue);
            c.roll = nextBucketRoll(c.position, calc.policy().buckets);
            EarlyWarningInput input;
            input.loan = &r.ledger;
            input.asOf = date;
            input.currencyCode = currency->code;
            input.currencyExponent = currency->exponent;
            input.caseOpenedOn = r.openedOn;
            if (const auto p = promises.find(r.loanKey); p != promises.end()) {
                for (const auto& promise : p->second) {
                    const auto e = evaluatePromise(promise, r.ledger.payments, date,
                                                   settings.promiseGraceDays);
                    input.promiseStatuses.push_back(e.status);
                    c.latestPromise = promise;
                    c.latestPromiseEvaluation = e;
                }
            }
            bool contactedSinceOpening = false;
            if (const auto found = contacts.find(r.loanKey); found != contacts.end()) {
                for (const auto& contact : found->second) {
                    if (contact.at.date > date)
                        continue;
                    c.lastContactAt = contact.at;
                    input.contacts.push_back({contact.at, contact.outcome});
                    if (contact.at.date >= r.openedOn)
                        contactedSinceOpening = true;
                }
            }
            c.newNotContacted = !contactedSinceOpening;
            if (const auto p = plans.find(r.loanKey); p != plans.end())
                c.plan = callListPlan(p->second, r.ledger.payments, date);
            if (const auto f = followUps.find(r.loanId); f != followUps.end())
                c.followUps = f->second;
            if (const auto h = hearings.find(r.loanId); h != hearings.end())
                c.hearings = h->second;
            if (const auto l = deadlines.find(r.caseId); l != deadlines.end())
                c.letterDeadline = l->second;
            c.flags = earlyWarnings(input, calc);
            entries.push_back(std::move(c));
        }
        CallListOptions options;
        options.currencyCode = currency->code;
        options.currencyExponent = currency->exponent;
        options.weights = weights_ ? *weights_ : settings.weights;
        options.officer = list.officer;
        list.items = buildCallList(entries, date, options);
        return list;
    });
}

} // namespace rd::services

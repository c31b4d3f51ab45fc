#include "case_query_service.h"

#include "case_access.h"
#include "core/early_warning.h"
#include "service_edge.h"
#include "storage/case_query_repository.h"
#include "storage/case_repository.h"
#include "storage/database.h"
#include "storage/portfolio_queries.h"
#include "storage/portfolio_settings.h"
#include "storage/user_repository.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_map>

namespace rd::services {
namespace {

using storage::BranchScope;
using storage::CaseQueryRepository;

bool inScope(const BranchScope& scope, const std::string& branch) {
    return scope.all ||
           std::find(scope.branches.begin(), scope.branches.end(), branch) != scope.branches.end();
}

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    while (!out.empty() && (out.front() == ' ' || out.front() == '\t'))
        out.erase(out.begin());
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t'))
        out.pop_back();
    return out;
}

} // namespace

Result<std::vector<CaseRow>> CaseQueryService::cases(const User& actor, const CaseFilter& filter,
                                                     Date asOf) const {
    return atEdge([&]() -> Result<std::vector<CaseRow>> {
        auto scope = readScope(db_, actor);
        if (!scope)
            return scope.error();
        if (!filter.branch.empty() && !inScope(*scope, filter.branch))
            return Error{fmt::format("permission denied for {}: branch {} is not one of theirs; {}",
                                     actor.username, filter.branch, whoMay(Permission::ReadBranch)),
                         ErrorKind::Denied};
        storage::CaseQuery query;
        query.openOnly = filter.openOnly;
        query.branch = filter.branch;
        query.officer = filter.officer;
        query.stage = filter.stage;
        query.text = lowerAscii(filter.text);
        CaseQueryRepository repo(db_);
        auto records = repo.cases(query, *scope);
        std::vector<std::int64_t> keys;
        keys.reserve(records.size());
        for (const auto& r : records)
            keys.push_back(r.loanKey);
        const auto promises = repo.promisesOf(keys);
        const auto contacts = repo.contactsOf(keys);
        const auto currency = db_.currency();
        const int grace = storage::loadDeskSettings(db_).promiseGraceDays;
        PositionCalculator calc(storage::loadDelinquencyPolicy(db_));

        std::vector<CaseRow> rows;
        rows.reserve(records.size());
        for (auto& r : records) {
            CaseRow row;
            row.caseId = r.caseId;
            row.loanId = r.loanId;
            row.clientName = r.clientName;
            row.phone = r.phone;
            row.branch = r.branch;
            row.officer = r.officer;
            row.stage = r.stage;
            row.open = r.open;
            row.openedOn = r.openedOn;
            row.closedOn = r.closedOn;
            row.nextActionOn = r.nextActionOn;
            row.nextActionKind = r.nextActionKind;
            const LoanPosition pos = calc.compute(r.ledger, asOf);
            row.loanStatus = pos.status;
            row.dpd = pos.daysPastDue;
            row.arrears = pos.arrears.total();
            row.outstandingPrincipal = pos.outstandingPrincipal;
            if (pos.bucketIndex)
                row.bucket = calc.policy().buckets.nameFor(pos.daysPastDue);
            row.suggestedStage = suggestedStage(pos.daysPastDue, pos.status);

            EarlyWarningInput input;
            input.loan = &r.ledger;
            input.asOf = asOf;
            if (currency) {
                input.currencyCode = currency->code;
                input.currencyExponent = currency->exponent;
            }
            if (const auto p = promises.find(r.loanKey); p != promises.end()) {
                for (const auto& promise : p->second) {
                    const auto e = evaluatePromise(promise, r.ledger.payments, asOf, grace);
                    input.promiseStatuses.push_back(e.status);
                    row.latestPromise = promise;
                    row.latestPromiseEvaluation = e;
                }
            }
            if (const auto c = contacts.find(r.loanKey); c != contacts.end()) {
                for (const auto& contact : c->second) {
                    if (contact.at.date > asOf)
                        continue;
                    row.lastContactAt = contact.at;
                    input.contacts.push_back({contact.at, contact.outcome});
                }
            }
            if (r.open) {
                input.caseOpenedOn = r.openedOn;
                row.flags = static_cast<int>(earlyWarnings(input, calc).size());
            }
            rows.push_back(std::move(row));
        }
        return rows;
    });
}

Result<std::vector<LoanSearchHit>> CaseQueryService::searchLoans(const User& actor,
                                                                 std::string_view text, int limit,
                                                                 std::optional<Date> asOf) const {
    return atEdge([&]() -> Result<std::vector<LoanSearchHit>> {
        auto scope = readScope(db_, actor);
        if (!scope)
            return scope.error();
        const std::string needle = lowerAscii(text);
        if (needle.empty())
            return Error{"type part of a loan id, client id, name, phone or national id to search"};
        CaseQueryRepository repo(db_);
        std::optional<PositionCalculator> calc;
        if (asOf)
            calc.emplace(storage::loadDelinquencyPolicy(db_));
        std::vector<LoanSearchHit> hits;
        for (auto& r : repo.searchLoans(needle, *scope, std::clamp(limit, 1, 1000))) {
            LoanSearchHit h;
            h.loanId = r.loanId;
            h.clientId = r.clientId;
            h.clientName = r.clientName;
            h.phone = r.phone;
            h.nationalId = r.nationalId;
            h.branch = r.branch;
            h.product = r.product;
            h.status = r.importedStatus;
            h.caseOpen = r.openCaseStage.has_value();
            h.caseStage = r.openCaseStage;
            if (calc) {
                if (auto ledger = repo.ledger(r.loanKey)) {
                    const auto pos = calc->compute(*ledger, *asOf);
                    h.status = toString(pos.status);
                    h.dpd = pos.daysPastDue;
                }
            }
            hits.push_back(std::move(h));
        }
        return hits;
    });
}

Result<std::vector<PromiseRow>> CaseQueryService::promisesDue(const User& actor, Date from, Date to,
                                                              Date asOf) const {
    return atEdge([&]() -> Result<std::vector<PromiseRow>> {
        auto scope = readScope(db_, actor);
        if (!scope)
            return scope.error();
        if (to < from)
            return Error{fmt::format("the period ends ({}) before it starts ({})", to.toString(),
                                     from.toString())};
        CaseQueryRepository repo(db_);
        const int grace = storage::loadDeskSettings(db_).promiseGraceDays;
        std::vector<PromiseRow> rows;
        for (auto& r : repo.latestPromisesDue(from, to, *scope)) {
            PromiseRow row;
            row.promiseId = std::stoll(r.promise.id);
            row.loanId = r.loanId;
            row.clientName = r.clientName;
            row.phone = r.phone;
            row.branch = r.branch;
            row.officer = r.officer;
            row.promise = r.promise;
            const auto ledger = repo.ledger(r.loanKey);
            row.evaluation = evaluatePromise(
                r.promise, ledger ? ledger->payments : std::vector<Payment>{}, asOf, grace);
            rows.push_back(std::move(row));
        }
        return rows;
    });
}

Result<std::vector<TeamMemberRow>> CaseQueryService::team(const User& actor, Date date) const {
    return atEdge([&]() -> Result<std::vector<TeamMemberRow>> {
        auto scope = readScope(db_, actor);
        if (!scope)
            return scope.error();
        std::vector<TeamMemberRow> rows;
        std::map<std::int64_t, std::size_t> byUser;
        std::vector<std::int64_t> ids;
        for (const auto& stored : storage::UserRepository(db_).list()) {
            const User& u = stored.user;
            if (u.disabled || u.role == Role::Admin)
                continue;
            const bool inTeam =
                scope->all || std::any_of(u.branches.begin(), u.branches.end(),
                                          [&](const auto& b) { return inScope(*scope, b); });
            if (!inTeam)
                continue;
            byUser[u.id] = rows.size();
            ids.push_back(u.id);
            rows.push_back({u.username, u.fullName, u.role, u.branches, 0, 0, 0, 0, 0});
        }
        if (rows.empty())
            return rows;
        CaseQueryRepository repo(db_);
        storage::CaseQuery query;
        query.openOnly = false;
        query.closedOn = date;
        query.assignedTo = ids;
        const auto records = repo.cases(query, *scope);
        // Each loan counts once for its holder (a case closed and another opened the same day).
        std::unordered_map<std::int64_t, std::pair<std::size_t, const LoanLedger*>> loanHolder;
        for (const auto& r : records) {
            auto& row = rows[byUser.at(*r.assignedTo)];
            if (r.open)
                ++row.openCases;
            loanHolder.emplace(r.loanKey, std::make_pair(byUser.at(*r.assignedTo), &r.ledger));
        }
        for (const auto& [loanKey, holder] : loanHolder)
            for (const auto& p : holder.second->payments)
                if (p.paidOn == date && p.countsOn(date))
                    rows[holder.first].collected += p.amount;
        const int grace = storage::loadDeskSettings(db_).promiseGraceDays;
        for (const auto& [loanKey, promise] : repo.promisesFor(date)) {
            const auto holder = loanHolder.find(loanKey);
            if (holder == loanHolder.end())
                continue;
            auto& row = rows[holder->second.first];
            ++row.promisesDue;
            if (evaluatePromise(promise, holder->second.second->payments, date, grace).status ==
                PromiseStatus::Kept)
                ++row.promisesKept;
        }
        const auto logged = repo.contactsLoggedOn(date);
        for (auto& row : rows)
            if (const auto n = logged.find(row.username); n != logged.end())
                row.contactsLogged = n->second;
        return rows;
    });
}

Result<std::vector<ClientLoanRow>>
CaseQueryService::otherLoans(const User& actor, std::string_view loanId, Date asOf) const {
    return atEdge([&]() -> Result<std::vector<ClientLoanRow>> {
        auto readable = readableLoan(db_, actor, loanId);
        if (!readable)
            return readable.error();
        auto scope = readScope(db_, actor);
        if (!scope)
            return scope.error();
        PositionCalculator calc(storage::loadDelinquencyPolicy(db_));
        std::vector<ClientLoanRow> rows;
        for (auto& r : CaseQueryRepository(db_).otherLoansOfClient(std::string(loanId))) {
            if (!inScope(*scope, r.branch))
                continue; // a loan of another branch the actor may not read
            ClientLoanRow row;
            row.loanId = r.loanId;
            row.product = r.product;
            row.branch = r.branch;
            row.caseOpen = r.caseOpen;
            const auto pos = calc.compute(r.ledger, asOf);
            row.status = pos.status;
            row.dpd = pos.daysPastDue;
            if (pos.bucketIndex)
                row.bucket = calc.policy().buckets.nameFor(pos.daysPastDue);
            row.outstandingPrincipal = pos.outstandingPrincipal;
            row.arrears = pos.arrears.total();
            rows.push_back(std::move(row));
        }
        return rows;
    });
}

Result<std::vector<std::string>> CaseQueryService::branches(const User& actor) const {
    return atEdge([&]() -> Result<std::vector<std::string>> {
        auto scope = readScope(db_, actor);
        if (!scope)
            return scope.error();
        std::vector<std::string> out;
        for (auto& b : storage::PortfolioQueries(db_).branches())
            if (inScope(*scope, b))
                out.push_back(std::move(b));
        return out;
    });
}

} // namespace rd::services

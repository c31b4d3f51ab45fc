#include "plan_service.h"

#include "case_access.h"
#include "core/plan_standing.h"
#include "core/reschedule.h"
#include "core/text_trim.h"
#include "service_edge.h"
#include "storage/case_repository.h"
#include "storage/database.h"
#include "storage/loan_repository.h"
#include "storage/plan_repository.h"
#include "storage/portfolio_settings.h"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rd::services {
namespace {

using Json = nlohmann::ordered_json;
using storage::PlanRepository;

int exponentOf(const storage::Database& db) {
    const auto c = db.currency();
    return c ? c->exponent : 2;
}

Error noPlan(std::int64_t id) {
    return Error{fmt::format("no plan {} (see `plans` for the plans of a loan)", id),
                 ErrorKind::NotFound};
}

bool fullyApproved(const PlanRecord& p) {
    return p.approvals() >= p.approvalsNeeded;
}

PlanView viewOf(storage::Database& db, PlanRecord plan, Date asOf,
                const std::optional<LoanLedger>& known = std::nullopt) {
    PlanView v;
    storage::CaseRepository cases(db);
    if (auto info = cases.loanInfo(plan.loanId)) {
        v.clientName = info->clientName;
        v.branch = info->branch;
    }
    PlanRepository repo(db);
    v.waiver = repo.waiver(plan.id);
    if (plan.budgetId)
        v.budget = repo.budget(*plan.budgetId);
    std::optional<LoanLedger> ledger = known;
    if (!ledger && plan.approvals() > 0)
        ledger = storage::LoanRepository(db).findLoanByKey(plan.loanKey);
    PlanStanding standing =
        planStanding(plan, ledger ? ledger->payments : std::vector<Payment>{}, asOf);
    v.status = standing.status;
    v.activatedOn = standing.activatedOn;
    v.score = std::move(standing.score);
    v.plan = std::move(plan);
    return v;
}

Json termsJson(const ScheduleInput& in, bool capitalise, Amount amount,
               const ComponentAmounts& unpaidBefore) {
    Json j;
    j["amount"] = amount;
    j["capitalise"] = capitalise;
    j["unpaid_interest"] = unpaidBefore.interest;
    j["unpaid_fees"] = unpaidBefore.fees;
    j["unpaid_penalties"] = unpaidBefore.penalties;
    j["rate"] = toString(in.ratePercent);
    j["rate_per"] = in.ratePer == RatePer::Year ? "year" : "month";
    j["method"] = in.method == InterestMethod::Declining ? "declining" : "flat";
    j["amortization"] = in.amortization == Amortization::EqualInstallments ? "equal_installments"
                                                                           : "equal_principal";
    j["day_count"] = in.dayCount == DayCount::Thirty360   ? "30/360"
                     : in.dayCount == DayCount::Actual365 ? "actual/365"
                                                          : "actual/actual";
    j["every"] = in.every;
    j["unit"] = in.unit == PeriodUnit::Weeks ? "weeks" : "months";
    j["installments"] = in.installments;
    j["first_due"] = in.firstDue ? Json(in.firstDue->toString()) : Json(nullptr);
    j["principal_grace"] = in.principalGrace;
    return j;
}

std::string money(const storage::Database& db, Amount a) {
    return formatAmount(a, exponentOf(db));
}

} // namespace

PlanService::PlanService(storage::Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

Result<PlanDraft> PlanService::draft(const User& actor, const PlanProposal& proposal,
                                     Date businessDate) {
    return atEdge([&]() -> Result<PlanDraft> {
        auto c = workableCase(db_, actor, proposal.loanId);
        if (!c)
            return c.error();
        const auto ledger = storage::LoanRepository(db_).findLoanByKey(c->loanKey);
        if (!ledger)
            return noLoan(proposal.loanId);
        const DelinquencyPolicy policy = storage::loadDelinquencyPolicy(db_);
        const storage::DeskSettings desk = storage::loadDeskSettings(db_);
        const int exponent = exponentOf(db_);
        PlanDraft d;
        d.kind = proposal.kind;
        d.start = proposal.start.value_or(businessDate);
        if (d.start < ledger->terms.disbursedOn)
            return Error{fmt::format("the plan cannot start on {}, before the loan was disbursed "
                                     "on {}",
                                     d.start.toString(), ledger->terms.disbursedOn.toString())};
        PositionCalculator calc(policy);
        const LoanPosition pos = calc.compute(*ledger, d.start);
        if (pos.status != LoanStatus::Active)
            return Error{fmt::format("loan {} is {} as of {}: a plan is only for an active loan",
                                     proposal.loanId, toString(pos.status), d.start.toString()),
                         ErrorKind::Conflict};
        d.balance = planBalance(pos);
        d.arrears = pos.arrears.total();
        Amount minimum = 1;
        switch (proposal.kind) {
        case PlanKind::Arrangement:
            d.installments = proposal.installments;
            minimum = std::max<Amount>(1, d.arrears);
            if (d.arrears == 0)
                d.warnings.push_back(
                    fmt::format("the loan has no arrears as of {}", d.start.toString()));
            break;
        case PlanKind::Settlement:
            d.installments = proposal.installments;
            break;
        case PlanKind::Reschedule: {
            if (!proposal.reschedule)
                return Error{"a reschedule needs the terms of its new schedule (rate, method, day "
                             "count, frequency and number of installments)"};
            auto base = rescheduleBase(*ledger, d.start, policy);
            if (!base)
                return base.error();
            ScheduleInput in = *proposal.reschedule;
            in.amount = base->amount(proposal.capitalise);
            in.start = d.start;
            in.exponent = exponent;
            auto computed = computeSchedule(in);
            if (!computed)
                return computed.error();
            d.schedule = composeReschedule(*base, proposal.capitalise, *computed);
            d.installments = rescheduleInstallments(*d.schedule);
            d.rescheduledAmount = in.amount;
            break;
        }
        }
        for (std::size_t i = 0; i < d.installments.size(); ++i)
            d.installments[i].n = static_cast<int>(i) + 1;
        d.problems = checkPlanInstallments(d.installments, d.start, minimum, exponent);
        d.total = planTotal(d.installments);
        if (proposal.kind == PlanKind::Settlement) {
            if (d.total >= d.balance)
                d.problems.push_back(
                    {std::nullopt, "amount",
                     fmt::format("a settlement is for less than the balance of {}; for the whole "
                                 "balance propose an arrangement",
                                 formatAmount(d.balance, exponent))});
            else
                d.waived = d.balance - d.total;
        }
        d.waiverLimit = divideRoundHalfEven(
            static_cast<WideAmount>(d.balance) * desk.planWaiverLimitPercent, 100);
        d.approvalsNeeded = static_cast<WideAmount>(d.waived) * 100 >
                                    static_cast<WideAmount>(d.balance) * desk.planWaiverLimitPercent
                                ? 2
                                : 1;
        d.monthlyAmount = monthlyPlanAmount(d.installments, d.start);
        PlanRepository repo(db_);
        if (const auto client = repo.clientOfLoan(c->loanKey))
            if (const auto ref = repo.client(*client))
                d.budget = repo.latestBudget(ref->key, businessDate);
        if (d.budget && d.budget->surplus() > 0) {
            d.allowedMonthly = divideRoundHalfEven(
                static_cast<WideAmount>(d.budget->surplus()) * desk.planMaxShareOfSurplus, 100);
            d.needsAffordabilityReason = d.monthlyAmount > *d.allowedMonthly;
        } else {
            d.needsAffordabilityReason = true;
        }
        return d;
    });
}

Result<std::vector<PlanInstallment>> PlanService::arrangementFor(const User& actor,
                                                                 std::string_view loanId,
                                                                 Date start, int parts, int every,
                                                                 bool months) {
    return atEdge([&]() -> Result<std::vector<PlanInstallment>> {
        auto c = workableCase(db_, actor, loanId);
        if (!c)
            return c.error();
        if (parts < 1 || parts > 120 || every < 1 || every > 120)
            return Error{"give 1 to 120 parts, every 1 to 120 weeks or months"};
        const auto ledger = storage::LoanRepository(db_).findLoanByKey(c->loanKey);
        if (!ledger)
            return noLoan(loanId);
        PositionCalculator calc(storage::loadDelinquencyPolicy(db_));
        const LoanPosition pos = calc.compute(*ledger, start);
        return proposeArrangement(calc.installments(), start, pos.arrears.total(), parts, every,
                                  months);
    });
}

Result<PlanView> PlanService::propose(const User& actor, const PlanProposal& proposal,
                                      Date businessDate) {
    auto d = draft(actor, proposal, businessDate);
    if (!d)
        return d.error();
    return atEdge([&]() -> Result<PlanView> {
        if (!d->problems.empty()) {
            const PlanProblem& p = d->problems.front();
            return Error{p.row ? fmt::format("installment {}: {}", *p.row + 1, p.message)
                               : p.message,
                         ErrorKind::Invalid};
        }
        const std::string reason = trimmed(proposal.affordabilityReason);
        if (d->needsAffordabilityReason && reason.empty()) {
            std::string why =
                !d->budget ? "the client has no budget worksheet"
                : d->budget->surplus() <= 0
                    ? fmt::format("the client's budget shows no monthly surplus ({})",
                                  money(db_, d->budget->surplus()))
                    : fmt::format("the plan's monthly amount {} is more than the {} the client "
                                  "can afford ({}% of the monthly surplus {})",
                                  money(db_, d->monthlyAmount), money(db_, *d->allowedMonthly),
                                  storage::loadDeskSettings(db_).planMaxShareOfSurplus,
                                  money(db_, d->budget->surplus()));
            return Error{why + ": record a budget, or give a written reason for the approver",
                         ErrorKind::Invalid, Hint::GiveReason};
        }
        storage::Transaction tx(db_);
        auto c = workableCase(db_, actor, proposal.loanId);
        if (!c)
            return c.error();
        const User who = currentUser(db_, actor).value_or(actor);
        PlanRepository repo(db_);
        for (const PlanRecord& other : repo.ofLoan(c->loanKey))
            if (!other.ending() && !fullyApproved(other))
                return Error{fmt::format("plan {} of loan {} is still waiting for approval: "
                                         "withdraw it before proposing another",
                                         other.id, proposal.loanId),
                             ErrorKind::Conflict};
        PlanRecord p;
        p.loanKey = c->loanKey;
        p.loanId = c->loanId;
        p.caseId = c->id;
        p.kind = proposal.kind;
        p.start = d->start;
        p.proposedBy = who.username;
        p.proposedAt = clock_.isoNow();
        p.businessDate = businessDate;
        p.note = trimmed(proposal.note);
        p.balance = d->balance;
        p.total = d->total;
        p.waived = d->waived;
        p.graceDays = storage::loadDeskSettings(db_).promiseGraceDays;
        p.approvalsNeeded = d->approvalsNeeded;
        if (d->budget) {
            p.budgetId = d->budget->id;
            p.surplus = d->budget->surplus();
        }
        p.monthlyAmount = d->monthlyAmount;
        p.affordabilityReason = d->needsAffordabilityReason ? reason : std::string();
        if (proposal.kind == PlanKind::Reschedule && proposal.reschedule) {
            ComponentAmounts unpaid;
            if (auto base = rescheduleBase(*storage::LoanRepository(db_).findLoanByKey(c->loanKey),
                                           d->start, storage::loadDelinquencyPolicy(db_)))
                unpaid = base->unpaidBefore;
            p.terms =
                termsJson(*proposal.reschedule, proposal.capitalise, d->rescheduledAmount, unpaid)
                    .dump();
        }
        p.installments = d->installments;
        p.id = repo.insertPlan(p);
        Json after;
        after["plan"] = p.id;
        after["loan"] = p.loanId;
        after["kind"] = toString(p.kind);
        after["start"] = p.start.toString();
        after["installments"] = p.installments.size();
        after["total"] = p.total;
        after["waived"] = p.waived;
        after["approvals_needed"] = p.approvalsNeeded;
        after["monthly_amount"] = p.monthlyAmount;
        after["surplus"] = p.surplus ? Json(*p.surplus) : Json(nullptr);
        after["affordability_reason"] =
            p.affordabilityReason.empty() ? Json(nullptr) : Json(p.affordabilityReason);
        storage::CaseRepository(db_).audit(p.proposedAt, who.username, "propose_plan", "plan",
                                           std::to_string(p.id), std::nullopt, after.dump());
        tx.commit();
        return viewOf(db_, std::move(p), businessDate);
    });
}

Result<PlanView> PlanService::approve(const User& actor, std::int64_t planId, std::string comment,
                                      Date businessDate) {
    return atEdge([&]() -> Result<PlanView> {
        comment = trimmed(comment);
        storage::Transaction tx(db_);
        PlanRepository repo(db_);
        auto plan = repo.find(planId);
        if (!plan)
            return noPlan(planId);
        const auto who = currentUser(db_, actor);
        const auto info = storage::CaseRepository(db_).loanInfo(plan->loanId);
        const std::string branch = info ? info->branch : std::string();
        if (!who || !allows(*who, Permission::ApprovePlans, branch))
            return Error{fmt::format("permission denied for {} ({}): only a supervisor of branch "
                                     "{} may approve or reject a plan",
                                     actor.username, roleCode(actor.role), branch),
                         ErrorKind::Denied};
        if (comment.empty())
            return Error{"an approval needs a comment", ErrorKind::Invalid, Hint::GiveComment};
        if (const PlanDecisionRecord* end = plan->ending())
            return Error{fmt::format("plan {} was {} by {} on {}; it cannot be approved", planId,
                                     end->decision, end->by, end->businessDate.toString()),
                         ErrorKind::Conflict};
        if (fullyApproved(*plan))
            return Error{fmt::format("plan {} is already approved", planId), ErrorKind::Conflict};
        if (plan->proposedBy == who->username)
            return Error{fmt::format("{} proposed plan {}: another supervisor of branch {} must "
                                     "approve it",
                                     who->username, planId, branch),
                         ErrorKind::Denied};
        for (const auto& d : plan->decisions)
            if (d.decision == "approved" && d.by == who->username)
                return Error{fmt::format("{} approved plan {} already; its waiver of {} needs a "
                                         "second approval by a different supervisor",
                                         who->username, planId, money(db_, plan->waived)),
                             ErrorKind::Conflict};
        const std::string now = clock_.isoNow();
        const bool activates = plan->approvals() + 1 >= plan->approvalsNeeded;
        storage::LoanRepository loans(db_);
        if (activates) {
            auto ledger = loans.findLoanByKey(plan->loanKey);
            if (!ledger)
                return noLoan(plan->loanId);
            const DelinquencyPolicy policy = storage::loadDelinquencyPolicy(db_);
            if (plan->kind == PlanKind::Reschedule) {
                if (plan->start > businessDate)
                    return Error{fmt::format("reschedule plan {} starts on {}: approve it on or "
                                             "after its start",
                                             planId, plan->start.toString()),
                                 ErrorKind::Conflict};
                const Json terms = Json::parse(plan->terms, nullptr, false);
                const bool capitalise = terms.is_object() && terms.value("capitalise", false);
                auto base = rescheduleBase(*ledger, plan->start, policy);
                if (!base)
                    return base.error();
                const Amount proposed = terms.is_object() ? terms.value("amount", Amount{0}) : 0;
                if (base->amount(capitalise) != proposed)
                    return Error{
                        fmt::format("the balance of loan {} as of {} changed since plan {} "
                                    "was proposed (it was {}, it is {}): withdraw it and "
                                    "propose again",
                                    plan->loanId, plan->start.toString(), planId,
                                    money(db_, proposed), money(db_, base->amount(capitalise))),
                        ErrorKind::Conflict};
                const LocalReschedule r = composeReschedule(*base, plan->installments);
                repo.insertSchedule(planId, r);
            }
            // A loan has at most one active plan: the newly approved one replaces it.
            for (PlanRecord& other : repo.ofLoan(plan->loanKey)) {
                if (other.id == planId)
                    continue;
                const PlanView v = viewOf(db_, other, businessDate, ledger);
                if (v.status != PlanStatus::Active)
                    continue;
                repo.insertDecision(other.id, {0, "cancelled", who->username, now, businessDate,
                                               fmt::format("replaced by plan {}", planId), planId});
                Json after;
                after["plan"] = other.id;
                after["loan"] = other.loanId;
                after["replaced_by_plan"] = planId;
                storage::CaseRepository(db_).audit(now, who->username, "cancel_plan", "plan",
                                                   std::to_string(other.id), "active",
                                                   after.dump());
            }
        }
        repo.insertDecision(planId, {0, "approved", who->username, now, businessDate, comment, {}});
        if (activates)
            loans.refreshLedgerCache({plan->loanKey});
        Json after;
        after["plan"] = planId;
        after["loan"] = plan->loanId;
        after["kind"] = toString(plan->kind);
        after["comment"] = comment;
        after["approvals"] = plan->approvals() + 1;
        after["approvals_needed"] = plan->approvalsNeeded;
        after["active"] = activates;
        storage::CaseRepository(db_).audit(now, who->username, "approve_plan", "plan",
                                           std::to_string(planId), "proposed", after.dump());
        tx.commit();
        return viewOf(db_, *repo.find(planId), businessDate);
    });
}

namespace {

// Rejection (a supervisor of the branch) and withdrawal (the proposer or a supervisor of the
// branch) of a plan that is still waiting for approval.
Result<PlanView> endProposal(storage::Database& db, const Clock& clock, const User& actor,
                             std::int64_t planId, std::string comment, Date businessDate,
                             bool reject) {
    return atEdge([&]() -> Result<PlanView> {
        comment = trimmed(comment);
        storage::Transaction tx(db);
        PlanRepository repo(db);
        auto plan = repo.find(planId);
        if (!plan)
            return noPlan(planId);
        const auto who = currentUser(db, actor);
        const auto info = storage::CaseRepository(db).loanInfo(plan->loanId);
        const std::string branch = info ? info->branch : std::string();
        const bool supervisor = who && allows(*who, Permission::ApprovePlans, branch);
        const bool proposer = who && !who->disabled && who->username == plan->proposedBy;
        if (reject ? !supervisor : !(supervisor || proposer))
            return Error{fmt::format("permission denied for {} ({}): only {} may {} a plan",
                                     actor.username, roleCode(actor.role),
                                     reject ? fmt::format("a supervisor of branch {}", branch)
                                            : fmt::format("its proposer or a supervisor of "
                                                          "branch {}",
                                                          branch),
                                     reject ? "reject" : "withdraw"),
                         ErrorKind::Denied};
        if (comment.empty())
            return Error{reject ? "a rejection needs a comment for the officer"
                                : "a withdrawal needs a reason",
                         ErrorKind::Invalid, reject ? Hint::GiveComment : Hint::GiveReason};
        if (const PlanDecisionRecord* end = plan->ending())
            return Error{fmt::format("plan {} was already {} by {} on {}", planId, end->decision,
                                     end->by, end->businessDate.toString()),
                         ErrorKind::Conflict};
        if (fullyApproved(*plan))
            return Error{fmt::format("plan {} is approved and active; a newer approved plan "
                                     "replaces it",
                                     planId),
                         ErrorKind::Conflict};
        const std::string now = clock.isoNow();
        const char* decision = reject ? "rejected" : "withdrawn";
        repo.insertDecision(planId, {0, decision, who->username, now, businessDate, comment, {}});
        Json after;
        after["plan"] = planId;
        after["loan"] = plan->loanId;
        after["kind"] = toString(plan->kind);
        after["comment"] = comment;
        storage::CaseRepository(db).audit(now, who->username,
                                          reject ? "reject_plan" : "withdraw_plan", "plan",
                                          std::to_string(planId), "proposed", after.dump());
        tx.commit();
        return viewOf(db, *repo.find(planId), businessDate);
    });
}

} // namespace

Result<PlanView> PlanService::reject(const User& actor, std::int64_t planId, std::string comment,
                                     Date businessDate) {
    return endProposal(db_, clock_, actor, planId, std::move(comment), businessDate, true);
}

Result<PlanView> PlanService::withdraw(const User& actor, std::int64_t planId, std::string reason,
                                       Date businessDate) {
    return endProposal(db_, clock_, actor, planId, std::move(reason), businessDate, false);
}

Result<PlanView> PlanService::show(const User& actor, std::int64_t planId, Date asOf) {
    return atEdge([&]() -> Result<PlanView> {
        auto plan = PlanRepository(db_).find(planId);
        if (!plan)
            return noPlan(planId);
        auto loan = readableLoan(db_, actor, plan->loanId);
        if (!loan)
            return loan.error();
        return viewOf(db_, std::move(*plan), asOf);
    });
}

Result<std::vector<PlanView>> PlanService::list(const User& actor,
                                                const std::optional<std::string>& loanId,
                                                std::optional<PlanStatus> status, Date asOf) {
    return atEdge([&]() -> Result<std::vector<PlanView>> {
        const auto who = currentUser(db_, actor);
        if (!who)
            return permissionDenied(actor, Permission::ReadBranch);
        std::vector<PlanRecord> plans;
        PlanRepository repo(db_);
        if (loanId) {
            auto loan = readableLoan(db_, actor, *loanId);
            if (!loan)
                return loan.error();
            plans = repo.ofLoan(loan->key);
        } else {
            plans = repo.all();
        }
        std::vector<PlanView> out;
        for (PlanRecord& p : plans) {
            PlanView v = viewOf(db_, std::move(p), asOf);
            if (!allows(*who, Permission::ReadBranch, v.branch))
                continue;
            if (status && v.status != *status)
                continue;
            out.push_back(std::move(v));
        }
        return out;
    });
}

Result<std::vector<PlanExportRow>> PlanService::exportSince(const User& actor, Date since) {
    return atEdge([&]() -> Result<std::vector<PlanExportRow>> {
        // Like the desk payments' export: the whole portfolio, an administrator's job.
        const auto who = currentUser(db_, actor);
        if (!who || !allows(*who, Permission::ImportPortfolio))
            return permissionDenied(who.value_or(actor), Permission::ImportPortfolio);
        std::vector<PlanExportRow> out;
        for (PlanRecord& p : PlanRepository(db_).all()) {
            if (p.kind == PlanKind::Arrangement)
                continue;
            PlanView v = viewOf(db_, std::move(p), since);
            std::optional<Date> on;
            if (v.plan.kind == PlanKind::Reschedule)
                on = v.activatedOn;
            else if (v.waiver)
                on = v.waiver->waivedOn;
            if (on && *on >= since)
                out.push_back({std::move(v), *on});
        }
        std::stable_sort(
            out.begin(), out.end(),
            [](const PlanExportRow& a, const PlanExportRow& b) { return a.postedOn < b.postedOn; });
        return out;
    });
}

Result<BudgetRecord> PlanService::setBudget(const User& actor, std::string_view clientId,
                                            std::vector<BudgetLine> lines, Date businessDate,
                                            std::string note) {
    return atEdge([&]() -> Result<BudgetRecord> {
        storage::Transaction tx(db_);
        PlanRepository repo(db_);
        const auto client = repo.client(clientId);
        if (!client)
            return Error{
                fmt::format("no client \"{}\" (check the client id, or import it first)", clientId),
                ErrorKind::NotFound};
        const auto who = currentUser(db_, actor);
        if (!who || !allows(*who, Permission::WorkOwnCases, client->branch))
            return Error{fmt::format("permission denied for {} ({}): only an officer or supervisor "
                                     "of branch {} may record a client's budget",
                                     actor.username, roleCode(actor.role), client->branch),
                         ErrorKind::Denied};
        bool anyIncome = false;
        for (BudgetLine& l : lines) {
            l.name = trimmed(l.name);
            if (l.name.empty())
                return Error{"every budget line needs a name (e.g. shop takings, rent)"};
            if (l.monthly < 0 || l.monthly > kMaxAmount)
                return Error{fmt::format("the monthly amount of \"{}\" must be 0 or more", l.name)};
            anyIncome = anyIncome || l.income;
        }
        if (!anyIncome)
            return Error{"a budget needs at least one income line (what the household earns a "
                         "month)"};
        BudgetRecord b;
        b.clientId = std::string(clientId);
        b.date = businessDate;
        b.enteredBy = who->username;
        b.enteredAt = clock_.isoNow();
        b.note = trimmed(note);
        b.lines = std::move(lines);
        b.id = repo.insertBudget(client->key, b);
        Json after;
        after["client"] = b.clientId;
        after["date"] = b.date.toString();
        after["income"] = b.income();
        after["expenses"] = b.expenses();
        after["surplus"] = b.surplus();
        storage::CaseRepository(db_).audit(b.enteredAt, who->username, "set_budget", "client",
                                           b.clientId, std::nullopt, after.dump());
        tx.commit();
        return b;
    });
}

Result<std::optional<BudgetRecord>>
PlanService::latestBudget(const User& actor, std::string_view clientId, Date asOf) {
    return atEdge([&]() -> Result<std::optional<BudgetRecord>> {
        PlanRepository repo(db_);
        const auto client = repo.client(clientId);
        if (!client)
            return Error{fmt::format("no client \"{}\"", clientId), ErrorKind::NotFound};
        const auto who = currentUser(db_, actor);
        if (!who || !allows(*who, Permission::ReadBranch, client->branch))
            return permissionDenied(who.value_or(actor), Permission::ReadBranch);
        return repo.latestBudget(client->key, asOf);
    });
}

Result<std::vector<BudgetRecord>> PlanService::budgetsOfClient(const User& actor,
                                                               std::string_view clientId) {
    return atEdge([&]() -> Result<std::vector<BudgetRecord>> {
        PlanRepository repo(db_);
        const auto client = repo.client(clientId);
        if (!client)
            return Error{fmt::format("no client \"{}\"", clientId), ErrorKind::NotFound};
        const auto who = currentUser(db_, actor);
        if (!who || !allows(*who, Permission::ReadBranch, client->branch))
            return permissionDenied(who.value_or(actor), Permission::ReadBranch);
        return repo.budgets(client->key);
    });
}

} // namespace rd::services

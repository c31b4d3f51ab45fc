#include "plan_repository.h"

#include "date_columns.h"

#include <algorithm>
#include <fmt/format.h>

namespace rd::storage {
namespace {

constexpr const char* kPlanColumns =
    "SELECT p.id, p.loan_pk, l.loan_id, p.case_id, p.kind, p.start_date, p.proposed_by, "
    "p.proposed_at, p.business_date, p.note, p.balance, p.total, p.waived, p.grace_days, "
    "p.approvals_needed, p.budget_id, p.monthly_amount, p.surplus, p.affordability_reason, "
    "p.terms FROM plans p JOIN loans l ON l.id = p.loan_pk ";

} // namespace

std::int64_t PlanRepository::insertPlan(const PlanRecord& p) {
    auto s = db_.prepare(
        "INSERT INTO plans(loan_pk, case_id, kind, start_date, proposed_by, proposed_at, "
        "business_date, note, balance, total, waived, grace_days, approvals_needed, budget_id, "
        "monthly_amount, surplus, affordability_reason, terms) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
    s.bind(1, p.loanKey).bind(2, p.caseId).bind(3, toString(p.kind)).bind(4, p.start.toString());
    s.bind(5, p.proposedBy).bind(6, p.proposedAt).bind(7, p.businessDate.toString());
    s.bind(8, p.note).bind(9, p.balance).bind(10, p.total).bind(11, p.waived);
    s.bind(12, p.graceDays).bind(13, p.approvalsNeeded).bind(14, p.budgetId);
    s.bind(15, p.monthlyAmount).bind(16, p.surplus).bind(17, p.affordabilityReason);
    s.bind(18, p.terms);
    s.execute();
    const std::int64_t id = sqlite3_last_insert_rowid(db_.handle());
    auto row = db_.prepare("INSERT INTO plan_installments(plan_id, n, due_date, amount, "
                           "principal, interest, fees, penalties) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    for (const PlanInstallment& i : p.installments) {
        row.bind(1, id).bind(2, i.n).bind(3, i.dueDate.toString()).bind(4, i.amount);
        row.bind(5, i.parts.principal).bind(6, i.parts.interest).bind(7, i.parts.fees);
        row.bind(8, i.parts.penalties);
        row.execute();
        row.reset();
    }
    return id;
}

void PlanRepository::insertDecision(std::int64_t planId, const PlanDecisionRecord& d) {
    auto s = db_.prepare("INSERT INTO plan_decisions(plan_id, decision, decided_by, decided_at, "
                         "business_date, comment, replaced_by_plan) VALUES(?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, planId).bind(2, d.decision).bind(3, d.by).bind(4, d.at);
    s.bind(5, d.businessDate.toString()).bind(6, d.comment).bind(7, d.replacedByPlan);
    s.execute();
}

void PlanRepository::insertSchedule(std::int64_t planId, const LocalReschedule& r) {
    auto s = db_.prepare("INSERT INTO plan_schedule_rows(plan_id, installment_no, due_date, "
                         "principal_due, interest_due, fee_due, penalty_due, new_row) "
                         "VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t k = 0; k < r.schedule.size(); ++k) {
        const Installment& i = r.schedule[k];
        s.bind(1, planId).bind(2, i.number).bind(3, i.dueDate.toString()).bind(4, i.principalDue);
        s.bind(5, i.interestDue).bind(6, i.feeDue).bind(7, i.penaltyDue);
        s.bind(8, k >= r.firstNew ? 1 : 0);
        s.execute();
        s.reset();
    }
}

void PlanRepository::insertWaiver(const PlanWaiverRecord& w) {
    auto s = db_.prepare("INSERT INTO plan_waivers(plan_id, waived_on, principal, interest, fees, "
                         "penalties, recorded_at, recorded_by) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, w.planId).bind(2, w.waivedOn.toString()).bind(3, w.parts.principal);
    s.bind(4, w.parts.interest).bind(5, w.parts.fees).bind(6, w.parts.penalties);
    s.bind(7, w.recordedAt).bind(8, w.recordedBy);
    s.execute();
}

std::vector<PlanRecord> PlanRepository::query(const std::string& where,
                                              std::optional<std::int64_t> arg) const {
    std::vector<PlanRecord> plans;
    auto s = db_.prepare(fmt::format("{}{} ORDER BY p.id", kPlanColumns, where));
    if (arg)
        s.bind(1, *arg);
    while (s.step()) {
        PlanRecord p;
        p.id = s.int64(0);
        p.loanKey = s.int64(1);
        p.loanId = s.string(2);
        if (!s.isNull(3))
            p.caseId = s.int64(3);
        p.kind = planKindFromString(s.text(4)).value_or(PlanKind::Arrangement);
        p.start = dateColumn(s, 5);
        p.proposedBy = s.string(6);
        p.proposedAt = s.string(7);
        p.businessDate = dateColumn(s, 8);
        p.note = s.string(9);
        p.balance = s.int64(10);
        p.total = s.int64(11);
        p.waived = s.int64(12);
        p.graceDays = s.int32(13);
        p.approvalsNeeded = s.int32(14);
        if (!s.isNull(15))
            p.budgetId = s.int64(15);
        p.monthlyAmount = s.int64(16);
        if (!s.isNull(17))
            p.surplus = s.int64(17);
        p.affordabilityReason = s.string(18);
        p.terms = s.string(19);
        plans.push_back(std::move(p));
    }
    auto rows = db_.prepare("SELECT n, due_date, amount, principal, interest, fees, penalties "
                            "FROM plan_installments WHERE plan_id = ? ORDER BY n");
    auto decisions = db_.prepare("SELECT id, decision, decided_by, decided_at, business_date, "
                                 "comment, replaced_by_plan FROM plan_decisions WHERE plan_id = ? "
                                 "ORDER BY id");
    for (PlanRecord& p : plans) {
        rows.bind(1, p.id);
        while (rows.step())
            p.installments.push_back(
                {rows.int32(0),
                 dateColumn(rows, 1),
                 rows.int64(2),
                 {rows.int64(3), rows.int64(4), rows.int64(5), rows.int64(6)}});
        rows.reset();
        decisions.bind(1, p.id);
        while (decisions.step()) {
            PlanDecisionRecord d;
            d.id = decisions.int64(0);
            d.decision = decisions.string(1);
            d.by = decisions.string(2);
            d.at = decisions.string(3);
            d.businessDate = dateColumn(decisions, 4);
            d.comment = decisions.string(5);
            if (!decisions.isNull(6))
                d.replacedByPlan = decisions.int64(6);
            p.decisions.push_back(std::move(d));
        }
        decisions.reset();
    }
    return plans;
}

std::optional<PlanRecord> PlanRepository::find(std::int64_t planId) const {
    auto plans = query("WHERE p.id = ?1", planId);
    if (plans.empty())
        return std::nullopt;
    return std::move(plans.front());
}

std::vector<PlanRecord> PlanRepository::ofLoan(std::int64_t loanKey) const {
    return query("WHERE p.loan_pk = ?1", loanKey);
}

std::vector<PlanRecord> PlanRepository::all() const {
    return query("", std::nullopt);
}

std::unordered_map<std::int64_t, std::vector<PlanRecord>>
PlanRepository::approvedOf(const std::vector<std::int64_t>& loanKeys) const {
    std::unordered_map<std::int64_t, std::vector<PlanRecord>> out;
    // Keys are integers, written into the SQL 500 at a time.
    constexpr std::size_t kChunk = 500;
    for (std::size_t first = 0; first < loanKeys.size(); first += kChunk) {
        std::string in;
        for (std::size_t i = first; i < std::min(loanKeys.size(), first + kChunk); ++i)
            in += fmt::format("{}{}", in.empty() ? "" : ", ", loanKeys[i]);
        for (PlanRecord& p : query(fmt::format("WHERE p.loan_pk IN ({}) AND EXISTS (SELECT 1 FROM "
                                               "plan_decisions d WHERE d.plan_id = p.id AND "
                                               "d.decision = 'approved')",
                                               in),
                                   std::nullopt))
            out[p.loanKey].push_back(std::move(p));
    }
    return out;
}

std::optional<PlanWaiverRecord> PlanRepository::waiver(std::int64_t planId) const {
    auto s = db_.prepare("SELECT waived_on, principal, interest, fees, penalties, recorded_at, "
                         "recorded_by FROM plan_waivers WHERE plan_id = ?");
    s.bind(1, planId);
    if (!s.step())
        return std::nullopt;
    return PlanWaiverRecord{planId,
                            dateColumn(s, 0),
                            {s.int64(1), s.int64(2), s.int64(3), s.int64(4)},
                            s.string(5),
                            s.string(6)};
}

std::optional<PlanRepository::ClientRef> PlanRepository::client(std::string_view clientId) const {
    auto s = db_.prepare("SELECT id, branch, full_name FROM clients WHERE client_id = ?");
    s.bind(1, clientId);
    if (!s.step())
        return std::nullopt;
    return ClientRef{s.int64(0), s.string(1), s.string(2)};
}

std::optional<std::string> PlanRepository::clientOfLoan(std::int64_t loanKey) const {
    auto s = db_.prepare(
        "SELECT c.client_id FROM loans l JOIN clients c ON c.id = l.client_pk WHERE l.id = ?");
    s.bind(1, loanKey);
    if (!s.step())
        return std::nullopt;
    return s.string(0);
}

std::int64_t PlanRepository::insertBudget(std::int64_t clientKey, const BudgetRecord& b) {
    auto s = db_.prepare("INSERT INTO budgets(client_pk, budget_date, entered_by, entered_at, "
                         "note) VALUES(?, ?, ?, ?, ?)");
    s.bind(1, clientKey).bind(2, b.date.toString()).bind(3, b.enteredBy).bind(4, b.enteredAt);
    s.bind(5, b.note);
    s.execute();
    const std::int64_t id = sqlite3_last_insert_rowid(db_.handle());
    auto line = db_.prepare("INSERT INTO budget_lines(budget_id, line_no, kind, name, "
                            "monthly_amount) VALUES(?, ?, ?, ?, ?)");
    int n = 0;
    for (const BudgetLine& l : b.lines) {
        line.bind(1, id).bind(2, ++n).bind(3, l.income ? "income" : "expense").bind(4, l.name);
        line.bind(5, l.monthly);
        line.execute();
        line.reset();
    }
    return id;
}

void PlanRepository::fillBudgetLines(BudgetRecord& b) const {
    auto s = db_.prepare("SELECT kind, name, monthly_amount FROM budget_lines WHERE budget_id = ? "
                         "ORDER BY line_no");
    s.bind(1, b.id);
    while (s.step())
        b.lines.push_back({s.text(0) == "income", s.string(1), s.int64(2)});
}

namespace {
constexpr const char* kBudgetColumns =
    "SELECT b.id, c.client_id, b.budget_date, b.entered_by, b.entered_at, b.note FROM budgets b "
    "JOIN clients c ON c.id = b.client_pk ";

BudgetRecord budgetFrom(const Statement& s) {
    BudgetRecord b;
    b.id = s.int64(0);
    b.clientId = s.string(1);
    b.date = dateColumn(s, 2);
    b.enteredBy = s.string(3);
    b.enteredAt = s.string(4);
    b.note = s.string(5);
    return b;
}
} // namespace

std::optional<BudgetRecord> PlanRepository::latestBudget(std::int64_t clientKey, Date asOf) const {
    auto s = db_.prepare(fmt::format("{} WHERE b.client_pk = ? AND b.budget_date <= ? "
                                     "ORDER BY b.budget_date DESC, b.id DESC LIMIT 1",
                                     kBudgetColumns));
    s.bind(1, clientKey).bind(2, asOf.toString());
    if (!s.step())
        return std::nullopt;
    BudgetRecord b = budgetFrom(s);
    fillBudgetLines(b);
    return b;
}

std::vector<BudgetRecord> PlanRepository::budgets(std::int64_t clientKey) const {
    std::vector<BudgetRecord> out;
    auto s = db_.prepare(fmt::format("{} WHERE b.client_pk = ? ORDER BY b.budget_date DESC, "
                                     "b.id DESC",
                                     kBudgetColumns));
    s.bind(1, clientKey);
    while (s.step())
        out.push_back(budgetFrom(s));
    for (BudgetRecord& b : out)
        fillBudgetLines(b);
    return out;
}

std::optional<BudgetRecord> PlanRepository::budget(std::int64_t budgetId) const {
    auto s = db_.prepare(fmt::format("{} WHERE b.id = ?", kBudgetColumns));
    s.bind(1, budgetId);
    if (!s.step())
        return std::nullopt;
    BudgetRecord b = budgetFrom(s);
    fillBudgetLines(b);
    return b;
}

} // namespace rd::storage

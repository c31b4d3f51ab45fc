#pragma once

#include "core/loan.h"
#include "core/plan_records.h"
#include "database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rd::storage {

// The SQL of plans, their decisions, an approved reschedule's schedule rows, settlement
// waivers and budgets (schema version 7). No permission checks here (services/ does them);
// callers open the transaction around writes.
class PlanRepository {
public:
    explicit PlanRepository(Database& db) : db_(db) {}

    // Inserts the plan and its installments; returns its id.
    std::int64_t insertPlan(const PlanRecord& plan);
    void insertDecision(std::int64_t planId, const PlanDecisionRecord& decision);
    // An approved reschedule's loan schedule from its start: kept rows, then the new ones.
    void insertSchedule(std::int64_t planId, const LocalReschedule& schedule);
    void insertWaiver(const PlanWaiverRecord& waiver);

    std::optional<PlanRecord> find(std::int64_t planId) const;
    // The loan's plans, oldest first.
    std::vector<PlanRecord> ofLoan(std::int64_t loanKey) const;
    // Every plan, oldest first (for lists and the export).
    std::vector<PlanRecord> all() const;
    // The plans of these loans with at least one approval, oldest first, by loan.
    std::unordered_map<std::int64_t, std::vector<PlanRecord>>
    approvedOf(const std::vector<std::int64_t>& loanKeys) const;
    std::optional<PlanWaiverRecord> waiver(std::int64_t planId) const;

    struct ClientRef {
        std::int64_t key = 0;
        std::string branch;
        std::string name;
    };
    std::optional<ClientRef> client(std::string_view clientId) const;
    // The client id of a loan.
    std::optional<std::string> clientOfLoan(std::int64_t loanKey) const;

    std::int64_t insertBudget(std::int64_t clientKey, const BudgetRecord& budget);
    // The client's latest budget dated on or before `asOf` (the latest entered on that day).
    std::optional<BudgetRecord> latestBudget(std::int64_t clientKey, Date asOf) const;
    std::vector<BudgetRecord> budgets(std::int64_t clientKey) const; // newest first
    std::optional<BudgetRecord> budget(std::int64_t budgetId) const;

private:
    std::vector<PlanRecord> query(const std::string& where, std::optional<std::int64_t> arg) const;
    void fillBudgetLines(BudgetRecord& b) const;

    Database& db_;
};

} // namespace rd::storage

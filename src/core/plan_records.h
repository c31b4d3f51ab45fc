#pragma once

#include "date.h"
#include "loan_position.h"
#include "money.h"
#include "repayment_plan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rd {

// A decision on a plan as stored (schema version 7): approved, rejected, withdrawn, or
// cancelled by a newer plan's approval.
struct PlanDecisionRecord {
    std::int64_t id = 0;
    std::string decision;
    std::string by;
    std::string at; // ISO 8601 UTC
    Date businessDate;
    std::string comment;
    std::optional<std::int64_t> replacedByPlan;
};

// A repayment plan as proposed, with its installments and decisions.
struct PlanRecord {
    std::int64_t id = 0;
    std::int64_t loanKey = 0;
    std::string loanId;
    std::optional<std::int64_t> caseId;
    PlanKind kind = PlanKind::Arrangement;
    Date start;
    std::string proposedBy;
    std::string proposedAt;
    Date businessDate;
    std::string note;
    Amount balance = 0; // outstanding principal + unpaid interest, fees, penalties due before S
    Amount total = 0;   // what the client pays under the plan
    Amount waived = 0;  // a settlement's planned waiver
    int graceDays = 2;
    int approvalsNeeded = 1;
    std::optional<std::int64_t> budgetId;
    Amount monthlyAmount = 0;
    std::optional<Amount> surplus; // of the budget it was measured against
    std::string affordabilityReason;
    std::string terms; // a reschedule's calculator inputs (JSON)
    std::vector<PlanInstallment> installments;
    std::vector<PlanDecisionRecord> decisions;

    int approvals() const {
        int n = 0;
        for (const auto& d : decisions)
            n += d.decision == "approved";
        return n;
    }
    // The decision that ended it (rejected, withdrawn, cancelled), if any.
    const PlanDecisionRecord* ending() const {
        for (const auto& d : decisions)
            if (d.decision != "approved")
                return &d;
        return nullptr;
    }
};

// A settlement's waiver as recorded when it completed.
struct PlanWaiverRecord {
    std::int64_t planId = 0;
    Date waivedOn;
    ComponentAmounts parts;
    std::string recordedAt;
    std::string recordedBy;
};

struct BudgetLine {
    bool income = true;
    std::string name;
    Amount monthly = 0;
};

// A client's budget worksheet (monthly amounts).
struct BudgetRecord {
    std::int64_t id = 0;
    std::string clientId;
    Date date;
    std::string enteredBy;
    std::string enteredAt;
    std::string note;
    std::vector<BudgetLine> lines;

    Amount income() const {
        Amount a = 0;
        for (const auto& l : lines)
            a += l.income ? l.monthly : 0;
        return a;
    }
    Amount expenses() const {
        Amount a = 0;
        for (const auto& l : lines)
            a += l.income ? 0 : l.monthly;
        return a;
    }
    Amount surplus() const { return income() - expenses(); }
};

} // namespace rd

#include "legal_records.h"

namespace rd {

FeasibilityInput FeasibilityRecord::input() const {
    FeasibilityInput in;
    in.balance = balance;
    for (const auto& c : collateral)
        in.collateral.push_back(c.value);
    for (const auto& g : guarantors)
        in.guarantors.push_back(g.value);
    in.costs = costs;
    in.chancePercent = chancePercent;
    return in;
}

std::string LegalCaseRecord::caseNumberNow() const {
    for (auto it = updates.rbegin(); it != updates.rend(); ++it)
        if (it->caseNumber)
            return *it->caseNumber;
    return caseNumber;
}

std::string LegalCaseRecord::lawyerNow() const {
    for (auto it = updates.rbegin(); it != updates.rend(); ++it)
        if (it->lawyer)
            return *it->lawyer;
    return lawyer;
}

Amount totalCosts(const std::vector<RecoveryCostRecord>& costs) {
    Amount total = 0;
    for (const auto& c : costs)
        total += c.amount;
    return total;
}

bool hearingDueOn(Date hearing, Date listDate, const Holidays& holidays) {
    return workingDayBefore(hearing, holidays) <= listDate && listDate <= hearing;
}

} // namespace rd

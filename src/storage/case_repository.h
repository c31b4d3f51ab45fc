#pragma once

#include "core/case_records.h"
#include "core/case_stage.h"
#include "core/contact.h"
#include "core/date.h"
#include "core/promise_to_pay.h"
#include "database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rd::storage {

using rd::CaseEventRecord;
using rd::CaseRecord;
using rd::ContactRecord;
using rd::LoanInfo;

// An officer who may be given new cases, with their current load.
struct OfficerLoad {
    std::int64_t userId = 0;
    std::string username;
    int openCases = 0;
};

// The SQL of cases, their timeline, contacts and promises. No permission checks here
// (services/ does them); callers open the transaction around writes.
class CaseRepository {
public:
    explicit CaseRepository(Database& db) : db_(db) {}

    std::optional<LoanInfo> loanInfo(std::string_view loanId) const;
    // Every loan, by loan id.
    std::unordered_map<std::string, LoanInfo> allLoans() const;
    // The loan's key (loans.id).
    std::optional<std::int64_t> loanKey(std::string_view loanId) const;

    std::optional<CaseRecord> openCase(std::string_view loanId) const;
    // The open case, or else the latest closed one.
    std::optional<CaseRecord> latestCase(std::string_view loanId) const;
    std::vector<CaseRecord> openCases() const;
    std::vector<CaseRecord> openCasesAssignedTo(std::int64_t userId) const;
    // Enabled officers working in the branch, by username, with their open cases.
    std::vector<OfficerLoad> officersOf(std::string_view branch) const;

    std::int64_t insertCase(std::int64_t loanKey, Date openedOn, const std::string& openedBy,
                            CaseStage stage, std::optional<std::int64_t> assignedTo);
    void closeCase(std::int64_t caseId, Date closedOn, const std::string& reason);
    void setStage(std::int64_t caseId, CaseStage stage);
    void setAssignee(std::int64_t caseId, std::int64_t userId);
    void setNextAction(std::int64_t caseId, std::optional<Date> on, const std::string& kind);
    void addEvent(std::int64_t caseId, const CaseEventRecord& event);
    std::vector<CaseEventRecord> events(std::int64_t caseId) const;

    // The loan's contacts in time order (then recording order).
    std::vector<ContactRecord> contacts(std::int64_t loanKey) const;
    std::int64_t insertContact(std::int64_t caseId, std::int64_t loanKey, const ContactRecord& c,
                               const std::string& recordedAt);
    // The loan's promises in recording order (the last is the latest).
    std::vector<PromiseToPay> promises(std::int64_t loanKey) const;
    std::int64_t insertPromise(std::int64_t caseId, std::int64_t loanKey,
                               const PromiseToPay& promise, const std::string& recordedAt);

    void audit(const std::string& at, const std::string& actor, const std::string& action,
               const std::string& entity, const std::string& key,
               const std::optional<std::string>& before, const std::optional<std::string>& after);

private:
    std::vector<CaseRecord> queryCases(std::string_view where, std::optional<std::int64_t> arg,
                                       std::string_view text) const;
    Database& db_;
};

} // namespace rd::storage

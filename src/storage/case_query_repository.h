#pragma once

#include "core/case_stage.h"
#include "core/contact.h"
#include "core/date.h"
#include "core/loan.h"
#include "core/promise_to_pay.h"
#include "database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rd::storage {

// Which branches a read covers: every branch, or the listed ones (none: nothing).
struct BranchScope {
    bool all = false;
    std::vector<std::string> branches;
};

// Filters of the case list, applied in SQL. Empty strings mean "any".
struct CaseQuery {
    bool openOnly = true;
    std::string branch;
    std::string officer; // username; "-" for unassigned cases
    std::optional<CaseStage> stage;
    std::string text;             // lower-case substring of the loan id or the client's name
    std::optional<Date> closedOn; // with openOnly false: open cases and those closed that day
    std::vector<std::int64_t> assignedTo; // only cases assigned to these users, when not empty
};

// One case with its loan, its client and the loan's ledger (from the cache).
struct CaseQueryRecord {
    std::int64_t caseId = 0;
    std::int64_t loanKey = 0;
    std::string loanId;
    std::string clientName;
    std::string phone;
    std::string branch;
    std::optional<std::int64_t> assignedTo;
    std::string officer; // empty when unassigned
    CaseStage stage = CaseStage::Early;
    bool open = true;
    Date openedOn;
    std::optional<Date> closedOn;
    std::optional<Date> nextActionOn;
    std::string nextActionKind;
    LoanLedger ledger;
};

struct LoanSearchRecord {
    std::int64_t loanKey = 0;
    std::string loanId;
    std::string clientId;
    std::string clientName;
    std::string phone;
    std::string nationalId;
    std::string branch;
    std::string product;
    std::string importedStatus; // active or written_off, as imported
    std::optional<CaseStage> openCaseStage;
};

struct PromiseQueryRecord {
    std::int64_t loanKey = 0;
    std::string loanId;
    std::string clientName;
    std::string phone;
    std::string branch;
    std::string officer; // of the loan's open case; empty when none
    PromiseToPay promise;
};

struct ContactBrief {
    DateTime at;
    ContactOutcome outcome = ContactOutcome::Other;
};

struct ClientLoanRecord {
    std::int64_t loanKey = 0;
    std::string loanId;
    std::string product;
    std::string branch;
    bool caseOpen = false;
    LoanLedger ledger;
};

// The reads behind the desk's lists (case list, loan search, promises due, team figures,
// a client's other loans). Ledgers come from the loan_ledgers cache, or from the tables
// for a loan without a cached row. No permission checks here (services/ does them).
class CaseQueryRepository {
public:
    explicit CaseQueryRepository(const Database& db) : db_(db) {}

    std::vector<CaseQueryRecord> cases(const CaseQuery& query, const BranchScope& scope) const;
    std::vector<LoanSearchRecord> searchLoans(const std::string& lowerText,
                                              const BranchScope& scope, int limit) const;
    // The latest promise of each loan (in scope) promised for a day in [from, to].
    std::vector<PromiseQueryRecord> latestPromisesDue(Date from, Date to,
                                                      const BranchScope& scope) const;
    // Every promise promised for `day`, by loan key.
    std::vector<std::pair<std::int64_t, PromiseToPay>> promisesFor(Date day) const;
    // Promises of these loans in recording order, by loan key (every loan when empty).
    std::unordered_map<std::int64_t, std::vector<PromiseToPay>>
    promisesOf(const std::vector<std::int64_t>& loanKeys) const;
    // Contacts (time and outcome) of these loans in time order, by loan key.
    std::unordered_map<std::int64_t, std::vector<ContactBrief>>
    contactsOf(const std::vector<std::int64_t>& loanKeys) const;
    // Contacts logged on `day` (by their time), counted by officer username.
    std::unordered_map<std::string, int> contactsLoggedOn(Date day) const;
    // The other loans of the client of `loanId` (not that loan), by loan id.
    std::vector<ClientLoanRecord> otherLoansOfClient(const std::string& loanId) const;
    std::optional<LoanLedger> ledger(std::int64_t loanKey) const;

private:
    const Database& db_;
};

} // namespace rd::storage

#pragma once

#include "core/case_stage.h"
#include "core/contact.h"
#include "core/currency.h"
#include "core/date.h"
#include "core/loan_position.h"
#include "core/money.h"
#include "core/promise_to_pay.h"
#include "core/result.h"
#include "core/user.h"
#include "storage_fwd.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::services {

// Which cases the case list shows. Empty strings mean "any".
struct CaseFilter {
    bool openOnly = true; // false: closed cases too (one row per case)
    std::string branch;
    std::string officer; // username; "-" for unassigned cases
    std::optional<CaseStage> stage;
    std::string text; // case-insensitive substring of the loan id or the client's name
};

// One row of the case list, as of a business date.
struct CaseRow {
    std::int64_t caseId = 0;
    std::string loanId;
    std::string clientName;
    std::string phone;
    std::string branch;
    std::string officer; // empty when unassigned
    CaseStage stage = CaseStage::Early;
    CaseStage suggestedStage = CaseStage::Early;
    bool open = true;
    LoanStatus loanStatus = LoanStatus::Active;
    int dpd = 0;
    std::string bucket; // "" when none applies
    Amount arrears = 0; // total
    Amount outstandingPrincipal = 0;
    std::optional<Date> nextActionOn;
    std::string nextActionKind;
    std::optional<PromiseToPay> latestPromise;
    std::optional<PromiseEvaluation> latestPromiseEvaluation;
    std::optional<DateTime> lastContactAt; // the latest contact on or before the date
    Date openedOn;
    std::optional<Date> closedOn;
    int flags = 0; // early-warning signs on the date
};

struct LoanSearchHit {
    std::string loanId;
    std::string clientId;
    std::string clientName;
    std::string phone;
    std::string nationalId;
    std::string branch;
    std::string product;
    // The loan's status on `asOf` when the search was given a date; otherwise as imported
    // (active or written_off).
    std::string status;
    std::optional<int> dpd; // with a date only
    bool caseOpen = false;
    std::optional<CaseStage> caseStage; // of the open case
};

struct PromiseRow {
    std::int64_t promiseId = 0;
    std::string loanId;
    std::string clientName;
    std::string phone;
    std::string branch;
    std::string officer; // of the loan's open case; empty when none
    PromiseToPay promise;
    PromiseEvaluation evaluation; // as of the asOf date, with the grace setting
};

// One enabled officer or supervisor and their day.
struct TeamMemberRow {
    std::string username;
    std::string fullName;
    Role role = Role::Officer;
    std::vector<std::string> branches;
    int openCases = 0;      // open cases assigned to them now
    int contactsLogged = 0; // contacts they logged dated that day
    int promisesDue = 0;    // promises promised for that day on their cases
    int promisesKept = 0;   // of those, kept as evaluated on that day
    Amount collected = 0;   // payments dated that day (not reversed by then) on their cases
};

struct ClientLoanRow {
    std::string loanId;
    std::string product;
    std::string branch;
    LoanStatus status = LoanStatus::Active;
    int dpd = 0;
    std::string bucket;
    Amount outstandingPrincipal = 0;
    Amount arrears = 0;
    bool caseOpen = false;
};

// The read models of the desk's lists. Reads need ReadBranch: an officer and a supervisor
// see the loans and cases of their branches, an administrator every branch. Ledgers come
// from the loan_ledgers cache, so a list over 100,000 loans stays quick; promises are
// evaluated with the stored grace days and signs computed on the given date.
class CaseQueryService {
public:
    explicit CaseQueryService(storage::Database& db) : db_(db) {}

    // Cases the actor may read, matching the filter, by loan id. A filter branch the actor
    // may not read is refused.
    Result<std::vector<CaseRow>> cases(const User& actor, const CaseFilter& filter,
                                       Date asOf) const;

    // Loans whose id, client id, client name, phone or national id contains `text`
    // (case-insensitive); an exact or prefix match of the loan id first; at most `limit`.
    // With `asOf`, the status and DPD are computed on that date.
    Result<std::vector<LoanSearchHit>> searchLoans(const User& actor, std::string_view text,
                                                   int limit, std::optional<Date> asOf = {}) const;

    // The latest promise of each loan (the actor may read) promised for a day in [from, to],
    // by date then loan id, evaluated as of `asOf`.
    Result<std::vector<PromiseRow>> promisesDue(const User& actor, Date from, Date to,
                                                Date asOf) const;

    // Needs ReadBranch. One row per enabled officer and supervisor of the actor's branches
    // (an administrator: every branch), by username. "Their cases" are the cases assigned to
    // them that are open now or were closed on `date`.
    Result<std::vector<TeamMemberRow>> team(const User& actor, Date date) const;

    // The same client's other loans in the branches the actor may read, by loan id; needs
    // ReadBranch in the loan's branch.
    Result<std::vector<ClientLoanRow>> otherLoans(const User& actor, std::string_view loanId,
                                                  Date asOf) const;

    // The portfolio's branches (of its clients and loans) the actor may read, by name.
    Result<std::vector<std::string>> branches(const User& actor) const;

private:
    storage::Database& db_;
};

} // namespace rd::services

#pragma once

#include "core/call_list.h"
#include "core/date.h"
#include "core/legal_records.h"
#include "database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rd::storage {

// The SQL of feasibility assessments, legal cases (status history, sessions and their
// outcomes, judgments, enforcement) and recovery costs (schema version 8, all append-only).
// No permission checks here; callers open the transaction around writes.
class LegalRepository {
public:
    explicit LegalRepository(Database& db) : db_(db) {}

    // The imported collateral or guarantor of the loan with this id (its key), none when the
    // loan has none by that id.
    std::optional<std::int64_t> collateralKey(std::int64_t loanKey, std::string_view id) const;
    std::optional<std::int64_t> guarantorKey(std::int64_t loanKey, std::string_view id) const;

    // The assessment with its lines (the record's id is ignored); returns its id.
    std::int64_t insertAssessment(std::int64_t loanKey, const FeasibilityRecord& assessment);
    std::optional<FeasibilityRecord> assessment(std::int64_t id) const;
    // The loan's assessments, oldest first.
    std::vector<FeasibilityRecord> assessmentsOfLoan(std::int64_t loanKey) const;
    // The assessment a request to move a case to legal carries.
    void linkRequest(std::int64_t approvalId, std::int64_t assessmentId);
    std::optional<std::int64_t> requestAssessment(std::int64_t approvalId) const;

    // The legal case (its id, updates and the rest are ignored) and its first status update
    // (filed); returns its id.
    std::int64_t insertLegalCase(std::int64_t loanKey, const LegalCaseRecord& legalCase);
    std::int64_t insertUpdate(std::int64_t legalCaseId, const LegalStatusUpdate& update);
    // A legal case with everything recorded on it.
    std::optional<LegalCaseRecord> legalCase(std::int64_t id) const;
    std::vector<LegalCaseRecord> legalCasesOfLoan(std::int64_t loanKey) const;

    std::int64_t insertSession(const LegalSessionRecord& session);
    std::optional<LegalSessionRecord> session(std::int64_t id) const;
    void insertOutcome(std::int64_t sessionId, const LegalSessionOutcome& outcome);
    std::int64_t insertJudgment(std::int64_t legalCaseId, const JudgmentRecord& judgment);
    std::int64_t insertEnforcement(std::int64_t legalCaseId, const EnforcementRecord& enforcement);

    // The cost (its id, loan id and reversedById are ignored); returns its id.
    std::int64_t insertCost(std::int64_t loanKey, const RecoveryCostRecord& cost);
    std::optional<RecoveryCostRecord> cost(std::int64_t id) const;
    // The loan's costs by date, then recording order, each with the reversal that undid it.
    std::vector<RecoveryCostRecord> costsOfLoan(std::int64_t loanKey) const;

    // The sessions dated from `from` to `to` (inclusive) of every legal case, by date, time
    // and id, with the case's forum, number and its loan's open case's officer. Callers
    // filter by branch. `openOnly`: leave out the sessions of closed legal cases.
    std::vector<CalendarEntry> calendar(Date from, Date to, bool openOnly) const;

    // By loan id: the sessions without an outcome, of legal cases not closed, that are due
    // on the call list of `date` (hearingDueOn).
    std::unordered_map<std::string, std::vector<CallListHearing>>
    hearingsDue(Date date, const Holidays& holidays) const;

private:
    std::vector<LegalStatusUpdate> updatesOf(std::int64_t legalCaseId) const;
    std::vector<LegalSessionRecord> sessionsOf(std::int64_t legalCaseId) const;
    std::vector<LegalCaseRecord> casesWhere(const char* where, std::int64_t key) const;
    Database& db_;
};

} // namespace rd::storage

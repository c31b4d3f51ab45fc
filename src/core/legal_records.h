#pragma once

// Legal action (domain.md section 11, schema version 8) as services hand it to the faces:
// feasibility assessments, legal cases with their status history, hearings and mediation
// sessions, judgments and enforcement, and recovery costs. Plain values and their codes.
#include "core/code_table.h"
#include "core/date.h"
#include "core/feasibility.h"
#include "core/letter_deadlines.h"
#include "core/money.h"
#include "core/result.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rd {

enum class ForumKind { Court, Agency };
// Filed first; closed is final. Judgment and enforcement are also reached by recording one.
enum class LegalStatus { Filed, Mediation, Hearing, Judgment, Enforcement, Closed };
enum class LegalSessionKind { Hearing, Mediation };
enum class EnforcementKind { Attachment, Repossession };
enum class CostKind { Legal, Court, Auctioneer, Transport, Agency, Other };

namespace legal_detail {

inline constexpr std::array<std::pair<ForumKind, const char*>, 2> kForums{{
    {ForumKind::Court, "court"},
    {ForumKind::Agency, "agency"},
}};
inline constexpr std::array<std::pair<LegalStatus, const char*>, 6> kStatuses{{
    {LegalStatus::Filed, "filed"},
    {LegalStatus::Mediation, "mediation"},
    {LegalStatus::Hearing, "hearing"},
    {LegalStatus::Judgment, "judgment"},
    {LegalStatus::Enforcement, "enforcement"},
    {LegalStatus::Closed, "closed"},
}};
inline constexpr std::array<std::pair<LegalSessionKind, const char*>, 2> kSessionKinds{{
    {LegalSessionKind::Hearing, "hearing"},
    {LegalSessionKind::Mediation, "mediation"},
}};
inline constexpr std::array<std::pair<EnforcementKind, const char*>, 2> kEnforcements{{
    {EnforcementKind::Attachment, "attachment"},
    {EnforcementKind::Repossession, "repossession"},
}};
inline constexpr std::array<std::pair<CostKind, const char*>, 6> kCostKinds{{
    {CostKind::Legal, "legal"},
    {CostKind::Court, "court"},
    {CostKind::Auctioneer, "auctioneer"},
    {CostKind::Transport, "transport"},
    {CostKind::Agency, "agency"},
    {CostKind::Other, "other"},
}};

} // namespace legal_detail

inline std::string_view toString(ForumKind k) {
    return codes::codeOf(k, legal_detail::kForums);
}
inline std::string_view toString(LegalStatus s) {
    return codes::codeOf(s, legal_detail::kStatuses);
}
inline std::string_view toString(LegalSessionKind k) {
    return codes::codeOf(k, legal_detail::kSessionKinds);
}
inline std::string_view toString(EnforcementKind k) {
    return codes::codeOf(k, legal_detail::kEnforcements);
}
inline std::string_view toString(CostKind k) {
    return codes::codeOf(k, legal_detail::kCostKinds);
}
inline Result<ForumKind> parseForumKind(std::string_view code) {
    return codes::parseCode(code, legal_detail::kForums, "forum kind");
}
inline Result<LegalStatus> parseLegalStatus(std::string_view code) {
    return codes::parseCode(code, legal_detail::kStatuses, "legal status");
}
inline Result<LegalSessionKind> parseLegalSessionKind(std::string_view code) {
    return codes::parseCode(code, legal_detail::kSessionKinds, "session kind");
}
inline Result<EnforcementKind> parseEnforcementKind(std::string_view code) {
    return codes::parseCode(code, legal_detail::kEnforcements, "enforcement kind");
}
inline Result<CostKind> parseCostKind(std::string_view code) {
    return codes::parseCode(code, legal_detail::kCostKinds, "cost kind");
}

// A line of an assessment, linked to the imported item when it came from one.
struct AssessedCollateral {
    std::optional<std::string> collateralId; // collateral.csv's id, when imported
    FeasibilityCollateral value;
};
struct AssessedGuarantor {
    std::optional<std::string> guarantorId; // guarantors.csv's id, when imported
    FeasibilityGuarantor value;
};

struct FeasibilityRecord {
    std::int64_t id = 0;
    std::string loanId;
    std::int64_t caseId = 0;
    Date businessDate;
    std::string assessedBy;
    std::string assessedAt; // ISO 8601 UTC
    Amount balance = 0;
    std::vector<AssessedCollateral> collateral;
    std::vector<AssessedGuarantor> guarantors;
    FeasibilityCosts costs;
    int chancePercent = 0;
    Amount expectedNetRecovery = 0;
    std::string note;

    FeasibilityInput input() const;
};

struct LegalStatusUpdate {
    std::int64_t id = 0;
    LegalStatus status = LegalStatus::Filed;
    std::optional<std::string> caseNumber; // set when this update gave a new one
    std::optional<std::string> lawyer;
    Date businessDate;
    std::string note;
    std::string recordedBy;
    std::string recordedAt;
};

struct LegalSessionOutcome {
    std::string outcome;
    std::optional<Date> nextDate;
    std::string recordedBy;
    std::string recordedAt;
    Date businessDate;
};

struct LegalSessionRecord {
    std::int64_t id = 0;
    std::int64_t legalCaseId = 0;
    LegalSessionKind kind = LegalSessionKind::Hearing;
    Date date;
    std::string time; // "09:30"; empty when not known
    std::string place;
    std::string purpose;
    std::string recordedBy;
    std::string recordedAt;
    Date businessDate;
    std::optional<LegalSessionOutcome> outcome;
};

struct JudgmentRecord {
    std::int64_t id = 0;
    Date date;
    Amount amountAwarded = 0;
    Amount costsAwarded = 0;
    std::string note;
    std::string recordedBy;
    std::string recordedAt;
};

struct EnforcementRecord {
    std::int64_t id = 0;
    EnforcementKind kind = EnforcementKind::Attachment;
    std::string items;
    Date date;
    Amount proceeds = 0;
    std::string note;
    std::string recordedBy;
    std::string recordedAt;
};

struct LegalCaseRecord {
    std::int64_t id = 0;
    std::string loanId;
    std::string branch;
    std::int64_t caseId = 0;
    ForumKind forumKind = ForumKind::Court;
    std::string forum;
    std::string caseNumber; // as filed; caseNumberNow() gives the latest
    std::string lawyer;
    Date filedOn;
    std::string openedBy;
    std::string openedAt;
    Date businessDate;
    std::string note;
    std::vector<LegalStatusUpdate> updates;   // oldest first; the first is filed
    std::vector<LegalSessionRecord> sessions; // by date
    std::vector<JudgmentRecord> judgments;
    std::vector<EnforcementRecord> enforcements;

    LegalStatus status() const {
        return updates.empty() ? LegalStatus::Filed : updates.back().status;
    }
    std::string caseNumberNow() const;
    std::string lawyerNow() const;
};

struct RecoveryCostRecord {
    std::int64_t id = 0;
    std::string loanId;
    std::int64_t caseId = 0;
    CostKind kind = CostKind::Other;
    Date date;
    Amount amount = 0; // negative for a reversal
    std::string reference;
    std::string note;
    std::optional<std::int64_t> legalCaseId;
    std::optional<std::int64_t> reversesCostId;
    std::optional<std::int64_t> reversedById; // filled when read
    std::string recordedBy;
    std::string recordedAt;
};

// The costs' total, reversals taken off.
Amount totalCosts(const std::vector<RecoveryCostRecord>& costs);

// A session on the calendar, with the case it belongs to.
struct CalendarEntry {
    LegalSessionRecord session;
    std::string loanId;
    std::string clientName;
    std::string branch;
    std::string officer; // the loan's open case's officer; empty when none
    std::string forum;
    std::string caseNumber;
};

// A hearing or mediation session puts its case on the call list (reason hearing_due) from
// the working day before it until the day itself.
bool hearingDueOn(Date session, Date listDate, const Holidays& holidays);

} // namespace rd

#pragma once

// Counselling sessions and referrals to outside services (domain.md section 11, schema
// version 7) as services hand them to the faces: plain values and their text codes.
#include "core/code_table.h"
#include "core/date.h"
#include "core/result.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rd {

enum class SessionKind { OneToOne, Workshop };
enum class ReferralService { SocialWelfare, VocationalTraining, Counselling, Health, Other };
// Referred and contacted are open; completed and declined close the referral.
enum class ReferralStatus { Referred, Contacted, Completed, Declined };

namespace counselling_detail {

using codes::codeOf;
using codes::parseCode;

inline constexpr std::array<std::pair<SessionKind, const char*>, 2> kSessionKinds{{
    {SessionKind::OneToOne, "one_to_one"},
    {SessionKind::Workshop, "workshop"},
}};
inline constexpr std::array<std::pair<ReferralService, const char*>, 5> kServices{{
    {ReferralService::SocialWelfare, "social_welfare"},
    {ReferralService::VocationalTraining, "vocational_training"},
    {ReferralService::Counselling, "counselling"},
    {ReferralService::Health, "health"},
    {ReferralService::Other, "other"},
}};
inline constexpr std::array<std::pair<ReferralStatus, const char*>, 4> kStatuses{{
    {ReferralStatus::Referred, "referred"},
    {ReferralStatus::Contacted, "contacted"},
    {ReferralStatus::Completed, "completed"},
    {ReferralStatus::Declined, "declined"},
}};

} // namespace counselling_detail

inline std::string_view toString(SessionKind k) {
    return counselling_detail::codeOf(k, counselling_detail::kSessionKinds);
}
inline std::string_view toString(ReferralService s) {
    return counselling_detail::codeOf(s, counselling_detail::kServices);
}
inline std::string_view toString(ReferralStatus s) {
    return counselling_detail::codeOf(s, counselling_detail::kStatuses);
}
inline Result<SessionKind> parseSessionKind(std::string_view code) {
    return counselling_detail::parseCode(code, counselling_detail::kSessionKinds, "session kind");
}
inline Result<ReferralService> parseReferralService(std::string_view code) {
    return counselling_detail::parseCode(code, counselling_detail::kServices, "referral service");
}
inline Result<ReferralStatus> parseReferralStatus(std::string_view code) {
    return counselling_detail::parseCode(code, counselling_detail::kStatuses, "referral status");
}
inline bool isOpen(ReferralStatus s) {
    return s == ReferralStatus::Referred || s == ReferralStatus::Contacted;
}

struct CounsellingAttendee {
    std::string clientId;
    std::string fullName;
};

struct CounsellingSessionRecord {
    std::int64_t id = 0;
    SessionKind kind = SessionKind::OneToOne;
    Date sessionDate;
    std::string topic;
    std::string facilitator;
    std::string notes;
    std::optional<Date> followUpOn;
    std::string recordedBy;
    std::string recordedAt;                     // ISO 8601 UTC
    std::vector<CounsellingAttendee> attendees; // by client id
};

struct ReferralUpdateRecord {
    std::int64_t id = 0;
    std::int64_t referralId = 0;
    ReferralStatus status = ReferralStatus::Referred;
    std::string note;
    std::optional<Date> followUpOn;
    std::string updatedBy;
    std::string updatedAt; // ISO 8601 UTC
    Date businessDate;
};

struct ReferralRecord {
    std::int64_t id = 0;
    std::string loanId;
    std::string branch;
    std::optional<std::int64_t> caseId; // the case open when the referral was made
    std::string organisation;
    ReferralService service = ReferralService::Other;
    std::optional<Date> followUpOn; // as given with the referral
    std::string note;
    std::string referredBy;
    std::string referredAt; // ISO 8601 UTC
    Date businessDate;
    std::vector<ReferralUpdateRecord> updates; // oldest first

    // The latest update's status; referred when there is none.
    ReferralStatus status() const {
        return updates.empty() ? ReferralStatus::Referred : updates.back().status;
    }
    // The follow-up date given last: by the latest update that gave one, else the
    // referral's own.
    std::optional<Date> currentFollowUp() const {
        for (auto it = updates.rbegin(); it != updates.rend(); ++it)
            if (it->followUpOn)
                return it->followUpOn;
        return followUpOn;
    }
};

// An open referral whose follow-up is due, with the loan's open case now (if any).
struct ReferralFollowUp {
    std::int64_t referralId = 0;
    std::string loanId;
    std::string branch;
    std::string organisation;
    ReferralService service = ReferralService::Other;
    ReferralStatus status = ReferralStatus::Referred;
    Date followUpOn;
    std::optional<std::int64_t> openCaseId; // none when the loan has no open case now
    std::optional<std::int64_t> assignedTo; // the open case's officer (users.id)
    std::string assignedUsername;           // empty when none
};

} // namespace rd

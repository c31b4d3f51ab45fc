#pragma once

#include "core/clock.h"
#include "core/counselling_records.h"
#include "core/date.h"
#include "core/result.h"
#include "core/user.h"
#include "storage_fwd.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::services {

// Counselling sessions and referrals to outside services (domain.md section 11). Only
// officers and supervisors record them (an administrator and the local operator work no
// cases). Every write is one transaction with an audit_log row: add_counselling (entity
// 'counselling_session', key the session id), add_referral and update_referral (entity
// 'case', key the loan id, so they are in the case's audit trail). Everything is append-only
// (schema version 7): a referral's status changes by a new update row.
class CounsellingService {
public:
    explicit CounsellingService(storage::Database& db, Clock clock = {});

    // Records a session on `businessDate` attended by `clientIds` (client ids as imported;
    // a client named twice attends once). The topic is required; a one-to-one session has
    // exactly one client, a workshop one or more. Each client must exist, and the actor
    // needs ReadBranch and WorkOwnCases in each client's branch. The facilitator defaults
    // to the actor's full name (their username when they have none); a follow-up date may
    // not be before the session's date. Returns the session id.
    Result<std::int64_t> addSession(const User& actor, SessionKind kind, std::string topic,
                                    std::string facilitator, std::vector<std::string> clientIds,
                                    std::string notes, std::optional<Date> followUp,
                                    Date businessDate);

    // Refers the client of the loan's open case to an outside organisation: whoever may work
    // the case. The organisation is required; a follow-up date may not be before
    // `businessDate`. The referral starts as referred. Returns the referral id.
    Result<std::int64_t> addReferral(const User& actor, std::string_view loanId,
                                     std::string organisation, ReferralService service,
                                     std::optional<Date> followUp, std::string note,
                                     Date businessDate);

    // Records a new status of an open referral (referred or contacted), with an optional note
    // and a new follow-up date (not before `businessDate`; none for completed or declined).
    // Whoever may work the loan's open case, or a supervisor of its branch (also once the
    // case has closed). A completed or declined referral stays as it is. Returns the
    // update's id.
    Result<std::int64_t> updateReferral(const User& actor, std::int64_t referralId,
                                        ReferralStatus status, std::string note,
                                        std::optional<Date> followUp, Date businessDate);

    // The sessions the client attended, newest first; needs ReadBranch in the client's branch.
    Result<std::vector<CounsellingSessionRecord>> sessionsOfClient(const User& actor,
                                                                   std::string_view clientId) const;
    // The loan's referrals in recording order with their updates; needs ReadBranch in the
    // loan's branch.
    Result<std::vector<ReferralRecord>> referralsOfLoan(const User& actor,
                                                        std::string_view loanId) const;
    // The open referrals due for follow-up on or before `asOf` (storage's followUpsDue) on
    // loans with an open case that the actor works: an officer's own cases, a supervisor's
    // the cases of the branches they supervise; an administrator and the local operator read
    // those of every branch. A disabled or unknown user is refused.
    Result<std::vector<ReferralFollowUp>> followUpsDue(const User& actor, Date asOf) const;

private:
    storage::Database& db_;
    Clock clock_;
};

} // namespace rd::services

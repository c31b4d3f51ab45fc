#pragma once

#include "core/counselling_records.h"
#include "core/date.h"
#include "database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::storage {

using rd::CounsellingSessionRecord;
using rd::ReferralFollowUp;
using rd::ReferralRecord;
using rd::ReferralUpdateRecord;

// A client as counselling needs them: the key, the id and name to show, the branch to check.
struct ClientRef {
    std::int64_t key = 0; // clients.id
    std::string clientId;
    std::string fullName;
    std::string branch;
};

// The SQL of counselling sessions, their attendees, referrals and referral updates (schema
// version 7, all append-only). No permission checks here; callers open the transaction
// around writes.
class CounsellingRepository {
public:
    explicit CounsellingRepository(Database& db) : db_(db) {}

    std::optional<ClientRef> client(std::string_view clientId) const;

    // The session (its id is ignored) with one attendee row per client key; returns its id.
    std::int64_t insertSession(const CounsellingSessionRecord& session,
                               const std::vector<std::int64_t>& clientKeys);
    // Sessions the client attended, newest first (session date, then recording order), each
    // with all its attendees by client id.
    std::vector<CounsellingSessionRecord> sessionsOfClient(std::int64_t clientKey) const;

    // The referral (its id, loan id, branch and updates are ignored); returns its id.
    std::int64_t insertReferral(std::int64_t loanKey, const ReferralRecord& referral);
    std::int64_t insertReferralUpdate(const ReferralUpdateRecord& update);
    // The referral with its updates, oldest first (status() and currentFollowUp() of the
    // record give its state now).
    std::optional<ReferralRecord> referral(std::int64_t referralId) const;
    // The loan's referrals in recording order, each with its updates.
    std::vector<ReferralRecord> referralsOfLoan(std::int64_t loanKey) const;

    // The follow-ups due for the call list (reason follow_up_due): every open referral (its
    // latest update says referred or contacted, or it has none) whose current follow-up
    // date is on or before `asOf`. The current follow-up date is the one given last: by the
    // latest update that gave one, else the referral's own; a referral without any is never
    // due. Every branch and every loan, whether or not the loan has an open case now (the
    // row says which case is open and who holds it); callers filter by who asks. Ordered by
    // follow-up date, then referral id.
    std::vector<ReferralFollowUp> followUpsDue(Date asOf) const;

private:
    std::vector<ReferralRecord> queryReferrals(const char* where, std::int64_t arg) const;
    Database& db_;
};

} // namespace rd::storage

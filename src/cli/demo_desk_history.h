#pragma once

#include "core/date.h"
#include "core/user.h"

#include <cstdint>
#include <filesystem>

namespace rd::cli {

// What the replay of the desk's work recorded.
struct DeskHistorySummary {
    int recomputes = 0;
    int contacts = 0;
    int promises = 0;
    int payments = 0;
    int plans = 0;
    int decisions = 0; // approvals, rejections, withdrawals
    int budgets = 0;
    int sessions = 0;
    int referrals = 0;
    int referralUpdates = 0;
    int notes = 0;
    int stageChanges = 0;
    int legalRequests = 0;
    int legalCases = 0;
    int notApplied = 0; // events the services refused (e.g. the case had closed by then)
};

// Replays the desk's work of the `weeks` weeks before `asOf` on the demo database at `path`
// through the real services, in time order, each event with its own business date and time
// (the services' clock follows the replay, so the audit trail carries the same time): the
// case recompute on Mondays and Thursdays, contacts and promises by the recovery officer of
// each loan's branch, promises kept by desk payments or broken, repayment plans of every
// kind and status with the clients' budgets and the branch supervisor's decisions,
// counselling sessions, a workshop, referrals with their follow-ups, case notes, stage
// changes, legal requests and, once approved, their court cases with hearings, a judgment,
// a repossession and the costs. Ends with the recompute as of `asOf`. Deterministic: the same
// portfolio and seed give the same history. Needs the demo users (addDemoUsers); `admin` is
// the demo administrator.
DeskHistorySummary replayDeskHistory(const std::filesystem::path& path, const User& admin,
                                     Date asOf, std::uint64_t seed, int weeks = 6);

} // namespace rd::cli

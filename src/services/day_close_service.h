#pragma once

#include "core/clock.h"
#include "core/date.h"
#include "core/day_close.h"
#include "core/money.h"
#include "core/result.h"
#include "core/user.h"
#include "payment_service.h"
#include "storage_fwd.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::services {

// One close of a day, with the supervisor's sign-off or reopening of it when there is one.
struct DayClose {
    std::string closedAt; // ISO UTC text
    int receiptCount = 0;
    Amount received = 0;
    Amount cashExpected = 0; // as at the close
    Amount cashCounted = 0;
    std::string differenceReason;
    std::string signedBy, signedAt;
    std::string reopenedBy, reopenedAt, reopenReason;
    Amount difference() const { return cashCounted - cashExpected; }
};

// An officer's day at the desk: what they took, what was reversed, and its closes.
struct DeskDay {
    std::string officer; // username
    std::string officerName;
    std::vector<std::string> branches;
    Date date;
    DayState state = DayState::Open;
    DaySummary summary;
    std::vector<DeskReceipt> receipts;  // taken that day, by receipt number
    std::vector<DeskReceipt> reversals; // of theirs reversed that day, whenever taken
    std::vector<DayClose> closes;       // oldest first; the last one is the day's state
    const DayClose* lastClose() const { return closes.empty() ? nullptr : &closes.back(); }
};

// The end of day at the desk (recovery-rules.md, "End of day"). An officer (anyone who
// takes payments) closes their own business date by counting the cash: the receipts of the
// day by method, the reversals, the cash expected against the cash counted (a difference
// needs a reason). A closed day takes no new receipts of that officer (PaymentService). A
// supervisor of one of the officer's branches signs the close off or reopens the day with a
// reason (not their own day: a second pair of eyes); the officer then closes it again. Every
// write is one transaction with an audit record (entity desk_day, key OFFICER/DATE).
class DayCloseService {
public:
    explicit DayCloseService(storage::Database& db, Clock clock = {});

    // The officer's day: their own, or as a supervisor of one of their branches, or
    // portfolio-wide (ImportPortfolio: an administrator, the local operator).
    Result<DeskDay> day(const User& actor, std::string_view officer, Date date) const;
    // The days of the officers and supervisors of the actor's supervised branches (the
    // SignOffReviews ones; every branch for the portfolio-wide), by username; disabled users
    // only when they took receipts that day.
    Result<std::vector<DeskDay>> branchDays(const User& actor, Date date) const;

    // Closes the actor's own day `date` (needs WorkOwnCases in one of their branches).
    Result<DeskDay> close(const User& actor, Date date, Amount cashCounted,
                          std::string_view differenceReason);
    // A supervisor of the officer's branch signs off the officer's closed day.
    Result<DeskDay> signOff(const User& actor, std::string_view officer, Date date);
    // A supervisor of the officer's branch reopens the closed or signed-off day, with a
    // reason; nothing is deleted.
    Result<DeskDay> reopen(const User& actor, std::string_view officer, Date date,
                           std::string_view reason);

private:
    DeskDay load(const User& officer, Date date) const;
    storage::Database& db_;
    Clock clock_;
};

} // namespace rd::services

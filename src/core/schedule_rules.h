#pragma once

#include "core/date.h"
#include "core/loan.h"
#include "core/money.h"

#include <cstddef>
#include <vector>

namespace rd {

// The rules of a repayment schedule (interchange.md section 1), in one place for the import
// and the engine's own check: installments numbered 1..n without gaps or repeats, the first
// due after disbursement, due dates strictly increasing, principal parts summing to the
// loan's principal. Each caller words the findings for its audience (the importer with file
// lines).
struct ScheduleFinding {
    enum class Kind {
        RepeatedNumber,       // `index` repeats the number of `previous`
        NotAfterDisbursement, // the first installment is due on or before disbursement
        NotIncreasing,        // `index` is due on or before `previous`
        Numbering,            // the numbers do not run 1..n
        PrincipalSum,         // `principalSum` differs from the principal
    };
    Kind kind;
    std::size_t index = 0;    // the installment (position in the schedule) concerned
    std::size_t previous = 0; // the one it is compared with
};

struct ScheduleCheck {
    std::vector<ScheduleFinding> findings;
    // The sum of the principal parts, kMaxAmount + 1 when it would overflow (never wraps).
    Amount principalSum = 0;
};

// `schedule` must be sorted by installment number (stable, so repeats keep their order).
ScheduleCheck checkSchedule(const std::vector<Installment>& schedule, Date disbursedOn,
                            Amount principal);

} // namespace rd

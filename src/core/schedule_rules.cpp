#include "core/schedule_rules.h"

namespace rd {

ScheduleCheck checkSchedule(const std::vector<Installment>& schedule, Date disbursedOn,
                            Amount principal) {
    using K = ScheduleFinding::Kind;
    ScheduleCheck out;
    if (schedule.empty())
        return out;
    bool repeats = false;
    for (std::size_t i = 0; i < schedule.size(); ++i) {
        const Installment& in = schedule[i];
        if (__builtin_add_overflow(out.principalSum, in.principalDue, &out.principalSum))
            out.principalSum = kMaxAmount + 1; // reported as not adding up; never wraps
        if (i > 0 && in.number == schedule[i - 1].number) {
            out.findings.push_back({K::RepeatedNumber, i, i - 1});
            repeats = true;
            continue;
        }
        if (i == 0 && in.dueDate <= disbursedOn)
            out.findings.push_back({K::NotAfterDisbursement, i, i});
        if (i > 0 && in.dueDate <= schedule[i - 1].dueDate)
            out.findings.push_back({K::NotIncreasing, i, i - 1});
    }
    const int n = static_cast<int>(schedule.size());
    if (repeats || schedule.front().number != 1 || schedule.back().number != n)
        out.findings.push_back({K::Numbering, 0, 0});
    if (out.principalSum != principal)
        out.findings.push_back({K::PrincipalSum, 0, 0});
    return out;
}

} // namespace rd

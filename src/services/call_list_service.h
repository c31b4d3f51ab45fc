#pragma once

#include "core/call_list.h"
#include "core/currency.h"
#include "core/result.h"
#include "core/user.h"
#include "storage_fwd.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::services {

struct CallList {
    std::string officer;
    Date date;
    Currency currency;
    std::vector<CallListItem> items; // in rank order
};

// The daily call list of one officer (core/call_list.h) from the open cases assigned to
// them, with promises evaluated and early-warning signs computed on the date. An officer
// reads their own list, a supervisor those of the people of their branches, an
// administrator (and the local operator) any; the cases are as the last recompute left them.
// The weights and the promise grace days are the stored settings, read at each call;
// `weights` replaces the stored weights (tests).
class CallListService {
public:
    explicit CallListService(storage::Database& db, std::optional<PriorityWeights> weights = {})
        : db_(db), weights_(weights) {}

    Result<CallList> forOfficer(const User& actor, std::string_view username, Date date) const;

private:
    storage::Database& db_;
    std::optional<PriorityWeights> weights_;
};

} // namespace rd::services

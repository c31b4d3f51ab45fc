#pragma once

#include "call_list.h"

#include <optional>
#include <string>

namespace rd {

// What an officer narrows the call list to: free text (client, loan, phone or the why text,
// case-insensitive for ASCII letters) and optionally one reason. The GUI's proxy model asks
// this rule, so the CLI and tests can use the same one.
struct CallListFilter {
    std::string text;
    std::optional<CallReason> reason;

    bool matches(const CallListItem& item) const;
    bool empty() const { return text.empty() && !reason; }
};

} // namespace rd

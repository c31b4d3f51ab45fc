#include "call_list_filter.h"

#include <algorithm>
#include <cctype>

namespace rd {
namespace {

bool containsFolded(const std::string& haystack, const std::string& needle) {
    const auto fold = [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    };
    const auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                                [&](char a, char b) { return fold(a) == fold(b); });
    return it != haystack.end();
}

} // namespace

bool CallListFilter::matches(const CallListItem& item) const {
    if (reason &&
        std::find(item.reasons.begin(), item.reasons.end(), *reason) == item.reasons.end())
        return false;
    if (text.empty())
        return true;
    const auto& e = item.entry;
    return containsFolded(e.clientName, text) || containsFolded(e.loanId, text) ||
           containsFolded(e.phone, text) || containsFolded(item.why, text);
}

} // namespace rd

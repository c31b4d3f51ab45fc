#include "text_trim.h"

namespace rd {

std::string_view trimView(std::string_view s) {
    const auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string trimmed(std::string_view text) {
    return std::string(trimView(text));
}

} // namespace rd

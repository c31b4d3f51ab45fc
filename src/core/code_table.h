#pragma once

// Enumerations stored and typed as text codes: a table of (value, code) pairs, looked up
// both ways, with an error that lists the codes a user may give.
#include "core/result.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace rd::codes {

template <typename E, std::size_t N>
Result<E> parseCode(std::string_view code, const std::array<std::pair<E, const char*>, N>& codes,
                    const char* what) {
    std::string expected;
    for (const auto& [value, text] : codes) {
        if (code == text)
            return value;
        expected += expected.empty() ? text : std::string(", ") + text;
    }
    return Error{"unknown " + std::string(what) + " \"" + std::string(code) +
                     "\" (expected one of: " + expected + ")",
                 ErrorKind::Invalid};
}

template <typename E, std::size_t N>
std::string_view codeOf(E value, const std::array<std::pair<E, const char*>, N>& codes) {
    for (const auto& [v, text] : codes)
        if (v == value)
            return text;
    return "?";
}

} // namespace rd::codes

#pragma once

#include "result.h"

#include <optional>
#include <string>
#include <string_view>

namespace rd {

// An ISO 4217 currency and its minor-unit exponent (0 for UGX, 2 for KES, 3 for KWD).
struct Currency {
    std::string code;
    int exponent = 2;

    friend bool operator==(const Currency&, const Currency&) = default;
};

std::optional<Currency> findCurrency(std::string_view code);
Result<Currency> parseCurrency(std::string_view code);

} // namespace rd

#include "money_text.h"

#include <fmt/format.h>

namespace rd {

std::string formatAmountGrouped(Amount amount, int exponent) {
    const std::string plain = formatAmount(amount, exponent); // e.g. -1250.50
    std::string_view digits = plain;
    std::string out;
    if (!digits.empty() && digits.front() == '-') {
        out.push_back('-');
        digits.remove_prefix(1);
    }
    const std::size_t dot = digits.find('.');
    const std::string_view whole = digits.substr(0, dot);
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            out.push_back(',');
        out.push_back(whole[i]);
    }
    if (dot != std::string_view::npos)
        out.append(digits.substr(dot));
    return out;
}

std::string formatMoneyText(std::string_view currencyCode, Amount amount, int exponent) {
    if (currencyCode.empty())
        return formatAmountGrouped(amount, exponent);
    return fmt::format("{} {}", currencyCode, formatAmountGrouped(amount, exponent));
}

} // namespace rd

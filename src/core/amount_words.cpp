#include "amount_words.h"

#include <array>
#include <fmt/format.h>

namespace rd {
namespace {

constexpr std::array<const char*, 20> kUnits = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<const char*, 10> kTens = {"",      "",      "twenty",  "thirty", "forty",
                                               "fifty", "sixty", "seventy", "eighty", "ninety"};
// Powers of a thousand (short scale): 10^3 ... 10^18 covers the largest int64.
constexpr std::array<const char*, 7> kScales = {"",         "thousand",    "million",    "billion",
                                                "trillion", "quadrillion", "quintillion"};

// 1..999.
std::string belowThousand(unsigned n) {
    std::string out;
    if (n >= 100) {
        out = fmt::format("{} hundred", kUnits[n / 100]);
        n %= 100;
        if (n == 0)
            return out;
        out += ' ';
    }
    if (n < 20)
        return out + kUnits[n];
    out += kTens[n / 10];
    if (n % 10 != 0)
        out += fmt::format("-{}", kUnits[n % 10]);
    return out;
}

std::string unsignedInWords(std::uint64_t n) {
    if (n == 0)
        return kUnits[0];
    std::string out;
    std::uint64_t scale = 1;
    int scales = 0;
    while (n / scale >= 1000) {
        scale *= 1000;
        ++scales;
    }
    for (; scales >= 0; --scales, scale /= 1000) {
        const auto group = static_cast<unsigned>(n / scale % 1000);
        if (group == 0)
            continue;
        if (!out.empty())
            out += ' ';
        out += belowThousand(group);
        if (scales > 0)
            out += fmt::format(" {}", kScales[static_cast<std::size_t>(scales)]);
    }
    return out;
}

struct CurrencyName {
    std::string_view code;
    std::string_view major;
    std::string_view minor;
};

// The currencies of the institutions RecoveryDesk serves and the common foreign ones; any
// other is written by its code.
constexpr CurrencyName kNames[] = {
    {"UGX", "Uganda shillings", "cents"},   {"KES", "Kenya shillings", "cents"},
    {"TZS", "Tanzania shillings", "cents"}, {"RWF", "Rwanda francs", "centimes"},
    {"BIF", "Burundi francs", "centimes"},  {"SSP", "South Sudanese pounds", "piasters"},
    {"ETB", "Ethiopian birr", "santim"},    {"ZMW", "Zambian kwacha", "ngwee"},
    {"MWK", "Malawi kwacha", "tambala"},    {"NGN", "Nigerian naira", "kobo"},
    {"GHS", "Ghana cedis", "pesewas"},      {"ZAR", "South African rand", "cents"},
    {"USD", "US dollars", "cents"},         {"EUR", "euros", "cents"},
    {"GBP", "pounds sterling", "pence"},
};

const CurrencyName* nameOf(std::string_view code) {
    for (const auto& n : kNames)
        if (n.code == code)
            return &n;
    return nullptr;
}

} // namespace

std::string numberInWords(std::int64_t number) {
    if (number < 0)
        // Through unsigned arithmetic, so that the smallest int64 has a magnitude too.
        return "minus " + unsignedInWords(0 - static_cast<std::uint64_t>(number));
    return unsignedInWords(static_cast<std::uint64_t>(number));
}

std::string currencyWords(std::string_view code) {
    const auto* n = nameOf(code);
    return std::string(n ? n->major : code);
}

std::string minorUnitWords(std::string_view code) {
    const auto* n = nameOf(code);
    return n ? std::string(n->minor) : fmt::format("{} minor units", code);
}

std::string amountInWords(Amount amount, const Currency& currency) {
    std::int64_t factor = 1;
    for (int i = 0; i < currency.exponent; ++i)
        factor *= 10;
    const std::int64_t major = amount / factor;
    std::int64_t minor = amount % factor;
    std::string out = fmt::format("{} {}", currencyWords(currency.code),
                                  amount < 0 && major == 0 ? "minus zero" : numberInWords(major));
    if (minor != 0)
        out += fmt::format(" and {} {}", minor < 0 ? -minor : minor, minorUnitWords(currency.code));
    return out + " only";
}

} // namespace rd

// libFuzzer target for rd::parseAmount / rd::formatAmount and rd::Date::parse. The input
// text is tried as an amount with 0, 2 and 3 decimals and as a date. Invariants:
//  - an amount that parses is >= 0, formats back to text that parses to the same value,
//    and the text held only digits and at most one '.';
//  - text that parses with fewer decimals parses with more, scaled by ten per decimal;
//  - a date that parses prints back as exactly the input, and its parts and day count agree.
#include "core/date.h"
#include "core/money.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

namespace {

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

void checkAmount(std::string_view text, int exponent) {
    const rd::Result<rd::Amount> parsed = rd::parseAmount(text, exponent);
    if (!parsed.ok()) {
        FUZZ_CHECK(!parsed.error().message.empty());
        return;
    }
    const rd::Amount value = parsed.value();
    FUZZ_CHECK(value >= 0);
    FUZZ_CHECK(text.find_first_not_of("0123456789.") == std::string_view::npos);
    FUZZ_CHECK(text.find('.') == text.rfind('.'));
    const std::string formatted = rd::formatAmount(value, exponent);
    const rd::Result<rd::Amount> again = rd::parseAmount(formatted, exponent);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value() == value);
    FUZZ_CHECK(rd::formatAmount(again.value(), exponent) == formatted);
}

void checkScaling(std::string_view text) {
    const int exponents[] = {0, 2, 3};
    for (int i = 0; i < 3; ++i) {
        const rd::Result<rd::Amount> low = rd::parseAmount(text, exponents[i]);
        if (!low.ok())
            continue;
        for (int j = i + 1; j < 3; ++j) {
            rd::Amount factor = 1;
            for (int k = exponents[i]; k < exponents[j]; ++k)
                factor *= 10;
            const rd::Result<rd::Amount> high = rd::parseAmount(text, exponents[j]);
            if (low.value() > std::numeric_limits<rd::Amount>::max() / factor) {
                FUZZ_CHECK(!high.ok()); // too big with more decimals
                continue;
            }
            FUZZ_CHECK(high.ok());
            FUZZ_CHECK(high.value() == low.value() * factor);
        }
    }
}

void checkDate(std::string_view text) {
    const rd::Result<rd::Date> parsed = rd::Date::parse(text);
    if (!parsed.ok()) {
        FUZZ_CHECK(!parsed.error().message.empty());
        return;
    }
    const rd::Date date = parsed.value();
    FUZZ_CHECK(date.toString() == text);
    FUZZ_CHECK(rd::Date::isValidCivil(date.year(), date.month(), date.day()));
    FUZZ_CHECK(rd::Date::fromCivil(date.year(), date.month(), date.day()) == date);
    FUZZ_CHECK(date.year() == std::stoi(std::string(text.substr(0, 4))));
    const rd::Date next = date.addDays(1);
    FUZZ_CHECK(next - date == 1);
    if (next.year() <= 9999) {
        const rd::Result<rd::Date> nextParsed = rd::Date::parse(next.toString());
        FUZZ_CHECK(nextParsed.ok() && nextParsed.value() == next);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(bytes), size);
    for (int exponent : {0, 2, 3})
        checkAmount(text, exponent);
    checkScaling(text);
    checkDate(text);
    return 0;
}

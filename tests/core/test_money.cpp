// domain.md section 1: money as integer minor units, text form, rounding, currencies.

#include "core/currency.h"
#include "core/money.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

using rd::Amount;
using rd::WideAmount;

namespace {

constexpr int kKES = 2;
constexpr int kUGX = 0;
constexpr int kKWD = 3;

Amount parsed(std::string_view text, int exponent) {
    auto r = rd::parseAmount(text, exponent);
    INFO("parsing \"" << std::string(text) << "\" with exponent " << exponent);
    REQUIRE(r.ok());
    return *r;
}

bool rejected(std::string_view text, int exponent) {
    return !rd::parseAmount(text, exponent).ok();
}

Amount sum(const std::vector<Amount>& parts) {
    return std::accumulate(parts.begin(), parts.end(), Amount{0});
}

} // namespace

TEST_CASE("parseAmount reads KES text with up to 2 decimals", "[money][parse]") {
    CHECK(parsed("1250.5", kKES) == 125050);
    CHECK(parsed("1250.50", kKES) == 125050);
    CHECK(parsed("1250", kKES) == 125000);
    CHECK(parsed("0", kKES) == 0);
    CHECK(parsed("0.05", kKES) == 5);
    CHECK(parsed("0.5", kKES) == 50);
    CHECK(parsed("300.00", kKES) == 30000);
    CHECK(parsed("007", kKES) == 700);
}

TEST_CASE("parseAmount rejects everything but digits and a short fraction in KES",
          "[money][parse]") {
    for (const char* text :
         {"1250.505", "1250.", ".5", "-1", "+1", "1,250", " 1", "1 ", "KES1", "", "1.2.3",
          "1250.5a", "1e3", ".", "12 50", "1250.-5", "1250..5", "0x10", "1250.5 "}) {
        INFO("text \"" << text << "\"");
        CHECK(rejected(text, kKES));
    }
}

TEST_CASE("parseAmount follows the currency exponent", "[money][parse]") {
    SECTION("exponent 0 (UGX): no decimals at all") {
        CHECK(parsed("1250", kUGX) == 1250);
        CHECK(parsed("300000", kUGX) == 300000);
        CHECK(rejected("1250.0", kUGX));
        CHECK(rejected("1250.", kUGX));
        CHECK(rejected("1250.5", kUGX));
        CHECK(rejected(".5", kUGX));
    }
    SECTION("exponent 3 (KWD): up to 3 decimals") {
        CHECK(parsed("12.5", kKWD) == 12500);
        CHECK(parsed("12.500", kKWD) == 12500);
        CHECK(parsed("12.05", kKWD) == 12050);
        CHECK(parsed("12.005", kKWD) == 12005);
        CHECK(parsed("12", kKWD) == 12000);
        CHECK(rejected("12.5000", kKWD));
        CHECK(rejected("12.", kKWD));
    }
}

TEST_CASE("parseAmount refuses overflow instead of wrapping", "[money][parse]") {
    constexpr Amount kMax = std::numeric_limits<Amount>::max();
    CHECK(rejected("99999999999999999999", kUGX)); // 20 digits
    CHECK(rejected("99999999999999999999", kKES));
    CHECK(rejected("18446744073709551616", kUGX)); // 2^64 would wrap to 0
    CHECK(parsed("9223372036854775807", kUGX) == kMax);
    CHECK(rejected("9223372036854775808", kUGX));
    CHECK(parsed("92233720368547758.07", kKES) == kMax);
    CHECK(rejected("92233720368547758.08", kKES));
    CHECK(rejected("92233720368547759", kKES)); // the scaling by 100 overflows
    CHECK(parsed("9223372036854775.807", kKWD) == kMax);
    CHECK(rejected("9223372036854775.808", kKWD));
}

TEST_CASE("parseAmount error messages quote the text and describe the form", "[money][parse]") {
    auto r = rd::parseAmount("12,500", kKES);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "\"12,500\" is not an amount (digits with at most 2 decimals)");

    auto u = rd::parseAmount("1250.0", kUGX);
    REQUIRE_FALSE(u.ok());
    CHECK(u.error().message == "\"1250.0\" is not an amount (digits only, no decimals)");

    auto k = rd::parseAmount("12.5000", kKWD);
    REQUIRE_FALSE(k.ok());
    CHECK(k.error().message == "\"12.5000\" is not an amount (digits with at most 3 decimals)");

    CHECK(rd::amountFormHint(1) == "digits with at most 1 decimal");
}

TEST_CASE("formatAmount prints exactly exponent decimals", "[money][format]") {
    CHECK(rd::formatAmount(125050, kKES) == "1250.50");
    CHECK(rd::formatAmount(125000, kUGX) == "125000");
    CHECK(rd::formatAmount(12500, kKWD) == "12.500");
    CHECK(rd::formatAmount(5, kKES) == "0.05");
    CHECK(rd::formatAmount(0, kUGX) == "0");
    CHECK(rd::formatAmount(0, kKES) == "0.00");
    CHECK(rd::formatAmount(0, kKWD) == "0.000");
    CHECK(rd::formatAmount(1, kKWD) == "0.001");
    CHECK(rd::formatAmount(100, kKES) == "1.00");
    CHECK(rd::formatAmount(-125050, kKES) == "-1250.50");
    CHECK(rd::formatAmount(-5, kKES) == "-0.05");
    CHECK(rd::formatAmount(-7, kUGX) == "-7");
    CHECK(rd::formatAmount(-12005, kKWD) == "-12.005");
    CHECK(rd::formatAmount(std::numeric_limits<Amount>::max(), kKES) == "92233720368547758.07");
    CHECK(rd::formatAmount(std::numeric_limits<Amount>::min(), kKES) == "-92233720368547758.08");
}

TEST_CASE("formatAmount and parseAmount round-trip", "[money][format]") {
    for (int exponent : {kUGX, kKES, kKWD}) {
        for (Amount a :
             {Amount{0}, Amount{1}, Amount{9}, Amount{10}, Amount{99}, Amount{100}, Amount{101},
              Amount{125050}, Amount{999999999}, std::numeric_limits<Amount>::max()}) {
            INFO("amount " << a << " exponent " << exponent);
            CHECK(parsed(rd::formatAmount(a, exponent), exponent) == a);
        }
    }
}

TEST_CASE("divideRoundHalfEven rounds half to even", "[money][rounding]") {
    CHECK(rd::divideRoundHalfEven(5, 2) == 2);
    CHECK(rd::divideRoundHalfEven(7, 2) == 4);
    CHECK(rd::divideRoundHalfEven(3, 2) == 2);
    CHECK(rd::divideRoundHalfEven(1, 2) == 0);
    CHECK(rd::divideRoundHalfEven(-5, 2) == -2);
    CHECK(rd::divideRoundHalfEven(-7, 2) == -4);
    CHECK(rd::divideRoundHalfEven(-3, 2) == -2);
    CHECK(rd::divideRoundHalfEven(1, 3) == 0);
    CHECK(rd::divideRoundHalfEven(2, 3) == 1);
    CHECK(rd::divideRoundHalfEven(-1, 3) == 0);
    CHECK(rd::divideRoundHalfEven(-2, 3) == -1);
    CHECK(rd::divideRoundHalfEven(0, 7) == 0);
    CHECK(rd::divideRoundHalfEven(10, 5) == 2);
    CHECK(rd::divideRoundHalfEven(25, 10) == 2);
    CHECK(rd::divideRoundHalfEven(35, 10) == 4);
    CHECK(rd::divideRoundHalfEven(26, 10) == 3);
    CHECK(rd::divideRoundHalfEven(24, 10) == 2);
}

TEST_CASE("divideRoundHalfEven keeps large intermediates exact", "[money][rounding]") {
    constexpr Amount kMax = std::numeric_limits<Amount>::max();
    // Products that overflow int64 but not __int128.
    CHECK(rd::divideRoundHalfEven(WideAmount{kMax} * 3, 3) == kMax);
    CHECK(rd::divideRoundHalfEven(WideAmount{kMax} * kMax, kMax) == kMax);
    // 10^12 * 10^12 / 10^12
    const WideAmount trillion = 1000000000000LL;
    CHECK(rd::divideRoundHalfEven(trillion * trillion, trillion) == 1000000000000LL);
    // A principal of 5e15 at 24% for 1/12 of a year: 5e15 * 24 / 1200 = 1e14 exactly.
    CHECK(rd::divideRoundHalfEven(WideAmount{5000000000000000LL} * 24, 1200) == 100000000000000LL);
    // Half cases whose numerator is far beyond 2^63.
    const WideAmount even = kMax - 1;                                  // 2^63 - 2
    CHECK(rd::divideRoundHalfEven(even * 2 + 1, 2) == kMax - 1);       // x.5, x even: down
    CHECK(rd::divideRoundHalfEven((even - 1) * 2 + 1, 2) == kMax - 1); // x.5, x odd: up
    CHECK(rd::divideRoundHalfEven(-(even * 2 + 1), 2) == -(kMax - 1));
    CHECK(rd::divideRoundHalfEven(even * 1000 + 500, 1000) == kMax - 1);
    CHECK(rd::divideRoundHalfEven((even - 1) * 1000 + 500, 1000) == kMax - 1);
    CHECK(rd::divideRoundHalfEven((even - 1) * 1000 + 499, 1000) == kMax - 2);
    CHECK(rd::divideRoundHalfEven((even - 1) * 1000 + 501, 1000) == kMax - 1);
}

TEST_CASE("splitEvenly parts sum exactly to the total, the last absorbing the remainder",
          "[money][rounding]") {
    CHECK(rd::splitEvenly(100, 3) == std::vector<Amount>{33, 33, 34});
    CHECK(rd::splitEvenly(10, 4) == std::vector<Amount>{2, 2, 2, 4}); // 2.5 rounds to 2
    CHECK(rd::splitEvenly(14, 4) == std::vector<Amount>{4, 4, 4, 2}); // 3.5 rounds to 4
    CHECK(rd::splitEvenly(7, 2) == std::vector<Amount>{4, 3});
    CHECK(rd::splitEvenly(5, 3) == std::vector<Amount>{2, 2, 1});
    CHECK(rd::splitEvenly(1, 3) == std::vector<Amount>{0, 0, 1});
    CHECK(rd::splitEvenly(0, 3) == std::vector<Amount>{0, 0, 0});
    CHECK(rd::splitEvenly(12345, 1) == std::vector<Amount>{12345});
    CHECK(rd::splitEvenly(120000, 12) == std::vector<Amount>(12, 10000));
    CHECK(rd::splitEvenly(-100, 3) == std::vector<Amount>{-33, -33, -34});
    CHECK(rd::splitEvenly(100, 0).empty());

    for (Amount total : {Amount{0}, Amount{1}, Amount{99}, Amount{100050}, Amount{987654321},
                         Amount{4000000000000000000LL}}) {
        for (int parts = 1; parts <= 60; ++parts) {
            const auto split = rd::splitEvenly(total, parts);
            INFO("total " << total << " parts " << parts);
            REQUIRE(split.size() == static_cast<std::size_t>(parts));
            CHECK(sum(split) == total);
            Amount share = rd::divideRoundHalfEven(total, parts);
            if (share * (parts - 1) > total) // would leave the last part negative
                share = total / parts;
            CHECK(split.back() >= 0);
            for (int i = 0; i + 1 < parts; ++i)
                CHECK(split[static_cast<std::size_t>(i)] == share);
        }
    }
}

TEST_CASE("ISO 4217 minor-unit exponents", "[money][currency]") {
    struct Case {
        const char* code;
        int exponent;
    };
    for (const Case& c :
         {Case{"UGX", 0}, Case{"RWF", 0}, Case{"BIF", 0}, Case{"XOF", 0}, Case{"XAF", 0},
          Case{"KMF", 0}, Case{"GNF", 0}, Case{"JPY", 0}, Case{"BHD", 3}, Case{"KWD", 3},
          Case{"JOD", 3}, Case{"OMR", 3}, Case{"TND", 3}, Case{"KES", 2}, Case{"TZS", 2},
          Case{"USD", 2}, Case{"EUR", 2}}) {
        INFO("currency " << c.code);
        const auto found = rd::findCurrency(c.code);
        REQUIRE(found.has_value());
        CHECK(found->code == c.code);
        CHECK(found->exponent == c.exponent);
        const auto parsedCurrency = rd::parseCurrency(c.code);
        REQUIRE(parsedCurrency.ok());
        CHECK(parsedCurrency->exponent == c.exponent);
    }
}

TEST_CASE("unknown currency codes are refused", "[money][currency]") {
    for (const char* code : {"XXX", "ugx", "Kes", "", "UG", "UGXX", " UGX", "UGX "}) {
        INFO("code \"" << code << "\"");
        CHECK_FALSE(rd::findCurrency(code).has_value());
        const auto r = rd::parseCurrency(code);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find(std::string("\"") + code + "\"") != std::string::npos);
    }
}

TEST_CASE("splitEvenly never makes the last part negative", "[money][rounding]") {
    // 11 / 7 rounds to 2, and 6 x 2 = 12 > 11: the share rounds down instead.
    CHECK(rd::splitEvenly(11, 7) == std::vector<rd::Amount>{1, 1, 1, 1, 1, 1, 5});
    for (rd::Amount total : {0, 1, 5, 11, 99, 1000, 123457})
        for (int parts : {1, 2, 3, 7, 12, 52}) {
            const auto split = rd::splitEvenly(total, parts);
            rd::Amount sum = 0;
            for (rd::Amount p : split) {
                CHECK(p >= 0);
                sum += p;
            }
            CHECK(sum == total);
        }
}

TEST_CASE("parseAmount says an amount is too large rather than not an amount", "[money][parse]") {
    auto r = rd::parseAmount("99999999999999999999999", 0);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "\"99999999999999999999999\" is too large to be an amount (at most "
                               "9223372036854775807)");
    auto k = rd::parseAmount("92233720368547759", 2);
    REQUIRE_FALSE(k.ok());
    CHECK_THAT(k.error().message, Catch::Contains("too large"));
    CHECK_THAT(k.error().message, Catch::Contains("92233720368547758.07"));
    // Something else wrong further on is still named as not an amount.
    CHECK_THAT(rd::parseAmount("99999999999999999999999x", 0).error().message,
               Catch::Contains("is not an amount"));
}

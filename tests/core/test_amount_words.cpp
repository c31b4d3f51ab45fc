// Amounts in words as printed on receipts (core/amount_words.h).
#include "core/amount_words.h"

#include <catch2/catch.hpp>
#include <limits>
#include <set>
#include <string>

using namespace rd;

TEST_CASE("numbers in words: zero, units, teens and tens", "[amount-words]") {
    CHECK(numberInWords(0) == "zero");
    CHECK(numberInWords(1) == "one");
    CHECK(numberInWords(9) == "nine");
    CHECK(numberInWords(10) == "ten");
    CHECK(numberInWords(11) == "eleven");
    CHECK(numberInWords(12) == "twelve");
    CHECK(numberInWords(13) == "thirteen");
    CHECK(numberInWords(15) == "fifteen");
    CHECK(numberInWords(18) == "eighteen");
    CHECK(numberInWords(19) == "nineteen");
    CHECK(numberInWords(20) == "twenty");
    CHECK(numberInWords(21) == "twenty-one");
    CHECK(numberInWords(40) == "forty");
    CHECK(numberInWords(99) == "ninety-nine");
}

TEST_CASE("numbers in words: every number below a thousand has its own words", "[amount-words]") {
    // Hundreds, then the tens and units as below a hundred; no two numbers share words.
    std::set<std::string> seen;
    for (int n = 0; n < 1000; ++n) {
        const auto words = numberInWords(n);
        INFO(n << ": " << words);
        CHECK(seen.insert(words).second);
        if (n >= 100) {
            const auto hundreds = numberInWords(n / 100) + " hundred";
            CHECK(words.rfind(hundreds, 0) == 0);
            if (n % 100 != 0)
                CHECK(words == hundreds + " " + numberInWords(n % 100));
            else
                CHECK(words == hundreds);
        }
    }
    CHECK(numberInWords(100) == "one hundred");
    CHECK(numberInWords(101) == "one hundred one");
    CHECK(numberInWords(110) == "one hundred ten");
    CHECK(numberInWords(115) == "one hundred fifteen");
    CHECK(numberInWords(999) == "nine hundred ninety-nine");
}

TEST_CASE("numbers in words: thousands, millions, billions and the largest int64",
          "[amount-words]") {
    CHECK(numberInWords(1000) == "one thousand");
    CHECK(numberInWords(1001) == "one thousand one");
    CHECK(numberInWords(12'000) == "twelve thousand");
    CHECK(numberInWords(430'475) == "four hundred thirty thousand four hundred seventy-five");
    CHECK(numberInWords(1'000'000) == "one million");
    CHECK(numberInWords(1'000'001) == "one million one");
    CHECK(numberInWords(2'500'000) == "two million five hundred thousand");
    CHECK(numberInWords(1'000'000'000) == "one billion");
    CHECK(numberInWords(3'000'000'017) == "three billion seventeen");
    CHECK(numberInWords(1'000'000'000'000) == "one trillion");
    CHECK(numberInWords(1'000'000'000'000'000) == "one quadrillion");
    CHECK(numberInWords(std::numeric_limits<std::int64_t>::max()) ==
          "nine quintillion two hundred twenty-three quadrillion three hundred seventy-two "
          "trillion thirty-six billion eight hundred fifty-four million seven hundred "
          "seventy-five thousand eight hundred seven");
    CHECK(numberInWords(-42) == "minus forty-two");
    CHECK(numberInWords(std::numeric_limits<std::int64_t>::min()) ==
          "minus nine quintillion two hundred twenty-three quadrillion three hundred "
          "seventy-two trillion thirty-six billion eight hundred fifty-four million seven "
          "hundred seventy-five thousand eight hundred eight");
}

TEST_CASE("amounts in words: the currency's name, minor units in figures, only", "[amount-words]") {
    const Currency ugx{"UGX", 0};
    const Currency kes{"KES", 2};
    CHECK(amountInWords(430'475, ugx) ==
          "Uganda shillings four hundred thirty thousand four hundred seventy-five only");
    CHECK(amountInWords(0, ugx) == "Uganda shillings zero only");
    CHECK(amountInWords(17'550, kes) == "Kenya shillings one hundred seventy-five and 50 cents "
                                        "only");
    CHECK(amountInWords(17'500, kes) == "Kenya shillings one hundred seventy-five only");
    CHECK(amountInWords(5, kes) == "Kenya shillings zero and 5 cents only");
    CHECK(amountInWords(100'000'000'000, kes) == "Kenya shillings one billion only");
    CHECK(amountInWords(250, Currency{"USD", 2}) == "US dollars two and 50 cents only");
    CHECK(amountInWords(1'500, Currency{"KWD", 3}) == "KWD one and 500 KWD minor units only");
    CHECK(amountInWords(std::numeric_limits<std::int64_t>::max(), ugx) ==
          "Uganda shillings " + numberInWords(std::numeric_limits<std::int64_t>::max()) + " only");
    CHECK(amountInWords(std::numeric_limits<std::int64_t>::max(), kes) ==
          "Kenya shillings " + numberInWords(92'233'720'368'547'758) + " and 7 cents only");
}

#pragma once

#include "currency.h"
#include "money.h"

#include <string>
#include <string_view>

namespace rd {

// A whole number in English words, as written on receipts and cheques: "four hundred thirty
// thousand four hundred seventy-five" (no "and", hyphenated tens, short scale up to
// quintillion, so every int64 is covered). Negative numbers start with "minus".
std::string numberInWords(std::int64_t number);

// The currency's name as written in words on a receipt ("Uganda shillings", "US dollars"),
// and the name of its minor unit ("cents"); the code itself for a currency without one.
std::string currencyWords(std::string_view code);
std::string minorUnitWords(std::string_view code);

// An amount in minor units in words for a receipt: "Uganda shillings four hundred thirty
// thousand four hundred seventy-five only"; with minor units (exponent > 0) "Kenya shillings
// one hundred seventy-five and 50 cents only" (the minor units in figures, as on a cheque).
std::string amountInWords(Amount amount, const Currency& currency);

} // namespace rd

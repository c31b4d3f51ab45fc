#pragma once

#include "core/currency.h"
#include "core/money.h"
#include "core/result.h"

#include <QLocale>
#include <QString>

namespace rd::ui {

// Money as people read it: the locale's grouping and decimal point, exactly the currency's
// decimals ("50,000", "1,250.50"). Exact: built from the integer minor units, never a double.
QString displayMoney(Amount amount, const Currency& currency, const QLocale& locale = QLocale());
// "UGX 50,000"
QString displayMoneyWithCode(Amount amount, const Currency& currency,
                             const QLocale& locale = QLocale());

// An amount typed into a field of the GUI: plain digits ("50000") or as the GUI shows money,
// in the locale's form ("50,000", "1,250.50"; "50 000" where the locale groups with
// spaces). Group separators must stand between groups of three digits. The message says
// what is wrong with the text as typed. Import files keep the strict form (parseAmount).
Result<Amount> parseAmountInput(const QString& text, int exponent,
                                const QLocale& locale = QLocale());

} // namespace rd::ui

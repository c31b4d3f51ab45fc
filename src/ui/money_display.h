#pragma once

#include "core/currency.h"
#include "core/money.h"

#include <QLocale>
#include <QString>

namespace rd::ui {

// Money as people read it: the locale's grouping and decimal point, exactly the currency's
// decimals ("50,000", "1,250.50"). Exact: built from the integer minor units, never a double.
QString displayMoney(Amount amount, const Currency& currency, const QLocale& locale = QLocale());
// "UGX 50,000"
QString displayMoneyWithCode(Amount amount, const Currency& currency,
                             const QLocale& locale = QLocale());

} // namespace rd::ui

#include "money_display.h"

namespace rd::ui {

QString displayMoney(Amount amount, const Currency& currency, const QLocale& locale) {
    const bool negative = amount < 0;
    // Work on the magnitude as unsigned so INT64_MIN cannot overflow.
    const auto magnitude = negative ? static_cast<unsigned long long>(-(amount + 1)) + 1ULL
                                    : static_cast<unsigned long long>(amount);
    unsigned long long scale = 1;
    for (int i = 0; i < currency.exponent; ++i)
        scale *= 10;
    QString text = locale.toString(static_cast<qulonglong>(magnitude / scale));
    if (currency.exponent > 0)
        text += locale.decimalPoint() +
                QString::number(magnitude % scale).rightJustified(currency.exponent, u'0');
    return negative ? locale.negativeSign() + text : text;
}

QString displayMoneyWithCode(Amount amount, const Currency& currency, const QLocale& locale) {
    return QString::fromStdString(currency.code) + u' ' + displayMoney(amount, currency, locale);
}

} // namespace rd::ui

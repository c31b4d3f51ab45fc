#include "money_display.h"

#include <QObject>
#include <QStringList>
#include <algorithm>

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

Result<Amount> parseAmountInput(const QString& text, int exponent, const QLocale& locale) {
    const QString typed = text.trimmed();
    QString group = locale.groupSeparator();
    const QString point = locale.decimalPoint();
    // A locale that groups with a (no-break) space accepts a plain space too.
    const bool spaceGroups = group.trimmed().isEmpty() || group == QChar(0x202F);
    QString whole = typed;
    QString fraction;
    const bool hasPoint = !point.isEmpty() && typed.contains(point);
    if (hasPoint) {
        whole = typed.left(typed.indexOf(point));
        fraction = typed.mid(typed.indexOf(point) + point.size());
    }
    const auto isGroup = [&](QChar c) {
        return (!group.isEmpty() && c == group.front()) ||
               (spaceGroups && (c == u' ' || c == QChar(0x00A0) || c == QChar(0x202F)));
    };
    QString digits;
    if (std::any_of(whole.begin(), whole.end(), isGroup)) {
        // 1 to 3 digits, then groups of exactly 3.
        QStringList parts;
        QString part;
        for (const QChar c : whole) {
            if (isGroup(c)) {
                parts << part;
                part.clear();
            } else {
                part += c;
            }
        }
        parts << part;
        bool placed = !parts.front().isEmpty() && parts.front().size() <= 3;
        for (int i = 1; i < parts.size(); ++i)
            placed = placed && parts.at(i).size() == 3;
        if (!placed)
            return Error{QObject::tr("\"%1\" has its thousands separators in the wrong places: "
                                     "write it as %2 or without separators")
                             .arg(typed, locale.toString(123456789LL))
                             .toStdString()};
        digits = parts.join(QString());
    } else {
        digits = whole;
    }
    const std::string plain =
        (digits + (hasPoint ? QStringLiteral(".") + fraction : QString())).toStdString();
    auto amount = parseAmount(plain, exponent);
    if (amount)
        return amount;
    // The message quotes what was typed, not the form it was turned into.
    std::string message = amount.error().message;
    const std::string quoted = "\"" + plain + "\"";
    if (const auto at = message.find(quoted); at != std::string::npos)
        message.replace(at, quoted.size(), "\"" + typed.toStdString() + "\"");
    return Error{message};
}

} // namespace rd::ui

#include "plan_option_state.h"

#include "display_text.h"

#include <QLocale>

namespace rd::ui {
namespace {

// The locale's short date format, its year always with four digits.
QString dateFormat() {
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QStringLiteral("yyyy")))
        format.replace(QStringLiteral("yy"), QStringLiteral("yyyy"));
    return format;
}

} // namespace

QString planDateText(Date date) {
    return QLocale().toString(toQDate(date), dateFormat());
}

QDate parsePlanDate(const QString& text) {
    const QString t = text.trimmed();
    QDate d = QLocale().toDate(t, dateFormat());
    if (!d.isValid())
        d = QDate::fromString(t, Qt::ISODate);
    return d;
}

} // namespace rd::ui

#include "letterhead.h"

#include "services/settings_service.h"

#include <QCoreApplication>
#include <QStringList>

namespace rd::ui {

Letterhead loadLetterhead(const DeskServices& services, const User& user) {
    Letterhead l;
    auto settings = services.settings->list(user);
    if (!settings)
        return l;
    for (const auto& s : *settings) {
        const QString value = QString::fromStdString(s.value);
        if (s.key == "institution_name")
            l.name = value;
        else if (s.key == "institution_address")
            l.address = value;
        else if (s.key == "institution_phone")
            l.phone = value;
        else if (s.key == "institution_licence")
            l.licence = value;
    }
    return l;
}

QString letterheadHtml(const Letterhead& l) {
    const auto tr = [](const char* text) {
        return QCoreApplication::translate("rd::ui::Letterhead", text);
    };
    QStringList lines;
    if (!l.name.isEmpty())
        lines << QStringLiteral("<span style='font-size: 15pt; font-weight: bold;'>%1</span>")
                     .arg(l.name.toHtmlEscaped());
    if (!l.address.isEmpty())
        lines << l.address.toHtmlEscaped();
    QStringList contact;
    if (!l.phone.isEmpty())
        contact << tr("Tel. %1").arg(l.phone.toHtmlEscaped());
    if (!l.licence.isEmpty())
        contact << tr("Licence no. %1").arg(l.licence.toHtmlEscaped());
    if (!contact.isEmpty())
        lines << contact.join(QStringLiteral(" &middot; "));
    if (lines.isEmpty())
        return {};
    return QStringLiteral("<p align='center'>%1</p><hr>").arg(lines.join(QStringLiteral("<br>")));
}

} // namespace rd::ui

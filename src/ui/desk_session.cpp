#include "desk_session.h"

#include "display_text.h"

#include <QDateTime>
#include <QTime>

namespace rd::ui {

DeskServices deskServices(services::Services& s) {
    DeskServices d;
    d.users = &s.users();
    d.cases = &s.cases();
    d.contacts = &s.contacts();
    d.callList = &s.callList();
    d.payments = &s.payments();
    d.actions = &s.actions();
    d.queries = &s.queries();
    d.settings = &s.settings();
    d.imports = &s.imports();
    d.portfolio = &s.portfolio();
    d.days = &s.days();
    d.plans = &s.plans();
    d.counselling = &s.counselling();
    d.legal = &s.legal();
    d.letters = &s.letters();
    d.factory = std::make_shared<const services::ServiceFactory>(s.factory());
    return d;
}

QTimeZone institutionTimeZone(const std::string& name) {
    QTimeZone zone(QByteArray::fromStdString(name));
    if (zone.isValid())
        return zone;
    if (name == kDefaultTimeZone)
        return QTimeZone(QByteArray(kDefaultTimeZone), 3 * 3600, QStringLiteral("East Africa Time"),
                         QStringLiteral("EAT"), QLocale::Uganda);
    return QTimeZone::utc();
}

QDateTime DeskSession::localNow() const {
    const auto seconds = clock.now().time_since_epoch().count();
    return QDateTime::fromSecsSinceEpoch(seconds, timeZone);
}

int DeskSession::nowMinuteOfDay() const {
    const QTime now = localNow().time();
    return now.hour() * 60 + now.minute();
}

QDateTime DeskSession::localTime(const std::string& isoUtc) const {
    const QDateTime at = QDateTime::fromString(QString::fromStdString(isoUtc), Qt::ISODate);
    if (!at.isValid())
        return {};
    return at.toTimeZone(timeZone);
}

QString DeskSession::timeText(const std::string& isoUtc) const {
    const QDateTime at = localTime(isoUtc);
    if (!at.isValid())
        return QString::fromStdString(isoUtc);
    return displayDateTime(DateTime{toDate(at.date()), at.time().hour() * 60 + at.time().minute()});
}

Clock fixedLocalClock(Date date, int minuteOfDay, const QTimeZone& zone) {
    const QDateTime local(toQDate(date), QTime(minuteOfDay / 60, minuteOfDay % 60), zone);
    return Clock::fixed(std::chrono::sys_seconds(std::chrono::seconds(local.toSecsSinceEpoch())));
}

} // namespace rd::ui

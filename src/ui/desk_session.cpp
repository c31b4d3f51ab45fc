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
    d.factory = std::make_shared<const services::ServiceFactory>(s.factory());
    return d;
}

int DeskSession::nowMinuteOfDay() const {
    const auto seconds = clock.now().time_since_epoch().count();
    const QTime now = QDateTime::fromSecsSinceEpoch(seconds).time(); // local time
    return now.hour() * 60 + now.minute();
}

Clock fixedLocalClock(Date date, int minuteOfDay) {
    const QDateTime local(toQDate(date), QTime(minuteOfDay / 60, minuteOfDay % 60));
    return Clock::fixed(std::chrono::sys_seconds(std::chrono::seconds(local.toSecsSinceEpoch())));
}

} // namespace rd::ui

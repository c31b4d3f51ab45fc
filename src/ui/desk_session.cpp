#include "desk_session.h"

#include <QTime>

namespace rd::ui {

int DeskSession::nowMinuteOfDay() const {
    if (minuteOfDay)
        return minuteOfDay();
    const QTime now = QTime::currentTime();
    return now.hour() * 60 + now.minute();
}

} // namespace rd::ui

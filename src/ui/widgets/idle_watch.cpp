#include "idle_watch.h"

#include <QCoreApplication>
#include <QEvent>
#include <algorithm>

namespace rd::ui {

IdleWatch::IdleWatch(std::chrono::milliseconds limit, QObject* parent)
    : QObject(parent), limit_(limit) {
    since_.start();
    connect(&timer_, &QTimer::timeout, this, &IdleWatch::check);
    setLimit(limit);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatch::~IdleWatch() {
    if (auto* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleWatch::setLimit(std::chrono::milliseconds limit) {
    limit_ = limit;
    // Checked often enough that the lock comes within a few percent of the limit.
    timer_.start(static_cast<int>(std::clamp<std::int64_t>(limit.count() / 20, 20, 5000)));
    touch();
}

void IdleWatch::setPaused(bool paused) {
    paused_ = paused;
    touch();
}

void IdleWatch::touch() {
    since_.restart();
}

bool IdleWatch::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        touch();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatch::check() {
    if (paused_ || since_.elapsed() < limit_.count())
        return;
    paused_ = true; // once: whoever handles idle() resumes it
    emit idle();
}

} // namespace rd::ui

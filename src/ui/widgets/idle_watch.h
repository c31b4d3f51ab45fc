#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <chrono>

namespace rd::ui {

// Says when nobody has pressed a key, clicked or moved the mouse in the application for
// `limit`: the workstation then locks (setting idle_lock_minutes). Measured on the
// monotonic clock, not the desk's business clock: idleness is real time at the desk.
class IdleWatch : public QObject {
    Q_OBJECT
public:
    explicit IdleWatch(std::chrono::milliseconds limit, QObject* parent = nullptr);
    ~IdleWatch() override;

    void setLimit(std::chrono::milliseconds limit);
    std::chrono::milliseconds limit() const { return limit_; }
    // Paused while the lock is shown (its own typing must not count as work).
    void setPaused(bool paused);
    void touch(); // input happened

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void check();

    std::chrono::milliseconds limit_;
    QElapsedTimer since_;
    QTimer timer_;
    bool paused_ = false;
};

} // namespace rd::ui

#pragma once

#include "core/result.h"

#include <QString>
#include <QWidget>
#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QThread;
class QTimer;

namespace rd::ui {

// What a background job shares with the GUI thread: progress it reports and a cancel flag it
// polls. Only atomics and a mutex-guarded text cross the thread boundary.
class JobControl {
public:
    void setProgress(std::int64_t done, std::int64_t total) {
        done_ = done;
        total_ = total;
    }
    void setStep(const QString& step) {
        std::lock_guard lock(mutex_);
        step_ = step;
    }
    bool cancelled() const { return cancel_; }

    std::int64_t done() const { return done_; }
    std::int64_t total() const { return total_; }
    QString step() const {
        std::lock_guard lock(mutex_);
        return step_;
    }
    void requestCancel() { cancel_ = true; }

private:
    std::atomic<std::int64_t> done_{0};
    std::atomic<std::int64_t> total_{0};
    std::atomic<bool> cancel_{false};
    mutable std::mutex mutex_;
    QString step_;
};

struct JobOutcome {
    bool ok = true;
    QString message;
    // The service's error when the job failed on one (the GUI thread words it with
    // errorText / reportError: a storage failure becomes a message box).
    std::optional<rd::Error> error;

    static JobOutcome failed(const rd::Error& e);
};

// The status bar's background work: runs one job at a time on its own thread, shows its
// progress with a Cancel button, and calls back on the GUI thread when it ends. The job must
// open its own services with the DeskServices factory (a connection is never shared between
// threads).
class BackgroundWork : public QWidget {
    Q_OBJECT
public:
    using Job = std::function<JobOutcome(JobControl&)>;
    using Done = std::function<void(const JobOutcome&)>;

    explicit BackgroundWork(QWidget* parent = nullptr);
    ~BackgroundWork() override;

    // What start() did with a job. Either way the job will run (unless cancel() drops it
    // first) and `done` is called when it ends: a queued job is started, only later.
    enum class Start { Now, Queued };

    bool busy() const { return thread_ != nullptr; }
    // Jobs waiting for the running one to end.
    int queued() const { return static_cast<int>(queue_.size()); }
    // Runs the job now, or after the jobs already waiting.
    Start start(const QString& title, Job job, Done done);
    // Cancels the running job and drops the waiting ones (closing the window).
    void cancel() {
        queue_.clear();
        if (control_)
            control_->requestCancel();
    }
    // Blocks until the running job has ended (tests, closing the window).
    void waitForIdle();

signals:
    void finished(bool ok, const QString& message);

private:
    struct Pending {
        QString title;
        Job job;
        Done done;
    };
    void poll();
    void jobEnded();
    void run(Pending pending);

    QLabel* label_;
    QProgressBar* bar_;
    QPushButton* cancel_;
    QTimer* timer_;
    QThread* thread_ = nullptr;
    std::shared_ptr<JobControl> control_;
    std::shared_ptr<JobOutcome> outcome_;
    Done done_;
    QString title_;
    std::deque<Pending> queue_;
};

} // namespace rd::ui

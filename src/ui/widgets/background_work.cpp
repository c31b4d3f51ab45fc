#include "background_work.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTimer>
#include <exception>

namespace rd::ui {

BackgroundWork::BackgroundWork(QWidget* parent)
    : QWidget(parent), label_(new QLabel(this)), bar_(new QProgressBar(this)),
      cancel_(new QPushButton(tr("Cancel"), this)), timer_(new QTimer(this)) {
    setObjectName(QStringLiteral("backgroundWork"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(bar_);
    layout->addWidget(cancel_);
    bar_->setMaximumWidth(180);
    bar_->setTextVisible(true);
    timer_->setInterval(100);
    connect(timer_, &QTimer::timeout, this, &BackgroundWork::poll);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (control_) {
            control_->requestCancel();
            label_->setText(tr("%1: cancelling...").arg(title_));
            cancel_->setEnabled(false);
        }
    });
    hide();
}

BackgroundWork::~BackgroundWork() {
    if (control_)
        control_->requestCancel();
    if (thread_)
        thread_->wait();
}

JobOutcome JobOutcome::failed(const rd::Error& e) {
    JobOutcome outcome;
    outcome.ok = false;
    outcome.message = QString::fromStdString(e.message);
    outcome.error = e;
    return outcome;
}

BackgroundWork::Start BackgroundWork::start(const QString& title, Job job, Done done) {
    Pending pending{title, std::move(job), std::move(done)};
    if (thread_) {
        queue_.push_back(std::move(pending));
        return Start::Queued;
    }
    run(std::move(pending));
    return Start::Now;
}

void BackgroundWork::run(Pending pending) {
    title_ = pending.title;
    control_ = std::make_shared<JobControl>();
    outcome_ = std::make_shared<JobOutcome>();
    done_ = std::move(pending.done);
    auto control = control_;
    auto outcome = outcome_;
    thread_ = QThread::create([job = std::move(pending.job), control, outcome] {
        try {
            *outcome = job(*control);
        } catch (const std::exception& e) {
            *outcome = {false, QString::fromUtf8(e.what()), std::nullopt};
        }
    });
    connect(thread_, &QThread::finished, this, &BackgroundWork::jobEnded);
    label_->setText(title_);
    bar_->setRange(0, 0);
    cancel_->setEnabled(true);
    show();
    timer_->start();
    thread_->start();
}

void BackgroundWork::poll() {
    if (!control_)
        return;
    const auto total = control_->total();
    if (total > 0) {
        bar_->setRange(0, 1000);
        bar_->setValue(static_cast<int>(control_->done() * 1000 / total));
    }
    const auto step = control_->step();
    if (!step.isEmpty() && cancel_->isEnabled())
        label_->setText(QStringLiteral("%1: %2").arg(title_, step));
}

void BackgroundWork::jobEnded() {
    timer_->stop();
    thread_->deleteLater();
    thread_ = nullptr;
    const JobOutcome outcome = *outcome_;
    control_.reset();
    hide();
    auto done = std::move(done_);
    done_ = nullptr;
    if (done)
        done(outcome);
    emit finished(outcome.ok, outcome.message);
    if (!thread_ && !queue_.empty()) {
        auto next = std::move(queue_.front());
        queue_.pop_front();
        run(std::move(next));
    }
}

void BackgroundWork::waitForIdle() {
    while (thread_ || !queue_.empty()) {
        if (thread_)
            thread_->wait(50);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
}

} // namespace rd::ui

// BackgroundWork's contract: one job at a time; a job started while another runs is queued
// (start says so) and always runs later, its callback called in order.
#include "widgets/background_work.h"

#include <QCoreApplication>
#include <QThread>
#include <atomic>
#include <catch2/catch.hpp>
#include <vector>

using namespace rd;

TEST_CASE("BackgroundWork runs a job started while busy later, and says it was queued",
          "[ui][background]") {
    ui::BackgroundWork work;
    std::atomic<bool> release{false};
    std::atomic<int> ran{0};
    std::vector<QString> done;

    const auto first = work.start(
        QStringLiteral("first"),
        [&](ui::JobControl&) -> ui::JobOutcome {
            while (!release)
                QThread::msleep(5);
            ++ran;
            return {true, QStringLiteral("first done"), std::nullopt};
        },
        [&](const ui::JobOutcome& outcome) { done.push_back(outcome.message); });
    CHECK(first == ui::BackgroundWork::Start::Now);
    CHECK(work.busy());

    const auto second = work.start(
        QStringLiteral("second"),
        [&](ui::JobControl&) -> ui::JobOutcome {
            ++ran;
            return {true, QStringLiteral("second done"), std::nullopt};
        },
        [&](const ui::JobOutcome& outcome) { done.push_back(outcome.message); });
    CHECK(second == ui::BackgroundWork::Start::Queued);
    CHECK(work.queued() == 1);
    QCoreApplication::processEvents();
    CHECK(ran == 0);
    CHECK(done.empty());

    release = true;
    work.waitForIdle();
    CHECK_FALSE(work.busy());
    CHECK(work.queued() == 0);
    CHECK(ran == 2);
    REQUIRE(done.size() == 2);
    CHECK(done[0] == QStringLiteral("first done"));
    CHECK(done[1] == QStringLiteral("second done"));
}

TEST_CASE("BackgroundWork hands a job's service error to its callback", "[ui][background]") {
    ui::BackgroundWork work;
    std::optional<Error> seen;
    work.start(
        QStringLiteral("failing"),
        [](ui::JobControl&) {
            return ui::JobOutcome::failed(
                Error{"the database could not be read or written (disk I/O error); nothing was "
                      "saved",
                      ErrorKind::Storage, Hint::Retry});
        },
        [&](const ui::JobOutcome& outcome) {
            CHECK_FALSE(outcome.ok);
            seen = outcome.error;
        });
    work.waitForIdle();
    REQUIRE(seen);
    CHECK(seen->kind == ErrorKind::Storage);
}

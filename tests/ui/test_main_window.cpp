// The main window's background recompute: it runs off the GUI thread, and afterwards the
// session knows the portfolio currency (set by the first import into a new database).
#include "main_window.h"
#include "ui_fixture.h"
#include "widgets/background_work.h"

#include <QLabel>
#include <QStatusBar>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

TEST_CASE("After the background recompute the session has the portfolio currency",
          "[ui][mainwindow]") {
    DemoDesk desk;
    const User admin = desk.signIn("admin");
    auto session = desk.session(admin);
    session.currency = Currency{}; // as on a new database before its first import
    ui::MainWindow window(desk.services(), session);
    window.startRecompute();
    CHECK(window.backgroundWork()->busy());
    window.backgroundWork()->waitForIdle();
    CHECK_FALSE(window.backgroundWork()->busy());
    CHECK(window.session().currency.code == "UGX");
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("Cases updated")));
}

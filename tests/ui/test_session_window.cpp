// The main window as each role starts it and leaves it: where navigation goes, which menus
// are there, the complete list of shortcuts, signing out, the idle lock, and --help without
// a display.
#include "dialogs/lock_dialog.h"
#include "main_window.h"
#include "pages/call_list_page.h"
#include "pages/case_file_page.h"
#include "ui_fixture.h"
#include "widgets/idle_watch.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

QListWidgetItem* navItem(ui::MainWindow& window, const QString& title) {
    auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    REQUIRE(nav);
    for (int row = 0; row < nav->count(); ++row)
        if (nav->item(row)->text() == title)
            return nav->item(row);
    FAIL("no navigation entry " << title.toStdString());
    return nullptr;
}

QWidget* currentPage(ui::MainWindow& window) {
    auto* stack = window.findChild<QStackedWidget*>();
    REQUIRE(stack);
    return stack->currentWidget();
}

QMenu* menuNamed(ui::MainWindow& window, const QString& title) {
    for (auto* action : window.menuBar()->actions())
        if (action->menu() && action->text().remove(u'&') == title)
            return action->menu();
    return nullptr;
}

void clickItem(QListWidget* nav, QListWidgetItem* item) {
    const QRect rect = nav->visualItemRect(item);
    QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

TEST_CASE("Clicking the selected page in the navigation goes to it, even from a case file",
          "[ui][session]") {
    DemoDesk desk;
    const User officer = desk.signIn(desk.busiestOfficer());
    ui::MainWindow window(desk.services(), desk.session(officer));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    auto* list = navItem(window, QStringLiteral("My call list"));
    REQUIRE(nav->currentItem() == list);
    REQUIRE(window.callListPage()->visibleLoans().size() > 0);
    window.openCase(window.callListPage()->visibleLoans().front());
    REQUIRE(currentPage(window) == window.caseFilePage());
    clickItem(nav, list);
    CHECK(currentPage(window) == window.callListPage());
}

TEST_CASE("A supervisor starts on Team, an administrator has no Case menu, an officer's case "
          "actions work only on a case file",
          "[ui][session]") {
    DemoDesk desk;
    const std::string officerName = desk.busiestOfficer();
    {
        const User sup = desk.signIn(desk.supervisorOf(officerName));
        ui::MainWindow window(desk.services(), desk.session(sup));
        CHECK(currentPage(window)->objectName() == QStringLiteral("teamPage"));
    }
    {
        const User admin = desk.signIn("admin");
        ui::MainWindow window(desk.services(), desk.session(admin));
        CHECK(menuNamed(window, QStringLiteral("Case")) == nullptr);
        CHECK(window.findChild<QAction*>(QStringLiteral("logContactAction")) == nullptr);
        // The case file shows no work buttons an administrator cannot use.
        const auto loans = desk.column("SELECT loan_id FROM loans LIMIT 1");
        REQUIRE(window.caseFilePage()->showLoan(QString::fromStdString(loans.front())));
        CHECK(window.caseFilePage()
                  ->findChild<QPushButton*>(QStringLiteral("logContactButton"))
                  ->isHidden());
        CHECK(window.caseFilePage()
                  ->findChild<QPushButton*>(QStringLiteral("takePaymentButton"))
                  ->isHidden());
    }
    {
        const User officer = desk.signIn(officerName);
        ui::MainWindow window(desk.services(), desk.session(officer));
        REQUIRE(menuNamed(window, QStringLiteral("Case")));
        auto* log = window.findChild<QAction*>(QStringLiteral("logContactAction"));
        auto* pay = window.findChild<QAction*>(QStringLiteral("takePaymentAction"));
        REQUIRE(log);
        REQUIRE(pay);
        CHECK_FALSE(log->isEnabled()); // on the call list
        CHECK_FALSE(pay->isEnabled());
        window.openCase(window.callListPage()->visibleLoans().front());
        CHECK(log->isEnabled());
        CHECK(pay->isEnabled());
        window.showPage(QStringLiteral("callListPage"));
        CHECK_FALSE(log->isEnabled());
    }
}

TEST_CASE("The F1 list names every shortcut of the window", "[ui][session]") {
    DemoDesk desk;
    const User officer = desk.signIn(desk.busiestOfficer());
    ui::MainWindow window(desk.services(), desk.session(officer));
    const QString text = window.shortcutsText();
    INFO(text.toStdString());
    int checked = 0;
    for (auto* menu : window.menuBar()->findChildren<QMenu*>())
        for (auto* action : menu->actions())
            for (const auto& key : action->shortcuts()) {
                CHECK(text.contains(key.toString(QKeySequence::NativeText).toHtmlEscaped()));
                ++checked;
            }
    for (auto* shortcut : window.findChildren<QShortcut*>()) {
        INFO(shortcut->key().toString().toStdString());
        CHECK_FALSE(shortcut->whatsThis().isEmpty());
        CHECK(text.contains(shortcut->key().toString(QKeySequence::NativeText).toHtmlEscaped()));
        ++checked;
    }
    CHECK(checked >= 15);
    for (const char* key : {"Ctrl+L", "Ctrl+M", "Ctrl+N", "Ctrl+P", "F8", "Ctrl+Shift+Q", "Ctrl+2"})
        CHECK(text.contains(QString::fromLatin1(key)));
}

TEST_CASE("Sign out closes the window without quitting and says so", "[ui][session]") {
    DemoDesk desk;
    const User officer = desk.signIn(desk.busiestOfficer());
    ui::MainWindow window(desk.services(), desk.session(officer));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK_FALSE(window.signedOut());
    auto* out = window.findChild<QAction*>(QStringLiteral("signOutAction"));
    REQUIRE(out);
    out->trigger();
    CHECK(window.signedOut());
    CHECK_FALSE(window.isVisible());
}

TEST_CASE("The desk locks when idle and asks for the password again", "[ui][session]") {
    DemoDesk desk;
    const User officer = desk.signIn(desk.busiestOfficer());
    auto session = desk.session(officer);
    CHECK(session.idleLockMinutes == 10); // the default setting
    ui::MainWindow window(desk.services(), session);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.idleWatch()->limit() == std::chrono::minutes(10));
    window.idleWatch()->setLimit(std::chrono::milliseconds(150));

    QString wrong;
    bool hidden = false;
    ModalDriver unlock("rd::ui::LockDialog", [&](QWidget* w) {
        auto* dialog = qobject_cast<ui::LockDialog*>(w);
        hidden = !window.centralWidget()->isVisible();
        // Esc does not unlock.
        QTest::keyClick(dialog, Qt::Key_Escape);
        expect(dialog->isVisible(), "Esc leaves the lock up");
        QTest::keyClicks(dialog->passwordEdit(), QStringLiteral("not-the-password"));
        dialog->unlockButton()->click();
        wrong = dialog->problem();
        expect(dialog->isVisible(), "a wrong password does not unlock");
        QTest::keyClicks(dialog->passwordEdit(), QString::fromLatin1(kDemoPassword));
        dialog->unlockButton()->click();
    });
    QElapsedTimer waited;
    waited.start();
    while (!unlock.ran() && waited.elapsed() < 5000)
        QTest::qWait(20);
    REQUIRE(unlock.ran());
    CHECK(unlock.failure().empty());
    CHECK_FALSE(unlock.leftOpen());
    CHECK(hidden);
    CHECK_FALSE(wrong.isEmpty());
    CHECK(window.centralWidget()->isVisible());
    CHECK_FALSE(window.locked());
    CHECK_FALSE(window.signedOut());
    // The failed attempt counts towards the lockout like any sign-in.
    CHECK(
        desk.count("SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed' AND actor = '" +
                   officer.username + "'") == 1);

    // Signing out from the lock ends the session.
    ModalDriver leave("rd::ui::LockDialog", [&](QWidget* w) {
        qobject_cast<ui::LockDialog*>(w)->signOutButton()->click();
    });
    waited.restart();
    while (!leave.ran() && waited.elapsed() < 5000)
        QTest::qWait(20);
    REQUIRE(leave.ran());
    QTest::qWait(50);
    CHECK(window.signedOut());
}

TEST_CASE("recoverydesk --help works without a display", "[ui][session]") {
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(RD_APP_PATH), {QStringLiteral("--help")});
    REQUIRE(app.waitForFinished(20000));
    const QString out = QString::fromUtf8(app.readAllStandardOutput());
    INFO(out.toStdString() << QString::fromUtf8(app.readAllStandardError()).toStdString());
    CHECK(app.exitStatus() == QProcess::NormalExit);
    CHECK(app.exitCode() == 0);
    CHECK(out.contains(QStringLiteral("--db")));
    CHECK(out.contains(QStringLiteral("--date")));
    app.start(QStringLiteral(RD_APP_PATH), {QStringLiteral("--no-such-option")});
    REQUIRE(app.waitForFinished(20000));
    CHECK(app.exitCode() != 0);
    CHECK(QString::fromUtf8(app.readAllStandardError()).contains(QStringLiteral("no-such-option")));
}

#include "screenshots.h"

#include "dialogs/log_contact_dialog.h"
#include "dialogs/sign_in_dialog.h"
#include "main_window.h"
#include "pages/call_list_page.h"
#include "pages/case_file_page.h"
#include "pages/cases_page.h"
#include "pages/search_page.h"
#include "pages/team_page.h"
#include "dialogs/take_payment_dialog.h"
#include "widgets/background_work.h"
#include "services/call_list_service.h"
#include "services/case_service.h"
#include "services/user_service.h"
#include "storage/database.h"
#include "storage/portfolio_settings.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPixmap>
#include <QTabWidget>
#include <QTableView>
#include <chrono>
#include <cstdio>

namespace rd::app {
namespace {

bool save(QWidget* widget, const QString& dir, const QString& name) {
    QApplication::processEvents();
    const QString path = dir + u'/' + name + QStringLiteral(".png");
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

std::optional<User> busiestOfficer(const ui::DeskServices& services, Date date) {
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(
        std::chrono::system_clock::now());
    std::optional<User> best;
    std::size_t most = 0;
    for (const auto& u : services.users->list(now)) {
        if (u.user.role != Role::Officer || u.user.disabled)
            continue;
        auto list = services.callList->forOfficer(u.user.username, date);
        if (list && list->items.size() > most) {
            most = list->items.size();
            best = u.user;
        }
    }
    return best;
}

} // namespace

bool renderScreenshots(const ui::DeskServices& services, ui::DeskSession session,
                       const QString& dir) {
    if (!session.demoDatabase) {
        std::fprintf(stderr, "screenshots are made from a demo database only (recoverydesk-cli "
                             "demo)\n");
        return false;
    }
    QDir().mkpath(dir);
    session.minuteOfDay = [] { return 10 * 60 + 30; };
    services.cases->recompute(session.businessDate);

    {
        ui::SignInDialog signIn(*services.users, true);
        signIn.usernameEdit()->setText(QStringLiteral("rec.kampala-central"));
        signIn.resize(460, 300);
        if (!save(&signIn, dir, QStringLiteral("01-sign-in")))
            return false;
    }
    const auto officer = busiestOfficer(services, session.businessDate);
    if (!officer) {
        std::fprintf(stderr, "no officer of the demo database has a call list\n");
        return false;
    }
    session.user = *officer;
    ui::MainWindow window(services, session);
    window.resize(1366, 768);
    window.show();
    if (!save(&window, dir, QStringLiteral("02-call-list")))
        return false;
    auto* list = window.callListPage();
    const auto loans = list->visibleLoans();
    if (loans.isEmpty())
        return false;
    emit list->openCase(loans.front());
    if (!save(&window, dir, QStringLiteral("03-case-file-timeline")))
        return false;
    window.caseFilePage()->tabs()->setCurrentIndex(1);
    if (!save(&window, dir, QStringLiteral("04-case-file-schedule")))
        return false;
    window.caseFilePage()->tabs()->setCurrentIndex(0);
    {
        ui::LogContactDialog dialog(services, session, *window.caseFilePage()->caseFile(),
                                    storage::loadDeskSettings(*services.db).contactRules, &window);
        dialog.show();
        if (!save(&dialog, dir, QStringLiteral("05-log-contact")))
            return false;
    }
    {
        ui::TakePaymentDialog dialog(services, session, *window.caseFilePage()->caseFile(),
                                     &window);
        dialog.amountEdit()->setText(QStringLiteral("50000"));
        dialog.methodBox()->setCurrentIndex(1);
        dialog.referenceEdit()->setText(QStringLiteral("MM-7731902"));
        dialog.show();
        if (!save(&dialog, dir, QStringLiteral("06-take-payment")))
            return false;
    }
    window.showPage(QStringLiteral("casesPage"));
    window.backgroundWork()->waitForIdle();
    if (!save(&window, dir, QStringLiteral("07-cases")))
        return false;
    window.showPage(QStringLiteral("searchPage"));
    window.searchPage()->searchEdit()->setText(QStringLiteral("Nakato"));
    window.searchPage()->search(QStringLiteral("Nakato"));
    if (!save(&window, dir, QStringLiteral("08-search")))
        return false;
    window.showPage(QStringLiteral("promisesPage"));
    if (!save(&window, dir, QStringLiteral("09-promises")))
        return false;
    window.close();

    // The supervisor of the officer's branch.
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(
        std::chrono::system_clock::now());
    for (const auto& u : services.users->list(now)) {
        if (u.user.role != Role::Supervisor || u.user.branches.empty() ||
            !u.user.worksIn(officer->branches.front()))
            continue;
        session.user = u.user;
        ui::MainWindow supervisor(services, session);
        supervisor.resize(1366, 768);
        supervisor.show();
        supervisor.showPage(QStringLiteral("teamPage"));
        if (!save(&supervisor, dir, QStringLiteral("10-team")))
            return false;
        supervisor.backgroundWork()->waitForIdle();
        break;
    }
    return true;
}

} // namespace rd::app

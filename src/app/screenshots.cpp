#include "screenshots.h"

#include "desk_session.h"
#include "dialogs/log_contact_dialog.h"
#include "dialogs/plan_workbench/plan_workbench_dialog.h"
#include "dialogs/sign_in_dialog.h"
#include "dialogs/take_payment_dialog.h"
#include "main_window.h"
#include "pages/admin_page.h"
#include "pages/call_list_page.h"
#include "pages/case_file_page.h"
#include "pages/cases_page.h"
#include "pages/search_page.h"
#include "pages/team_page.h"
#include "services/call_list_service.h"
#include "services/case_actions_service.h"
#include "services/case_service.h"
#include "services/contact_service.h"
#include "services/desk_services.h"
#include "services/payment_service.h"
#include "services/plan_service.h"
#include "services/portfolio_service.h"
#include "services/settings_service.h"
#include "services/user_service.h"
#include "widgets/background_work.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPixmap>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <cstdio>

namespace rd::app {
namespace {

constexpr int kMinuteOfDay = 10 * 60 + 30;

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

// Before anyone signs in, the screenshots read and prepare the portfolio as the local
// operator (the role of a tool run on the database file).
std::vector<User> enabledUsers(const ui::DeskServices& services) {
    std::vector<User> users;
    if (auto list = services.users->list(localOperator()))
        for (const auto& u : *list)
            if (!u.user.disabled)
                users.push_back(u.user);
    return users;
}

std::optional<User> busiestOfficer(const ui::DeskServices& services, Date date) {
    std::optional<User> best;
    std::size_t most = 0;
    for (const auto& user : enabledUsers(services)) {
        if (user.role != Role::Officer)
            continue;
        auto list = services.callList->forOfficer(localOperator(), user.username, date);
        if (list && list->items.size() > most) {
            most = list->items.size();
            best = user;
        }
    }
    return best;
}

// A morning's work on the first cases of the officer's list, through the same services the
// screens use.
void workTheMorning(const ui::DeskServices& s, const User& officer, Date date) {
    auto list = s.callList->forOfficer(officer, officer.username, date);
    if (!list || list->items.size() < 4)
        return;
    const auto& items = list->items;
    services::NewContact promise;
    promise.loanId = items[1].entry.loanId;
    promise.at = DateTime{date, 9 * 60 + 5};
    promise.outcome = ContactOutcome::Promised;
    promise.note = "Client sells at the market on Fridays; will pay after the market day.";
    promise.promiseAmount = items[1].entry.position.arrears.total() / 2;
    promise.promiseDate = date.addDays(3);
    promise.nextActionOn = date.addDays(4);
    s.contacts->addContact(officer, promise);

    services::NewContact noAnswer;
    noAnswer.loanId = items[2].entry.loanId;
    noAnswer.at = DateTime{date, 9 * 60 + 20};
    noAnswer.outcome = ContactOutcome::NoAnswer;
    noAnswer.nextActionOn = date.addDays(1);
    s.contacts->addContact(officer, noAnswer);

    services::NewDeskPayment payment;
    payment.loanId = items[3].entry.loanId;
    payment.amount = items[3].entry.position.arrears.total() / 3;
    payment.method = PaymentMethod::MobileMoney;
    payment.reference = "MM-7731902";
    payment.paidOn = date;
    s.payments->takePayment(officer, payment, date);

    for (const auto& item : items)
        if (item.entry.stage == CaseStage::PreLegal) {
            s.actions->requestLegal(officer, item.entry.loanId,
                                    "No payment for 4 months, refuses every plan; guarantor "
                                    "unreachable.",
                                    date);
            break;
        }
}

// The administrator's page: users, settings (one changed, to show it bold) and the dry run of
// a small export of the core banking system.
bool adminScreens(const ui::DeskServices& s, ui::DeskSession session, const QString& temp,
                  const QString& dir) {
    std::optional<User> admin;
    for (const auto& user : enabledUsers(s))
        if (user.username == "admin")
            admin = user;
    if (!admin)
        return true;
    session.user = *admin;
    s.settings->change(*admin, "max_attempts_per_day", "4");
    ui::MainWindow window(s, session);
    window.resize(1366, 768);
    window.show();
    // The first page (Cases) loads in the background: the screenshots show the desk at rest.
    window.backgroundWork()->waitForIdle();
    window.showPage(QStringLiteral("adminPage"));
    auto* page = window.findChild<ui::AdminPage*>();
    if (!page)
        return false;
    page->tabs()->setCurrentIndex(ui::AdminPage::UsersTab);
    page->selectUser(QStringLiteral("admin"));
    if (!save(&window, dir, QStringLiteral("11-admin-users")))
        return false;
    page->tabs()->setCurrentIndex(ui::AdminPage::SettingsTab);
    if (!save(&window, dir, QStringLiteral("12-admin-settings")))
        return false;
    const QString folder = temp + QStringLiteral("/core-banking-export");
    QDir().mkpath(folder);
    QFile clients(folder + QStringLiteral("/clients.csv"));
    if (!clients.open(QIODevice::WriteOnly))
        return false;
    clients.write("client_id,full_name,branch,phone\n"
                  "CNEW0001,Grace Atim,Gulu,+256772100001\n"
                  "CNEW0002,Joseph Ssempa,Kampala Central,+256772100002\n"
                  "CNEW0003,Esther Nabirye,Jinja,+256772100003\n");
    clients.close();
    page->tabs()->setCurrentIndex(ui::AdminPage::ImportTab);
    page->folderEdit()->setText(folder);
    window.backgroundWork()->waitForIdle();
    page->checkFolder();
    window.backgroundWork()->waitForIdle();
    return save(&window, dir, QStringLiteral("13-admin-import"));
}

} // namespace

bool renderScreenshots(const QString& databasePath, Date businessDate, const QString& dir) {
    QTemporaryDir temp;
    const QString copy = temp.path() + QStringLiteral("/screenshots.db");
    if (!temp.isValid() || !QFile::copy(databasePath, copy)) {
        std::fprintf(stderr, "cannot copy %s to a temporary folder\n", qPrintable(databasePath));
        return false;
    }
    // The desk's clock stands at 10:30 on the business date: the contacts, receipts and
    // audit records the screenshots show do not depend on when they were made.
    const Clock clock = ui::fixedLocalClock(businessDate, kMinuteOfDay);
    auto opened = services::Services::open(copy.toStdString(), {}, clock);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.error().message.c_str());
        return false;
    }
    services::Services& all = **opened;
    const auto info = all.portfolio().info();
    if (!info || !info->demoPortfolio) {
        std::fprintf(stderr, "screenshots are made from a demo database only (recoverydesk-cli "
                             "demo)\n");
        return false;
    }
    const ui::DeskServices s = ui::deskServices(all);
    ui::DeskSession session;
    session.businessDate = businessDate;
    session.currency = info->currency.value_or(Currency{"UGX", 0});
    session.demoDatabase = true;
    session.clock = clock;
    session.timeZone = ui::institutionTimeZone(info->timeZone);
    QDir().mkpath(dir);
    all.cases().recompute(localOperator(), businessDate);

    {
        ui::SignInDialog signIn(all.users(), clock);
        signIn.usernameEdit()->setText(QStringLiteral("rec.kampala-central"));
        signIn.resize(460, 300);
        if (!save(&signIn, dir, QStringLiteral("01-sign-in")))
            return false;
    }
    const auto officer = busiestOfficer(s, businessDate);
    if (!officer) {
        std::fprintf(stderr, "no officer of the demo database has a call list\n");
        return false;
    }
    workTheMorning(s, *officer, businessDate);
    session.user = *officer;
    {
        ui::MainWindow window(s, session);
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
        auto* file = window.caseFilePage();
        file->tabs()->setCurrentIndex(1);
        if (!save(&window, dir, QStringLiteral("04-case-file-schedule")))
            return false;
        file->tabs()->setCurrentIndex(0);
        {
            ui::LogContactDialog dialog(s, session, *file->caseFile(), &window);
            dialog.show();
            if (!save(&dialog, dir, QStringLiteral("05-log-contact")))
                return false;
        }
        {
            ui::TakePaymentDialog dialog(s, session, *file->caseFile(), &window);
            dialog.amountEdit()->setText(QStringLiteral("50000"));
            dialog.methodBox()->setCurrentIndex(1);
            dialog.referenceEdit()->setText(QStringLiteral("MM-7731902"));
            dialog.show();
            if (!save(&dialog, dir, QStringLiteral("06-take-payment")))
                return false;
        }
        {
            // The client's budget as the officer took it down, then the three options.
            const auto& f = *file->caseFile();
            s.plans->setBudget(*officer, f.ledger.terms.clientId,
                               {{true, "Market stall", 900000},
                                {true, "Casual work", 150000},
                                {false, "Household", 520000},
                                {false, "School fees", 180000}},
                               businessDate, "taken down on the call");
            ui::PlanWorkbenchDialog dialog(s, session, f, &window);
            if (!dialog.load()) {
                std::fprintf(stderr, "plan workbench: %s\n", dialog.error()->message.c_str());
                return false;
            }
            dialog.resize(1366, 768);
            dialog.noteEdit()->setText(QStringLiteral("Client agreed to clear the arrears over "
                                                      "six months from the stall's takings"));
            dialog.reasonEdit()->setText(QStringLiteral("Her husband's wages (about UGX 300,000 "
                                                        "a month) are not in the budget yet"));
            dialog.show();
            if (!save(&dialog, dir, QStringLiteral("16-plan-workbench")))
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
        window.showPage(QStringLiteral("endOfDayPage"));
        if (!save(&window, dir, QStringLiteral("14-end-of-day")))
            return false;
        window.backgroundWork()->waitForIdle();
    }

    // The supervisor of the officer's branch.
    for (const auto& user : enabledUsers(s)) {
        if (user.role != Role::Supervisor || !user.worksIn(officer->branches.front()))
            continue;
        session.user = user;
        ui::MainWindow supervisor(s, session);
        supervisor.resize(1366, 768);
        supervisor.show();
        supervisor.showPage(QStringLiteral("teamPage"));
        if (!save(&supervisor, dir, QStringLiteral("10-team")))
            return false;
        supervisor.showPage(QStringLiteral("endOfDayPage"));
        if (!save(&supervisor, dir, QStringLiteral("15-end-of-day-supervisor")))
            return false;
        supervisor.backgroundWork()->waitForIdle();
        break;
    }
    if (!adminScreens(s, session, temp.path(), dir))
        return false;
    return true;
}

} // namespace rd::app

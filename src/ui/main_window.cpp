#include "main_window.h"

#include "dialogs/lock_dialog.h"
#include "dialogs/sign_in_dialog.h"
#include "display_text.h"
#include "error_text.h"
#include "pages/admin_page.h"
#include "pages/call_list_page.h"
#include "pages/case_file_page.h"
#include "pages/cases_page.h"
#include "pages/end_of_day_page.h"
#include "pages/plan_approvals_page.h"
#include "pages/promises_page.h"
#include "pages/search_page.h"
#include "pages/team_page.h"
#include "services/case_service.h"
#include "services/portfolio_service.h"
#include "widgets/background_work.h"
#include "widgets/idle_watch.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

namespace rd::ui {

MainWindow::MainWindow(DeskServices services, DeskSession session, QWidget* parent)
    : QMainWindow(parent), services_(services), session_(std::move(session)),
      nav_(new QListWidget(this)), stack_(new QStackedWidget(this)),
      callList_(new CallListPage(services_, session_, this)),
      caseFile_(new CaseFilePage(services_, session_, this)), work_(new BackgroundWork(this)),
      idle_(new IdleWatch(std::chrono::minutes(session_.idleLockMinutes), this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("RecoveryDesk - %1").arg(QString::fromStdString(session_.user.fullName)));
    nav_->setObjectName(QStringLiteral("navigation"));
    nav_->setMaximumWidth(220);
    nav_->setStyleSheet(QStringLiteral("QListWidget::item { padding: 6px 4px; }"));

    const auto& user = session_.user;
    if (allows(user, Permission::WorkOwnCases, user.branches.empty() ? "" : user.branches[0]))
        addPage(callList_, tr("My call list"));
    else
        callList_->hide();
    const bool reads = std::any_of(user.branches.begin(), user.branches.end(),
                                   [&](const std::string& b) {
                                       return allows(user, Permission::ReadBranch, b);
                                   }) ||
                       allows(user, Permission::ReadBranch, "");
    if (reads) {
        cases_ = new CasesPage(services_, session_, work_, this);
        addPage(cases_, tr("Cases"));
        search_ = new SearchPage(services_, session_, this);
        addPage(search_, tr("Clients and loans"));
        promises_ = new PromisesPage(services_, session_, this);
        addPage(promises_, tr("Promises"));
        connect(cases_, &CasesPage::openCase, this, [this](const QString& loan) {
            QStringList loans;
            for (int r = 0; r < cases_->view()->model()->rowCount(); ++r)
                loans << cases_->view()->model()->index(r, 0).data().toString();
            openFrom(cases_, loan, loans);
        });
        connect(search_, &SearchPage::openCase, this,
                [this](const QString& loan) { openFrom(search_, loan, {}); });
        connect(promises_, &PromisesPage::openCase, this,
                [this](const QString& loan) { openFrom(promises_, loan, {}); });
    }
    if (std::any_of(user.branches.begin(), user.branches.end(), [&](const std::string& b) {
            return allows(user, Permission::SignOffReviews, b);
        })) {
        team_ = new TeamPage(services_, session_, this);
        addPage(team_, tr("Team"));
        connect(team_, &TeamPage::openCase, this,
                [this](const QString& loan) { openFrom(team_, loan, {}); });
    }
    if (std::any_of(user.branches.begin(), user.branches.end(), [&](const std::string& b) {
            return allows(user, Permission::ApprovePlans, b);
        })) {
        auto* plans = new PlanApprovalsPage(services_, session_, this);
        addPage(plans, tr("Plan approvals"));
        connect(plans, &PlanApprovalsPage::openCase, this,
                [this, plans](const QString& loan) { openFrom(plans, loan, {}); });
    }
    // End of day: whoever takes payments closes their day; supervisors sign days off.
    if (std::any_of(user.branches.begin(), user.branches.end(), [&](const std::string& b) {
            return allows(user, Permission::WorkOwnCases, b);
        }))
        addPage(new EndOfDayPage(services_, session_, this), tr("End of day"));
    if (allows(user, Permission::ManageUsers)) {
        auto* admin = new AdminPage(services_, session_, work_, this);
        addPage(admin, tr("Admin"));
        connect(admin, &AdminPage::imported, this, &MainWindow::startRecompute);
    }
    stack_->addWidget(caseFile_);

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(nav_);
    splitter->addWidget(stack_);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({170, 1196});
    nav_->setMinimumWidth(140);
    setCentralWidget(splitter);

    auto* date = new QLabel(tr("Business date: %1").arg(displayDate(session_.businessDate)), this);
    date->setObjectName(QStringLiteral("statusDate"));
    auto* who = new QLabel(tr("%1 (%2)").arg(QString::fromStdString(user.username),
                                             QString::fromLatin1(roleCode(user.role).data())),
                           this);
    who->setObjectName(QStringLiteral("statusUser"));
    statusBar()->addWidget(date);
    statusBar()->addWidget(who);
    statusBar()->addPermanentWidget(work_);

    const auto showNavItem = [this](QListWidgetItem* item) {
        if (!item)
            return;
        if (auto* page = stack_->findChild<QWidget*>(item->data(Qt::UserRole).toString()))
            stack_->setCurrentWidget(page);
    };
    connect(nav_, &QListWidget::currentRowChanged, this,
            [this, showNavItem](int row) { showNavItem(nav_->item(row)); });
    // Clicking the page already selected (while a case opened from it is shown) goes there
    // too: navigation always goes where it says.
    connect(nav_, &QListWidget::itemClicked, this, showNavItem);
    connect(nav_, &QListWidget::itemActivated, this, showNavItem);
    connect(stack_, &QStackedWidget::currentChanged, this, &MainWindow::updateCaseActions);
    connect(caseFile_, &CaseFilePage::actionsChanged, this, &MainWindow::updateCaseActions);
    connect(idle_, &IdleWatch::idle, this, &MainWindow::lock);
    connect(callList_, &CallListPage::openCase, this,
            [this](const QString& loan) { openFrom(callList_, loan, callList_->visibleLoans()); });
    connect(caseFile_, &CaseFilePage::backRequested, this, [this] {
        if (returnTo_)
            stack_->setCurrentWidget(returnTo_);
        else if (nav_->currentItem())
            Q_EMIT nav_->currentRowChanged(nav_->currentRow());
        if (returnTo_ == callList_) {
            callList_->reload();
            callList_->selectLoan(caseFile_->loanId());
            callList_->view()->setFocus();
        }
    });
    connect(caseFile_, &CaseFilePage::openOtherLoan, this,
            [this](const QString& loan) { openCase(loan); });
    connect(caseFile_, &CaseFilePage::nextRequested, this, [this] { nextCase(1); });
    connect(caseFile_, &CaseFilePage::previousRequested, this, [this] { nextCase(-1); });
    // Saving a contact while working the list moves on to the next case.
    connect(caseFile_, &CaseFilePage::contactLogged, this, [this] {
        if (returnTo_ == callList_ && !workingList_.isEmpty())
            nextCase(1);
    });

    buildMenus();
    updateCaseActions();
    callList_->reload();
    // A supervisor's day starts with the team's requests and cases.
    if (!(team_ && user.role == Role::Supervisor && showPage(QStringLiteral("teamPage"))) &&
        nav_->count() > 0)
        nav_->setCurrentRow(0);

    QSettings settings;
    resize(1366, 740);
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
    connect(splitter, &QSplitter::splitterMoved, this, [splitter] {
        QSettings().setValue(QStringLiteral("mainWindow/splitter"), splitter->saveState());
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(QWidget* page, const QString& title) {
    stack_->addWidget(page);
    auto* item = new QListWidgetItem(title, nav_);
    item->setData(Qt::UserRole, page->objectName());
}

void MainWindow::openFrom(QWidget* page, const QString& loanId, QStringList list) {
    returnTo_ = page;
    workingList_ = std::move(list);
    openCase(loanId);
}

bool MainWindow::showPage(const QString& objectName) {
    for (int row = 0; row < nav_->count(); ++row)
        if (nav_->item(row)->data(Qt::UserRole).toString() == objectName) {
            nav_->setCurrentRow(row);
            // Also when the row was already current (a case file opened from it is shown).
            if (auto* page = stack_->findChild<QWidget*>(objectName))
                stack_->setCurrentWidget(page);
            return true;
        }
    return false;
}

void MainWindow::openCase(const QString& loanId) {
    caseFile_->showLoan(loanId); // shows the reason when the loan cannot be read
    stack_->setCurrentWidget(caseFile_);
    caseFile_->setFocus();
}

void MainWindow::nextCase(int step) {
    if (workingList_.isEmpty())
        return;
    if (returnTo_ == callList_) {
        // The list changes as cases are worked (a promise takes a case off it): move on from
        // where the current case stood in the list the officer started from.
        callList_->reload();
    }
    const int at = workingList_.indexOf(caseFile_->loanId());
    const int next = at < 0 ? 0 : at + step;
    if (next < 0 || next >= workingList_.size()) {
        statusBar()->showMessage(step > 0 ? tr("That was the last case of the list.")
                                          : tr("That was the first case of the list."),
                                 5000);
        return;
    }
    openCase(workingList_.at(next));
}

void MainWindow::startRecompute() {
    const auto factory = services_.factory;
    const Date date = session_.businessDate;
    const User user = session_.user;
    work_->start(
        tr("Updating cases"),
        [factory, date, user](JobControl& control) -> JobOutcome {
            control.setStep(tr("opening and closing cases as of %1").arg(displayDate(date)));
            // Services of this thread's own, on a connection of their own.
            auto own = factory->open();
            if (!own)
                return JobOutcome::failed(own.error());
            const auto summary = (*own)->cases().recompute(user, date);
            if (!summary)
                return JobOutcome::failed(summary.error());
            return {true,
                    tr("Cases updated: %1 opened, %2 cured, %3 paid off, %4 settled")
                        .arg(summary->opened)
                        .arg(summary->closedCured)
                        .arg(summary->closedPaid)
                        .arg(summary->closedSettled),
                    std::nullopt};
        },
        [this](const JobOutcome& outcome) {
            if (outcome.error)
                statusBar()->showMessage(
                    tr("Cases were not updated: %1").arg(reportError(this, *outcome.error)), 8000);
            else
                statusBar()->showMessage(outcome.message, 8000);
            // The first import into a new database sets the portfolio currency.
            if (const auto info = services_.portfolio->info(); info && info->currency)
                session_.currency = *info->currency;
            if (outcome.ok)
                refresh();
        });
}

void MainWindow::buildMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Change my &password..."), this, [this] {
        ChangePasswordDialog dialog(*services_.users, session_.user, {}, this);
        if (dialog.exec() == QDialog::Accepted)
            statusBar()->showMessage(tr("Your password was changed."), 5000);
    });
    auto* lockNow = file->addAction(tr("&Lock now"), this, &MainWindow::lock);
    lockNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    auto* out = file->addAction(tr("&Sign out"), this, &MainWindow::signOut);
    out->setObjectName(QStringLiteral("signOutAction"));
    out->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* go = menuBar()->addMenu(tr("&Go"));
    // Ctrl+1, Ctrl+2, ...: the pages in the order of the navigation.
    for (int row = 0; row < nav_->count() && row < 9; ++row) {
        auto* item = nav_->item(row);
        const QString page = item->data(Qt::UserRole).toString();
        auto* action = go->addAction(item->text(), this, [this, page] {
            showPage(page);
            if (page == QLatin1String("callListPage"))
                callList_->view()->setFocus();
        });
        action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + row)));
    }
    go->addSeparator();
    auto* next = go->addAction(tr("&Next case"), this, [this] { nextCase(1); });
    next->setShortcuts({QKeySequence(Qt::Key_F8), QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
    auto* previous = go->addAction(tr("&Previous case"), this, [this] { nextCase(-1); });
    previous->setShortcuts(
        {QKeySequence(Qt::SHIFT | Qt::Key_F8), QKeySequence(Qt::CTRL | Qt::Key_PageUp)});
    auto* back = go->addAction(tr("&Back to the list"), this, [this] {
        if (stack_->currentWidget() == caseFile_)
            emit caseFile_->backRequested();
    });
    back->setShortcut(QKeySequence(Qt::Key_Escape));
    auto* find = go->addAction(tr("&Filter the list"), this, [this] {
        if (stack_->currentWidget() == callList_)
            callList_->focusFilter();
    });
    find->setShortcut(QKeySequence::Find);
    if (stack_->findChild<EndOfDayPage*>()) {
        auto* endOfDay = go->addAction(tr("&End of day"), this,
                                       [this] { showPage(QStringLiteral("endOfDayPage")); });
        endOfDay->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    }
    auto* refresh = go->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refresh->setShortcut(QKeySequence::Refresh);

    // The Case menu only for those who may work or reassign cases; its actions are enabled
    // only while a case file they may act on is shown.
    const auto& user = session_.user;
    const auto mayAnywhere = [&](Permission p) {
        return std::any_of(user.branches.begin(), user.branches.end(),
                           [&](const std::string& b) { return allows(user, p, b); }) ||
               allows(user, p, "");
    };
    const bool works =
        mayAnywhere(Permission::WorkOwnCases) || mayAnywhere(Permission::WorkBranchCases);
    const bool reassigns = mayAnywhere(Permission::ReassignCases);
    if (works || reassigns) {
        auto* work = menuBar()->addMenu(tr("&Case"));
        work->setObjectName(QStringLiteral("caseMenu"));
        if (works) {
            auto* log = work->addAction(tr("&Log contact..."), this, [this] {
                if (stack_->currentWidget() == caseFile_)
                    caseFile_->logContact();
            });
            log->setObjectName(QStringLiteral("logContactAction"));
            log->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
            auto* pay = work->addAction(tr("Take &payment..."), this, [this] {
                if (stack_->currentWidget() == caseFile_)
                    caseFile_->takePayment();
            });
            pay->setObjectName(QStringLiteral("takePaymentAction"));
            pay->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
            caseActions_ << log << pay;
        }
        if (reassigns) {
            auto* reassign = work->addAction(tr("&Reassign..."), this, [this] {
                if (stack_->currentWidget() == caseFile_)
                    caseFile_->reassign();
            });
            reassign->setObjectName(QStringLiteral("reassignAction"));
            caseActions_ << reassign;
        }
    }

    auto* help = menuBar()->addMenu(tr("&Help"));
    auto* keys = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    keys->setShortcut(QKeySequence::HelpContents);
}

void MainWindow::updateCaseActions() {
    const bool onCase = stack_->currentWidget() == caseFile_;
    for (auto* action : caseActions_) {
        const QString name = action->objectName();
        bool enabled = false;
        if (onCase) {
            if (name == QLatin1String("logContactAction"))
                enabled = caseFile_->canLogContact();
            else if (name == QLatin1String("takePaymentAction"))
                enabled = caseFile_->canTakePayment();
            else if (name == QLatin1String("reassignAction"))
                enabled = caseFile_->canReassign();
        }
        action->setEnabled(enabled);
    }
}

QString MainWindow::shortcutsText() const {
    QString rows;
    const auto row = [&rows](const QString& keys, const QString& what) {
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    };
    const auto keysOf = [](const QList<QKeySequence>& sequences) {
        QStringList keys;
        for (const auto& k : sequences)
            keys << k.toString(QKeySequence::NativeText);
        return keys.join(QStringLiteral(" / "));
    };
    // The menus' actions, as they are now (a page or permission the user lacks has none).
    for (auto* menu : menuBar()->findChildren<QMenu*>())
        for (auto* action : menu->actions())
            if (!action->shortcuts().isEmpty())
                row(keysOf(action->shortcuts()),
                    action->text().remove(u'&').remove(QStringLiteral("...")));
    // The pages' own shortcuts say what they do in their whatsThis.
    QStringList seen;
    for (auto* shortcut : findChildren<QShortcut*>()) {
        const QString keys = shortcut->key().toString(QKeySequence::NativeText);
        if (shortcut->whatsThis().isEmpty() || seen.contains(keys))
            continue;
        seen << keys;
        row(keys, shortcut->whatsThis());
    }
    row(tr("Up / Down"), tr("move in a list"));
    row(tr("Enter"), tr("open the selected case"));
    row(tr("Down (in the filter)"), tr("move from the filter into the list"));
    row(tr("Esc (in the filter)"), tr("clear the filter"));
    row(tr("Ctrl+Enter"), tr("save the form of any dialog"));
    row(tr("Alt+letter"), tr("the button, field or tab with that letter underlined"));
    return QStringLiteral("<table>") + rows + QStringLiteral("</table>");
}

void MainWindow::showShortcuts() {
    QMessageBox box(QMessageBox::Information, tr("Keyboard shortcuts"), shortcutsText(),
                    QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("shortcutsBox"));
    box.exec();
}

void MainWindow::signOut() {
    if (work_->busy()) {
        const auto answer =
            QMessageBox::question(this, tr("Work in progress"),
                                  tr("Background work is still running. Cancel it and sign out?"));
        if (answer != QMessageBox::Yes)
            return;
        work_->cancel();
        work_->waitForIdle();
    }
    signedOut_ = true;
    close();
}

void MainWindow::lock() {
    if (locked_)
        return;
    locked_ = true;
    idle_->setPaused(true);
    // Nothing of the client's shows behind the lock.
    centralWidget()->hide();
    menuBar()->setEnabled(false);
    LockDialog dialog(*services_.users, session_.clock, session_.user,
                      static_cast<int>(idle_->limit().count() / 60000), this);
    dialog.exec();
    locked_ = false;
    menuBar()->setEnabled(true);
    if (dialog.signOutChosen()) {
        signOut();
        if (signedOut_)
            return;
    }
    centralWidget()->show();
    idle_->setPaused(false);
}

void MainWindow::refresh() {
    callList_->reload();
    if (cases_ && stack_->currentWidget() == cases_)
        cases_->reload();
    if (promises_ && stack_->currentWidget() == promises_)
        promises_->reload();
    if (team_ && stack_->currentWidget() == team_)
        team_->reload();
    if (auto* plans = qobject_cast<PlanApprovalsPage*>(stack_->currentWidget()))
        plans->reload();
    if (stack_->currentWidget() == caseFile_)
        caseFile_->reload();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (work_->busy()) {
        const auto answer =
            QMessageBox::question(this, tr("Work in progress"),
                                  tr("Background work is still running. Cancel it and quit?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        work_->cancel();
        work_->waitForIdle();
    }
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

} // namespace rd::ui

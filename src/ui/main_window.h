#pragma once

#include "desk_session.h"

#include <QMainWindow>
#include <QStringList>

class QListWidget;
class QStackedWidget;
class QLabel;
class QAction;

namespace rd::ui {

class CallListPage;
class CaseFilePage;
class CasesPage;
class SearchPage;
class PromisesPage;
class TeamPage;
class BackgroundWork;
class IdleWatch;

// Wires the pages together: navigation on the left, the work area in the middle, the
// business date, the user and background work in the status bar. Owns no business state:
// each page is its own widget talking to the services.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(DeskServices services, DeskSession session, QWidget* parent = nullptr);
    ~MainWindow() override;

    CallListPage* callListPage() const { return callList_; }
    CaseFilePage* caseFilePage() const { return caseFile_; }
    CasesPage* casesPage() const { return cases_; }
    SearchPage* searchPage() const { return search_; }
    PromisesPage* promisesPage() const { return promises_; }
    TeamPage* teamPage() const { return team_; } // null unless a supervisor
    BackgroundWork* backgroundWork() const { return work_; }
    const DeskSession& session() const { return session_; }
    // Shows a navigation page by its object name ("callListPage", "teamPage", ...).
    bool showPage(const QString& objectName);
    void openCase(const QString& loanId);
    // Moves through the list the case was opened from.
    void nextCase(int step = 1);
    // Opens and closes cases as of the business date in the background (on start and after
    // an import), then reloads the lists.
    void startRecompute();

    // Ends the session without quitting: the window closes and the sign-in comes back
    // (src/app). Refused while background work runs and the user does not cancel it.
    void signOut();
    bool signedOut() const { return signedOut_; }
    // Locks the desk: the work area is hidden until the user's password is given again.
    void lock();
    bool locked() const { return locked_; }
    IdleWatch* idleWatch() const { return idle_; }
    // The shortcuts of the F1 list: every menu action's and every page shortcut's.
    QString shortcutsText() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void addPage(QWidget* page, const QString& title);
    void buildMenus();
    void showShortcuts();
    void refresh();
    void openFrom(QWidget* page, const QString& loanId, QStringList list);

    void updateCaseActions();

    DeskServices services_;
    DeskSession session_;
    QListWidget* nav_;
    QStackedWidget* stack_;
    CallListPage* callList_;
    CaseFilePage* caseFile_;
    CasesPage* cases_ = nullptr;
    SearchPage* search_ = nullptr;
    PromisesPage* promises_ = nullptr;
    TeamPage* team_ = nullptr;
    BackgroundWork* work_;
    QWidget* returnTo_ = nullptr; // the page "Back" returns to
    QStringList workingList_;     // the loans next/previous move through
    IdleWatch* idle_;
    QList<QAction*> caseActions_; // enabled only while a case file is shown
    bool signedOut_ = false;
    bool locked_ = false;
};

} // namespace rd::ui

#pragma once

#include "desk_session.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace rd::ui {

class AdminImportTab;
class AdminSettingsTab;
class AdminUsersTab;
class BackgroundWork;
class SettingsModel;
class UserModel;

// The administrator's page: a tab per task, each its own widget under pages/admin/ (users,
// the portfolio's settings, the import of the core banking system's files). Every change
// goes through the services, which enforce the permissions; their errors are worded by
// errorText. The page composes the tabs and what spans them: after a committed import the
// users and settings are read again and `imported` asks for the cases to be updated.
class AdminPage : public QWidget {
    Q_OBJECT
public:
    enum Tab { UsersTab, SettingsTab, ImportTab };

    AdminPage(DeskServices services, const DeskSession& session, BackgroundWork* work,
              QWidget* parent = nullptr);

    // Reads the users and settings again.
    void reload();

    QTabWidget* tabs() const { return tabs_; }
    UserModel* userModel() const;
    SettingsModel* settingsModel() const;
    QTableView* userView() const;
    QTableView* settingsView() const;
    QLabel* userMessage() const;
    QLineEdit* folderEdit() const;
    QPushButton* checkButton() const;
    QPushButton* importButton() const;
    QLabel* importSummary() const;
    QPlainTextEdit* importFindings() const;

    // The actions behind the buttons (each opens its dialog).
    void addUser();
    void disableSelectedUser();
    void resetSelectedPassword();
    void editSetting(const QString& key);
    void selectUser(const QString& username);
    // Starts the dry run / the import of the folder in the line edit in the background (or
    // queues it behind other background work: it runs then); false (with the reason shown)
    // when it cannot start.
    bool checkFolder();
    bool importFolder();

signals:
    // A real import was committed: cases must be opened and closed again.
    void imported();

private:
    QTabWidget* tabs_;
    AdminUsersTab* users_;
    AdminSettingsTab* settings_;
    AdminImportTab* import_;
};

} // namespace rd::ui

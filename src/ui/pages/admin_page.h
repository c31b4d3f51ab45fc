#pragma once

#include "desk_session.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace rd::storage {
struct ImportOutcome;
}

namespace rd::ui {

class BackgroundWork;
class SettingsModel;
class UserModel;

// The administrator's page: users (add, disable, reset a password), the portfolio's settings,
// and the import of the core banking system's files (a dry run in the background first; the
// import itself only after a clean one, all or nothing, with progress and cancel). Every
// change goes through the services, which enforce the permissions; their messages are shown
// as they are.
class AdminPage : public QWidget {
    Q_OBJECT
public:
    enum Tab { UsersTab, SettingsTab, ImportTab };

    AdminPage(DeskServices services, const DeskSession& session, BackgroundWork* work,
              QWidget* parent = nullptr);

    // Reads the users and settings again.
    void reload();

    QTabWidget* tabs() const { return tabs_; }
    UserModel* userModel() const { return users_; }
    SettingsModel* settingsModel() const { return settings_; }
    QTableView* userView() const { return userView_; }
    QTableView* settingsView() const { return settingsView_; }
    QLabel* userMessage() const { return userMessage_; }
    QLineEdit* folderEdit() const { return folderEdit_; }
    QPushButton* checkButton() const { return checkButton_; }
    QPushButton* importButton() const { return importButton_; }
    QLabel* importSummary() const { return importSummary_; }
    QPlainTextEdit* importFindings() const { return findings_; }

    // The actions behind the buttons (each opens its dialog).
    void addUser();
    void disableSelectedUser();
    void resetSelectedPassword();
    void editSetting(const QString& key);
    void selectUser(const QString& username);
    // Starts the dry run / the import of the folder in the line edit in the background;
    // false (with the reason shown) when it cannot start.
    bool checkFolder();
    bool importFolder();

signals:
    // A real import was committed: cases must be opened and closed again.
    void imported();

private:
    QWidget* buildUsersTab();
    QWidget* buildSettingsTab();
    QWidget* buildImportTab();
    void reloadUsers();
    void reloadSettings();
    void updateUserButtons();
    void showUserMessage(const QString& text, bool problem);
    QString selectedUsername() const;
    bool startImport(bool dryRun);
    void showImportOutcome(bool dryRun, const QString& folder,
                           const storage::ImportOutcome& outcome, const QString& failure);
    void setImportSummary(const QString& text, bool problem);
    void updateImportButtons();
    void chooseFolder();

    DeskServices services_;
    const DeskSession& session_;
    BackgroundWork* work_;
    QTabWidget* tabs_;

    UserModel* users_;
    QSortFilterProxyModel* userProxy_;
    QTableView* userView_;
    QLineEdit* userFilter_;
    QPushButton* addButton_;
    QPushButton* disableButton_;
    QPushButton* resetButton_;
    QLabel* userMessage_;

    SettingsModel* settings_;
    QSortFilterProxyModel* settingsProxy_;
    QTableView* settingsView_;
    QLabel* settingsMessage_;

    QLineEdit* folderEdit_;
    QPushButton* browseButton_;
    QPushButton* checkButton_;
    QPushButton* importButton_;
    QLabel* importSummary_;
    QPlainTextEdit* findings_;
    QString cleanFolder_; // the folder of the last clean dry run with changes to import
    int cleanChanges_ = 0;
    bool importing_ = false;
};

} // namespace rd::ui

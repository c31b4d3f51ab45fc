#include "admin_page.h"

#include "admin/import_tab.h"
#include "admin/settings_tab.h"
#include "admin/users_tab.h"
#include "models/settings_model.h"
#include "models/user_model.h"
#include "widgets/table_view_setup.h"

#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

AdminPage::AdminPage(DeskServices services, const DeskSession& session, BackgroundWork* work,
                     QWidget* parent)
    : QWidget(parent), tabs_(new QTabWidget(this)),
      users_(new AdminUsersTab(services, session, this)),
      settings_(new AdminSettingsTab(services, session, this)),
      import_(new AdminImportTab(services, session, work, this)) {
    setObjectName(QStringLiteral("adminPage"));
    tabs_->setObjectName(QStringLiteral("adminTabs"));
    tabs_->addTab(users_, tr("&Users"));
    tabs_->addTab(settings_, tr("&Settings"));
    tabs_->addTab(import_, tr("&Import"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Administration</h2>"), this));
    layout->addWidget(tabs_, 1);

    reload();
    restoreColumns(userView(), QStringLiteral("admin/userColumns"));
    restoreColumns(settingsView(), QStringLiteral("admin/settingsColumns"));
    connect(userView()->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this] { saveColumns(userView(), QStringLiteral("admin/userColumns")); });
    connect(settingsView()->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this] { saveColumns(settingsView(), QStringLiteral("admin/settingsColumns")); });
    tabs_->setCurrentIndex(QSettings().value(QStringLiteral("admin/tab"), 0).toInt());
    connect(tabs_, &QTabWidget::currentChanged, this,
            [](int index) { QSettings().setValue(QStringLiteral("admin/tab"), index); });
    // An import can add branches and change what the users and settings pages show.
    connect(import_, &AdminImportTab::imported, this, [this] {
        reload();
        emit imported();
    });
}

void AdminPage::reload() {
    users_->reload();
    settings_->reload();
}

UserModel* AdminPage::userModel() const {
    return users_->model();
}
SettingsModel* AdminPage::settingsModel() const {
    return settings_->model();
}
QTableView* AdminPage::userView() const {
    return users_->view();
}
QTableView* AdminPage::settingsView() const {
    return settings_->view();
}
QLabel* AdminPage::userMessage() const {
    return users_->message();
}
QLineEdit* AdminPage::folderEdit() const {
    return import_->folderEdit();
}
QPushButton* AdminPage::checkButton() const {
    return import_->checkButton();
}
QPushButton* AdminPage::importButton() const {
    return import_->importButton();
}
QLabel* AdminPage::importSummary() const {
    return import_->summary();
}
QPlainTextEdit* AdminPage::importFindings() const {
    return import_->findings();
}

void AdminPage::addUser() {
    users_->addUser();
}
void AdminPage::disableSelectedUser() {
    users_->disableSelectedUser();
}
void AdminPage::resetSelectedPassword() {
    users_->resetSelectedPassword();
}
void AdminPage::selectUser(const QString& username) {
    users_->selectUser(username);
}
void AdminPage::editSetting(const QString& key) {
    settings_->editSetting(key);
}
bool AdminPage::checkFolder() {
    return import_->checkFolder();
}
bool AdminPage::importFolder() {
    return import_->importFolder();
}

} // namespace rd::ui

#include "users_tab.h"

#include "dialogs/admin_dialogs.h"
#include "error_text.h"
#include "models/user_model.h"
#include "services/case_query_service.h"
#include "services/user_service.h"
#include "widgets/table_view_setup.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace rd::ui {
namespace {

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

AdminUsersTab::AdminUsersTab(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(std::move(services)), session_(session),
      model_(new UserModel(this)), proxy_(new QSortFilterProxyModel(this)),
      view_(makeDataTable(proxy_, this, QStringLiteral("userView"))), filter_(new QLineEdit(this)),
      addButton_(new QPushButton(tr("&Add user..."), this)),
      disableButton_(new QPushButton(tr("&Disable..."), this)),
      resetButton_(new QPushButton(tr("&Reset password..."), this)), message_(new QLabel(this)) {
    setObjectName(QStringLiteral("adminUsersTab"));
    model_->setTimeZone(session_.timeZone);
    proxy_->setSourceModel(model_);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setSortCaseSensitivity(Qt::CaseInsensitive);
    view_->sortByColumn(UserModel::Username, Qt::AscendingOrder);
    addButton_->setObjectName(QStringLiteral("addUser"));
    disableButton_->setObjectName(QStringLiteral("disableUser"));
    resetButton_->setObjectName(QStringLiteral("resetPassword"));
    filter_->setObjectName(QStringLiteral("userFilter"));
    filter_->setPlaceholderText(tr("Filter by name, role or branch"));
    filter_->setClearButtonEnabled(true);
    message_->setObjectName(QStringLiteral("userMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(addButton_);
    buttons->addWidget(disableButton_);
    buttons->addWidget(resetButton_);
    buttons->addStretch();
    buttons->addWidget(filter_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(view_, 1);
    layout->addWidget(message_);

    connect(addButton_, &QPushButton::clicked, this, &AdminUsersTab::addUser);
    connect(disableButton_, &QPushButton::clicked, this, &AdminUsersTab::disableSelectedUser);
    connect(resetButton_, &QPushButton::clicked, this, &AdminUsersTab::resetSelectedPassword);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AdminUsersTab::updateButtons);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &AdminUsersTab::updateButtons);
}

void AdminUsersTab::reload() {
    const QString current = selectedUsername();
    const bool first = model_->rowCount() == 0;
    auto users = services_.users->list(session_.user);
    if (!users) {
        showMessage(reportError(this, users.error()), true);
        return;
    }
    model_->setUsers(std::move(*users));
    if (first) {
        auto* header = view_->horizontalHeader();
        view_->resizeColumnsToContents();
        header->resizeSection(UserModel::Branches,
                              std::min(header->sectionSize(UserModel::Branches), 320));
        // Room for "locked until 28/11/2026 10:30".
        header->resizeSection(
            UserModel::Status,
            std::max(header->sectionSize(UserModel::Status),
                     view_->fontMetrics().horizontalAdvance(
                         tr("locked until %1").arg(QStringLiteral("00/00/0000 00:00"))) +
                         16));
    }
    if (!current.isEmpty())
        selectUser(current);
    updateButtons();
}

void AdminUsersTab::selectUser(const QString& username) {
    const int row = model_->rowOfUser(username);
    if (row < 0)
        return;
    const auto index = proxy_->mapFromSource(model_->index(row, UserModel::Username));
    if (index.isValid()) {
        view_->setCurrentIndex(index);
        view_->scrollTo(index);
    }
}

QString AdminUsersTab::selectedUsername() const {
    const auto index = view_->currentIndex();
    return index.isValid() ? index.siblingAtColumn(UserModel::Username).data().toString()
                           : QString();
}

void AdminUsersTab::updateButtons() {
    const bool selected = view_->currentIndex().isValid();
    disableButton_->setEnabled(selected);
    resetButton_->setEnabled(selected);
    const QString why = selected ? QString() : tr("Select a user in the list first.");
    disableButton_->setToolTip(why);
    resetButton_->setToolTip(why);
}

void AdminUsersTab::showMessage(const QString& text, bool problem) {
    message_->setStyleSheet(problem ? QStringLiteral("color: #b71c1c;")
                                    : QStringLiteral("color: #1b5e20;"));
    message_->setText(text);
}

void AdminUsersTab::addUser() {
    auto branches = services_.queries->branches(session_.user);
    if (!branches) {
        showMessage(reportError(this, branches.error()), true);
        return;
    }
    AddUserDialog dialog(*services_.users, session_.user, *branches, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.issued())
        return;
    const auto& issued = *dialog.issued();
    const QString name = fromStd(issued.user.username);
    reload();
    selectUser(name);
    showMessage(tr("User %1 added as %2.").arg(name, roleText(issued.user.role).toLower()), false);
    TemporaryPasswordDialog(name, fromStd(issued.password), this).exec();
}

void AdminUsersTab::disableSelectedUser() {
    const QString name = selectedUsername();
    if (name.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Disable user"),
        tr("Disable %1? They can no longer sign in. Their cases, contacts and the audit trail "
           "stay as they are; users are never deleted.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    auto result = services_.users->disable(session_.user, name.toStdString());
    if (!result) {
        showMessage(reportError(this, result.error()), true);
        return;
    }
    reload();
    showMessage(tr("User %1 is disabled and can no longer sign in.").arg(name), false);
}

void AdminUsersTab::resetSelectedPassword() {
    const QString name = selectedUsername();
    if (name.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Reset password"),
        tr("Give %1 a new temporary password? Their current password stops working, and any "
           "lock is lifted.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    auto result = services_.users->resetPassword(session_.user, name.toStdString(), std::nullopt);
    if (!result) {
        showMessage(reportError(this, result.error()), true);
        return;
    }
    reload();
    showMessage(tr("User %1 has a new temporary password.").arg(name), false);
    TemporaryPasswordDialog(name, fromStd(result->password), this).exec();
}

} // namespace rd::ui

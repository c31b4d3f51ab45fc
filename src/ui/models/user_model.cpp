#include "user_model.h"

#include "desk_session.h"
#include "display_text.h"

#include <QColor>
#include <QCoreApplication>
#include <QStringList>

namespace rd::ui {
namespace {

QString statusText(const services::UserSummary& u, const QTimeZone& zone) {
    if (u.user.disabled)
        return UserModel::tr("disabled");
    if (u.locked)
        return u.lockedUntil
                   ? UserModel::tr("locked until %1").arg(displayUtcTime(*u.lockedUntil, zone))
                   : UserModel::tr("locked");
    return UserModel::tr("active");
}

} // namespace

QString roleText(rd::Role role) {
    switch (role) {
    case rd::Role::Officer:
        return QCoreApplication::translate("rd", "Officer");
    case rd::Role::Supervisor:
        return QCoreApplication::translate("rd", "Supervisor");
    case rd::Role::Admin:
        return QCoreApplication::translate("rd", "Administrator");
    case rd::Role::LocalOperator:
        return QCoreApplication::translate("rd", "Local operator");
    }
    return {};
}

UserModel::UserModel(QObject* parent)
    : RowTableModel(ColumnCount, parent), zone_(institutionTimeZone(kDefaultTimeZone)) {}

void UserModel::setTimeZone(const QTimeZone& zone) {
    beginResetModel();
    zone_ = zone;
    endResetModel();
}

void UserModel::setUsers(std::vector<services::UserSummary> users) {
    beginResetModel();
    rows_ = std::move(users);
    endResetModel();
}

int UserModel::rowOfUser(const QString& username) const {
    const auto name = username.toStdString();
    for (std::size_t row = 0; row < rows_.size(); ++row)
        if (rows_[row].user.username == name)
            return static_cast<int>(row);
    return -1;
}

QVariant UserModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& u = *found;
    if (role == Qt::ForegroundRole && u.user.disabled)
        return QVariant::fromValue(QColor(0x75, 0x75, 0x75));
    if (role == Qt::ToolTipRole && index.column() == Branches) {
        QStringList names;
        for (const auto& b : u.user.branches)
            names << QString::fromStdString(b);
        return names.join(u'\n');
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Username:
        return QString::fromStdString(u.user.username);
    case FullName:
        return QString::fromStdString(u.user.fullName);
    case Role:
        return roleText(u.user.role);
    case Branches: {
        if (u.user.branches.empty())
            return u.user.role == rd::Role::Admin ? tr("all (administrator)") : QString();
        QStringList names;
        for (const auto& b : u.user.branches)
            names << QString::fromStdString(b);
        return names.join(QStringLiteral(", "));
    }
    case Status:
        return statusText(u, zone_);
    case MustChange:
        return u.mustChangePassword ? tr("yes (temporary)") : tr("no");
    default:
        return {};
    }
}

QVariant UserModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Username:
        return tr("Username");
    case FullName:
        return tr("Full name");
    case Role:
        return tr("Role");
    case Branches:
        return tr("Branches");
    case Status:
        return tr("Status");
    case MustChange:
        return tr("Must change password");
    default:
        return {};
    }
}

} // namespace rd::ui

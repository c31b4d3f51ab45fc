#include "team_model.h"

#include "money_display.h"

namespace rd::ui {

TeamModel::TeamModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void TeamModel::setRows(std::vector<services::TeamMemberRow> rows, Currency currency) {
    beginResetModel();
    rows_ = std::move(rows);
    currency_ = std::move(currency);
    endResetModel();
}

QVariant TeamModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& r = *found;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(index.column() >= OpenCases ? Qt::AlignRight | Qt::AlignVCenter
                                                               : Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Officer:
        return QString::fromStdString(r.username);
    case Name:
        return QString::fromStdString(r.fullName);
    case Role:
        return QString::fromLatin1(roleCode(r.role).data());
    case Branches: {
        QStringList b;
        for (const auto& s : r.branches)
            b << QString::fromStdString(s);
        return b.join(QStringLiteral(", "));
    }
    case OpenCases:
        return r.openCases;
    case Contacts:
        return r.contactsLogged;
    case PromisesDue:
        return r.promisesDue;
    case PromisesKept:
        return r.promisesKept;
    case Collected:
        return displayMoney(r.collected, currency_);
    default:
        return {};
    }
}

QVariant TeamModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Officer:
        return tr("Officer");
    case Name:
        return tr("Name");
    case Role:
        return tr("Role");
    case Branches:
        return tr("Branches");
    case OpenCases:
        return tr("Open cases");
    case Contacts:
        return tr("Contacts today");
    case PromisesDue:
        return tr("Promises due");
    case PromisesKept:
        return tr("Kept");
    case Collected:
        return tr("Collected today");
    default:
        return {};
    }
}

} // namespace rd::ui

#include "promise_table_model.h"

#include "display_text.h"
#include "money_display.h"

namespace rd::ui {

PromiseTableModel::PromiseTableModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void PromiseTableModel::setRows(std::vector<services::PromiseRow> rows, Currency currency) {
    beginResetModel();
    rows_ = std::move(rows);
    currency_ = std::move(currency);
    endResetModel();
}

QVariant PromiseTableModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& r = *found;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((index.column() == Amount || index.column() == Paid)
                                       ? Qt::AlignRight | Qt::AlignVCenter
                                       : Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PromisedFor:
        return displayDate(r.promise.promisedFor);
    case Client:
        return QString::fromStdString(r.clientName);
    case Loan:
        return QString::fromStdString(r.loanId);
    case Phone:
        return QString::fromStdString(r.phone);
    case Amount:
        return displayMoney(r.promise.amount, currency_);
    case Paid:
        return displayMoney(r.evaluation.paid, currency_);
    case Status:
        return promiseStatusText(r.evaluation.status);
    case Officer:
        return QString::fromStdString(r.officer);
    case CreatedBy:
        return QString::fromStdString(r.promise.createdBy);
    default:
        return {};
    }
}

QVariant PromiseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PromisedFor:
        return tr("Promised for");
    case Client:
        return tr("Client");
    case Loan:
        return tr("Loan");
    case Phone:
        return tr("Phone");
    case Amount:
        return tr("Amount");
    case Paid:
        return tr("Paid so far");
    case Status:
        return tr("Status");
    case Officer:
        return tr("Officer");
    case CreatedBy:
        return tr("Taken by");
    default:
        return {};
    }
}

} // namespace rd::ui

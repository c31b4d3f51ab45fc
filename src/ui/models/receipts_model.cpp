#include "receipts_model.h"

#include "display_text.h"
#include "money_display.h"

#include <algorithm>

namespace rd::ui {

ReceiptsModel::ReceiptsModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void ReceiptsModel::setReceipts(std::vector<services::DeskReceipt> receipts, Currency currency) {
    beginResetModel();
    rows_ = std::move(receipts);
    std::sort(rows_.begin(), rows_.end(),
              [](const auto& a, const auto& b) { return a.receiptNo > b.receiptNo; });
    currency_ = std::move(currency);
    endResetModel();
}

QVariant ReceiptsModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& r = *found;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(index.column() == Amount ? Qt::AlignRight | Qt::AlignVCenter
                                                            : Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Receipt:
        return QString::fromStdString(services::receiptNumberText(r.receiptNo));
    case Date:
        return displayDate(r.paidOn);
    case Amount:
        return displayMoney(r.amount, currency_);
    case Method:
        return paymentMethodText(r.method);
    case Reference:
        return QString::fromStdString(r.reference);
    case TakenBy:
        return QString::fromStdString(r.takenBy);
    case Status:
        return r.reversedOn
                   ? tr("reversed %1: %2")
                         .arg(displayDate(*r.reversedOn), QString::fromStdString(r.reversalReason))
                   : tr("counted");
    default:
        return {};
    }
}

QVariant ReceiptsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Receipt:
        return tr("Receipt");
    case Date:
        return tr("Paid on");
    case Amount:
        return tr("Amount");
    case Method:
        return tr("Method");
    case Reference:
        return tr("Reference");
    case TakenBy:
        return tr("Taken by");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace rd::ui

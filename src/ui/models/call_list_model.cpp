#include "call_list_model.h"

#include "display_text.h"
#include "money_display.h"

namespace rd::ui {

CallListModel::CallListModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void CallListModel::setItems(std::vector<CallListItem> items, Currency currency) {
    beginResetModel();
    rows_ = std::move(items);
    currency_ = std::move(currency);
    endResetModel();
}

int CallListModel::rowOfLoan(const QString& loanId) const {
    const auto id = loanId.toStdString();
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].entry.loanId == id)
            return static_cast<int>(i);
    return -1;
}

QVariant CallListModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& item = *found;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(item, column);
    case SortRole:
        return sortValue(item, column);
    case Qt::TextAlignmentRole:
        if (column == Rank || column == Dpd || column == Arrears)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::DecorationRole:
        if (column == Bucket)
            return bucketIcon(item.entry.position.bucketIndex);
        return {};
    case Qt::ToolTipRole:
        if (column == Why || column == Client)
            return QString::fromStdString(item.why);
        return {};
    default:
        return {};
    }
}

QVariant CallListModel::display(const CallListItem& item, int column) const {
    const auto& e = item.entry;
    switch (column) {
    case Rank:
        return item.rank;
    case Client:
        return QString::fromStdString(e.clientName);
    case Phone:
        return QString::fromStdString(e.phone);
    case Loan:
        return QString::fromStdString(e.loanId);
    case Dpd:
        return e.position.daysPastDue;
    case Bucket:
        return e.bucket.empty()
                   ? QString::fromLatin1(toString(e.position.status)).replace(u'_', u' ')
                   : QString::fromStdString(e.bucket);
    case Arrears:
        return displayMoney(e.position.arrears.total(), currency_);
    case LastContact:
        return e.lastContactAt ? displayDateTime(*e.lastContactAt) : tr("never");
    case Promise:
        if (!e.latestPromise)
            return QString();
        return tr("%1 by %2 (%3)")
            .arg(displayMoney(e.latestPromise->amount, currency_),
                 displayDate(e.latestPromise->promisedFor),
                 e.latestPromiseEvaluation ? promiseStatusText(e.latestPromiseEvaluation->status)
                                           : QString());
    case NextAction:
        return displayDate(e.nextActionOn);
    case Why:
        return QString::fromStdString(item.why);
    default:
        return {};
    }
}

QVariant CallListModel::sortValue(const CallListItem& item, int column) const {
    const auto& e = item.entry;
    switch (column) {
    case Rank:
        return item.rank;
    case Dpd:
        return e.position.daysPastDue;
    case Bucket:
        return e.position.bucketIndex ? static_cast<int>(*e.position.bucketIndex) : -1;
    case Arrears:
        return static_cast<qlonglong>(e.position.arrears.total());
    case LastContact:
        return e.lastContactAt ? QString::fromStdString(e.lastContactAt->toString()) : QString();
    case Promise:
        return e.latestPromise ? QString::fromStdString(e.latestPromise->promisedFor.toString())
                               : QString();
    case NextAction:
        return e.nextActionOn ? QString::fromStdString(e.nextActionOn->toString()) : QString();
    default:
        return display(item, column);
    }
}

QVariant CallListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Rank:
        return tr("#");
    case Client:
        return tr("Client");
    case Phone:
        return tr("Phone");
    case Loan:
        return tr("Loan");
    case Dpd:
        return tr("DPD");
    case Bucket:
        return tr("Bucket");
    case Arrears:
        return tr("Arrears");
    case LastContact:
        return tr("Last contact");
    case Promise:
        return tr("Promise");
    case NextAction:
        return tr("Next action");
    case Why:
        return tr("Why today");
    default:
        return {};
    }
}

} // namespace rd::ui

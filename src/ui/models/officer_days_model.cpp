#include "officer_days_model.h"

#include "money_display.h"
#include "print/day_sheet_document.h"

namespace rd::ui {

OfficerDaysModel::OfficerDaysModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void OfficerDaysModel::setDays(std::vector<services::DeskDay> days, Currency currency) {
    currency_ = std::move(currency);
    resetRows(std::move(days));
}

int OfficerDaysModel::rowOf(const std::string& officer) const {
    for (int r = 0; r < rowCount(); ++r)
        if (day(r).officer == officer)
            return r;
    return -1;
}

QVariant OfficerDaysModel::data(const QModelIndex& index, int role) const {
    const auto* d = rowAt(index);
    if (!d)
        return {};
    const bool money = index.column() >= Received && index.column() <= Difference;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(money || index.column() == Receipts
                                       ? Qt::AlignRight | Qt::AlignVCenter
                                       : Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const auto* last = d->state == DayState::Open ? nullptr : d->lastClose();
    switch (index.column()) {
    case Officer:
        return QString::fromStdString(d->officer);
    case Name:
        return QString::fromStdString(d->officerName);
    case State:
        if (d->state == DayState::Open && !d->closes.empty())
            return tr("open (reopened by %1)")
                .arg(QString::fromStdString(d->closes.back().reopenedBy));
        return dayStateText(d->state);
    case Receipts:
        return d->summary.receiptCount;
    case Received:
        return displayMoney(d->summary.received, currency_);
    case CashExpected:
        return displayMoney(d->summary.cashExpected, currency_);
    case CashCounted:
        return last ? displayMoney(last->cashCounted, currency_) : QString();
    case Difference:
        return last ? displayMoney(last->difference(), currency_) : QString();
    case Reason:
        return last ? QString::fromStdString(last->differenceReason) : QString();
    default:
        return {};
    }
}

QVariant OfficerDaysModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Officer:
        return tr("Officer");
    case Name:
        return tr("Name");
    case State:
        return tr("Day");
    case Receipts:
        return tr("Receipts");
    case Received:
        return tr("Received");
    case CashExpected:
        return tr("Cash expected");
    case CashCounted:
        return tr("Cash counted");
    case Difference:
        return tr("Difference");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace rd::ui

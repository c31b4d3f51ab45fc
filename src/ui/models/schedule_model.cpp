#include "schedule_model.h"

#include "display_text.h"
#include "money_display.h"

#include <QBrush>
#include <QFont>

namespace rd::ui {

ScheduleModel::ScheduleModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void ScheduleModel::setSchedule(std::vector<InstallmentState> installments, Date asOf,
                                Amount tolerance, Currency currency) {
    beginResetModel();
    rows_ = std::move(installments);
    currency_ = std::move(currency);
    statuses_.clear();
    for (const auto& i : rows_)
        statuses_.push_back(installmentStatus(i, asOf, tolerance));
    endResetModel();
}

QVariant ScheduleModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const auto& i = rows_[row];
    const auto status = statuses_[row];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Number:
            return i.number;
        case DueDate:
            return displayDate(i.dueDate);
        case Principal:
            return displayMoney(i.due.principal, currency_);
        case Interest:
            return displayMoney(i.due.interest, currency_);
        case FeesPenalties:
            return displayMoney(i.due.fees + i.due.penalties, currency_);
        case TotalDue:
            return displayMoney(i.due.total(), currency_);
        case Paid:
            return displayMoney(i.paid.total(), currency_);
        case Unpaid:
            return displayMoney(i.unpaid().total(), currency_);
        case Status:
            switch (status) {
            case InstallmentStatus::Paid:
                return tr("Paid");
            case InstallmentStatus::Overdue:
                return tr("Overdue");
            case InstallmentStatus::PartPaid:
                return tr("Part-paid");
            case InstallmentStatus::Due:
                return tr("Due");
            }
            return {};
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((index.column() == DueDate || index.column() == Status)
                                       ? Qt::AlignLeft | Qt::AlignVCenter
                                       : Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DecorationRole && index.column() == Status) {
        switch (status) {
        case InstallmentStatus::Paid:
            return bucketIcon(0);
        case InstallmentStatus::Overdue:
            return bucketIcon(3);
        case InstallmentStatus::PartPaid:
            return bucketIcon(1);
        case InstallmentStatus::Due:
            return {};
        }
    }
    if (role == Qt::FontRole && status == InstallmentStatus::Overdue) {
        QFont font;
        font.setBold(true);
        return font;
    }
    return {};
}

QVariant ScheduleModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("No.");
    case DueDate:
        return tr("Due");
    case Principal:
        return tr("Principal");
    case Interest:
        return tr("Interest");
    case FeesPenalties:
        return tr("Fees + penalties");
    case TotalDue:
        return tr("Total due");
    case Paid:
        return tr("Paid");
    case Unpaid:
        return tr("Unpaid");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace rd::ui

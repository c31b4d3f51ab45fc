#include "plan_edit_table_model.h"

#include "money_display.h"

#include <QBrush>
#include <QColor>

namespace rd::ui {

PlanEditTableModel::PlanEditTableModel(bool editable, const Currency& currency, QObject* parent)
    : QAbstractTableModel(parent), editable_(editable), currency_(currency) {}

void PlanEditTableModel::setRows(std::vector<Row> rows, CellProblems problems) {
    if (rows.size() == rows_.size()) {
        rows_ = std::move(rows);
        problems_ = std::move(problems);
        if (!rows_.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    rows_ = std::move(rows);
    problems_ = std::move(problems);
    endResetModel();
}

QString PlanEditTableModel::problemAt(int row, int column) const {
    const auto found = problems_.find({row, column});
    return found == problems_.end() ? QString() : found->second;
}

int PlanEditTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int PlanEditTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : (editable_ ? 3 : 5);
}

QVariant PlanEditTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    const QString problem = problemAt(index.row(), column);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case Number:
            return index.row() + 1;
        case DueDate:
            return r.text.dueDate;
        case Amount:
            return r.text.amount;
        case Principal:
            return displayMoney(r.principal, currency_);
        case Interest:
            return displayMoney(r.interest, currency_);
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == DueDate ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                 : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (!problem.isEmpty())
            return problem;
        if (editable_ && (column == DueDate || column == Amount))
            return tr("Double-click or type to change; Ctrl+Z undoes.");
        return {};
    case Qt::BackgroundRole:
        return problem.isEmpty() ? QVariant() : QVariant(QBrush(QColor(0xff, 0xcd, 0xd2)));
    case Qt::ForegroundRole:
        return problem.isEmpty() ? QVariant() : QVariant(QBrush(QColor(0xb7, 0x1c, 0x1c)));
    default:
        return {};
    }
}

QVariant PlanEditTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Interest)
        return tr("Interest, and in the first installment the unpaid interest and charges "
                  "carried into the new schedule");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("No.");
    case DueDate:
        return tr("Due date");
    case Amount:
        return tr("Amount (%1)").arg(QString::fromStdString(currency_.code));
    case Principal:
        return tr("Principal");
    case Interest:
        return tr("Interest");
    }
    return {};
}

Qt::ItemFlags PlanEditTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (editable_ && index.isValid() && (index.column() == DueDate || index.column() == Amount))
        f |= Qt::ItemIsEditable;
    return f;
}

bool PlanEditTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    const QString text = value.toString().trimmed();
    if (text == (index.column() == DueDate ? r.text.dueDate : r.text.amount))
        return false;
    emit editRequested(index.row(), index.column(), text);
    return true;
}

} // namespace rd::ui

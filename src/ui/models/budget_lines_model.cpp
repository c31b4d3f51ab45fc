#include "budget_lines_model.h"

#include "money_display.h"

#include <algorithm>

namespace rd::ui {

BudgetLinesModel::BudgetLinesModel(Currency currency, bool editable, QObject* parent)
    : RowTableModel(ColumnCount, parent), currency_(std::move(currency)), editable_(editable) {
    connect(this, &QAbstractItemModel::modelReset, this, &BudgetLinesModel::totalsChanged);
    connect(this, &QAbstractItemModel::rowsInserted, this, &BudgetLinesModel::totalsChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &BudgetLinesModel::totalsChanged);
    connect(this, &QAbstractItemModel::dataChanged, this, &BudgetLinesModel::totalsChanged);
}

void BudgetLinesModel::setLines(std::vector<BudgetLine> lines) {
    // Income first, then expenses, each in the order given.
    std::stable_partition(lines.begin(), lines.end(), [](const BudgetLine& l) { return l.income; });
    resetRows(std::move(lines));
}

int BudgetLinesModel::addLine(bool income) {
    int row = 0;
    if (income)
        row = static_cast<int>(std::count_if(rows_.begin(), rows_.end(),
                                             [](const BudgetLine& l) { return l.income; }));
    else
        row = static_cast<int>(rows_.size());
    beginInsertRows({}, row, row);
    rows_.insert(rows_.begin() + row, BudgetLine{income, {}, 0});
    endInsertRows();
    return row;
}

bool BudgetLinesModel::removeLine(int row) {
    if (row < 0 || row >= rowCount())
        return false;
    beginRemoveRows({}, row, row);
    rows_.erase(rows_.begin() + row);
    endRemoveRows();
    return true;
}

Amount BudgetLinesModel::income() const {
    Amount a = 0;
    for (const auto& l : rows_)
        a += l.income ? l.monthly : 0;
    return a;
}

Amount BudgetLinesModel::expenses() const {
    Amount a = 0;
    for (const auto& l : rows_)
        a += l.income ? 0 : l.monthly;
    return a;
}

Qt::ItemFlags BudgetLinesModel::flags(const QModelIndex& index) const {
    auto f = QAbstractTableModel::flags(index);
    if (editable_ && index.isValid() && index.column() != Kind)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant BudgetLinesModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& l = *found;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(index.column() == Monthly ? Qt::AlignRight | Qt::AlignVCenter
                                                             : Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Kind:
        return l.income ? tr("Income") : tr("Expense");
    case Name:
        return QString::fromStdString(l.name);
    case Monthly:
        return displayMoney(l.monthly, currency_);
    default:
        return {};
    }
}

bool BudgetLinesModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!editable_ || role != Qt::EditRole || !rowAt(index))
        return false;
    auto& l = rows_[static_cast<std::size_t>(index.row())];
    const QString text = value.toString().trimmed();
    if (index.column() == Name) {
        l.name = text.toStdString();
    } else if (index.column() == Monthly) {
        const QString what =
            l.name.empty() ? tr("The monthly amount")
                           : tr("The monthly amount of \"%1\"").arg(QString::fromStdString(l.name));
        auto amount = parseAmountInput(text, currency_.exponent);
        if (text.isEmpty() || !amount) {
            const QString why =
                text.isEmpty() ? tr("it is empty") : QString::fromStdString(amount.error().message);
            emit amountRejected(tr("%1 was not changed: %2. Type what it comes to in a month, "
                                   "in %3 (e.g. 150000 or 150,000); 0 when there is none.")
                                    .arg(what, why, QString::fromStdString(currency_.code)));
            return false;
        }
        if (*amount < 0) {
            emit amountRejected(tr("%1 was not changed: it must be 0 or more.").arg(what));
            return false;
        }
        l.monthly = *amount;
    } else {
        return false;
    }
    emit dataChanged(index, index);
    return true;
}

QVariant BudgetLinesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Kind:
        return tr("Kind");
    case Name:
        return tr("Line");
    case Monthly:
        return tr("A month (%1)").arg(QString::fromStdString(currency_.code));
    default:
        return {};
    }
}

} // namespace rd::ui

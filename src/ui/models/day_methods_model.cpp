#include "day_methods_model.h"

#include "display_text.h"
#include "money_display.h"

#include <QFont>

namespace rd::ui {

DayMethodsModel::DayMethodsModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void DayMethodsModel::setSummary(const DaySummary& summary, Currency currency) {
    std::vector<DayMethodsRow> rows;
    for (const auto& m : summary.byMethod)
        rows.push_back({paymentMethodText(m.method), m.count, m.total});
    rows.push_back({tr("All receipts"), summary.receiptCount, summary.received});
    rows.push_back({tr("Reversals"), summary.reversalCount, summary.reversed});
    currency_ = std::move(currency);
    resetRows(std::move(rows));
}

QVariant DayMethodsModel::data(const QModelIndex& index, int role) const {
    const auto* r = rowAt(index);
    if (!r)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(index.column() == Method ? Qt::AlignLeft | Qt::AlignVCenter
                                                            : Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && index.row() == rowCount() - 2) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Method:
        return r->label;
    case Count:
        return r->count;
    case Total:
        return displayMoney(r->total, currency_);
    default:
        return {};
    }
}

QVariant DayMethodsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Method:
        return tr("Method");
    case Count:
        return tr("Count");
    case Total:
        return tr("Total");
    default:
        return {};
    }
}

} // namespace rd::ui

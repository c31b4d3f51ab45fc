#pragma once

#include "core/currency.h"
#include "core/day_close.h"
#include "row_table_model.h"

#include <QString>

namespace rd::ui {

// One line of a day's receipts by method: a method, all receipts, or the reversals.
struct DayMethodsRow {
    QString label;
    int count = 0;
    Amount total = 0;
};

// The receipts of an officer's day by method (cash, cheque, bank transfer, mobile money,
// other) with counts and totals, then all receipts and the reversals of the day.
class DayMethodsModel : public RowTableModel<DayMethodsRow> {
    Q_OBJECT
public:
    enum Column { Method, Count, Total, ColumnCount };
    explicit DayMethodsModel(QObject* parent = nullptr);

    void setSummary(const DaySummary& summary, Currency currency);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

} // namespace rd::ui

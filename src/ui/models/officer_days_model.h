#pragma once

#include "core/currency.h"
#include "row_table_model.h"
#include "services/day_close_service.h"

#include <vector>

namespace rd::ui {

// The days of a supervisor's officers on one business date: state, receipts, cash expected
// and counted, the difference and its reason.
class OfficerDaysModel : public RowTableModel<services::DeskDay> {
    Q_OBJECT
public:
    enum Column {
        Officer,
        Name,
        State,
        Receipts,
        Received,
        CashExpected,
        CashCounted,
        Difference,
        Reason,
        ColumnCount
    };
    explicit OfficerDaysModel(QObject* parent = nullptr);

    void setDays(std::vector<services::DeskDay> days, Currency currency);
    const services::DeskDay& day(int row) const { return this->row(row); }
    // The row of that officer, or -1.
    int rowOf(const std::string& officer) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

} // namespace rd::ui

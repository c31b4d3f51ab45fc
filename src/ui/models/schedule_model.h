#pragma once

#include "core/currency.h"
#include "core/installment_status.h"
#include "row_table_model.h"

#include <vector>

namespace rd::ui {

// The schedule of a loan as of the business date: each installment with what fell due, what
// was paid and its status (paid, part-paid, overdue, due), marked in words and colour.
class ScheduleModel : public RowTableModel<InstallmentState> {
    Q_OBJECT
public:
    enum Column {
        Number,
        DueDate,
        Principal,
        Interest,
        FeesPenalties,
        TotalDue,
        Paid,
        Unpaid,
        Status,
        ColumnCount
    };
    explicit ScheduleModel(QObject* parent = nullptr);

    void setSchedule(std::vector<InstallmentState> installments, Date asOf, Amount tolerance,
                     Currency currency);
    InstallmentStatus status(int row) const { return statuses_.at(static_cast<std::size_t>(row)); }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<InstallmentStatus> statuses_;
    Currency currency_;
};

} // namespace rd::ui

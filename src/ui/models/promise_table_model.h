#pragma once

#include "core/currency.h"
#include "row_table_model.h"
#include "services/case_query_service.h"

#include <vector>

namespace rd::ui {

// Promises falling due in a period, with their status on the business date.
class PromiseTableModel : public RowTableModel<services::PromiseRow> {
    Q_OBJECT
public:
    enum Column {
        PromisedFor,
        Client,
        Loan,
        Phone,
        Amount,
        Paid,
        Status,
        Officer,
        CreatedBy,
        ColumnCount
    };
    explicit PromiseTableModel(QObject* parent = nullptr);
    void setRows(std::vector<services::PromiseRow> rows, Currency currency);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

} // namespace rd::ui

#pragma once

#include "core/currency.h"
#include "row_table_model.h"
#include "services/case_query_service.h"

#include <vector>

namespace rd::ui {

// The cases a user may read (services::CaseQueryService::cases), one row each.
class CaseTableModel : public RowTableModel<services::CaseRow> {
    Q_OBJECT
public:
    enum Column {
        Loan,
        Client,
        Branch,
        Officer,
        Stage,
        Dpd,
        Bucket,
        Arrears,
        Outstanding,
        NextAction,
        Promise,
        LastContact,
        Opened,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit CaseTableModel(QObject* parent = nullptr);
    void setRows(std::vector<services::CaseRow> rows, Currency currency);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

} // namespace rd::ui

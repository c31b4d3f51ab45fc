#pragma once

#include "row_table_model.h"
#include "services/case_query_service.h"

#include <vector>

namespace rd::ui {

// Loans found by client or loan search.
class LoanSearchModel : public RowTableModel<services::LoanSearchHit> {
    Q_OBJECT
public:
    enum Column {
        Loan,
        Client,
        ClientId,
        Phone,
        NationalId,
        Branch,
        Product,
        Status,
        Dpd,
        Case,
        ColumnCount
    };
    explicit LoanSearchModel(QObject* parent = nullptr);
    void setHits(std::vector<services::LoanSearchHit> hits);
    const services::LoanSearchHit& hit(int row) const {
        return rows_.at(static_cast<std::size_t>(row));
    }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
};

} // namespace rd::ui

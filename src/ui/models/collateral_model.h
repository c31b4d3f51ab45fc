#pragma once

#include "core/currency.h"
#include "core/security_records.h"
#include "row_table_model.h"

#include <vector>

namespace rd::ui {

// The collateral of a loan as imported: kind in words, description, market and forced-sale
// values, when it was valued and its registration (title or registry reference).
class CollateralModel : public RowTableModel<CollateralRecord> {
    Q_OBJECT
public:
    enum Column {
        Kind,
        Description,
        MarketValue,
        ForcedSaleValue,
        ValuedOn,
        Registration,
        Id,
        ColumnCount
    };
    explicit CollateralModel(QObject* parent = nullptr);

    void setCollateral(std::vector<CollateralRecord> collateral, Currency currency);
    // Sums of the values given (an item without a value adds nothing).
    Amount totalMarketValue() const;
    Amount totalForcedSaleValue() const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

} // namespace rd::ui

#pragma once

#include "core/currency.h"
#include "row_table_model.h"
#include "services/payment_service.h"

#include <vector>

namespace rd::ui {

// The desk receipts of a loan, newest first.
class ReceiptsModel : public RowTableModel<services::DeskReceipt> {
    Q_OBJECT
public:
    enum Column { Receipt, Date, Amount, Method, Reference, TakenBy, Status, ColumnCount };
    explicit ReceiptsModel(QObject* parent = nullptr);

    void setReceipts(std::vector<services::DeskReceipt> receipts, Currency currency);
    const services::DeskReceipt& receipt(int row) const {
        return rows_.at(static_cast<std::size_t>(row));
    }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

} // namespace rd::ui

#pragma once

#include "core/currency.h"
#include "services/case_query_service.h"

#include <QAbstractTableModel>
#include <vector>

namespace rd::ui {

// Promises falling due in a period, with their status on the business date.
class PromiseTableModel : public QAbstractTableModel {
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
    const services::PromiseRow& row(int r) const { return rows_.at(static_cast<std::size_t>(r)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<services::PromiseRow> rows_;
    Currency currency_;
};

} // namespace rd::ui

#pragma once

#include "core/call_list.h"
#include "core/currency.h"
#include "row_table_model.h"

#include <vector>

namespace rd::ui {

// One row per case of an officer's daily call list, in rank order. Sorting and filtering
// happen in CallListProxyModel; SortRole gives each column a value that sorts correctly
// (numbers as numbers, empty dates last).
class CallListModel : public RowTableModel<CallListItem> {
    Q_OBJECT
public:
    // "Why today" comes right after the client: it is what the officer reads first.
    enum Column {
        Rank,
        Client,
        Why,
        Dpd,
        Bucket,
        Arrears,
        Promise,
        LastContact,
        NextAction,
        Phone,
        Loan,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit CallListModel(QObject* parent = nullptr);

    void setItems(std::vector<CallListItem> items, Currency currency);
    const CallListItem& item(int row) const { return rows_.at(static_cast<std::size_t>(row)); }
    // The row of the loan, or -1.
    int rowOfLoan(const QString& loanId) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const CallListItem& item, int column) const;
    QVariant sortValue(const CallListItem& item, int column) const;

    Currency currency_;
};

} // namespace rd::ui

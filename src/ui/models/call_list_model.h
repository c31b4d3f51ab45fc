#pragma once

#include "core/call_list.h"
#include "core/currency.h"
#include "row_table_model.h"

#include <vector>

namespace rd::ui {

// One row per client of an officer's daily call list (core groupByClient: one call covers
// all of a client's loans), placed where the client's most urgent case ranks. Sorting and
// filtering happen in CallListProxyModel; SortRole gives each column a value that sorts
// correctly (numbers as numbers, empty dates last); LoanIdRole is the loan a row opens (the
// most urgent). The tooltip of every cell is the row's full why and score for each loan.
class CallListModel : public RowTableModel<CallListGroup> {
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
    static constexpr int LoanIdRole = Qt::UserRole + 2;

    explicit CallListModel(QObject* parent = nullptr);

    void setItems(std::vector<CallListItem> items, Currency currency);
    const CallListGroup& group(int row) const { return rows_.at(static_cast<std::size_t>(row)); }
    // The most urgent case of the row.
    const CallListItem& item(int row) const { return group(row).lead(); }
    // The row that holds the loan, or -1.
    int rowOfLoan(const QString& loanId) const;
    // Cases on the list (a row holds one or more).
    int caseCount() const { return caseCount_; }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const CallListGroup& group, int column) const;
    QVariant sortValue(const CallListGroup& group, int column) const;
    QString toolTip(const CallListGroup& group) const;

    Currency currency_;
    int caseCount_ = 0;
};

} // namespace rd::ui

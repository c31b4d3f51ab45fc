#pragma once

#include "row_table_model.h"
#include "services/case_actions_service.h"
#include "services/case_query_service.h"

#include <vector>

namespace rd::ui {

// A case's audit trail: who did what when, with the record before and after.
class AuditModel : public RowTableModel<AuditEntry> {
    Q_OBJECT
public:
    enum Column { At, Actor, Action, Before, After, ColumnCount };
    explicit AuditModel(QObject* parent = nullptr);
    void setEntries(std::vector<AuditEntry> entries);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
};

// The same client's other loans.
class OtherLoansModel : public RowTableModel<services::ClientLoanRow> {
    Q_OBJECT
public:
    enum Column {
        Loan,
        Product,
        Branch,
        Status,
        Dpd,
        Bucket,
        Outstanding,
        Arrears,
        Case,
        ColumnCount
    };
    explicit OtherLoansModel(QObject* parent = nullptr);
    void setRows(std::vector<services::ClientLoanRow> rows, Currency currency);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

} // namespace rd::ui

#pragma once

#include "services/case_actions_service.h"
#include "services/case_query_service.h"

#include <QAbstractTableModel>
#include <vector>

namespace rd::ui {

// A case's audit trail: who did what when, with the record before and after.
class AuditModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { At, Actor, Action, Before, After, ColumnCount };
    explicit AuditModel(QObject* parent = nullptr);
    void setEntries(std::vector<services::AuditEntry> entries);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<services::AuditEntry> entries_;
};

// The same client's other loans.
class OtherLoansModel : public QAbstractTableModel {
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
    const services::ClientLoanRow& row(int r) const {
        return rows_.at(static_cast<std::size_t>(r));
    }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<services::ClientLoanRow> rows_;
    Currency currency_;
};

} // namespace rd::ui

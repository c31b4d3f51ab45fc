#pragma once

#include "core/currency.h"
#include "row_table_model.h"
#include "services/case_service.h"

#include <vector>

namespace rd::ui {

// The promises of one loan, latest first, with their status on the business date.
class CasePromisesModel : public RowTableModel<services::PromiseView> {
    Q_OBJECT
public:
    enum Column { Made, By, Amount, PromisedFor, Deadline, Paid, Status, ColumnCount };
    explicit CasePromisesModel(QObject* parent = nullptr);
    void setPromises(std::vector<services::PromiseView> promises, Currency currency);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

// Every payment of one loan (imported from the core banking system or taken at the desk),
// latest first, with reversals.
class LoanPaymentsModel : public RowTableModel<Payment> {
    Q_OBJECT
public:
    enum Column { PaidOn, Amount, Method, Reference, PaymentId, Status, ColumnCount };
    explicit LoanPaymentsModel(QObject* parent = nullptr);
    void setPayments(std::vector<Payment> payments, Date asOf, Currency currency);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Date asOf_;
    Currency currency_;
};

} // namespace rd::ui

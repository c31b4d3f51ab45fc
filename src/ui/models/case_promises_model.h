#pragma once

#include "core/currency.h"
#include "services/case_service.h"

#include <QAbstractTableModel>
#include <vector>

namespace rd::ui {

// The promises of one loan, latest first, with their status on the business date.
class CasePromisesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Made, By, Amount, PromisedFor, Deadline, Paid, Status, ColumnCount };
    explicit CasePromisesModel(QObject* parent = nullptr);
    void setPromises(std::vector<services::PromiseView> promises, Currency currency);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<services::PromiseView> promises_;
    Currency currency_;
};

// Every payment of one loan (imported from the core banking system or taken at the desk),
// latest first, with reversals.
class LoanPaymentsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PaidOn, Amount, Method, Reference, PaymentId, Status, ColumnCount };
    explicit LoanPaymentsModel(QObject* parent = nullptr);
    void setPayments(std::vector<Payment> payments, Date asOf, Currency currency);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<Payment> payments_;
    Date asOf_;
    Currency currency_;
};

} // namespace rd::ui

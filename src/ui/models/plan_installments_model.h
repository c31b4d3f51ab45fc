#pragma once

#include "core/currency.h"
#include "core/loan.h"
#include "row_table_model.h"
#include "services/plan_service.h"

#include <optional>
#include <vector>

namespace rd::ui {

// One installment of a plan as the plan screens show it.
struct PlanInstallmentRow {
    PlanInstallment installment;
    Amount dueSoFar = 0;                         // the plan's amounts through this one
    std::optional<Amount> paidSoFar;             // counted towards it (an approved plan)
    std::optional<PlanInstallmentStatus> status; // an approved plan's score
};

// A plan's installments: due date, amount, the plan's total through each, and for an
// approved plan what was paid towards each (cumulatively, as the plan is scored: payments
// from the start to the due date plus the grace days, not reversed) and whether it was kept.
class PlanInstallmentsModel : public RowTableModel<PlanInstallmentRow> {
    Q_OBJECT
public:
    enum Column { Number, DueDate, Amount, DueSoFar, PaidSoFar, Status, ColumnCount };
    explicit PlanInstallmentsModel(QObject* parent = nullptr);

    // `payments`: the loan's payments (the case file's ledger), for an approved plan's paid
    // column; none for a plan still waiting.
    void setPlan(const services::PlanView& plan, const std::vector<Payment>* payments, Date asOf,
                 Currency currency);
    void clear();

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

} // namespace rd::ui

#pragma once

#include "core/currency.h"
#include "display_text.h"
#include "plan_text.h"
#include "row_table_model.h"
#include "services/plan_service.h"

#include <vector>

namespace rd::ui {

// Plans waiting for a supervisor's approval, oldest first: those proposed and those with one
// approval of the two a waiver above the limit needs. Says the waiver against the limit, the
// approvals given and the affordability against the client's budget.
class PlanApprovalsModel : public RowTableModel<services::PlanView> {
    Q_OBJECT
public:
    enum Column {
        ProposedOn,
        Loan,
        Client,
        Officer,
        Kind,
        Total,
        Waived,
        WaiverShare,
        Approvals,
        Affordability,
        ColumnCount
    };
    explicit PlanApprovalsModel(QObject* parent = nullptr);

    void setPlans(std::vector<services::PlanView> plans, Currency currency, FullNames names,
                  PlanLimits limits);
    const services::PlanView& plan(int row) const { return this->row(row); }
    // The row of that plan, or -1.
    int rowOfPlan(std::int64_t planId) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
    FullNames names_;
    PlanLimits limits_;
};

} // namespace rd::ui

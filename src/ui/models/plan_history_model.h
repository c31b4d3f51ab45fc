#pragma once

#include "core/currency.h"
#include "display_text.h"
#include "row_table_model.h"
#include "services/plan_service.h"

#include <vector>

namespace rd::ui {

// The plans of one loan, newest first: kind, status, start, who proposed it and when, the
// total and waiver, and every decision with its comment.
class PlanHistoryModel : public RowTableModel<services::PlanView> {
    Q_OBJECT
public:
    enum Column { Plan, Kind, Status, Start, Proposed, Total, Waived, Decisions, ColumnCount };
    explicit PlanHistoryModel(QObject* parent = nullptr);

    // `plans` oldest first (as the service lists them); shown newest first.
    void setPlans(std::vector<services::PlanView> plans, Currency currency, FullNames names);
    const services::PlanView& plan(int row) const { return this->row(row); }
    // The active plan's row, or -1.
    int activeRow() const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
    FullNames names_;
};

} // namespace rd::ui

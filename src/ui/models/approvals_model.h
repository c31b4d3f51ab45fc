#pragma once

#include "core/currency.h"
#include "row_table_model.h"
#include "services/case_actions_service.h"

#include <vector>

namespace rd::ui {

// Requests to move cases to legal, for a supervisor to approve or reject; a decided one
// says approved or rejected, by whom and when, with the comment. Each shows the feasibility
// assessment it carries (expected net recovery beside the costs; the whole of it on hover).
class ApprovalsModel : public RowTableModel<services::ApprovalView> {
    Q_OBJECT
public:
    enum Column {
        Requested,
        Loan,
        Client,
        Officer,
        Stage,
        RequestedBy,
        Note,
        Feasibility,
        Decision,
        ColumnCount
    };
    explicit ApprovalsModel(QObject* parent = nullptr);
    // `currency` words the amounts of the feasibility assessments the requests carry.
    void setApprovals(std::vector<services::ApprovalView> approvals, Currency currency = {});
    const services::ApprovalView& approval(int row) const {
        return rows_.at(static_cast<std::size_t>(row));
    }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

} // namespace rd::ui

#pragma once

#include "services/case_actions_service.h"

#include <QAbstractTableModel>
#include <vector>

namespace rd::ui {

// Requests to move cases to legal, for a supervisor to approve or reject.
class ApprovalsModel : public QAbstractTableModel {
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
        Decision,
        ColumnCount
    };
    explicit ApprovalsModel(QObject* parent = nullptr);
    void setApprovals(std::vector<services::ApprovalView> approvals);
    const services::ApprovalView& approval(int row) const {
        return approvals_.at(static_cast<std::size_t>(row));
    }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<services::ApprovalView> approvals_;
};

} // namespace rd::ui

#include "approvals_model.h"

#include "display_text.h"

#include <QDateTime>

namespace rd::ui {

namespace {

// The business date, and the time of day the decision was recorded (stored in UTC, shown
// in local time).
QString decidedWhen(const ApprovalDecisionRecord& d) {
    QString when = displayDate(d.businessDate);
    const auto at = QDateTime::fromString(QString::fromStdString(d.decidedAt), Qt::ISODate);
    if (at.isValid())
        when += u' ' + at.toLocalTime().toString(QStringLiteral("HH:mm"));
    return when;
}

} // namespace

ApprovalsModel::ApprovalsModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void ApprovalsModel::setApprovals(std::vector<services::ApprovalView> approvals) {
    beginResetModel();
    rows_ = std::move(approvals);
    endResetModel();
}

QVariant ApprovalsModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const auto& v = *found;
    const auto& a = v.approval;
    switch (index.column()) {
    case Requested:
        return displayDate(a.businessDate);
    case Loan:
        return QString::fromStdString(a.loanId);
    case Client:
        return QString::fromStdString(v.clientName);
    case Officer:
        return QString::fromStdString(v.assignedUsername);
    case Stage:
        return stageText(v.stage);
    case RequestedBy:
        return QString::fromStdString(a.requestedBy);
    case Note:
        return QString::fromStdString(a.note);
    case Decision:
        if (!a.decision)
            return tr("pending");
        return tr("%1 by %2 on %3: %4")
            .arg(a.decision->approved ? tr("approved") : tr("rejected"),
                 QString::fromStdString(a.decision->decidedBy), decidedWhen(*a.decision),
                 QString::fromStdString(a.decision->comment));
    default:
        return {};
    }
}

QVariant ApprovalsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Requested:
        return tr("Requested");
    case Loan:
        return tr("Loan");
    case Client:
        return tr("Client");
    case Officer:
        return tr("Officer");
    case Stage:
        return tr("Stage now");
    case RequestedBy:
        return tr("Requested by");
    case Note:
        return tr("Why");
    case Decision:
        return tr("Decision");
    default:
        return {};
    }
}

} // namespace rd::ui

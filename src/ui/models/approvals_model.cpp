#include "approvals_model.h"

#include "display_text.h"
#include "money_display.h"

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

void ApprovalsModel::setApprovals(std::vector<services::ApprovalView> approvals,
                                  Currency currency) {
    beginResetModel();
    rows_ = std::move(approvals);
    currency_ = std::move(currency);
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
    case Feasibility: {
        if (!v.feasibility)
            return tr("none recorded");
        const auto& f = *v.feasibility;
        if (role == Qt::DisplayRole)
            return tr("net %1 (costs %2, chance %3 %)")
                .arg(displayMoney(f.expectedNetRecovery, currency_),
                     displayMoney(f.costs.total(), currency_))
                .arg(f.chancePercent);
        Amount security = 0;
        for (const auto& c : f.collateral)
            security += c.value.forcedSaleValue;
        for (const auto& g : f.guarantors)
            security += g.value.canPay;
        return tr("Assessed on %1 by %2: balance %3, security %4 (forced-sale values and what "
                  "the guarantors can pay), estimated costs %5, chance %6 %, expected net "
                  "recovery %7.")
            .arg(displayDate(f.businessDate), QString::fromStdString(f.assessedBy),
                 displayMoney(f.balance, currency_), displayMoney(security, currency_),
                 displayMoney(f.costs.total(), currency_))
            .arg(f.chancePercent)
            .arg(displayMoneyWithCode(f.expectedNetRecovery, currency_));
    }
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
    case Feasibility:
        return tr("Feasibility");
    case Decision:
        return tr("Decision");
    default:
        return {};
    }
}

} // namespace rd::ui

#include "plan_approvals_model.h"

#include "money_display.h"

#include <QBrush>
#include <QColor>

namespace rd::ui {

PlanApprovalsModel::PlanApprovalsModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void PlanApprovalsModel::setPlans(std::vector<services::PlanView> plans, Currency currency,
                                  FullNames names, PlanLimits limits) {
    beginResetModel();
    rows_ = std::move(plans);
    currency_ = std::move(currency);
    names_ = std::move(names);
    limits_ = limits;
    endResetModel();
}

int PlanApprovalsModel::rowOfPlan(std::int64_t planId) const {
    for (int r = 0; r < rowCount(); ++r)
        if (plan(r).plan.id == planId)
            return r;
    return -1;
}

QVariant PlanApprovalsModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& p = found->plan;
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Total:
        case Waived:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole) {
        // Above the limit or the affordable share: in red, and the words say so as well.
        if ((index.column() == WaiverShare && p.approvalsNeeded > 1) ||
            (index.column() == Affordability && aboveAllowedShare(p, limits_)))
            return QBrush(QColor(0xb7, 0x1c, 0x1c));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case ProposedOn:
        return displayDate(p.businessDate);
    case Loan:
        return QString::fromStdString(p.loanId);
    case Client:
        return QString::fromStdString(found->clientName);
    case Officer:
        return userText(p.proposedBy, names_);
    case Kind:
        return planKindText(p.kind);
    case Total:
        return displayMoney(p.total, currency_);
    case Waived:
        return p.waived > 0 ? displayMoney(p.waived, currency_) : QString();
    case WaiverShare:
        return waiverAgainstLimitText(p, limits_);
    case Approvals:
        return approvalsText(p);
    case Affordability:
        if (role == Qt::ToolTipRole && !p.affordabilityReason.empty())
            return tr("%1. The officer's reason: %2")
                .arg(affordabilityText(p, limits_, currency_),
                     QString::fromStdString(p.affordabilityReason));
        return affordabilityText(p, limits_, currency_);
    default:
        return {};
    }
}

QVariant PlanApprovalsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ProposedOn:
        return tr("Proposed on");
    case Loan:
        return tr("Loan");
    case Client:
        return tr("Client");
    case Officer:
        return tr("Proposed by");
    case Kind:
        return tr("Kind");
    case Total:
        return tr("Total");
    case Waived:
        return tr("Waived");
    case WaiverShare:
        return tr("Waiver of balance");
    case Approvals:
        return tr("Approvals");
    case Affordability:
        return tr("Affordability");
    default:
        return {};
    }
}

} // namespace rd::ui

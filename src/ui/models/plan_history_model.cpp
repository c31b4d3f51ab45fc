#include "plan_history_model.h"

#include "money_display.h"
#include "plan_text.h"

#include <QStringList>
#include <algorithm>

namespace rd::ui {

PlanHistoryModel::PlanHistoryModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void PlanHistoryModel::setPlans(std::vector<services::PlanView> plans, Currency currency,
                                FullNames names) {
    std::reverse(plans.begin(), plans.end());
    beginResetModel();
    rows_ = std::move(plans);
    currency_ = std::move(currency);
    names_ = std::move(names);
    endResetModel();
}

int PlanHistoryModel::activeRow() const {
    for (int r = 0; r < rowCount(); ++r)
        if (plan(r).status == PlanStatus::Active)
            return r;
    return -1;
}

QVariant PlanHistoryModel::data(const QModelIndex& index, int role) const {
    const auto* v = rowAt(index);
    if (!v)
        return {};
    const auto& p = v->plan;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Total || index.column() == Waived)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Plan:
        return tr("Plan %1").arg(p.id);
    case Kind:
        return planKindText(p.kind);
    case Status:
        return planStatusLine(v->status, p);
    case Start:
        return displayDate(p.start);
    case Proposed:
        return tr("%1 by %2").arg(displayDate(p.businessDate), userText(p.proposedBy, names_));
    case Total:
        return displayMoney(p.total, currency_);
    case Waived:
        return p.waived > 0 ? displayMoney(p.waived, currency_) : QString();
    case Decisions: {
        if (p.decisions.empty())
            return tr("no decision yet");
        QStringList parts;
        for (const auto& d : p.decisions)
            parts << planDecisionText(d, names_);
        return parts.join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral("; "));
    }
    default:
        return {};
    }
}

QVariant PlanHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Plan:
        return tr("Plan");
    case Kind:
        return tr("Kind");
    case Status:
        return tr("Status");
    case Start:
        return tr("Starts");
    case Proposed:
        return tr("Proposed");
    case Total:
        return tr("Total");
    case Waived:
        return tr("Waived");
    case Decisions:
        return tr("Decisions");
    default:
        return {};
    }
}

} // namespace rd::ui

#include "plan_installments_model.h"

#include "display_text.h"
#include "money_display.h"

#include <algorithm>

namespace rd::ui {

PlanInstallmentsModel::PlanInstallmentsModel(QObject* parent)
    : RowTableModel(ColumnCount, parent) {}

void PlanInstallmentsModel::setPlan(const services::PlanView& view,
                                    const std::vector<Payment>* payments, Date asOf,
                                    Currency currency) {
    const auto& plan = view.plan;
    const bool scored = view.score.installments.size() == plan.installments.size();
    // What counts towards the plan, in date order (scorePlan's rule).
    std::vector<std::pair<Date, rd::Amount>> counted;
    if (scored && payments)
        for (const Payment& p : *payments)
            if (p.paidOn >= plan.start && p.countsOn(asOf))
                counted.emplace_back(p.paidOn, p.amount);
    std::sort(counted.begin(), counted.end());
    std::vector<PlanInstallmentRow> rows;
    rd::Amount through = 0;
    rd::Amount paid = 0;
    std::size_t next = 0;
    for (std::size_t j = 0; j < plan.installments.size(); ++j) {
        PlanInstallmentRow row;
        row.installment = plan.installments[j];
        through += row.installment.amount;
        row.dueSoFar = through;
        if (scored) {
            row.status = view.score.installments[j];
            if (payments) {
                const Date deadline = row.installment.dueDate.addDays(std::max(0, plan.graceDays));
                while (next < counted.size() && counted[next].first <= deadline)
                    paid += counted[next++].second;
                row.paidSoFar = paid;
            }
        }
        rows.push_back(std::move(row));
    }
    currency_ = std::move(currency);
    resetRows(std::move(rows));
}

void PlanInstallmentsModel::clear() {
    resetRows({});
}

QVariant PlanInstallmentsModel::data(const QModelIndex& index, int role) const {
    const auto* r = rowAt(index);
    if (!r)
        return {};
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Amount || index.column() == DueSoFar || index.column() == PaidSoFar)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Number:
        return r->installment.n > 0 ? r->installment.n : index.row() + 1;
    case DueDate:
        return displayDate(r->installment.dueDate);
    case Amount:
        return displayMoney(r->installment.amount, currency_);
    case DueSoFar:
        return displayMoney(r->dueSoFar, currency_);
    case PaidSoFar:
        return r->paidSoFar ? displayMoney(*r->paidSoFar, currency_) : QString();
    case Status:
        return r->status ? planInstallmentStatusText(*r->status) : tr("not approved yet");
    default:
        return {};
    }
}

QVariant PlanInstallmentsModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("No.");
    case DueDate:
        return tr("Due");
    case Amount:
        return tr("Amount");
    case DueSoFar:
        return tr("Due so far");
    case PaidSoFar:
        return tr("Paid so far");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace rd::ui

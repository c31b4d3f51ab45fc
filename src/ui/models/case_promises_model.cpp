#include "case_promises_model.h"

#include "display_text.h"
#include "money_display.h"

#include <algorithm>

namespace rd::ui {

CasePromisesModel::CasePromisesModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void CasePromisesModel::setPromises(std::vector<services::PromiseView> promises,
                                    Currency currency) {
    beginResetModel();
    rows_ = std::move(promises);
    std::reverse(rows_.begin(), rows_.end());
    currency_ = std::move(currency);
    endResetModel();
}

QVariant CasePromisesModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& v = *found;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((index.column() == Amount || index.column() == Paid)
                                       ? Qt::AlignRight | Qt::AlignVCenter
                                       : Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Made:
        return displayDate(v.promise.createdOn);
    case By:
        return QString::fromStdString(v.promise.createdBy);
    case Amount:
        return displayMoney(v.promise.amount, currency_);
    case PromisedFor:
        return displayDate(v.promise.promisedFor);
    case Deadline:
        return displayDate(v.evaluation.deadline);
    case Paid:
        return displayMoney(v.evaluation.paid, currency_);
    case Status:
        return promiseStatusText(v.evaluation.status);
    default:
        return {};
    }
}

QVariant CasePromisesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Made:
        return tr("Made on");
    case By:
        return tr("Taken by");
    case Amount:
        return tr("Amount");
    case PromisedFor:
        return tr("Promised for");
    case Deadline:
        return tr("Counts until");
    case Paid:
        return tr("Paid towards it");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

LoanPaymentsModel::LoanPaymentsModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void LoanPaymentsModel::setPayments(std::vector<Payment> payments, Date asOf, Currency currency) {
    beginResetModel();
    rows_ = std::move(payments);
    std::stable_sort(rows_.begin(), rows_.end(),
                     [](const Payment& a, const Payment& b) { return a.paidOn > b.paidOn; });
    asOf_ = asOf;
    currency_ = std::move(currency);
    endResetModel();
}

QVariant LoanPaymentsModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& p = *found;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(index.column() == Amount ? Qt::AlignRight | Qt::AlignVCenter
                                                            : Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PaidOn:
        return displayDate(p.paidOn);
    case Amount:
        return displayMoney(p.amount, currency_);
    case Method:
        return paymentMethodText(p.method);
    case Reference:
        return QString::fromStdString(p.reference);
    case PaymentId:
        return QString::fromStdString(p.id);
    case Status:
        if (p.paidOn > asOf_)
            return tr("after the business date");
        if (p.reversedOn && *p.reversedOn <= asOf_)
            return tr("reversed %1").arg(displayDate(*p.reversedOn));
        return tr("counted");
    default:
        return {};
    }
}

QVariant LoanPaymentsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PaidOn:
        return tr("Paid on");
    case Amount:
        return tr("Amount");
    case Method:
        return tr("Method");
    case Reference:
        return tr("Reference");
    case PaymentId:
        return tr("Payment");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace rd::ui

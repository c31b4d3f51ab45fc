#include "audit_model.h"

#include "money_display.h"

namespace rd::ui {

AuditModel::AuditModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void AuditModel::setEntries(std::vector<AuditEntry> entries) {
    beginResetModel();
    rows_ = std::move(entries);
    endResetModel();
}

QVariant AuditModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const auto& e = *found;
    switch (index.column()) {
    case At:
        return QString::fromStdString(e.at);
    case Actor:
        return QString::fromStdString(e.actor);
    case Action:
        return QString::fromStdString(e.action);
    case Before:
        return QString::fromStdString(e.before.value_or(""));
    case After:
        return QString::fromStdString(e.after.value_or(""));
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case At:
        return tr("When (UTC)");
    case Actor:
        return tr("Who");
    case Action:
        return tr("What");
    case Before:
        return tr("Before");
    case After:
        return tr("After");
    default:
        return {};
    }
}

OtherLoansModel::OtherLoansModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void OtherLoansModel::setRows(std::vector<services::ClientLoanRow> rows, Currency currency) {
    beginResetModel();
    rows_ = std::move(rows);
    currency_ = std::move(currency);
    endResetModel();
}

QVariant OtherLoansModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& r = *found;
    const int c = index.column();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((c == Dpd || c == Outstanding || c == Arrears)
                                       ? Qt::AlignRight | Qt::AlignVCenter
                                       : Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (c) {
    case Loan:
        return QString::fromStdString(r.loanId);
    case Product:
        return QString::fromStdString(r.product);
    case Branch:
        return QString::fromStdString(r.branch);
    case Status:
        return QString::fromLatin1(toString(r.status)).replace(u'_', u' ');
    case Dpd:
        return r.dpd;
    case Bucket:
        return QString::fromStdString(r.bucket);
    case Outstanding:
        return displayMoney(r.outstandingPrincipal, currency_);
    case Arrears:
        return displayMoney(r.arrears, currency_);
    case Case:
        return r.caseOpen ? tr("open") : tr("none");
    default:
        return {};
    }
}

QVariant OtherLoansModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Loan:
        return tr("Loan");
    case Product:
        return tr("Product");
    case Branch:
        return tr("Branch");
    case Status:
        return tr("Status");
    case Dpd:
        return tr("DPD");
    case Bucket:
        return tr("Bucket");
    case Outstanding:
        return tr("Outstanding");
    case Arrears:
        return tr("Arrears");
    case Case:
        return tr("Recovery case");
    default:
        return {};
    }
}

} // namespace rd::ui

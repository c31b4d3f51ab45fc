#include "audit_model.h"

#include "display_text.h"
#include "money_display.h"

#include <algorithm>

namespace rd::ui {

AuditModel::AuditModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void AuditModel::setEntries(std::vector<AuditEntry> entries, AuditWords words, QTimeZone zone) {
    beginResetModel();
    rows_ = std::move(entries);
    // Rows are written in time order, so the id is the order they happened in.
    std::sort(rows_.begin(), rows_.end(),
              [](const AuditEntry& a, const AuditEntry& b) { return a.id > b.id; });
    words_ = std::move(words);
    zone_ = std::move(zone);
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
        return displayUtcTime(e.at, zone_);
    case What:
        return auditSentence(e, words_);
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case At:
        return tr("When");
    case What:
        return tr("Who did what");
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
        return loanStatusText(r.status);
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

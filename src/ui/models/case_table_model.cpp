#include "case_table_model.h"

#include "display_text.h"
#include "money_display.h"

namespace rd::ui {

CaseTableModel::CaseTableModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void CaseTableModel::setRows(std::vector<services::CaseRow> rows, Currency currency) {
    beginResetModel();
    rows_ = std::move(rows);
    currency_ = std::move(currency);
    endResetModel();
}

QVariant CaseTableModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& r = *found;
    const int c = index.column();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((c == Dpd || c == Arrears || c == Outstanding)
                                       ? Qt::AlignRight | Qt::AlignVCenter
                                       : Qt::AlignLeft | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (c) {
        case Dpd:
            return r.dpd;
        case Arrears:
            return static_cast<qlonglong>(r.arrears);
        case Outstanding:
            return static_cast<qlonglong>(r.outstandingPrincipal);
        case NextAction:
            return r.nextActionOn ? QString::fromStdString(r.nextActionOn->toString()) : QString();
        case Opened:
            return QString::fromStdString(r.openedOn.toString());
        case LastContact:
            return r.lastContactAt ? QString::fromStdString(r.lastContactAt->toString())
                                   : QString();
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (c) {
    case Loan:
        return QString::fromStdString(r.loanId);
    case Client:
        return QString::fromStdString(r.clientName);
    case Branch:
        return QString::fromStdString(r.branch);
    case Officer:
        return r.officer.empty() ? tr("(unassigned)") : QString::fromStdString(r.officer);
    case Stage:
        return r.open ? stageText(r.stage) : tr("closed %1").arg(displayDate(r.closedOn));
    case Dpd:
        return r.dpd;
    case Bucket:
        return r.bucket.empty() ? QString::fromLatin1(toString(r.loanStatus)).replace(u'_', u' ')
                                : QString::fromStdString(r.bucket);
    case Arrears:
        return displayMoney(r.arrears, currency_);
    case Outstanding:
        return displayMoney(r.outstandingPrincipal, currency_);
    case NextAction:
        return displayDate(r.nextActionOn);
    case Promise:
        if (!r.latestPromise)
            return QString();
        return tr("%1 by %2 (%3)")
            .arg(displayMoney(r.latestPromise->amount, currency_),
                 displayDate(r.latestPromise->promisedFor),
                 r.latestPromiseEvaluation ? promiseStatusText(r.latestPromiseEvaluation->status)
                                           : QString());
    case LastContact:
        return r.lastContactAt ? displayDateTime(*r.lastContactAt) : tr("never");
    case Opened:
        return displayDate(r.openedOn);
    default:
        return {};
    }
}

QVariant CaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Loan:
        return tr("Loan");
    case Client:
        return tr("Client");
    case Branch:
        return tr("Branch");
    case Officer:
        return tr("Officer");
    case Stage:
        return tr("Stage");
    case Dpd:
        return tr("DPD");
    case Bucket:
        return tr("Bucket");
    case Arrears:
        return tr("Arrears");
    case Outstanding:
        return tr("Outstanding");
    case NextAction:
        return tr("Next action");
    case Promise:
        return tr("Latest promise");
    case LastContact:
        return tr("Last contact");
    case Opened:
        return tr("Opened");
    default:
        return {};
    }
}

} // namespace rd::ui

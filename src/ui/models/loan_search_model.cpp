#include "loan_search_model.h"

#include "display_text.h"

namespace rd::ui {

LoanSearchModel::LoanSearchModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void LoanSearchModel::setHits(std::vector<services::LoanSearchHit> hits) {
    beginResetModel();
    rows_ = std::move(hits);
    endResetModel();
}

QVariant LoanSearchModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& h = *found;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(index.column() == Dpd ? Qt::AlignRight | Qt::AlignVCenter
                                                         : Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Loan:
        return QString::fromStdString(h.loanId);
    case Client:
        return QString::fromStdString(h.clientName);
    case ClientId:
        return QString::fromStdString(h.clientId);
    case Phone:
        return QString::fromStdString(h.phone);
    case NationalId:
        return QString::fromStdString(h.nationalId);
    case Branch:
        return QString::fromStdString(h.branch);
    case Product:
        return QString::fromStdString(h.product);
    case Status:
        return QString::fromStdString(h.status).replace(u'_', u' ');
    case Dpd:
        return h.dpd ? QVariant(*h.dpd) : QVariant();
    case Case:
        return h.caseOpen ? tr("open (%1)").arg(h.caseStage ? stageText(*h.caseStage) : QString())
                          : tr("none");
    default:
        return {};
    }
}

QVariant LoanSearchModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Loan:
        return tr("Loan");
    case Client:
        return tr("Client");
    case ClientId:
        return tr("Client id");
    case Phone:
        return tr("Phone");
    case NationalId:
        return tr("National id");
    case Branch:
        return tr("Branch");
    case Product:
        return tr("Product");
    case Status:
        return tr("Status");
    case Dpd:
        return tr("DPD");
    case Case:
        return tr("Recovery case");
    default:
        return {};
    }
}

} // namespace rd::ui

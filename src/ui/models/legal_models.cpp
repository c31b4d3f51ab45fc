#include "legal_models.h"

#include "display_text.h"
#include "money_display.h"

#include <QColor>
#include <QFont>

namespace rd::ui {
namespace {

QString codeWords(std::string_view code) {
    return plainWords(std::string(code));
}

const QColor kGrey(0x61, 0x61, 0x61);
const QColor kRed(0xb7, 0x1c, 0x1c);

} // namespace

LegalCasesModel::LegalCasesModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void LegalCasesModel::setCases(std::vector<LegalCaseRecord> cases, const Currency& currency) {
    beginResetModel();
    rows_ = std::move(cases);
    currency_ = currency;
    endResetModel();
}

QVariant LegalCasesModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& c = *found;
    if (role == Qt::TextAlignmentRole && (index.column() == Awarded || index.column() == Proceeds))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && c.status() == LegalStatus::Closed)
        return QVariant::fromValue(kGrey);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Forum:
        return tr("%1 (%2)").arg(QString::fromStdString(c.forum),
                                 codeWords(toString(c.forumKind)).toLower());
    case CaseNumber:
        return c.caseNumberNow().empty() ? tr("not yet")
                                         : QString::fromStdString(c.caseNumberNow());
    case Lawyer:
        return c.lawyerNow().empty() ? tr("none") : QString::fromStdString(c.lawyerNow());
    case FiledOn:
        return displayDate(c.filedOn);
    case Status:
        return tr("%1 since %2")
            .arg(codeWords(toString(c.status())),
                 displayDate(c.updates.empty() ? c.filedOn : c.updates.back().businessDate));
    case Awarded: {
        rd::Amount total = 0;
        for (const auto& j : c.judgments)
            total += j.amountAwarded + j.costsAwarded;
        return c.judgments.empty() ? tr("no judgment") : displayMoney(total, currency_);
    }
    case Proceeds: {
        rd::Amount total = 0;
        for (const auto& e : c.enforcements)
            total += e.proceeds;
        return c.enforcements.empty() ? tr("none") : displayMoney(total, currency_);
    }
    default:
        return {};
    }
}

QVariant LegalCasesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Forum:
        return tr("Court or agency");
    case CaseNumber:
        return tr("Case number");
    case Lawyer:
        return tr("Lawyer");
    case FiledOn:
        return tr("Filed on");
    case Status:
        return tr("Status");
    case Awarded:
        return tr("Awarded with costs");
    case Proceeds:
        return tr("Enforcement proceeds");
    default:
        return {};
    }
}

LegalSessionsModel::LegalSessionsModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void LegalSessionsModel::setSessions(std::vector<LegalSessionRecord> sessions, rd::Date today) {
    beginResetModel();
    rows_ = std::move(sessions);
    today_ = today;
    endResetModel();
}

QVariant LegalSessionsModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& s = *found;
    if (role == Qt::FontRole && !s.outcome && !(s.date < today_)) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && !s.outcome && s.date < today_)
        return QVariant::fromValue(kRed);
    if (role == Qt::ToolTipRole && !s.outcome && s.date < today_)
        return tr("The session is past and its outcome is not recorded yet.");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Date:
        return displayDate(s.date);
    case Time:
        return QString::fromStdString(s.time);
    case Kind:
        return codeWords(toString(s.kind));
    case Place:
        return QString::fromStdString(s.place);
    case Purpose:
        return QString::fromStdString(s.purpose);
    case Outcome:
        return s.outcome ? QString::fromStdString(s.outcome->outcome)
                         : (s.date < today_ ? tr("not recorded") : tr("coming"));
    case NextDate:
        return s.outcome && s.outcome->nextDate ? displayDate(*s.outcome->nextDate) : QString();
    default:
        return {};
    }
}

QVariant LegalSessionsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Date:
        return tr("Date");
    case Time:
        return tr("Time");
    case Kind:
        return tr("Session");
    case Place:
        return tr("Place");
    case Purpose:
        return tr("Purpose");
    case Outcome:
        return tr("Outcome");
    case NextDate:
        return tr("Next date");
    default:
        return {};
    }
}

RecoveryCostsModel::RecoveryCostsModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void RecoveryCostsModel::setCosts(std::vector<RecoveryCostRecord> costs, const Currency& currency,
                                  std::map<std::string, std::string> names) {
    beginResetModel();
    rows_ = std::move(costs);
    currency_ = currency;
    names_ = std::move(names);
    endResetModel();
}

QVariant RecoveryCostsModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& c = *found;
    const bool undone = c.reversedById || c.reversesCostId;
    if (role == Qt::TextAlignmentRole && index.column() == Amount)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && undone)
        return QVariant::fromValue(kGrey);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case CostDate:
        return displayDate(c.date);
    case Kind:
        return codeWords(toString(c.kind));
    case Amount:
        return displayMoney(c.amount, currency_);
    case Reference:
        return QString::fromStdString(c.reference);
    case Note:
        if (c.reversesCostId)
            return tr("Reverses cost %1: %2")
                .arg(*c.reversesCostId)
                .arg(QString::fromStdString(c.note));
        if (c.reversedById)
            return tr("%1 (reversed)").arg(QString::fromStdString(c.note)).trimmed();
        return QString::fromStdString(c.note);
    case RecordedBy:
        return userText(c.recordedBy, names_);
    default:
        return {};
    }
}

QVariant RecoveryCostsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CostDate:
        return tr("Date");
    case Kind:
        return tr("Kind");
    case Amount:
        return tr("Amount");
    case Reference:
        return tr("Reference");
    case Note:
        return tr("Note");
    case RecordedBy:
        return tr("Recorded by");
    default:
        return {};
    }
}

} // namespace rd::ui

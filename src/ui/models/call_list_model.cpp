#include "call_list_model.h"

#include "display_text.h"
#include "money_display.h"

namespace rd::ui {

namespace {

// The case of the row with the highest DPD: its bucket is the client's worst.
const CallListItem& worst(const CallListGroup& g) {
    const CallListItem* w = &g.lead();
    for (const auto& i : g.items)
        if (i.entry.position.daysPastDue > w->entry.position.daysPastDue)
            w = &i;
    return *w;
}

std::optional<DateTime> lastContact(const CallListGroup& g) {
    std::optional<DateTime> last;
    for (const auto& i : g.items)
        if (i.entry.lastContactAt && (!last || *last < *i.entry.lastContactAt))
            last = i.entry.lastContactAt;
    return last;
}

std::optional<Date> nextAction(const CallListGroup& g) {
    std::optional<Date> next;
    for (const auto& i : g.items)
        if (i.entry.nextActionOn && (!next || *i.entry.nextActionOn < *next))
            next = i.entry.nextActionOn;
    return next;
}

} // namespace

CallListModel::CallListModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void CallListModel::setItems(std::vector<CallListItem> items, Currency currency) {
    beginResetModel();
    caseCount_ = static_cast<int>(items.size());
    rows_ = groupByClient(items);
    currency_ = std::move(currency);
    endResetModel();
}

int CallListModel::rowOfLoan(const QString& loanId) const {
    const auto id = loanId.toStdString();
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].hasLoan(id))
            return static_cast<int>(i);
    return -1;
}

QVariant CallListModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& group = *found;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(group, column);
    case SortRole:
        return sortValue(group, column);
    case LoanIdRole:
        return QString::fromStdString(group.lead().entry.loanId);
    case Qt::TextAlignmentRole:
        if (column == Rank || column == Dpd || column == Arrears)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::DecorationRole:
        if (column == Bucket)
            return bucketIcon(worst(group).entry.position.bucketIndex);
        return {};
    case Qt::ToolTipRole:
        return toolTip(group);
    default:
        return {};
    }
}

QString CallListModel::toolTip(const CallListGroup& group) const {
    QStringList parts;
    const bool several = group.items.size() > 1;
    if (several)
        parts << tr("One call for %n loan(s) of this client:", nullptr,
                    static_cast<int>(group.items.size()));
    for (const auto& item : group.items) {
        const QString why = QString::fromStdString(item.why).toHtmlEscaped();
        const QString score = QString::fromStdString(scoreText(item)).toHtmlEscaped();
        parts << (several ? tr("<b>%1</b> (rank %2, arrears %3): %4<br>%5")
                                .arg(QString::fromStdString(item.entry.loanId))
                                .arg(item.rank)
                                .arg(displayMoney(item.entry.position.arrears.total(), currency_),
                                     why, score)
                          : tr("%1<br>%2").arg(why, score));
    }
    // Rich text, so Qt wraps a long why instead of drawing one very wide line.
    return QStringLiteral("<qt>") + parts.join(QStringLiteral("<br><br>")) +
           QStringLiteral("</qt>");
}

QVariant CallListModel::display(const CallListGroup& group, int column) const {
    const auto& lead = group.lead();
    const auto& e = lead.entry;
    switch (column) {
    case Rank:
        return lead.rank;
    case Client:
        return QString::fromStdString(e.clientName);
    case Phone:
        return QString::fromStdString(e.phone);
    case Loan: {
        QStringList loans;
        for (const auto& i : group.items)
            loans << QString::fromStdString(i.entry.loanId);
        return loans.join(QStringLiteral(", "));
    }
    case Dpd:
        return group.daysPastDue();
    case Bucket: {
        const auto& w = worst(group).entry;
        return w.bucket.empty()
                   ? QString::fromLatin1(toString(w.position.status)).replace(u'_', u' ')
                   : QString::fromStdString(w.bucket);
    }
    case Arrears:
        return displayMoney(group.arrears(), currency_);
    case LastContact: {
        const auto last = lastContact(group);
        return last ? displayDateTime(*last) : tr("never");
    }
    case Promise:
        if (!e.latestPromise)
            return QString();
        return tr("%1 by %2 (%3)")
            .arg(displayMoney(e.latestPromise->amount, currency_),
                 displayDate(e.latestPromise->promisedFor),
                 e.latestPromiseEvaluation ? promiseStatusText(e.latestPromiseEvaluation->status)
                                           : QString());
    case NextAction:
        return displayDate(nextAction(group));
    case Why: {
        if (group.items.size() == 1)
            return QString::fromStdString(lead.why);
        QStringList whys;
        for (const auto& i : group.items)
            whys << QStringLiteral("%1: %2").arg(QString::fromStdString(i.entry.loanId),
                                                 QString::fromStdString(i.why));
        return whys.join(QStringLiteral(" | "));
    }
    default:
        return {};
    }
}

QVariant CallListModel::sortValue(const CallListGroup& group, int column) const {
    const auto& e = group.lead().entry;
    switch (column) {
    case Rank:
        return group.lead().rank;
    case Dpd:
        return group.daysPastDue();
    case Bucket: {
        const auto& index = worst(group).entry.position.bucketIndex;
        return index ? static_cast<int>(*index) : -1;
    }
    case Arrears:
        return static_cast<qlonglong>(group.arrears());
    case LastContact: {
        const auto last = lastContact(group);
        return last ? QString::fromStdString(last->toString()) : QString();
    }
    case Promise:
        return e.latestPromise ? QString::fromStdString(e.latestPromise->promisedFor.toString())
                               : QString();
    case NextAction: {
        const auto next = nextAction(group);
        return next ? QString::fromStdString(next->toString()) : QString();
    }
    default:
        return display(group, column);
    }
}

QVariant CallListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Rank:
        return tr("#");
    case Client:
        return tr("Client");
    case Phone:
        return tr("Phone");
    case Loan:
        return tr("Loan");
    case Dpd:
        return tr("DPD");
    case Bucket:
        return tr("Bucket");
    case Arrears:
        return tr("Arrears");
    case LastContact:
        return tr("Last contact");
    case Promise:
        return tr("Promise");
    case NextAction:
        return tr("Next action");
    case Why:
        return tr("Why today");
    default:
        return {};
    }
}

} // namespace rd::ui

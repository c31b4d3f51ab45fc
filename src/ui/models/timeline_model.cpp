#include "timeline_model.h"

#include "display_text.h"
#include "money_display.h"

#include <QCoreApplication>
#include <algorithm>

namespace rd::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rd::ui::TimelineModel", text);
}

QString eventText(const CaseEventRecord& e) {
    const auto before = QString::fromStdString(e.before.value_or(""));
    const auto after = QString::fromStdString(e.after.value_or(""));
    QString text;
    if (e.kind == "opened")
        text = tr("Case opened (%1)").arg(after);
    else if (e.kind == "closed")
        text = tr("Case closed: %1").arg(after);
    else if (e.kind == "stage_changed")
        text = tr("Stage %1 -> %2").arg(before, after);
    else if (e.kind == "assigned")
        text = before.isEmpty() ? tr("Assigned to %1").arg(after)
                                : tr("Reassigned from %1 to %2").arg(before, after);
    else if (e.kind == "next_action")
        text = tr("Next action: %1").arg(after.isEmpty() ? tr("none") : after);
    else
        text = QString::fromStdString(e.kind) + u' ' + after;
    if (!e.note.empty())
        text += QStringLiteral(" - ") + QString::fromStdString(e.note);
    return text;
}

} // namespace

std::vector<TimelineEntry> buildTimeline(const services::CaseFile& file) {
    std::vector<TimelineEntry> out;
    const auto& currency = file.currency;
    for (const auto& c : file.contacts) {
        QString what =
            tr("%1, %2: %3")
                .arg(channelText(c.channel), personText(c.person), outcomeText(c.outcome));
        if (!c.note.empty())
            what += QStringLiteral(" - ") + QString::fromStdString(c.note);
        if (c.correctsContactId)
            what = tr("Correction of contact #%1: ").arg(*c.correctsContactId) + what;
        if (!c.overrideReason.empty())
            what += tr(" [rule overridden: %1]").arg(QString::fromStdString(c.overrideReason));
        if (c.nextActionOn)
            what += tr("; next action %1").arg(displayDate(*c.nextActionOn));
        TimelineEntry entry{QString::fromStdString(c.at.toString()), displayDateTime(c.at),
                            tr("Contact"), QString::fromStdString(c.officer),
                            what + QStringLiteral(" (#%1)").arg(c.id)};
        entry.source = TimelineEntry::Source::Contact;
        entry.sourceId = c.id;
        out.push_back(std::move(entry));
    }
    for (const auto& p : file.promises) {
        out.push_back(
            {QString::fromStdString(p.promise.createdOn.toString()),
             displayDate(p.promise.createdOn), tr("Promise"),
             QString::fromStdString(p.promise.createdBy),
             tr("%1 by %2 - %3")
                 .arg(displayMoneyWithCode(p.promise.amount, currency),
                      displayDate(p.promise.promisedFor), promiseStatusText(p.evaluation.status))});
    }
    for (const auto& pay : file.ledger.payments) {
        if (pay.paidOn > file.asOf)
            continue;
        QString what =
            tr("%1 received (%2, %3%4)")
                .arg(displayMoneyWithCode(pay.amount, currency), QString::fromStdString(pay.id),
                     QString::fromLatin1(toString(pay.method)),
                     pay.reference.empty()
                         ? QString()
                         : QStringLiteral(", ") + QString::fromStdString(pay.reference));
        out.push_back({QString::fromStdString(pay.paidOn.toString()), displayDate(pay.paidOn),
                       tr("Payment"), tr("client"), what});
        if (pay.reversedOn && *pay.reversedOn <= file.asOf)
            out.push_back({QString::fromStdString(pay.reversedOn->toString()),
                           displayDate(*pay.reversedOn), tr("Reversal"), QString(),
                           tr("Payment %1 of %2 reversed")
                               .arg(QString::fromStdString(pay.id),
                                    displayMoneyWithCode(pay.amount, currency))});
    }
    for (const auto& n : file.notes) {
        QString what = QString::fromStdString(n.text);
        if (n.correctsNoteId)
            what = tr("Correction of note #%1: ").arg(*n.correctsNoteId) + what;
        TimelineEntry entry{QString::fromStdString(n.businessDate.toString()) +
                                QStringLiteral("T") + QString::fromStdString(n.at).mid(11, 8),
                            displayDate(n.businessDate), tr("Note"),
                            QString::fromStdString(n.author),
                            what + QStringLiteral(" (#%1)").arg(n.id)};
        entry.source = TimelineEntry::Source::Note;
        entry.sourceId = n.id;
        entry.noteText = n.text;
        out.push_back(std::move(entry));
    }
    for (const auto& a : file.approvals) {
        out.push_back(
            {QString::fromStdString(a.businessDate.toString()), displayDate(a.businessDate),
             tr("Legal request"), QString::fromStdString(a.requestedBy),
             tr("Asked to move the case to legal: %1").arg(QString::fromStdString(a.note))});
        if (a.decision)
            out.push_back({QString::fromStdString(a.decision->businessDate.toString()),
                           displayDate(a.decision->businessDate), tr("Legal decision"),
                           QString::fromStdString(a.decision->decidedBy),
                           (a.decision->approved ? tr("Approved: %1") : tr("Rejected: %1"))
                               .arg(QString::fromStdString(a.decision->comment))});
    }
    for (const auto& r : file.reviews)
        out.push_back({QString::fromStdString(r.businessDate.toString()),
                       displayDate(r.businessDate), tr("Review"),
                       QString::fromStdString(r.reviewer),
                       tr("Signed off: %1").arg(QString::fromStdString(r.comment))});
    for (const auto& e : file.events)
        out.push_back({QString::fromStdString(e.businessDate.toString()),
                       displayDate(e.businessDate), tr("Case"), QString::fromStdString(e.actor),
                       eventText(e)});
    std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
        return a.sortKey.left(10) > b.sortKey.left(10) ||
               (a.sortKey.left(10) == b.sortKey.left(10) && a.sortKey > b.sortKey);
    });
    return out;
}

TimelineModel::TimelineModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void TimelineModel::setEntries(std::vector<TimelineEntry> entries) {
    beginResetModel();
    rows_ = std::move(entries);
    endResetModel();
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& e = *found;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case When:
            return e.when;
        case Kind:
            return e.kind;
        case Who:
            return e.who;
        case What:
            return e.what;
        default:
            return {};
        }
    }
    if (role == Qt::UserRole + 1)
        return e.sortKey;
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Kind:
        return tr("What");
    case Who:
        return tr("Who");
    case What:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace rd::ui

#include "timeline_model.h"

#include "display_text.h"
#include "money_display.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>
#include <algorithm>

namespace rd::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rd::ui::TimelineModel", text);
}

// " Reason: x" / " (no reason given)"
QString reasonPart(const std::string& text, const char* label = "Reason: %1") {
    const auto t = QString::fromStdString(text).trimmed();
    return t.isEmpty() ? tr(" (no reason given)") : QStringLiteral(" ") + tr(label).arg(t);
}

// A note written without a full stop ends with one before the next sentence.
QString asSentence(const std::string& text) {
    QString t = QString::fromStdString(text).trimmed();
    if (!t.isEmpty() && !QStringLiteral(".!?").contains(t.back()))
        t += u'.';
    return t;
}

// "one-to-one session" -> "One-to-one session"
QString sentenceStart(QString text) {
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

// Where an entry sits in time and how its "When" reads.
struct Moment {
    QString sortKey;
    QString when;
};

QString dayKey(Date date) {
    return QString::fromStdString(date.toString());
}

// A business date with the local time it was recorded at (ISO UTC), when that was on the
// same local day; otherwise (back-dated) the date alone.
Moment momentOf(Date businessDate, const std::string& recordedAt, const QTimeZone& zone) {
    const QDateTime at = QDateTime::fromString(QString::fromStdString(recordedAt), Qt::ISODate);
    if (at.isValid()) {
        const QDateTime local = at.toTimeZone(zone);
        if (toDate(local.date()) == businessDate)
            return {dayKey(businessDate) + local.time().toString(QStringLiteral(" HH:mm:ss")),
                    displayUtcTime(recordedAt, zone)};
    }
    return {dayKey(businessDate), displayDate(businessDate)};
}

Moment momentOf(const DateTime& at) {
    return {dayKey(at.date) + QStringLiteral(" %1:%2:00")
                                  .arg(at.minuteOfDay / 60, 2, 10, QLatin1Char('0'))
                                  .arg(at.minuteOfDay % 60, 2, 10, QLatin1Char('0')),
            displayDateTime(at)};
}

Moment momentOf(Date date) {
    return {dayKey(date), displayDate(date)};
}

QString eventText(const CaseEventRecord& e, const FullNames& names) {
    const auto before = e.before.value_or("");
    const auto after = e.after.value_or("");
    const auto note = QString::fromStdString(e.note).trimmed();
    if (e.kind == "opened")
        return tr("Case opened automatically in stage %1: %2")
            .arg(stageCodeText(after), note.isEmpty() ? tr("past due") : note);
    if (e.kind == "closed")
        return tr("Case closed automatically: %1").arg(closeReasonText(after)) +
               (note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(note));
    if (e.kind == "stage_changed")
        return tr("Stage changed from %1 to %2.").arg(stageCodeText(before), stageCodeText(after)) +
               reasonPart(e.note);
    if (e.kind == "assigned") {
        const auto to = userText(after, names);
        QString text = before.empty()
                           ? tr("Assigned to %1").arg(to)
                           : tr("Reassigned from %1 to %2").arg(userText(before, names), to);
        if (!note.isEmpty() && note != QLatin1String("reassigned"))
            text += QStringLiteral(" (%1)").arg(note);
        return text;
    }
    if (e.kind == "next_action")
        return tr("Next action: %1").arg(after.empty() ? tr("none") : isoDateText(after));
    return plainWords(e.kind) +
           (after.empty() ? QString() : QStringLiteral(": ") + QString::fromStdString(after));
}

const services::DeskPaymentFacts* deskFacts(const services::CaseFile& file,
                                            const std::string& paymentId) {
    for (const auto& d : file.deskPayments)
        if (d.paymentId == paymentId)
            return &d;
    return nullptr;
}

} // namespace

std::vector<TimelineEntry> buildTimeline(const services::CaseFile& file, const QTimeZone& zone,
                                         const CounsellingHistory& counselling) {
    std::vector<TimelineEntry> out;
    const auto& currency = file.currency;
    const auto& names = file.fullNames;
    const auto add = [&out](const Moment& m, QString kind, QString who, QString what) {
        out.emplace_back(m.sortKey, m.when, std::move(kind), std::move(who), std::move(what));
        return &out.back();
    };
    for (const auto& c : file.contacts) {
        QString what =
            tr("%1, %2: %3")
                .arg(channelText(c.channel), personText(c.person), outcomeText(c.outcome));
        if (!c.note.empty())
            what += QStringLiteral(" - ") + QString::fromStdString(c.note);
        if (c.correctsContactId)
            what = tr("Correction of contact #%1: ").arg(*c.correctsContactId) + what;
        if (!c.overrideReason.empty())
            what += tr(". Outside the contact rules because: %1")
                        .arg(QString::fromStdString(c.overrideReason));
        if (c.nextActionOn)
            what += tr(". Next action (%1) on %2")
                        .arg(nextActionKindText(c.nextActionKind), displayDate(*c.nextActionOn));
        auto* entry = add(momentOf(c.at), tr("Contact"), userText(c.officer, names),
                          what + QStringLiteral(" (#%1)").arg(c.id));
        entry->source = TimelineEntry::Source::Contact;
        entry->sourceId = c.id;
    }
    for (const auto& p : file.promises) {
        // A promise made in a contact happened with it.
        Moment m = momentOf(p.promise.createdOn);
        for (const auto& c : file.contacts)
            if (!p.promise.contactId.empty() && std::to_string(c.id) == p.promise.contactId)
                m = momentOf(c.at);
        add(m, tr("Promise"), userText(p.promise.createdBy, names),
            tr("%1 by %2 - %3")
                .arg(displayMoneyWithCode(p.promise.amount, currency),
                     displayDate(p.promise.promisedFor), promiseStatusText(p.evaluation.status)));
    }
    for (const auto& pay : file.ledger.payments) {
        if (pay.paidOn > file.asOf)
            continue;
        const auto* desk = deskFacts(file, pay.id);
        QString what =
            tr("%1 received (%2, %3%4)")
                .arg(displayMoneyWithCode(pay.amount, currency), QString::fromStdString(pay.id),
                     paymentMethodText(pay.method).toLower(),
                     pay.reference.empty()
                         ? QString()
                         : QStringLiteral(", ") + QString::fromStdString(pay.reference));
        if (desk)
            add(momentOf(pay.paidOn, desk->takenAt, zone), tr("Payment"),
                userText(desk->takenBy, names), what + tr(", taken at the desk"));
        else
            add(momentOf(pay.paidOn), tr("Payment"), tr("Client"),
                what + tr(", from the core banking system"));
        if (!pay.reversedOn || *pay.reversedOn > file.asOf)
            continue;
        const QString reversed =
            tr("Payment %1 of %2 reversed.")
                .arg(QString::fromStdString(pay.id), displayMoneyWithCode(pay.amount, currency));
        if (desk && !desk->reversedBy.empty())
            add(momentOf(*pay.reversedOn, desk->reversalRecordedAt, zone), tr("Reversal"),
                userText(desk->reversedBy, names), reversed + reasonPart(desk->reversalReason));
        else
            add(momentOf(*pay.reversedOn), tr("Reversal"), tr("Core banking system"),
                reversed + tr(" Reversed in the core banking system (the import gives no "
                              "reason)."));
    }
    for (const auto& n : file.notes) {
        QString what = QString::fromStdString(n.text);
        if (n.correctsNoteId)
            what = tr("Correction of note #%1: ").arg(*n.correctsNoteId) + what;
        auto* entry = add(momentOf(n.businessDate, n.at, zone), tr("Note"),
                          userText(n.author, names), what + QStringLiteral(" (#%1)").arg(n.id));
        entry->source = TimelineEntry::Source::Note;
        entry->sourceId = n.id;
        entry->noteText = n.text;
    }
    for (const auto& a : file.approvals) {
        add(momentOf(a.businessDate, a.requestedAt, zone), tr("Legal request"),
            userText(a.requestedBy, names),
            tr("Asked a supervisor to move the case to legal.") + reasonPart(a.note));
        if (a.decision)
            add(momentOf(a.decision->businessDate, a.decision->decidedAt, zone),
                tr("Legal decision"), userText(a.decision->decidedBy, names),
                (a.decision->approved ? tr("Approved the move to legal.")
                                      : tr("Rejected the move to legal.")) +
                    reasonPart(a.decision->comment, "Comment: %1"));
    }
    for (const auto& r : file.reviews)
        add(momentOf(r.businessDate, r.at, zone), tr("Review"), userText(r.reviewer, names),
            tr("Signed off a review.") + reasonPart(r.comment, "Comment: %1"));
    for (const auto& e : file.events)
        add(momentOf(e.businessDate, e.at, zone), tr("Case"), userText(e.actor, names),
            eventText(e, names));
    for (const auto& session : counselling.sessions) {
        if (session.sessionDate > file.asOf)
            continue;
        QStringList attended;
        for (const auto& a : session.attendees)
            attended << QString::fromStdString(a.fullName.empty() ? a.clientId : a.fullName);
        QString what = tr("%1 on \"%2\", led by %3. Attended: %4.")
                           .arg(sentenceStart(sessionKindText(session.kind)),
                                QString::fromStdString(session.topic),
                                QString::fromStdString(session.facilitator),
                                attended.join(QStringLiteral(", ")));
        if (!session.notes.empty())
            what += QStringLiteral(" ") + asSentence(session.notes);
        if (session.followUpOn)
            what += tr(" Follow-up on %1.").arg(displayDate(*session.followUpOn));
        add(momentOf(session.sessionDate, session.recordedAt, zone), tr("Counselling"),
            userText(session.recordedBy, names), what);
    }
    for (const auto& r : counselling.referrals) {
        if (r.businessDate > file.asOf)
            continue;
        const QString to = tr("%1 (%2)").arg(QString::fromStdString(r.organisation),
                                             referralServiceText(r.service));
        QString what = tr("Referred to %1.").arg(to);
        if (!r.note.empty())
            what += QStringLiteral(" ") + asSentence(r.note);
        if (r.followUpOn)
            what += tr(" Follow-up on %1.").arg(displayDate(*r.followUpOn));
        add(momentOf(r.businessDate, r.referredAt, zone), tr("Referral"),
            userText(r.referredBy, names), what);
        for (const auto& u : r.updates) {
            if (u.businessDate > file.asOf)
                continue;
            QString update = tr("Referral to %1: %2.").arg(to, referralStatusText(u.status));
            if (!u.note.empty())
                update += QStringLiteral(" ") + asSentence(u.note);
            if (u.followUpOn)
                update += tr(" Next follow-up on %1.").arg(displayDate(*u.followUpOn));
            add(momentOf(u.businessDate, u.updatedAt, zone), tr("Referral"),
                userText(u.updatedBy, names), update);
        }
    }
    // Newest first. Entries of the same moment keep a fixed order: of one kind, newest
    // recorded first (each source above is in recording order); of different kinds, the
    // reverse of the order they are added in above. Reversing, then a stable sort, does both.
    std::reverse(out.begin(), out.end());
    std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
        return a.sortKey > b.sortKey;
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

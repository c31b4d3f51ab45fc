#pragma once

#include "core/counselling_records.h"
#include "core/currency.h"
#include "row_table_model.h"
#include "services/case_service.h"

#include <QString>
#include <QTimeZone>
#include <vector>

namespace rd::ui {

// One entry of a case's single chronological timeline: contacts, promises, payments,
// reversals, notes, legal requests and decisions, reviews, case events (opening, stage,
// assignment, closing), counselling sessions, referrals and their updates, each with who
// did it and why.
struct TimelineEntry {
    TimelineEntry(QString sortKey_, QString when_, QString kind_, QString who_, QString what_)
        : sortKey(std::move(sortKey_)), when(std::move(when_)), kind(std::move(kind_)),
          who(std::move(who_)), what(std::move(what_)) {}

    // When it happened, local time: "YYYY-MM-DD HH:MM:SS", the time left out when unknown
    // (an imported payment). Entries sort by it, newest first; ties newest recorded first.
    QString sortKey;
    QString when; // as displayed
    QString kind;
    QString who;
    QString what;
    // What can be corrected: a contact or a note, with its id (a correction is a new entry
    // that names this one).
    enum class Source { Other, Contact, Note };
    Source source = Source::Other;
    std::int64_t sourceId = 0;
    std::string noteText; // the note's text, to start its correction from
};

// What the case file's timeline shows besides the case file: the counselling sessions the
// client attended and the loan's referrals to outside services with their updates
// (CounsellingService, read by the "Budget and counselling" tab).
struct CounsellingHistory {
    std::vector<CounsellingSessionRecord> sessions;
    std::vector<ReferralRecord> referrals;
};

// Builds the timeline of a case file, newest first, with the times in `zone` (the
// institution's, DeskSession::timeZone), counselling sessions and referrals included.
// Pure: no database.
std::vector<TimelineEntry> buildTimeline(const services::CaseFile& file,
                                         const QTimeZone& zone = QTimeZone::utc(),
                                         const CounsellingHistory& counselling = {});

class TimelineModel : public RowTableModel<TimelineEntry> {
    Q_OBJECT
public:
    enum Column { When, Kind, Who, What, ColumnCount };
    explicit TimelineModel(QObject* parent = nullptr);

    void setEntries(std::vector<TimelineEntry> entries);
    const TimelineEntry& entry(int row) const { return rows_.at(static_cast<std::size_t>(row)); }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
};

} // namespace rd::ui

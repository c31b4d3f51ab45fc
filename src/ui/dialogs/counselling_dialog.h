#pragma once

#include "core/counselling_records.h"
#include "desk_session.h"

#include <QDialog>
#include <cstdint>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace rd::ui {

class ClientListModel;

// A counselling session (domain.md section 11): one-to-one with the case's client, or a
// workshop with an attendance list of clients found by name, id or phone (the case's client
// first; any can be removed). Date (the business date by default, not later), topic,
// facilitator (the user by default), notes, an optional follow-up date. Saved with
// CounsellingService::addSession; the session is then on every attendee's case file. A
// refusal is shown under the form and nothing typed is lost.
class CounsellingDialog : public QDialog {
    Q_OBJECT
public:
    // `caseClient`: the client of the case it is opened from (the one-to-one's, the first of a
    // workshop's attendance).
    CounsellingDialog(DeskServices services, const DeskSession& session,
                      CounsellingAttendee caseClient, QWidget* parent = nullptr);
    ~CounsellingDialog() override;

    QComboBox* kindBox() const { return kind_; }
    QDateEdit* dateEdit() const { return date_; }
    QLineEdit* topicEdit() const { return topic_; }
    QLineEdit* facilitatorEdit() const { return facilitator_; }
    QPlainTextEdit* notesEdit() const { return notes_; }
    QCheckBox* followUpCheck() const { return followUpCheck_; }
    QDateEdit* followUpEdit() const { return followUp_; }
    QLineEdit* searchEdit() const { return search_; }
    ClientListModel* foundModel() const { return found_; }
    ClientListModel* attendanceModel() const { return attendance_; }
    QTableView* foundView() const { return foundView_; }
    QTableView* attendanceView() const { return attendanceView_; }

    void setKind(SessionKind kind);
    SessionKind kind() const;
    // Finds clients by name, client id, loan, phone or national id (the loans the user may
    // read); false with the reason shown when the search is refused.
    bool findClients(const QString& text);
    // Adds the found client of that row (the selected one by default) to the attendance.
    bool addFound(int row = -1);
    bool removeAttendee(int row = -1);
    QString problem() const;
    const std::optional<std::int64_t>& savedId() const { return saved_; }

    void accept() override;

private:
    void kindChanged();
    void validate();

    DeskServices services_;
    const DeskSession& session_;
    CounsellingAttendee caseClient_;
    QComboBox* kind_;
    QDateEdit* date_;
    QLineEdit* topic_;
    QLineEdit* facilitator_;
    QPlainTextEdit* notes_;
    QCheckBox* followUpCheck_;
    QDateEdit* followUp_;
    QWidget* picker_;
    QLineEdit* search_;
    ClientListModel* found_;
    ClientListModel* attendance_;
    QTableView* foundView_;
    QTableView* attendanceView_;
    QLabel* oneClient_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    std::optional<std::int64_t> saved_;
};

} // namespace rd::ui

#pragma once

#include "desk_session.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;
class QPushButton;

namespace rd::ui {

class TeamModel;
class ApprovalsModel;

// The supervisor's view of the day: each officer's open cases, contacts, promises due and
// kept, and collections; below, the requests to move cases to legal, newest first: those
// waiting for a decision and (unless "Show decided" is off) the decided ones with their
// decision. Approve and Reject act on the selected waiting request only. Reloaded whenever
// it is shown.
class TeamPage : public QWidget {
    Q_OBJECT
public:
    TeamPage(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);
    void reload();
    TeamModel* teamModel() const { return team_; }
    ApprovalsModel* approvalsModel() const { return approvals_; }
    QTableView* approvalsView() const { return approvalsView_; }
    QTableView* teamView() const { return teamView_; }
    // Decides the selected request with the comment; false with the reason shown otherwise.
    bool decide(bool approve, const QString& comment);

signals:
    void openCase(const QString& loanId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateButtons();

    DeskServices services_;
    const DeskSession& session_;
    TeamModel* team_;
    ApprovalsModel* approvals_;
    QTableView* teamView_;
    QTableView* approvalsView_;
    QLabel* summary_;
    QLabel* approvalsSummary_;
    QPushButton* approve_;
    QPushButton* reject_;
    QPushButton* open_;
    QCheckBox* showDecided_;
};

} // namespace rd::ui

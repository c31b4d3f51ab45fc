#pragma once

#include "desk_session.h"
#include "display_text.h"

#include <QWidget>
#include <cstdint>

class QLabel;
class QPushButton;
class QTableView;

namespace rd::ui {

class PlanApprovalsModel;
class PlanInstallmentsModel;

// The supervisor's plans to approve: the plans of the branch waiting for approval (proposed,
// and those with one approval of the two a waiver above the limit needs), with the waiver
// against the limit, the approvals given and the affordability; below, the selected plan's
// installments, the client's budget, the officer's note and reason. Approve (Ctrl+Enter) and
// Reject (Ctrl+J) ask for a comment; the service's refusals (the supervisor's own proposal,
// the same supervisor twice, a balance that changed) are shown in words. Reloaded whenever
// it is shown.
class PlanApprovalsPage : public QWidget {
    Q_OBJECT
public:
    PlanApprovalsPage(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);

    void reload();
    PlanApprovalsModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    PlanInstallmentsModel* installmentsModel() const { return installments_; }
    QString details() const;
    QString message() const;
    // Selects the plan of that id; false when it is not in the list.
    bool selectPlan(std::int64_t planId);

    // Asks for the comment and decides the selected plan; true when it was decided.
    bool approveSelected();
    bool rejectSelected();
    // Decides the selected plan with the comment; false with the reason shown otherwise.
    bool decide(bool approve, const QString& comment);

signals:
    void openCase(const QString& loanId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showSelected();
    void showMessage(const QString& text, bool problem);
    bool ask(bool approve);

    DeskServices services_;
    const DeskSession& session_;
    PlanApprovalsModel* model_;
    PlanInstallmentsModel* installments_;
    QTableView* view_;
    QTableView* installmentsView_;
    QLabel* summary_;
    QLabel* details_;
    QLabel* message_;
    QPushButton* approve_;
    QPushButton* reject_;
    QPushButton* open_;
    FullNames names_;
};

} // namespace rd::ui

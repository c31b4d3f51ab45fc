#pragma once

#include "core/result.h"
#include "desk_session.h"
#include "display_text.h"
#include "models/timeline_model.h"
#include "services/case_service.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace rd::ui {

class BudgetHistoryModel;
class BudgetLinesModel;
class CounsellingSessionsModel;
class ReferralsModel;

// The case file's "Budget and counselling" tab (domain.md sections 9c and 11): the client's
// budget worksheets (date, income, expenses, surplus) with the latest one's lines, the
// counselling sessions the client attended, the loan's referrals with their status and
// follow-up; and the buttons that open the budget worksheet, counselling session and
// referral dialogs (Ctrl+B, Ctrl+Shift+C, Ctrl+Shift+R on the case file; installShortcuts).
// What it reads also goes on the timeline (history()).
class CounsellingTab : public QWidget {
    Q_OBJECT
public:
    CounsellingTab(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);

    // Reads the client's budgets and sessions and the loan's referrals; the first error when
    // one cannot be read (that list is empty).
    Result<void> load(const services::CaseFile& file);
    // The sessions and referrals read last, for the timeline.
    const CounsellingHistory& history() const { return history_; }
    // Whether the signed-in user may record budgets, sessions and referrals on this case
    // (the buttons follow; the services decide).
    void setWorkable(bool mayWork, bool worksCase);
    // The case file page's keys for the three dialogs.
    void installShortcuts(QWidget* page);

    // Open the dialogs; true when something was saved (then `changed` is emitted).
    bool editBudget();
    bool addSession();
    bool addReferral();
    bool updateReferral();

    BudgetHistoryModel* budgetsModel() const { return budgets_; }
    BudgetLinesModel* linesModel() const { return lines_; }
    CounsellingSessionsModel* sessionsModel() const { return sessions_; }
    ReferralsModel* referralsModel() const { return referrals_; }
    QTableView* referralsView() const { return referralsView_; }

signals:
    // Something was saved: the page reads the case file again and says `done`.
    void changed(const QString& done);

private:
    void updateButtons();

    DeskServices services_;
    const DeskSession& session_;
    // Of the case file shown.
    struct Shown {
        std::string loanId;
        std::string clientId; // empty when the client is not on record
        QString clientName;
        Currency currency;
        FullNames names;
    };
    std::optional<Shown> shown_;
    CounsellingHistory history_;
    BudgetHistoryModel* budgets_;
    BudgetLinesModel* lines_;
    CounsellingSessionsModel* sessions_;
    ReferralsModel* referrals_;
    QTableView* budgetsView_;
    QTableView* linesView_;
    QTableView* sessionsView_;
    QTableView* referralsView_;
    QLabel* linesLabel_;
    QPushButton* budgetButton_;
    QPushButton* sessionButton_;
    QPushButton* referralButton_;
    QPushButton* updateButton_;
    bool mayWork_ = false;
    bool worksCase_ = false;
};

} // namespace rd::ui

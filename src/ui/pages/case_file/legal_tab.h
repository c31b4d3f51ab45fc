#pragma once

#include "core/result.h"
#include "desk_session.h"
#include "services/case_service.h"
#include "services/legal_service.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace rd::ui {

class LegalCasesModel;
class LegalSessionsModel;
class RecoveryCostsModel;

// The case file's Legal tab (domain.md section 11, docs/legal.md): the newest feasibility
// assessment with its expected net recovery, the loan's legal cases with their status, the
// hearings and mediation sessions of all of them (coming ones in bold, past ones without an
// outcome in red), and the recovery costs with their total. Its buttons open the
// feasibility assessment (Ctrl+Shift+F on the case file) and record a cost. A request to
// move the case to legal carries the newest assessment.
class LegalTab : public QWidget {
    Q_OBJECT
public:
    LegalTab(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);

    // Reads the loan's legal file; the error when it cannot be read (the lists are empty).
    Result<void> load(const services::CaseFile& file);
    // Whether the signed-in user may work this case (the buttons follow; the services decide).
    void setWorkable(bool mayWork, bool worksCase);
    void installShortcuts(QWidget* page);

    // Open the dialogs; true when something was saved (then `changed` is emitted).
    bool assessFeasibility();
    bool addCost();

    QLabel* feasibilityLabel() const { return feasibility_; }
    QLabel* totalLabel() const { return total_; }
    LegalCasesModel* casesModel() const { return cases_; }
    LegalSessionsModel* sessionsModel() const { return sessions_; }
    RecoveryCostsModel* costsModel() const { return costs_; }
    QPushButton* assessButton() const { return assessButton_; }
    QPushButton* costButton() const { return costButton_; }
    const services::LegalFile& legalFile() const { return legal_; }

signals:
    void changed(const QString& done);

private:
    void updateButtons();

    DeskServices services_;
    const DeskSession& session_;
    std::optional<services::CaseFile> file_;
    services::LegalFile legal_;
    LegalCasesModel* cases_;
    LegalSessionsModel* sessions_;
    RecoveryCostsModel* costs_;
    QTableView* casesView_;
    QTableView* sessionsView_;
    QTableView* costsView_;
    QLabel* feasibility_;
    QLabel* total_;
    QPushButton* assessButton_;
    QPushButton* costButton_;
    bool mayWork_ = false;
    bool worksCase_ = false;
};

} // namespace rd::ui

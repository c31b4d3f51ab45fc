#pragma once

#include "desk_session.h"
#include "plan_edit_table_model.h"
#include "plan_option_state.h"
#include "services/case_service.h"
#include "services/plan_service.h"

#include <QGroupBox>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;
class QUndoStack;

namespace rd::ui {

// What the three options of the workbench share: the services, the case file, the plan's
// start and the loan's figures as of it, and the settings the words on screen quote.
struct PlanWorkbenchContext {
    DeskServices services;
    const DeskSession* session = nullptr;
    const services::CaseFile* file = nullptr;
    Date start;
    Amount balance = 0;
    Amount arrears = 0;
    int graceDays = 2;
    int watchInstallments = 3;
};

// One option of the plan workbench (an arrangement, a reschedule or a settlement): its terms,
// its installment table (dates and amounts editable for an arrangement and a settlement; a
// reschedule's computed by the calculator), and what it comes to, worked out by
// PlanService::draft without saving at every change: total, waiver, approvals, the monthly
// amount against the client's surplus, what it does to the loan, warnings and problems.
// Every change goes through the dialog's undo stack as a PlanEditCommand.
class PlanOptionPanel : public QGroupBox {
    Q_OBJECT
public:
    PlanOptionPanel(PlanKind kind, const PlanWorkbenchContext& context, QUndoStack* undo,
                    QWidget* parent = nullptr);

    PlanKind kind() const { return kind_; }
    const PlanOptionState& state() const { return state_; }
    // The first state (the proposed split, the loan's schedule) without an undo step.
    void initialise();
    // Shows `state` and works it out (the undo stack's commands call this).
    void applyState(const PlanOptionState& state);
    // Pushes a change of state onto the undo stack (applied at once).
    void change(PlanOptionState after, const QString& what, int mergeKey = -1);

    const std::optional<services::PlanDraft>& draft() const { return draft_; }
    // What stops this option from being proposed (empty when it can be), in words.
    const QStringList& problems() const { return problems_; }
    bool proposable() const { return draft_.has_value() && problems_.isEmpty(); }
    // The proposal of the current state (note and reason left to the caller).
    services::PlanProposal proposal() const;

    PlanEditTableModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    QRadioButton* chooseButton() const { return choose_; }
    QSpinBox* partsBox() const { return parts_; }
    QSpinBox* percentBox() const { return percent_; }
    QSpinBox* installmentsBox() const { return installments_; }
    QLineEdit* rateEdit() const { return rate_; }
    QCheckBox* capitaliseBox() const { return capitalise_; }
    QLabel* summaryLabel() const { return summary_; }
    QLabel* effectLabel() const { return effect_; }
    QLabel* problemsLabel() const { return problemsLabel_; }

signals:
    // The option was worked out again (its figures, problems or warnings may have changed).
    void recomputed();

private:
    QLayout* buildTerms();
    // The rows an arrangement or settlement starts from with these terms ("" on success).
    QString proposedRows(PlanOptionState& state) const;
    void recompute();
    void editCell(int row, int column, const QString& text);
    void addRow();
    void removeRow();
    QString summaryHtml() const;
    QString effectText() const;

    PlanKind kind_;
    const PlanWorkbenchContext& context_;
    QUndoStack* undo_;
    PlanOptionState state_;
    std::optional<services::PlanDraft> draft_;
    QStringList problems_;
    PlanEditTableModel* model_;
    QTableView* view_;
    QRadioButton* choose_;
    QSpinBox* parts_ = nullptr;
    QSpinBox* percent_ = nullptr;
    QSpinBox* installments_ = nullptr;
    QSpinBox* every_ = nullptr;
    QComboBox* unit_ = nullptr;
    QLineEdit* rate_ = nullptr;
    QComboBox* method_ = nullptr;
    QCheckBox* capitalise_ = nullptr;
    QPushButton* addRow_ = nullptr;
    QPushButton* removeRow_ = nullptr;
    QLabel* summary_;
    QLabel* effect_;
    QLabel* warnings_;
    QLabel* problemsLabel_;
};

} // namespace rd::ui

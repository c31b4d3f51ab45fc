#pragma once

#include "desk_session.h"
#include "plan_option_panel.h"
#include "services/case_service.h"
#include "services/plan_service.h"

#include <QDialog>
#include <array>
#include <optional>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QUndoStack;

namespace rd::ui {

// The plan workbench (issue 9): where the officer negotiates a repayment plan with the
// client. At the top the loan's position and the client's latest budget; below, side by
// side, an arrangement, a reschedule and a settlement (PlanOptionPanel), each worked out
// at every change without saving; edits go through one undo stack (Ctrl+Z, Ctrl+Y). The
// officer picks one, writes what was agreed (and, when the budget does not show it
// affordable, why it is proposed all the same) and proposes it for a supervisor's approval.
class PlanWorkbenchDialog : public QDialog {
    Q_OBJECT
public:
    PlanWorkbenchDialog(DeskServices services, const DeskSession& session,
                        const services::CaseFile& file, QWidget* parent = nullptr);
    ~PlanWorkbenchDialog() override;

    // Works the three options out; false (error() says why) when the user may not propose a
    // plan on this loan or it cannot be read: the dialog is then not to be shown.
    bool load();
    const std::optional<rd::Error>& error() const { return error_; }

    PlanOptionPanel* option(PlanKind kind) const;
    PlanOptionPanel* chosen() const;
    void choose(PlanKind kind);
    QUndoStack* undoStack() const { return undo_; }
    QLineEdit* noteEdit() const { return note_; }
    QLineEdit* reasonEdit() const { return reason_; }
    QPushButton* proposeButton() const { return propose_; }
    QLabel* headerLabel() const { return header_; }
    QSplitter* splitter() const { return splitter_; }
    // Why Propose is disabled ("" when it is enabled).
    QString problem() const { return problem_; }
    // After a successful proposal: the plan saved and what the case file says about it.
    const std::optional<services::PlanView>& proposed() const { return proposed_; }
    QString doneText() const { return doneText_; }

    void accept() override;
    void done(int result) override;

private:
    void validate();
    QString headerHtml(const services::PlanDraft& probe, int maxShare) const;

    DeskServices services_;
    const DeskSession& session_;
    const services::CaseFile& file_;
    PlanWorkbenchContext context_;
    QUndoStack* undo_;
    QLabel* header_;
    QSplitter* splitter_;
    std::array<PlanOptionPanel*, 3> options_{};
    QButtonGroup* group_;
    QLineEdit* note_;
    QLineEdit* reason_;
    QLabel* reasonLabel_;
    QLabel* problemLabel_;
    QDialogButtonBox* buttons_;
    QPushButton* propose_;
    QString problem_;
    std::optional<rd::Error> error_;
    std::optional<services::PlanView> proposed_;
    QString doneText_;
};

} // namespace rd::ui

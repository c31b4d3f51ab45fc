#pragma once

#include "plan_option_state.h"

#include <QUndoCommand>

namespace rd::ui {

class PlanOptionPanel;

// One change to an option of the plan workbench (a date, an amount, a row added or removed,
// a term such as the months of an arrangement): the option's whole state before and after.
// Redo applies the later one, undo the earlier, and the option works itself out again at once.
// Consecutive changes of the same term of the same option (a spin box stepped several times)
// merge into one step.
class PlanEditCommand : public QUndoCommand {
public:
    // `mergeKey`: -1 for a change that never merges, else the same number for changes of one
    // term.
    PlanEditCommand(PlanOptionPanel* panel, PlanOptionState before, PlanOptionState after,
                    const QString& text, int mergeKey = -1);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    PlanOptionPanel* panel_;
    PlanOptionState before_;
    PlanOptionState after_;
    int mergeKey_;
};

} // namespace rd::ui

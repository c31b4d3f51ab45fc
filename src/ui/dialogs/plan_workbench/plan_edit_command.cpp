#include "plan_edit_command.h"

#include "plan_option_panel.h"

namespace rd::ui {

PlanEditCommand::PlanEditCommand(PlanOptionPanel* panel, PlanOptionState before,
                                 PlanOptionState after, const QString& text, int mergeKey)
    : QUndoCommand(text), panel_(panel), before_(std::move(before)), after_(std::move(after)),
      mergeKey_(mergeKey) {}

void PlanEditCommand::redo() {
    panel_->applyState(after_);
}

void PlanEditCommand::undo() {
    panel_->applyState(before_);
}

int PlanEditCommand::id() const {
    return mergeKey_;
}

bool PlanEditCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = dynamic_cast<const PlanEditCommand*>(other);
    if (!o || o->panel_ != panel_ || o->mergeKey_ != mergeKey_ || mergeKey_ < 0)
        return false;
    after_ = o->after_;
    if (after_ == before_)
        setObsolete(true);
    return true;
}

} // namespace rd::ui

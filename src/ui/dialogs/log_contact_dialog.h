#pragma once

#include "core/contact_rules.h"
#include "desk_session.h"
#include "services/case_service.h"
#include "services/contact_service.h"

#include <QDialog>
#include <memory>
#include <optional>

namespace Ui {
class LogContactDialog;
}

namespace rd::ui {

// The quick form for one contact: channel, person, outcome, note, the promise when the
// outcome is a promise, the next action (defaulted from the outcome), and a reason when a
// client-protection rule would be broken. Filled top to bottom with Tab; Ctrl+Enter saves.
// Nothing typed is lost when the service refuses: the reason is shown and the form stays.
// The contact rules are those of the case file (the settings in force when it was read).
class LogContactDialog : public QDialog {
    Q_OBJECT
public:
    LogContactDialog(DeskServices services, const DeskSession& session,
                     const services::CaseFile& file, QWidget* parent = nullptr);
    ~LogContactDialog() override;

    const std::optional<services::ContactSaved>& saved() const { return saved_; }
    // Why Save is disabled, or empty.
    QString problem() const { return problem_; }

    // Makes the contact a correction of an earlier one (kept as it was).
    // The form is filled with the original (time included), to change what was wrong.
    void setCorrects(std::int64_t contactId);

    void accept() override;

private:
    void outcomeChanged();
    void validate();
    services::NewContact contactFromForm(Amount promiseAmount) const;
    DateTime contactTime() const;
    void setContactTime(const DateTime& at);

    std::unique_ptr<Ui::LogContactDialog> ui_;
    DeskServices services_;
    const DeskSession& session_;
    const services::CaseFile& file_;
    ContactRules rules_;
    std::optional<services::ContactSaved> saved_;
    QString problem_;
    bool nextActionTouched_ = false;
    std::optional<std::int64_t> corrects_;
};

} // namespace rd::ui

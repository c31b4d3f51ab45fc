#pragma once

#include <QDialogButtonBox>
#include <functional>

class QDialog;

namespace rd::ui {

// Ctrl+Enter (either Enter key) presses the dialog's save button: the one of `role`
// (AcceptRole: Save, OK, Sign in...). A disabled button is not pressed, so a form that is
// not right stays open, as with a click. The button's text says so when `label` is set.
void addSaveShortcut(QDialog* dialog, QDialogButtonBox* buttons, bool label = true);

} // namespace rd::ui

#pragma once

#include "core/result.h"

#include <QString>

class QWidget;

namespace rd::ui {

// A service's error as the GUI shows it: the message with its first letter capitalised and
// a full stop, then what to do (the Hint) in the GUI's own words (the field, menu or page).
// The one place that words hints: every screen that shows a service error uses it.
QString errorText(const rd::Error& error);

// What the GUI says for a hint alone ("" for Hint::None).
QString hintText(rd::Hint hint, const rd::Error& error = {});

// Shows a storage failure (ErrorKind::Storage: a full disk, a file another program holds,
// a damaged file) in a critical message box that says what happened and what to do; the
// service has already rolled back, so nothing is half-saved. Other errors are left to the
// caller's own place (a label under the form). Returns errorText(error) either way.
QString reportError(QWidget* parent, const rd::Error& error);

} // namespace rd::ui

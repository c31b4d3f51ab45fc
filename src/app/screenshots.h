#pragma once

#include "desk_session.h"

#include <QString>

namespace rd::app {

// Renders every main screen at 1366x768 from a demo database into `dir` (PNG), signed in as
// the demo officer with the most cases, a supervisor and the administrator. Returns false,
// saying why on stderr, when the database is not a demo portfolio with cases.
bool renderScreenshots(const ui::DeskServices& services, ui::DeskSession session,
                       const QString& dir);

} // namespace rd::app

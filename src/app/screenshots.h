#pragma once

#include "core/date.h"

#include <QString>

namespace rd::app {

// Renders every main screen at 1366x768 into `dir` (PNG) from a copy of the demo database
// at `databasePath` (the database itself is not changed). On the copy, a morning's work is
// done first through the services - a promise, a no-answer call, a desk payment, a request
// for legal action - so the screens show what an officer and a supervisor really see.
// Returns false, saying why on stderr, when the database is not a demo portfolio.
bool renderScreenshots(const QString& databasePath, Date businessDate, const QString& dir);

} // namespace rd::app

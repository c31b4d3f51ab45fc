#pragma once

#include "core/date.h"

#include <QString>
#include <optional>

namespace rd::app {

// The command line of the workstation.
struct AppOptions {
    QString database;                 // --db; the user's data folder by default
    std::optional<Date> businessDate; // --date; today by default
    QString screenshotsDir;           // --screenshots DIR: render every main screen and quit
};

// Parses the arguments; on a bad value prints what is wrong and returns nothing.
std::optional<AppOptions> parseAppOptions(const QStringList& arguments);

} // namespace rd::app

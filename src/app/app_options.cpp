#include "app_options.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>
#include <cstdio>

namespace rd::app {

std::optional<AppOptions> parseAppOptions(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "RecoveryDesk: the loan recovery workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"),
                                QCoreApplication::translate("main", "the portfolio database"),
                                QStringLiteral("PATH"));
    const QCommandLineOption date(
        QStringLiteral("date"),
        QCoreApplication::translate("main", "the business date, YYYY-MM-DD (default: today)"),
        QStringLiteral("DATE"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QCoreApplication::translate("main",
                                    "render every main screen of a demo database into DIR and "
                                    "quit"),
        QStringLiteral("DIR"));
    parser.addOptions({db, date, screenshots});
    parser.process(arguments);

    AppOptions options;
    options.database = parser.isSet(db)
                           ? parser.value(db)
                           : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                 QStringLiteral("/recoverydesk.db");
    if (parser.isSet(date)) {
        auto parsed = Date::parse(parser.value(date).toStdString());
        if (!parsed) {
            std::fprintf(stderr, "--date: %s\n", parsed.error().message.c_str());
            return std::nullopt;
        }
        options.businessDate = *parsed;
    }
    options.screenshotsDir = parser.value(screenshots);
    return options;
}

} // namespace rd::app

// The Catch2 main of the GUI tests: a QApplication on the offscreen platform (unless the
// environment chose one), with its own organisation and application names and QSettings
// and standard paths in a temporary folder, so no test reads or writes the user's settings.
#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home;
    if (!home.isValid())
        return 2;
    // QStandardPaths' test mode and the QSettings paths both point into the temp folder.
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RecoveryDeskUiTest"));
    QCoreApplication::setApplicationName(QStringLiteral("recoverydesk-ui-test"));
    for (auto scope : {QSettings::UserScope, QSettings::SystemScope})
        QSettings::setPath(QSettings::NativeFormat, scope,
                           home.filePath(QStringLiteral("settings")));

    QApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}

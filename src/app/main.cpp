// The workstation's composition root: opens the database, builds the services, signs the
// user in and hands everything to the main window. No singletons.
#include "app_options.h"
#include "desk_session.h"
#include "dialogs/sign_in_dialog.h"
#include "error_text.h"
#include "main_window.h"
#include "screenshots.h"
#include "services/desk_services.h"
#include "services/portfolio_service.h"
#include "services/user_service.h"
#include "widgets/background_work.h"

#include <QApplication>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QTranslator>
#include <spdlog/spdlog.h>

using namespace rd;

namespace {

Date today() {
    const QDate d = QDate::currentDate();
    return Date::fromCivil(d.year(), static_cast<unsigned>(d.month()),
                           static_cast<unsigned>(d.day()));
}

void nameApplication() {
    QCoreApplication::setApplicationName(QStringLiteral("RecoveryDesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("RecoveryDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
}

} // namespace

int main(int argc, char* argv[]) {
    // The options are read before any window system is touched, so that --help, --version
    // and a bad option work without a display.
    std::optional<app::AppOptions> options;
    {
        QCoreApplication parsing(argc, argv);
        nameApplication();
        options = app::parseAppOptions(QCoreApplication::arguments());
    }
    if (!options)
        return 2;
    QApplication app(argc, argv);
    nameApplication();

    // English plural forms; a translation for the user's language would be loaded the same way.
    QTranslator plurals;
    if (plurals.load(QStringLiteral(":/i18n/recoverydesk_en.qm")))
        QApplication::installTranslator(&plurals);

    if (!options->screenshotsDir.isEmpty())
        return app::renderScreenshots(options->database, options->businessDate.value_or(today()),
                                      options->screenshotsDir)
                   ? 0
                   : 1;
    QDir().mkpath(QFileInfo(options->database).absolutePath());
    // The one composition root of the workstation: every service on one connection, with the
    // system clock; background jobs open their own with its factory.
    services::OpenRequest request;
    request.createIfMissing = true;
    auto opened = services::Services::open(options->database.toStdString(), request, Clock{});
    if (!opened) {
        QMessageBox::critical(nullptr, QObject::tr("RecoveryDesk"),
                              QObject::tr("The database %1 cannot be opened: %2")
                                  .arg(options->database, ui::errorText(opened.error())));
        return 1;
    }
    services::Services& all = **opened;
    const ui::DeskServices desk = ui::deskServices(all);
    services::UserService& users = all.users();

    ui::DeskSession session;
    session.businessDate = options->businessDate.value_or(today());
    session.clock = all.clock();
    const auto info = all.portfolio().info();
    const auto firstAdmin = users.needsFirstAdmin();
    if (!info || !firstAdmin) {
        QMessageBox::critical(nullptr, QObject::tr("RecoveryDesk"),
                              ui::errorText(!info ? info.error() : firstAdmin.error()));
        return 1;
    }
    session.demoDatabase = info->demoPortfolio;
    session.timeZone = ui::institutionTimeZone(info->timeZone);
    session.idleLockMinutes = info->idleLockMinutes;
    if (info->currency)
        session.currency = *info->currency;

    if (*firstAdmin) {
        ui::FirstAdminDialog first(users);
        if (first.exec() != QDialog::Accepted)
            return 0;
    }
    // Signing out shows the sign-in again; quitting (or cancelling the sign-in) ends.
    while (true) {
        ui::SignInDialog signIn(users, session.clock);
        if (signIn.exec() != QDialog::Accepted)
            return 0;
        session.user = *signIn.user();
        spdlog::info("{} signed in", session.user.username);

        ui::MainWindow window(desk, session);
        window.show();
        window.startRecompute();
        const int status = QApplication::exec();
        if (!window.signedOut())
            return status;
        spdlog::info("{} signed out", session.user.username);
    }
}

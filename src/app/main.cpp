// The workstation's composition root: opens the database, builds the services, signs the
// user in and hands everything to the main window. No singletons.
#include "app_options.h"
#include "desk_session.h"
#include "dialogs/sign_in_dialog.h"
#include "main_window.h"
#include "screenshots.h"
#include "services/call_list_service.h"
#include "services/case_actions_service.h"
#include "services/case_query_service.h"
#include "services/case_service.h"
#include "services/contact_service.h"
#include "services/payment_service.h"
#include "services/settings_service.h"
#include "services/user_service.h"
#include "storage/database.h"
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

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("RecoveryDesk"));
    QApplication::setOrganizationName(QStringLiteral("RecoveryDesk"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    // English plural forms; a translation for the user's language would be loaded the same way.
    QTranslator plurals;
    if (plurals.load(QStringLiteral(":/i18n/recoverydesk_en.qm")))
        QApplication::installTranslator(&plurals);

    const auto options = app::parseAppOptions(QApplication::arguments());
    if (!options)
        return 2;
    if (!options->screenshotsDir.isEmpty())
        return app::renderScreenshots(options->database, options->businessDate.value_or(today()),
                                      options->screenshotsDir)
                   ? 0
                   : 1;
    QDir().mkpath(QFileInfo(options->database).absolutePath());
    storage::OpenOptions open;
    open.createIfMissing = true;
    auto db = storage::Database::open(options->database.toStdString(), open);
    if (!db) {
        QMessageBox::critical(
            nullptr, QObject::tr("RecoveryDesk"),
            QObject::tr("The database %1 cannot be opened: %2")
                .arg(options->database, QString::fromStdString(db.error().message)));
        return 1;
    }
    storage::Database& database = **db;
    services::UserService users(database);
    services::CaseService cases(database);
    services::ContactService contacts(database);
    services::CallListService callList(database);
    services::PaymentService payments(database);
    services::CaseActionsService actions(database);
    services::CaseQueryService queries(database);
    services::SettingsService settings(database);
    ui::DeskServices desk{&database, &users,   &cases,   &contacts, &callList,
                          &payments, &actions, &queries, &settings};

    ui::DeskSession session;
    session.businessDate = options->businessDate.value_or(today());
    session.demoDatabase = database.setting("demo_portfolio").value_or("") == "1";
    if (const auto currency = database.currency())
        session.currency = *currency;

    if (users.needsFirstAdmin()) {
        ui::FirstAdminDialog first(users);
        if (first.exec() != QDialog::Accepted)
            return 0;
    }
    ui::SignInDialog signIn(users, session.demoDatabase);
    if (signIn.exec() != QDialog::Accepted)
        return 0;
    session.user = *signIn.user();
    spdlog::info("{} signed in", session.user.username);

    ui::MainWindow window(desk, session);
    window.show();
    window.startRecompute();
    return QApplication::exec();
}

// The administrator's page: users, settings and the import of a folder, driven through the
// page and its dialogs on a demo database made by the real CLI.
#include "../cli/cli_runner.h"
#include "dialogs/admin_dialogs.h"
#include "error_text.h"
#include "models/settings_model.h"
#include "models/user_model.h"
#include "pages/admin_page.h"
#include "services/case_query_service.h"
#include "services/desk_services.h"
#include "services/settings_service.h"
#include "services/user_service.h"
#include "ui_fixture.h"
#include "widgets/background_work.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <memory>

using namespace rd;

namespace {

std::chrono::sys_seconds now() {
    return uitest::deskClock().now();
}

QString readText(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

void writeText(const QString& path, const QString& text) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
}

void copyFolder(const QString& from, const QString& to) {
    QDir().mkpath(to);
    for (const auto& name : QDir(from).entryList(QDir::Files))
        REQUIRE(QFile::copy(from + u'/' + name, to + u'/' + name));
}

// A demo database of 200 loans made once by the real CLI (with its import files), copied
// for each test.
struct DemoTemplate {
    QTemporaryDir dir;
    QString db() const { return dir.filePath(QStringLiteral("demo.db")); }
    QString files() const { return dir.filePath(QStringLiteral("files")); }

    DemoTemplate() {
        QProcess cli;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("xdg")));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(RD_CLI_PATH),
                  {QStringLiteral("--db"), db(), QStringLiteral("demo"), QStringLiteral("--loans"),
                   QStringLiteral("200"), QStringLiteral("--as-of"), QStringLiteral("2026-11-27"),
                   QStringLiteral("--export"), files()});
        cli.waitForFinished(120000);
        if (cli.exitCode() != 0)
            FAIL("recoverydesk-cli demo failed: " << cli.readAllStandardError().toStdString());
    }
    static const DemoTemplate& get() {
        static DemoTemplate demo;
        return demo;
    }
};

// The page on a fresh copy of the demo database, opened as src/app/main.cpp opens it, signed
// in as the demo administrator.
struct AdminFixture {
    QTemporaryDir dir;
    std::filesystem::path path;
    std::unique_ptr<services::Services> all;
    services::UserService* users = nullptr;
    services::SettingsService* settings = nullptr;
    ui::DeskServices services;
    ui::DeskSession session;
    ui::BackgroundWork work;
    std::unique_ptr<ui::AdminPage> page;

    AdminFixture() {
        const auto& demo = DemoTemplate::get();
        const QString copy = dir.filePath(QStringLiteral("desk.db"));
        REQUIRE(QFile::copy(demo.db(), copy));
        path = copy.toStdString();
        auto opened = services::Services::open(path, {}, uitest::deskClock());
        REQUIRE(opened);
        all = std::move(opened).value();
        services = ui::deskServices(*all);
        users = services.users;
        settings = services.settings;
        auto admin = users->authenticate("admin", uitest::kDemoPassword, now());
        REQUIRE(admin);
        session.user = admin->user;
        session.businessDate = Date::fromCivil(2026, 11, 27);
        session.clock = all->clock();
        page = std::make_unique<ui::AdminPage>(services, session, &work);
        page->resize(1100, 650);
    }
    ~AdminFixture() {
        work.cancel();
        work.waitForIdle();
    }

    // Through a connection of the test's own.
    std::int64_t count(const char* table) const {
        return uitest::countRows(path, std::string("SELECT count(*) FROM ") + table);
    }
    std::vector<services::UserSummary> userList() const {
        auto list = users->list(session.user);
        REQUIRE(list);
        return *list;
    }
    std::optional<User> findUser(const std::string& name) const {
        for (const auto& u : userList())
            if (u.user.username == name)
                return u.user;
        return std::nullopt;
    }
    std::vector<services::SettingView> settingList() const {
        auto list = settings->list(session.user);
        REQUIRE(list);
        return *list;
    }
    std::vector<std::string> branches() const {
        auto list = services.queries->branches(session.user);
        REQUIRE(list);
        return *list;
    }

    // Runs the dry run or the import of `folder` and waits for it.
    void run(const QString& folder, bool dryRun) {
        page->folderEdit()->setText(folder);
        REQUIRE((dryRun ? page->checkFolder() : page->importFolder()));
        work.waitForIdle();
    }
};

// Handles the modal dialogs a call opens, each by a handler for its type, in order.
class ModalScript {
public:
    using Handler = std::function<bool(QWidget*)>; // true when it handled the widget
    explicit ModalScript(std::vector<Handler> handlers) : handlers_(std::move(handlers)) {
        timer_.setInterval(10);
        QObject::connect(&timer_, &QTimer::timeout, [this] { poll(); });
        timer_.start();
    }
    std::size_t handled() const { return next_; }

private:
    void poll() {
        auto* modal = QApplication::activeModalWidget();
        if (!modal || modal == last_ || next_ >= handlers_.size())
            return;
        if (handlers_[next_](modal)) {
            last_ = modal;
            ++next_;
        }
    }
    std::vector<Handler> handlers_;
    std::size_t next_ = 0;
    QPointer<QWidget> last_;
    QTimer timer_;
};

template <typename T> ModalScript::Handler when(std::function<void(T*)> act) {
    return [act](QWidget* w) {
        auto* typed = qobject_cast<T*>(w);
        if (!typed)
            return false;
        act(typed);
        return true;
    };
}

} // namespace

TEST_CASE("the user and settings models pass the model tester", "[ui][admin]") {
    AdminFixture f;
    ui::UserModel users;
    QAbstractItemModelTester userTester(&users,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
    users.setUsers(f.userList());
    CHECK(users.rowCount() == static_cast<int>(f.userList().size()));
    const int admin = users.rowOfUser(QStringLiteral("admin"));
    REQUIRE(admin >= 0);
    CHECK(users.index(admin, ui::UserModel::Role).data().toString() == "Administrator");
    CHECK(users.index(admin, ui::UserModel::Status).data().toString() == "active");

    ui::SettingsModel settings;
    QAbstractItemModelTester settingsTester(&settings,
                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
    settings.setSettings(f.settingList());
    REQUIRE(settings.rowCount() >= 9);
    const int attempts = settings.rowOfKey(QStringLiteral("max_attempts_per_day"));
    REQUIRE(attempts >= 0);
    CHECK(settings.index(attempts, ui::SettingsModel::Value).data().toString() == "3");
    CHECK_FALSE(settings.index(attempts, ui::SettingsModel::Value).data(Qt::FontRole).isValid());
    REQUIRE(f.settings->change(f.session.user, "max_attempts_per_day", "5"));
    settings.setSettings(f.settingList());
    CHECK(settings.index(attempts, ui::SettingsModel::Value).data().toString() == "5");
    CHECK(settings.index(attempts, ui::SettingsModel::Value)
              .data(Qt::FontRole)
              .value<QFont>()
              .bold());
}

TEST_CASE("adding a user through the page's dialog writes the user and shows the password once",
          "[ui][admin]") {
    AdminFixture f;
    const auto branches = f.branches();
    REQUIRE(branches.size() >= 2);
    const QString branch = QString::fromStdString(branches.front());
    QString shownPassword;
    QString problemBeforeBranch;
    ModalScript script({
        when<ui::AddUserDialog>([&](ui::AddUserDialog* d) {
            d->usernameEdit()->setText(QStringLiteral("Bad Name"));
            CHECK_FALSE(d->canSave());
            CHECK(d->problem().contains("lower-case"));
            d->usernameEdit()->setText(QStringLiteral("new.officer"));
            d->fullNameEdit()->setText(QStringLiteral("New Officer"));
            d->roleBox()->setCurrentIndex(0); // officer
            problemBeforeBranch = d->problem();
            CHECK_FALSE(d->canSave());
            CHECK(d->setBranchChecked(branch, true));
            CHECK(d->canSave());
            d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        }),
        when<ui::TemporaryPasswordDialog>([&](ui::TemporaryPasswordDialog* d) {
            shownPassword = d->password();
            d->accept();
        }),
    });
    f.page->addUser();
    CHECK(script.handled() == 2);
    CHECK(problemBeforeBranch.contains("branch"));

    const auto user = f.findUser("new.officer");
    REQUIRE(user);
    CHECK(user->fullName == "New Officer");
    CHECK(user->role == Role::Officer);
    CHECK(user->branches == std::vector<std::string>{branches.front()});
    REQUIRE(shownPassword.size() >= 8);
    const auto signedIn = f.users->authenticate("new.officer", shownPassword.toStdString(), now());
    REQUIRE(signedIn);
    CHECK(signedIn->mustChangePassword);
    CHECK(f.page->userModel()->rowOfUser(QStringLiteral("new.officer")) >= 0);
    CHECK(f.page->userMessage()->text().contains("new.officer"));
}

TEST_CASE("an existing username shows the service's message and keeps the dialog open",
          "[ui][admin]") {
    AdminFixture f;
    ui::AddUserDialog dialog(*f.users, f.session.user, {}, nullptr);
    dialog.usernameEdit()->setText(QStringLiteral("admin"));
    dialog.roleBox()->setCurrentIndex(2); // administrator: no branch needed
    REQUIRE(dialog.canSave());
    dialog.show();
    dialog.accept();
    CHECK(dialog.isVisible());
    CHECK(dialog.problem().toStdString() == "A user named \"admin\" already exists.");
    CHECK_FALSE(dialog.issued());
}

TEST_CASE("disabling oneself shows the service's refusal, disabling another user works",
          "[ui][admin]") {
    AdminFixture f;
    f.page->selectUser(QStringLiteral("admin"));
    ModalScript refuse(
        {when<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Yes)->click(); })});
    f.page->disableSelectedUser();
    CHECK(f.page->userMessage()->text().toStdString() ==
          "You cannot disable your own account; another administrator can.");
    CHECK_FALSE(f.findUser("admin")->disabled);

    const auto officer = f.userList().back().user.username;
    REQUIRE(officer != "admin");
    f.page->selectUser(QString::fromStdString(officer));
    ModalScript confirm(
        {when<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Yes)->click(); })});
    f.page->disableSelectedUser();
    CHECK(f.findUser(officer)->disabled);
    const int row = f.page->userModel()->rowOfUser(QString::fromStdString(officer));
    CHECK(f.page->userModel()->index(row, ui::UserModel::Status).data().toString() == "disabled");
}

TEST_CASE("resetting a password shows the new temporary password once", "[ui][admin]") {
    AdminFixture f;
    const auto officer = f.userList().back().user.username;
    f.page->selectUser(QString::fromStdString(officer));
    QString shown;
    ModalScript script({
        when<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Yes)->click(); }),
        when<ui::TemporaryPasswordDialog>([&](ui::TemporaryPasswordDialog* d) {
            shown = d->password();
            d->accept();
        }),
    });
    f.page->resetSelectedPassword();
    REQUIRE(script.handled() == 2);
    CHECK_FALSE(f.users->authenticate(officer, "demo1234", now()));
    const auto signedIn = f.users->authenticate(officer, shown.toStdString(), now());
    REQUIRE(signedIn);
    CHECK(signedIn->mustChangePassword);
}

TEST_CASE("a bad setting value shows the service's message and changes nothing", "[ui][admin]") {
    AdminFixture f;
    const auto expected =
        ui::errorText(f.settings->change(f.session.user, "max_attempts_per_day", "99").error())
            .toStdString();
    QString live, onSave, kept;
    bool stayedOpen = false, saveEnabled = true;
    ModalScript script({when<ui::EditSettingDialog>([&](ui::EditSettingDialog* d) {
        d->valueEdit()->setText(QStringLiteral("99"));
        live = d->problem();
        saveEnabled =
            d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->isEnabled();
        d->accept(); // the service is asked all the same
        onSave = d->problem();
        stayedOpen = d->isVisible();
        kept = d->valueEdit()->text();
        d->reject();
    })});
    f.page->editSetting(QStringLiteral("max_attempts_per_day"));
    REQUIRE(script.handled() == 1);
    CHECK(live.toStdString() == expected);
    CHECK_FALSE(saveEnabled);
    CHECK(onSave.toStdString() == expected);
    CHECK(stayedOpen);
    CHECK(kept == "99");
    for (const auto& s : f.settingList())
        if (s.key == "max_attempts_per_day")
            CHECK(s.value == "3");

    // A good value is stored and shown bold.
    ModalScript good({when<ui::EditSettingDialog>([](ui::EditSettingDialog* d) {
        d->valueEdit()->setText(QStringLiteral("08:30-19:00"));
        d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
    })});
    f.page->editSetting(QStringLiteral("contact_hours"));
    const int row = f.page->settingsModel()->rowOfKey(QStringLiteral("contact_hours"));
    const auto index = f.page->settingsModel()->index(row, ui::SettingsModel::Value);
    CHECK(index.data().toString() == "08:30-19:00");
    CHECK(index.data(Qt::FontRole).value<QFont>().bold());
}

TEST_CASE("a dry run of a folder with a bad CSV lists its problems and leaves Import disabled",
          "[ui][admin]") {
    AdminFixture f;
    const QString bad = f.dir.filePath(QStringLiteral("bad"));
    copyFolder(QString::fromStdString((test::examplesDir() / "worked").string()), bad);
    QString loans = readText(bad + QStringLiteral("/loans.csv"));
    loans.replace(loans.indexOf(QStringLiteral("300.00")), 6, QStringLiteral("\"12,500\""));
    QFile::setPermissions(bad + QStringLiteral("/loans.csv"), QFile::ReadOwner | QFile::WriteOwner);
    writeText(bad + QStringLiteral("/loans.csv"), loans);
    const auto loansBefore = f.count("loans");

    f.run(bad, true);
    const QString findings = f.page->importFindings()->toPlainText();
    INFO(findings.toStdString());
    CHECK(findings.contains(QStringLiteral("loans.csv:2: principal:")));
    CHECK(f.page->importSummary()->text().contains("problem"));
    CHECK_FALSE(f.page->importButton()->isEnabled());
    CHECK_FALSE(f.page->importFolder());
    CHECK(f.count("loans") == loansBefore);
}

TEST_CASE("a clean dry run enables Import, which imports all and asks for a recompute",
          "[ui][admin]") {
    AdminFixture f;
    const QString good = f.dir.filePath(QStringLiteral("good"));
    copyFolder(DemoTemplate::get().files(), good);
    // One client more, in a branch the portfolio does not have yet.
    QString clients = readText(good + QStringLiteral("/clients.csv"));
    const QString header = clients.left(clients.indexOf(u'\n'));
    const auto columns = header.split(u',');
    QStringList row;
    for (const auto& c : columns)
        row << (c == "client_id"   ? QStringLiteral("CTEST001")
                : c == "full_name" ? QStringLiteral("Test Client")
                : c == "branch"    ? QStringLiteral("Zz Test Branch")
                                   : QString());
    if (!clients.endsWith(u'\n'))
        clients += u'\n';
    clients += row.join(u',') + u'\n';
    QFile::setPermissions(good + QStringLiteral("/clients.csv"),
                          QFile::ReadOwner | QFile::WriteOwner);
    writeText(good + QStringLiteral("/clients.csv"), clients);
    const auto clientsBefore = f.count("clients");

    CHECK_FALSE(f.page->importButton()->isEnabled());
    f.run(good, true);
    INFO(f.page->importFindings()->toPlainText().toStdString());
    CHECK(f.page->importSummary()->text().contains("No problems"));
    CHECK(f.page->importFindings()->toPlainText().contains("clients    1 new, 0 changed"));
    CHECK(f.page->importButton()->isEnabled());
    CHECK(f.count("clients") == clientsBefore); // the dry run wrote nothing

    // Editing the folder path asks for a new dry run.
    f.page->folderEdit()->setText(good + u'/');
    CHECK_FALSE(f.page->importButton()->isEnabled());
    f.page->folderEdit()->setText(good);
    CHECK(f.page->importButton()->isEnabled());

    QSignalSpy imported(f.page.get(), &ui::AdminPage::imported);
    f.run(good, false);
    CHECK(imported.count() == 1);
    CHECK(f.page->importSummary()->text().contains("Imported"));
    CHECK(f.count("clients") == clientsBefore + 1);
    const auto branches = f.branches();
    CHECK(std::find(branches.begin(), branches.end(), "Zz Test Branch") != branches.end());
    CHECK_FALSE(f.page->importButton()->isEnabled());

    // The same folder again: nothing to change, and Import stays disabled.
    f.run(good, true);
    CHECK(f.page->importSummary()->text().contains("Nothing to change"));
    CHECK_FALSE(f.page->importButton()->isEnabled());
}

TEST_CASE("a dry run that waits for other background work says so and runs when it ends",
          "[ui][admin]") {
    AdminFixture f;
    const QString bad = f.dir.filePath(QStringLiteral("bad"));
    copyFolder(QString::fromStdString((test::examplesDir() / "worked").string()), bad);
    QString loans = readText(bad + QStringLiteral("/loans.csv"));
    loans.replace(loans.indexOf(QStringLiteral("300.00")), 6, QStringLiteral("\"12,500\""));
    QFile::setPermissions(bad + QStringLiteral("/loans.csv"), QFile::ReadOwner | QFile::WriteOwner);
    writeText(bad + QStringLiteral("/loans.csv"), loans);

    // Other work (the recompute, the case list) is running.
    std::atomic<bool> release{false};
    REQUIRE(f.work.start(QStringLiteral("other work"),
                         [&](ui::JobControl&) -> ui::JobOutcome {
                             while (!release)
                                 QThread::msleep(5);
                             return {};
                         },
                         {}) == ui::BackgroundWork::Start::Now);

    f.page->folderEdit()->setText(bad);
    // Queued, not refused: the page says it waits, and offers no second start meanwhile.
    REQUIRE(f.page->checkFolder());
    CHECK(f.work.queued() == 1);
    CHECK(f.page->importSummary()->text().contains(QStringLiteral("Checking the files of")));
    CHECK(f.page->importSummary()->text().contains(
        QStringLiteral("starts when the background work in the status bar has ended")));
    CHECK_FALSE(f.page->importSummary()->text().contains(QStringLiteral("not started")));
    CHECK_FALSE(f.page->checkButton()->isEnabled());
    CHECK_FALSE(f.page->checkFolder());
    CHECK(f.work.queued() == 1);

    release = true;
    f.work.waitForIdle();
    // The queued dry run ran.
    INFO(f.page->importFindings()->toPlainText().toStdString());
    CHECK(f.page->importFindings()->toPlainText().contains(
        QStringLiteral("loans.csv:2: principal:")));
    CHECK(f.page->importSummary()->text().contains("problem"));
    CHECK(f.page->checkButton()->isEnabled());
}

TEST_CASE("the admin page shows its three tabs", "[ui][admin]") {
    AdminFixture f;
    REQUIRE(f.page->tabs()->count() == 3);
    CHECK(f.page->objectName() == "adminPage");
    CHECK(f.page->userView()->model()->rowCount() == static_cast<int>(f.userList().size()));
    CHECK(f.page->settingsView()->model()->rowCount() == static_cast<int>(f.settingList().size()));
    CHECK_FALSE(f.page->importButton()->isEnabled());
}

// Not run by default: renders the admin dialogs into $RD_ADMIN_GRAB_DIR to look at them.
TEST_CASE("admin dialogs as images", "[.][grab]") {
    const QString dir = qEnvironmentVariable("RD_ADMIN_GRAB_DIR", QStringLiteral("/tmp"));
    AdminFixture f;
    ui::AddUserDialog add(*f.users, f.session.user, f.branches());
    add.usernameEdit()->setText(QStringLiteral("okello.j"));
    add.fullNameEdit()->setText(QStringLiteral("Okello James"));
    add.show();
    QApplication::processEvents();
    CHECK(add.grab().save(dir + QStringLiteral("/admin-add-user.png")));
    ui::TemporaryPasswordDialog password(QStringLiteral("okello.j"),
                                         QStringLiteral("xK4-pq9T-2mWz"));
    password.show();
    QApplication::processEvents();
    CHECK(password.grab().save(dir + QStringLiteral("/admin-password.png")));
    for (const auto& s : f.settingList())
        if (s.key == "priority_weights") {
            ui::EditSettingDialog edit(*f.settings, f.session.user, s);
            edit.valueEdit()->setText(QStringLiteral("broken_promise=1000,promise_due=abc"));
            edit.show();
            QApplication::processEvents();
            CHECK(edit.grab().save(dir + QStringLiteral("/admin-edit-setting.png")));
        }
}

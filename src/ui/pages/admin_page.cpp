#include "admin_page.h"

#include "dialogs/admin_dialogs.h"
#include "models/settings_model.h"
#include "models/user_model.h"
#include "services/settings_service.h"
#include "services/user_service.h"
#include "storage/database.h"
#include "storage/folder_importer.h"
#include "storage/portfolio_queries.h"
#include "widgets/background_work.h"
#include "widgets/table_view_setup.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <chrono>
#include <memory>

namespace rd::ui {
namespace {

std::chrono::sys_seconds now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

const char* kProblemStyle = "color: #b71c1c;";
const char* kDoneStyle = "color: #1b5e20;";

// What an import made or would make, one line per kind of row (as the CLI prints it).
QString countsText(const storage::ImportCounts& c) {
    return AdminPage::tr("  clients    %1 new, %2 changed\n"
                         "  loans      %3 new, %4 changed\n"
                         "  schedules  %5 new, %6 replaced (%7 installments written)\n"
                         "  charges    %8 new\n"
                         "  payments   %9 new, %10 reversed\n"
                         "  unchanged rows %11")
        .arg(c.clientsAdded)
        .arg(c.clientsChanged)
        .arg(c.loansAdded)
        .arg(c.loansChanged)
        .arg(c.schedulesAdded)
        .arg(c.schedulesReplaced)
        .arg(c.installmentsWritten)
        .arg(c.chargesAdded)
        .arg(c.paymentsAdded)
        .arg(c.paymentsReversed)
        .arg(c.rowsUnchanged);
}

QTableView* makeTable(QWidget* parent, const QString& name, QAbstractItemModel* model) {
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    setUpDataTable(view);
    return view;
}

} // namespace

AdminPage::AdminPage(DeskServices services, const DeskSession& session, BackgroundWork* work,
                     QWidget* parent)
    : QWidget(parent), services_(services), session_(session), work_(work),
      tabs_(new QTabWidget(this)), users_(new UserModel(this)),
      userProxy_(new QSortFilterProxyModel(this)), settings_(new SettingsModel(this)),
      settingsProxy_(new QSortFilterProxyModel(this)) {
    setObjectName(QStringLiteral("adminPage"));
    tabs_->setObjectName(QStringLiteral("adminTabs"));
    tabs_->addTab(buildUsersTab(), tr("&Users"));
    tabs_->addTab(buildSettingsTab(), tr("&Settings"));
    tabs_->addTab(buildImportTab(), tr("&Import"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Administration</h2>"), this));
    layout->addWidget(tabs_, 1);

    reload();
    restoreColumns(userView_, QStringLiteral("admin/userColumns"));
    restoreColumns(settingsView_, QStringLiteral("admin/settingsColumns"));
    connect(userView_->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this] { saveColumns(userView_, QStringLiteral("admin/userColumns")); });
    connect(settingsView_->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this] { saveColumns(settingsView_, QStringLiteral("admin/settingsColumns")); });
    tabs_->setCurrentIndex(QSettings().value(QStringLiteral("admin/tab"), 0).toInt());
    connect(tabs_, &QTabWidget::currentChanged, this,
            [](int index) { QSettings().setValue(QStringLiteral("admin/tab"), index); });
}

// ---- Users ------------------------------------------------------------------------------

QWidget* AdminPage::buildUsersTab() {
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("adminUsersTab"));
    userProxy_->setSourceModel(users_);
    userProxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    userProxy_->setFilterKeyColumn(-1);
    userProxy_->setSortCaseSensitivity(Qt::CaseInsensitive);
    userView_ = makeTable(tab, QStringLiteral("userView"), userProxy_);
    userView_->sortByColumn(UserModel::Username, Qt::AscendingOrder);

    addButton_ = new QPushButton(tr("&Add user..."), tab);
    addButton_->setObjectName(QStringLiteral("addUser"));
    disableButton_ = new QPushButton(tr("&Disable..."), tab);
    disableButton_->setObjectName(QStringLiteral("disableUser"));
    resetButton_ = new QPushButton(tr("&Reset password..."), tab);
    resetButton_->setObjectName(QStringLiteral("resetPassword"));
    userFilter_ = new QLineEdit(tab);
    userFilter_->setObjectName(QStringLiteral("userFilter"));
    userFilter_->setPlaceholderText(tr("Filter by name, role or branch"));
    userFilter_->setClearButtonEnabled(true);
    userMessage_ = new QLabel(tab);
    userMessage_->setObjectName(QStringLiteral("userMessage"));
    userMessage_->setWordWrap(true);
    userMessage_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(addButton_);
    buttons->addWidget(disableButton_);
    buttons->addWidget(resetButton_);
    buttons->addStretch();
    buttons->addWidget(userFilter_, 1);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(buttons);
    layout->addWidget(userView_, 1);
    layout->addWidget(userMessage_);

    connect(addButton_, &QPushButton::clicked, this, &AdminPage::addUser);
    connect(disableButton_, &QPushButton::clicked, this, &AdminPage::disableSelectedUser);
    connect(resetButton_, &QPushButton::clicked, this, &AdminPage::resetSelectedPassword);
    connect(userFilter_, &QLineEdit::textChanged, userProxy_,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(userView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AdminPage::updateUserButtons);
    connect(userProxy_, &QAbstractItemModel::modelReset, this, &AdminPage::updateUserButtons);
    return tab;
}

void AdminPage::reload() {
    reloadUsers();
    reloadSettings();
}

void AdminPage::reloadUsers() {
    const QString current = selectedUsername();
    const bool first = users_->rowCount() == 0;
    users_->setUsers(services_.users->list(now()));
    if (first) {
        userView_->resizeColumnsToContents();
        userView_->horizontalHeader()->resizeSection(
            UserModel::Branches,
            std::min(userView_->horizontalHeader()->sectionSize(UserModel::Branches), 320));
        // Room for "locked until 28/11/2026 10:30".
        userView_->horizontalHeader()->resizeSection(
            UserModel::Status,
            std::max(userView_->horizontalHeader()->sectionSize(UserModel::Status),
                     userView_->fontMetrics().horizontalAdvance(
                         tr("locked until %1").arg(QStringLiteral("00/00/0000 00:00"))) +
                         16));
    }
    if (!current.isEmpty())
        selectUser(current);
    updateUserButtons();
}

void AdminPage::selectUser(const QString& username) {
    const int row = users_->rowOfUser(username);
    if (row < 0)
        return;
    const auto index = userProxy_->mapFromSource(users_->index(row, UserModel::Username));
    if (index.isValid()) {
        userView_->setCurrentIndex(index);
        userView_->scrollTo(index);
    }
}

QString AdminPage::selectedUsername() const {
    const auto index = userView_->currentIndex();
    return index.isValid() ? index.siblingAtColumn(UserModel::Username).data().toString()
                           : QString();
}

void AdminPage::updateUserButtons() {
    const bool selected = userView_->currentIndex().isValid();
    disableButton_->setEnabled(selected);
    resetButton_->setEnabled(selected);
    const QString why = selected ? QString() : tr("Select a user in the list first.");
    disableButton_->setToolTip(why);
    resetButton_->setToolTip(why);
}

void AdminPage::showUserMessage(const QString& text, bool problem) {
    userMessage_->setStyleSheet(QLatin1String(problem ? kProblemStyle : kDoneStyle));
    userMessage_->setText(text);
}

void AdminPage::addUser() {
    const auto branches = storage::PortfolioQueries(*services_.db).branches();
    AddUserDialog dialog(*services_.users, session_.user, branches, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.issued())
        return;
    const auto& issued = *dialog.issued();
    const QString name = fromStd(issued.user.username);
    reloadUsers();
    selectUser(name);
    showUserMessage(tr("%1 added as %2.").arg(name, roleText(issued.user.role)), false);
    TemporaryPasswordDialog(name, fromStd(issued.password), this).exec();
}

void AdminPage::disableSelectedUser() {
    const QString name = selectedUsername();
    if (name.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Disable user"),
        tr("Disable %1? They can no longer sign in. Their cases, contacts and the audit trail "
           "stay as they are; users are never deleted.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    auto result = services_.users->disable(session_.user, name.toStdString());
    if (!result) {
        showUserMessage(fromStd(result.error().message), true);
        return;
    }
    reloadUsers();
    showUserMessage(tr("%1 is disabled and can no longer sign in.").arg(name), false);
}

void AdminPage::resetSelectedPassword() {
    const QString name = selectedUsername();
    if (name.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Reset password"),
        tr("Give %1 a new temporary password? Their current password stops working, and any "
           "lock is lifted.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    auto result = services_.users->resetPassword(session_.user, name.toStdString(), std::nullopt);
    if (!result) {
        showUserMessage(fromStd(result.error().message), true);
        return;
    }
    reloadUsers();
    showUserMessage(tr("%1 has a new temporary password.").arg(name), false);
    TemporaryPasswordDialog(name, fromStd(result->password), this).exec();
}

// ---- Settings ---------------------------------------------------------------------------

QWidget* AdminPage::buildSettingsTab() {
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("adminSettingsTab"));
    settingsProxy_->setSourceModel(settings_);
    settingsView_ = makeTable(tab, QStringLiteral("settingsView"), settingsProxy_);
    // The service's order groups related settings; few rows, so they wrap to their text.
    settingsView_->setSortingEnabled(false);
    settingsView_->horizontalHeader()->setSortIndicatorShown(false);
    settingsProxy_->sort(-1);
    settingsView_->setWordWrap(true);
    settingsView_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* edit = new QPushButton(tr("&Change..."), tab);
    edit->setObjectName(QStringLiteral("editSetting"));
    auto* hint = new QLabel(tr("Press Enter or double-click a setting to change it. Values that "
                               "differ from their default are <b>bold</b>. A change applies at "
                               "once to everyone's work."),
                            tab);
    hint->setWordWrap(true);
    settingsMessage_ = new QLabel(tab);
    settingsMessage_->setObjectName(QStringLiteral("settingsMessage"));
    settingsMessage_->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(hint, 1);
    top->addWidget(edit);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(top);
    layout->addWidget(settingsView_, 1);
    layout->addWidget(settingsMessage_);

    const auto editCurrent = [this] {
        const auto index = settingsView_->currentIndex();
        if (index.isValid())
            editSetting(index.siblingAtColumn(SettingsModel::Key).data().toString());
    };
    connect(settingsView_, &QTableView::activated, this, editCurrent);
    connect(edit, &QPushButton::clicked, this, editCurrent);
    return tab;
}

void AdminPage::reloadSettings() {
    const auto current = settingsView_->currentIndex();
    const bool first = settings_->rowCount() == 0;
    settings_->setSettings(services_.settings->list());
    if (first) {
        settingsView_->resizeColumnsToContents();
        auto* header = settingsView_->horizontalHeader();
        for (int c : {SettingsModel::Value, SettingsModel::Default})
            header->resizeSection(c, std::min(header->sectionSize(c), 250));
    }
    if (current.isValid())
        settingsView_->setCurrentIndex(settingsProxy_->index(current.row(), current.column()));
    else if (settingsProxy_->rowCount() > 0)
        settingsView_->setCurrentIndex(settingsProxy_->index(0, 0));
}

void AdminPage::editSetting(const QString& key) {
    const int row = settings_->rowOfKey(key);
    if (row < 0)
        return;
    EditSettingDialog dialog(*services_.settings, *services_.db, session_.user,
                             settings_->setting(row), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.stored())
        return;
    reloadSettings();
    settingsMessage_->setStyleSheet(QLatin1String(kDoneStyle));
    settingsMessage_->setText(tr("%1 is now %2.").arg(key, fromStd(*dialog.stored())));
}

// ---- Import -----------------------------------------------------------------------------

QWidget* AdminPage::buildImportTab() {
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("adminImportTab"));
    auto* intro = new QLabel(
        tr("Import the files of the core banking system: a folder with clients.csv, loans.csv, "
           "schedule.csv, charges.csv and payments.csv (any of them). Check them first: the dry "
           "run reads everything and writes nothing. The import is all or nothing: a problem "
           "or Cancel leaves the database as it was."),
        tab);
    intro->setWordWrap(true);
    folderEdit_ = new QLineEdit(tab);
    folderEdit_->setObjectName(QStringLiteral("importFolder"));
    folderEdit_->setPlaceholderText(tr("Folder of the files to import"));
    folderEdit_->setText(QSettings().value(QStringLiteral("admin/importFolder")).toString());
    browseButton_ = new QPushButton(tr("&Browse..."), tab);
    browseButton_->setObjectName(QStringLiteral("browseFolder"));
    checkButton_ = new QPushButton(tr("&Check files (dry run)"), tab);
    checkButton_->setObjectName(QStringLiteral("checkFiles"));
    importButton_ = new QPushButton(tr("I&mport"), tab);
    importButton_->setObjectName(QStringLiteral("importFiles"));
    importSummary_ = new QLabel(tab);
    importSummary_->setObjectName(QStringLiteral("importSummary"));
    importSummary_->setWordWrap(true);
    importSummary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    findings_ = new QPlainTextEdit(tab);
    findings_->setObjectName(QStringLiteral("importFindings"));
    findings_->setReadOnly(true);
    findings_->setLineWrapMode(QPlainTextEdit::NoWrap);
    findings_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    findings_->setPlaceholderText(
        tr("The findings of the dry run show here: every problem as FILE:LINE: COLUMN: "
           "message, or what the import would change."));

    auto* folderRow = new QHBoxLayout;
    auto* folderLabel = new QLabel(tr("&Folder"), tab);
    folderLabel->setBuddy(folderEdit_);
    folderRow->addWidget(folderLabel);
    folderRow->addWidget(folderEdit_, 1);
    folderRow->addWidget(browseButton_);
    auto* actions = new QHBoxLayout;
    actions->addWidget(checkButton_);
    actions->addWidget(importButton_);
    actions->addStretch();
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(intro);
    layout->addLayout(folderRow);
    layout->addLayout(actions);
    layout->addWidget(importSummary_);
    layout->addWidget(findings_, 1);

    connect(browseButton_, &QPushButton::clicked, this, &AdminPage::chooseFolder);
    connect(checkButton_, &QPushButton::clicked, this, &AdminPage::checkFolder);
    connect(importButton_, &QPushButton::clicked, this, &AdminPage::importFolder);
    connect(folderEdit_, &QLineEdit::textChanged, this, [this] { updateImportButtons(); });
    connect(folderEdit_, &QLineEdit::returnPressed, this, &AdminPage::checkFolder);
    updateImportButtons();
    return tab;
}

void AdminPage::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Folder of the files to import"),
        folderEdit_->text().isEmpty() ? QDir::homePath() : folderEdit_->text());
    if (!folder.isEmpty())
        folderEdit_->setText(QDir::toNativeSeparators(folder));
}

void AdminPage::updateImportButtons() {
    const QString folder = folderEdit_->text().trimmed();
    const bool clean = !cleanFolder_.isEmpty() && folder == cleanFolder_;
    checkButton_->setEnabled(!importing_ && !folder.isEmpty());
    checkButton_->setToolTip(folder.isEmpty() ? tr("Choose the folder first.") : QString());
    importButton_->setEnabled(!importing_ && clean);
    importButton_->setText(clean ? tr("I&mport %n change(s)", nullptr, cleanChanges_)
                                 : tr("I&mport"));
    importButton_->setToolTip(importing_ ? tr("Wait for the running check or import to end.")
                              : clean    ? tr("Import what the dry run found, all or nothing.")
                                         : tr("Check the files first: Import is enabled after "
                                                 "a dry run without problems."));
    browseButton_->setEnabled(!importing_);
    folderEdit_->setReadOnly(importing_);
}

void AdminPage::setImportSummary(const QString& text, bool problem) {
    importSummary_->setStyleSheet(QLatin1String(problem ? kProblemStyle : ""));
    importSummary_->setText(text);
}

bool AdminPage::checkFolder() {
    return startImport(true);
}

bool AdminPage::importFolder() {
    if (cleanFolder_.isEmpty() || folderEdit_->text().trimmed() != cleanFolder_) {
        setImportSummary(tr("Check the files first: Import is enabled after a dry run "
                            "without problems."),
                         true);
        return false;
    }
    return startImport(false);
}

bool AdminPage::startImport(bool dryRun) {
    const QString folder = folderEdit_->text().trimmed();
    if (importing_)
        return false;
    if (folder.isEmpty()) {
        setImportSummary(tr("Choose the folder that holds the files to import."), true);
        return false;
    }
    if (!QFileInfo(folder).isDir()) {
        setImportSummary(tr("%1 is not a folder: choose the folder that holds clients.csv, "
                            "loans.csv, schedule.csv, charges.csv and payments.csv.")
                             .arg(folder),
                         true);
        return false;
    }
    if (!allows(session_.user, Permission::ImportPortfolio)) {
        setImportSummary(fromStd(whoMay(Permission::ImportPortfolio)), true);
        return false;
    }
    QSettings().setValue(QStringLiteral("admin/importFolder"), folder);
    cleanFolder_.clear();
    auto result = std::make_shared<storage::ImportOutcome>();
    const auto dbPath = services_.db->path();
    const std::filesystem::path dir = folder.toStdString();
    const std::string actor = session_.user.username;
    const QString openProblem = tr("The database cannot be opened for the import: %1");
    const QString step = dryRun ? tr("reading the files") : tr("importing the files");
    QPointer<AdminPage> self(this);
    const bool started = work_->start(
        dryRun ? tr("Checking import files") : tr("Importing"),
        [=](JobControl& control) -> JobOutcome {
            control.setStep(step);
            // A connection of this thread's own: SQLite connections are not shared.
            auto db = storage::Database::open(dbPath, {});
            if (!db)
                return {false, openProblem.arg(fromStd(db.error().message))};
            storage::ImportOptions options;
            options.dryRun = dryRun;
            options.actor = actor;
            options.progress = [&control](std::int64_t done, std::int64_t total) {
                control.setProgress(done, total);
                return !control.cancelled();
            };
            *result = storage::importFolder(**db, dir, options);
            return {result->ok, {}};
        },
        [self, result, dryRun, folder](const JobOutcome& outcome) {
            if (!self)
                return;
            self->importing_ = false;
            self->showImportOutcome(dryRun, folder, *result,
                                    outcome.ok ? QString() : outcome.message);
        });
    if (!started) {
        setImportSummary(tr("Other background work is running (see the status bar): try again "
                            "when it has ended."),
                         true);
        updateImportButtons();
        return false;
    }
    importing_ = true;
    findings_->clear();
    setImportSummary(dryRun ? tr("Checking the files of %1...").arg(folder)
                            : tr("Importing %1... (Cancel in the status bar leaves the database "
                                 "as it was)")
                                  .arg(folder),
                     false);
    updateImportButtons();
    return true;
}

void AdminPage::showImportOutcome(bool dryRun, const QString& folder,
                                  const storage::ImportOutcome& outcome, const QString& failure) {
    QStringList lines;
    for (const auto& w : outcome.warnings.kept())
        lines << tr("warning: %1").arg(fromStd(w.toString()));
    for (const auto& e : outcome.errors.kept())
        lines << fromStd(e.toString());
    const auto hidden =
        outcome.errors.count() - static_cast<std::int64_t>(outcome.errors.kept().size());
    if (hidden > 0)
        lines << tr("... and %n more problem(s)", nullptr, static_cast<int>(hidden));

    if (outcome.cancelled) {
        setImportSummary(dryRun ? tr("Check cancelled.")
                                : tr("Import cancelled: nothing was imported; the database is "
                                     "as it was."),
                         true);
        findings_->setPlainText(lines.join(u'\n'));
    } else if (!outcome.ok && outcome.errors.empty()) {
        // The job itself failed (the database could not be opened or read).
        setImportSummary(failure.isEmpty() ? tr("The import failed; the database is unchanged.")
                                           : failure,
                         true);
        findings_->setPlainText(lines.join(u'\n'));
    } else if (!outcome.ok) {
        setImportSummary(
            tr("%n problem(s) in %1. Nothing can be imported until they are fixed; the "
               "database is unchanged. Fix the lines below and check again.",
               nullptr, static_cast<int>(outcome.errors.count()))
                .arg(folder),
            true);
        findings_->setPlainText(lines.join(u'\n'));
    } else if (outcome.counts.changes() == 0) {
        setImportSummary(tr("Nothing to change: the database already holds everything in %1 "
                            "(%n row(s) checked).",
                            nullptr, static_cast<int>(outcome.counts.rowsUnchanged))
                             .arg(folder),
                         false);
        findings_->setPlainText(lines.join(u'\n'));
    } else {
        const QString currency = outcome.currency.empty()
                                     ? QString()
                                     : tr(" (amounts in %1)").arg(fromStd(outcome.currency));
        if (dryRun) {
            cleanFolder_ = folder;
            cleanChanges_ = static_cast<int>(outcome.counts.changes());
            setImportSummary(tr("No problems in %1%2. Nothing was written; Import makes these "
                                "changes:")
                                 .arg(folder, currency),
                             false);
        } else {
            importSummary_->setStyleSheet(QLatin1String(kDoneStyle));
            importSummary_->setText(tr("Imported %1%2. Cases are being updated in the "
                                       "background.")
                                        .arg(folder, currency));
        }
        lines.prepend(countsText(outcome.counts));
        if (lines.size() > 1)
            lines.insert(1, QString());
        findings_->setPlainText(lines.join(u'\n'));
    }
    updateImportButtons();
    if (!dryRun && outcome.committed) {
        reload();
        emit imported();
    }
}

} // namespace rd::ui

#include "import_tab.h"

#include "error_text.h"
#include "pages/admin_page.h"
#include "services/import_service.h"
#include "widgets/background_work.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <memory>

namespace rd::ui {
namespace {

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

// The plural forms (AdminPage::tr) keep the translation context they have always had.

// What an import made or would make, one line per kind of row.
QString changesText(const ImportCounts& c) {
    QString text = AdminImportTab::tr("  clients    %1 new, %2 changed\n"
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
    if (c.guarantorsAdded + c.guarantorsChanged > 0)
        text += AdminImportTab::tr("\n  guarantors %1 new, %2 changed")
                    .arg(c.guarantorsAdded)
                    .arg(c.guarantorsChanged);
    if (c.collateralAdded + c.collateralChanged > 0)
        text += AdminImportTab::tr("\n  collateral %1 new, %2 changed")
                    .arg(c.collateralAdded)
                    .arg(c.collateralChanged);
    return text;
}

// What the background job hands back to the GUI thread.
struct ImportRun {
    std::optional<services::ImportReport> report;
    std::optional<Error> error;
};

} // namespace

AdminImportTab::AdminImportTab(DeskServices services, const DeskSession& session,
                               BackgroundWork* work, QWidget* parent)
    : QWidget(parent), services_(std::move(services)), session_(session), work_(work),
      folderEdit_(new QLineEdit(this)), browseButton_(new QPushButton(tr("&Browse..."), this)),
      checkButton_(new QPushButton(tr("&Check files (dry run)"), this)),
      importButton_(new QPushButton(tr("I&mport"), this)), summary_(new QLabel(this)),
      findings_(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("adminImportTab"));
    auto* intro = new QLabel(
        tr("Import the files of the core banking system: a folder with clients.csv, loans.csv, "
           "schedule.csv, charges.csv and payments.csv (any of them). Check them first: the dry "
           "run reads everything and writes nothing. The import is all or nothing: a problem "
           "or Cancel leaves the database as it was."),
        this);
    intro->setWordWrap(true);
    folderEdit_->setObjectName(QStringLiteral("importFolder"));
    folderEdit_->setPlaceholderText(tr("Folder of the files to import"));
    folderEdit_->setText(QSettings().value(QStringLiteral("admin/importFolder")).toString());
    browseButton_->setObjectName(QStringLiteral("browseFolder"));
    checkButton_->setObjectName(QStringLiteral("checkFiles"));
    importButton_->setObjectName(QStringLiteral("importFiles"));
    summary_->setObjectName(QStringLiteral("importSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    findings_->setObjectName(QStringLiteral("importFindings"));
    findings_->setReadOnly(true);
    findings_->setLineWrapMode(QPlainTextEdit::NoWrap);
    findings_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    findings_->setPlaceholderText(
        tr("The findings of the dry run show here: every problem as FILE:LINE: COLUMN: "
           "message, or what the import would change."));

    auto* folderRow = new QHBoxLayout;
    auto* folderLabel = new QLabel(tr("&Folder"), this);
    folderLabel->setBuddy(folderEdit_);
    folderRow->addWidget(folderLabel);
    folderRow->addWidget(folderEdit_, 1);
    folderRow->addWidget(browseButton_);
    auto* actions = new QHBoxLayout;
    actions->addWidget(checkButton_);
    actions->addWidget(importButton_);
    actions->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(folderRow);
    layout->addLayout(actions);
    layout->addWidget(summary_);
    layout->addWidget(findings_, 1);

    connect(browseButton_, &QPushButton::clicked, this, &AdminImportTab::chooseFolder);
    connect(checkButton_, &QPushButton::clicked, this, &AdminImportTab::checkFolder);
    connect(importButton_, &QPushButton::clicked, this, &AdminImportTab::importFolder);
    connect(folderEdit_, &QLineEdit::textChanged, this, [this] { updateButtons(); });
    connect(folderEdit_, &QLineEdit::returnPressed, this, &AdminImportTab::checkFolder);
    updateButtons();
}

void AdminImportTab::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Folder of the files to import"),
        folderEdit_->text().isEmpty() ? QDir::homePath() : folderEdit_->text());
    if (!folder.isEmpty())
        folderEdit_->setText(QDir::toNativeSeparators(folder));
}

void AdminImportTab::updateButtons() {
    const QString folder = folderEdit_->text().trimmed();
    const bool clean = !cleanFolder_.isEmpty() && folder == cleanFolder_;
    checkButton_->setEnabled(!importing_ && !folder.isEmpty());
    checkButton_->setToolTip(folder.isEmpty() ? tr("Choose the folder first.") : QString());
    importButton_->setEnabled(!importing_ && clean);
    importButton_->setText(
        clean ? AdminPage::tr("I&mport %n change(s)", nullptr, static_cast<int>(cleanChanges_))
              : tr("I&mport"));
    importButton_->setToolTip(importing_ ? tr("Wait for the running check or import to end.")
                              : clean    ? tr("Import what the dry run found, all or nothing.")
                                         : tr("Check the files first: Import is enabled after "
                                                 "a dry run without problems."));
    browseButton_->setEnabled(!importing_);
    folderEdit_->setReadOnly(importing_);
}

void AdminImportTab::setSummary(const QString& text, bool problem) {
    summary_->setStyleSheet(problem ? QStringLiteral("color: #b71c1c;") : QString());
    summary_->setText(text);
}

bool AdminImportTab::checkFolder() {
    return start(true);
}

bool AdminImportTab::importFolder() {
    if (cleanFolder_.isEmpty() || folderEdit_->text().trimmed() != cleanFolder_) {
        setSummary(tr("Check the files first: Import is enabled after a dry run without "
                      "problems."),
                   true);
        return false;
    }
    return start(false);
}

bool AdminImportTab::start(bool dryRun) {
    const QString folder = folderEdit_->text().trimmed();
    if (importing_)
        return false;
    if (folder.isEmpty()) {
        setSummary(tr("Choose the folder that holds the files to import."), true);
        return false;
    }
    if (!QFileInfo(folder).isDir()) {
        setSummary(tr("%1 is not a folder: choose the folder that holds clients.csv, "
                      "loans.csv, schedule.csv, charges.csv and payments.csv.")
                       .arg(folder),
                   true);
        return false;
    }
    QSettings().setValue(QStringLiteral("admin/importFolder"), folder);
    cleanFolder_.clear();
    auto run = std::make_shared<ImportRun>();
    const auto factory = services_.factory;
    const User actor = session_.user;
    const std::filesystem::path dir = folder.toStdString();
    const QString step = dryRun ? tr("reading the files") : tr("importing the files");
    QPointer<AdminImportTab> self(this);
    const auto started = work_->start(
        dryRun ? tr("Checking import files") : tr("Importing"),
        [=](JobControl& control) -> JobOutcome {
            control.setStep(step);
            // Services of this thread's own, on a connection of their own.
            auto own = factory->open();
            if (!own) {
                run->error = own.error();
                return JobOutcome::failed(own.error());
            }
            services::ImportRequest request;
            request.folder = dir;
            request.dryRun = dryRun;
            request.progress = [&control](std::int64_t done, std::int64_t total) {
                control.setProgress(done, total);
                return !control.cancelled();
            };
            auto report = (*own)->imports().run(actor, request);
            if (!report) {
                run->error = report.error();
                return JobOutcome::failed(report.error());
            }
            run->report = std::move(*report);
            return {run->report->ok, {}, std::nullopt};
        },
        [self, run, dryRun, folder](const JobOutcome&) {
            if (!self)
                return;
            self->importing_ = false;
            if (run->report)
                self->showReport(dryRun, folder, *run->report);
            else if (run->error)
                self->showFailure(*run->error);
            else
                self->showFailure(
                    Error{"the import stopped unexpectedly; the database is as it was",
                          ErrorKind::Invalid});
        });
    // Queued behind other background work, the job still runs: the tab waits for it.
    importing_ = true;
    findings_->clear();
    const QString waiting =
        started == BackgroundWork::Start::Queued
            ? tr(" It starts when the background work in the status bar has ended.")
            : QString();
    setSummary((dryRun ? tr("Checking the files of %1...").arg(folder)
                       : tr("Importing %1... (Cancel in the status bar leaves the database as it "
                            "was)")
                             .arg(folder)) +
                   waiting,
               false);
    updateButtons();
    return true;
}

void AdminImportTab::showFailure(const Error& error) {
    setSummary(reportError(this, error), true);
    updateButtons();
}

void AdminImportTab::showReport(bool dryRun, const QString& folder,
                                const services::ImportReport& report) {
    QStringList lines;
    for (const auto& w : report.warnings)
        lines << tr("warning: %1").arg(fromStd(w.text()));
    for (const auto& e : report.errors)
        lines << fromStd(e.text());
    const auto hidden = report.errorCount - static_cast<std::int64_t>(report.errors.size());
    if (hidden > 0)
        lines << AdminPage::tr("... and %n more problem(s)", nullptr, static_cast<int>(hidden));

    if (report.cancelled) {
        setSummary(dryRun ? tr("Check cancelled.")
                          : tr("Import cancelled: nothing was imported; the database is as it "
                               "was."),
                   true);
    } else if (!report.ok && report.errorCount == 0) {
        setSummary(tr("The import failed; the database is unchanged."), true);
    } else if (!report.ok) {
        setSummary(
            AdminPage::tr("%n problem(s) in %1. Nothing can be imported until they are fixed; "
                          "the database is unchanged. Fix the lines below and check again.",
                          nullptr, static_cast<int>(report.errorCount))
                .arg(folder),
            true);
    } else if (report.changes.changes() == 0) {
        setSummary(
            AdminPage::tr("Nothing to change: the database already holds everything in %1 (%n "
                          "row(s) checked).",
                          nullptr, static_cast<int>(report.changes.rowsUnchanged))
                .arg(folder),
            false);
    } else {
        const QString currency = report.currency.empty()
                                     ? QString()
                                     : tr(" (amounts in %1)").arg(fromStd(report.currency));
        if (dryRun) {
            cleanFolder_ = folder;
            cleanChanges_ = static_cast<int>(report.changes.changes());
            setSummary(tr("No problems in %1%2. Nothing was written; Import makes these changes:")
                           .arg(folder, currency),
                       false);
        } else {
            summary_->setStyleSheet(QStringLiteral("color: #1b5e20;"));
            summary_->setText(tr("Imported %1%2. Cases are being updated in the background.")
                                  .arg(folder, currency));
        }
        lines.prepend(changesText(report.changes));
        if (lines.size() > 1)
            lines.insert(1, QString());
    }
    findings_->setPlainText(lines.join(u'\n'));
    updateButtons();
    if (!dryRun && report.committed)
        emit imported();
}

} // namespace rd::ui

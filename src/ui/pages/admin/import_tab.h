#pragma once

#include "desk_session.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace rd::services {
struct ImportReport;
}
namespace rd {
struct Error;
}

namespace rd::ui {

class BackgroundWork;

// The import of the core banking system's files: a dry run in the background first, the
// import itself only after a clean one (all or nothing, with progress and Cancel in the
// status bar). The job opens its own services with the factory; the import service checks
// the permission. A job that has to wait for other background work is queued, and the tab
// says so: it always runs once queued.
class AdminImportTab : public QWidget {
    Q_OBJECT
public:
    AdminImportTab(DeskServices services, const DeskSession& session, BackgroundWork* work,
                   QWidget* parent = nullptr);

    QLineEdit* folderEdit() const { return folderEdit_; }
    QPushButton* checkButton() const { return checkButton_; }
    QPushButton* importButton() const { return importButton_; }
    QLabel* summary() const { return summary_; }
    QPlainTextEdit* findings() const { return findings_; }

    // Starts (or queues behind other background work) the dry run / the import of the folder
    // in the line edit; false (with the reason shown) when it cannot start.
    bool checkFolder();
    bool importFolder();

signals:
    // A real import was committed.
    void imported();

private:
    bool start(bool dryRun);
    void showReport(bool dryRun, const QString& folder, const services::ImportReport& report);
    void showFailure(const rd::Error& error);
    void setSummary(const QString& text, bool problem);
    void updateButtons();
    void chooseFolder();

    DeskServices services_;
    const DeskSession& session_;
    BackgroundWork* work_;
    QLineEdit* folderEdit_;
    QPushButton* browseButton_;
    QPushButton* checkButton_;
    QPushButton* importButton_;
    QLabel* summary_;
    QPlainTextEdit* findings_;
    QString cleanFolder_; // the folder of the last clean dry run with changes to import
    int cleanChanges_ = 0;
    bool importing_ = false; // a check or import is running or queued
};

} // namespace rd::ui

#include "reassign_dialog.h"

#include "error_text.h"
#include "services/case_query_service.h"
#include "services/case_service.h"
#include "services/user_service.h"
#include "widgets/dialog_keys.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace rd::ui {

ReassignDialog::ReassignDialog(DeskServices services, const DeskSession& session,
                               QStringList loanIds, const QString& branch, QWidget* parent)
    : QDialog(parent), services_(services), session_(session), loans_(std::move(loanIds)),
      officers_(new QComboBox(this)), problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("reassignDialog"));
    setWindowTitle(tr("Reassign cases"));
    officers_->setObjectName(QStringLiteral("reassignOfficer"));
    // When every case is already with one person, moving them to that person changes
    // nothing: they are not offered.
    QSet<QString> holders;
    if (services_.queries) {
        services::CaseFilter filter;
        filter.branch = branch.toStdString();
        if (auto open = services_.queries->cases(session_.user, filter, session_.businessDate))
            for (const auto& row : *open)
                if (loans_.contains(QString::fromStdString(row.loanId)))
                    holders.insert(QString::fromStdString(row.officer));
    }
    const QString current = holders.size() == 1 ? *holders.begin() : QString();
    auto users = services_.users->list(session_.user);
    if (!users)
        problem_->setText(reportError(this, users.error()));
    for (const auto& u : users ? *users : std::vector<services::UserSummary>{}) {
        if (u.user.disabled || u.user.role == Role::Admin ||
            (!branch.isEmpty() && !u.user.worksIn(branch.toStdString())) ||
            (!current.isEmpty() && QString::fromStdString(u.user.username) == current))
            continue;
        officers_->addItem(QStringLiteral("%1 - %2").arg(QString::fromStdString(u.user.username),
                                                         QString::fromStdString(u.user.fullName)),
                           QString::fromStdString(u.user.username));
    }
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Reassign"));
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(officers_->count() > 0);
    if (officers_->count() == 0 && users)
        problem_->setText(tr("Nobody else works in %1: add an officer to the branch first "
                             "(Admin, Users).")
                              .arg(branch));
    auto* form = new QFormLayout;
    form->addRow(new QLabel(tr("%n case(s) selected: %1", nullptr, int(loans_.size()))
                                .arg(loans_.mid(0, 5).join(", ") +
                                     (loans_.size() > 5 ? QStringLiteral(", ...") : QString())),
                            this));
    if (!current.isEmpty())
        form->addRow(tr("Now with"), new QLabel(current, this));
    form->addRow(tr("New &officer"), officers_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &ReassignDialog::accept);
    addSaveShortcut(this, buttons_);
    connect(buttons_, &QDialogButtonBox::rejected, this, &ReassignDialog::reject);
}

void ReassignDialog::accept() {
    const auto to = officers_->currentData().toString().toStdString();
    QStringList problems;
    QStringList notMoved;
    bool storageFailed = false;
    for (const auto& loan : loans_) {
        auto result =
            services_.cases->reassign(session_.user, loan.toStdString(), to, session_.businessDate);
        if (result) {
            ++moved_;
        } else {
            notMoved << loan;
            // One message box for a storage failure, however many cases it stopped.
            const bool storage = result.error().kind == ErrorKind::Storage;
            problems << QStringLiteral("%1: %2").arg(loan, storage && !storageFailed
                                                               ? reportError(this, result.error())
                                                               : errorText(result.error()));
            storageFailed = storageFailed || storage;
        }
    }
    loans_ = notMoved; // a second try only retries what failed
    if (!problems.isEmpty()) {
        problem_->setText(tr("%n case(s) moved; these were not:", nullptr, moved_) + u'\n' +
                          problems.join(u'\n'));
        return;
    }
    QDialog::accept();
}

} // namespace rd::ui

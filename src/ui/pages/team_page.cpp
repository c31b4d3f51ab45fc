#include "team_page.h"

#include "dialogs/text_entry_dialog.h"
#include "display_text.h"
#include "error_text.h"
#include "models/approvals_model.h"
#include "models/team_model.h"
#include "money_display.h"
#include "services/case_actions_service.h"
#include "services/case_query_service.h"
#include "widgets/table_view_setup.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace rd::ui {

TeamPage::TeamPage(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(services), session_(session), team_(new TeamModel(this)),
      approvals_(new ApprovalsModel(this)), teamView_(new QTableView(this)),
      approvalsView_(new QTableView(this)), summary_(new QLabel(this)),
      approvalsSummary_(new QLabel(this)), approve_(new QPushButton(tr("&Approve..."), this)),
      reject_(new QPushButton(tr("Re&ject..."), this)),
      open_(new QPushButton(tr("&Open case"), this)),
      showDecided_(new QCheckBox(tr("Show &decided"), this)) {
    setObjectName(QStringLiteral("teamPage"));
    teamView_->setObjectName(QStringLiteral("teamView"));
    teamView_->setModel(team_);
    setUpDataTable(teamView_);
    teamView_->setSortingEnabled(false);
    const int widths[] = {150, 190, 80, 200, 90, 110, 100, 60, 120};
    for (int c = 0; c < TeamModel::ColumnCount; ++c)
        teamView_->setColumnWidth(c, widths[c]);
    approvalsView_->setObjectName(QStringLiteral("approvalsView"));
    approvalsView_->setModel(approvals_);
    setUpDataTable(approvalsView_);
    approvalsView_->setSortingEnabled(false);
    const int awidths[ApprovalsModel::ColumnCount] = {90, 100, 170, 140, 90, 140, 220, 230, 200};
    for (int c = 0; c < ApprovalsModel::ColumnCount; ++c)
        approvalsView_->setColumnWidth(c, awidths[c]);

    approve_->setObjectName(QStringLiteral("approveRequest"));
    reject_->setObjectName(QStringLiteral("rejectRequest"));
    open_->setObjectName(QStringLiteral("openRequestCase"));
    showDecided_->setObjectName(QStringLiteral("showDecided"));
    showDecided_->setChecked(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(approvalsSummary_, 1);
    buttons->addWidget(showDecided_);
    buttons->addWidget(open_);
    buttons->addWidget(approve_);
    buttons->addWidget(reject_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Team</h2>"), this));
    layout->addWidget(summary_);
    layout->addWidget(teamView_, 3);
    layout->addWidget(new QLabel(tr("<h3>Requests to move cases to legal</h3>"), this));
    layout->addWidget(approvalsView_, 2);
    layout->addLayout(buttons);

    const auto ask = [this](bool yes) {
        const auto index = approvalsView_->currentIndex();
        QString details;
        if (index.isValid()) {
            const auto& a = approvals_->approval(index.row()).approval;
            details = tr("Loan <b>%1</b>: %2")
                          .arg(QString::fromStdString(a.loanId).toHtmlEscaped(),
                               QString::fromStdString(a.note).toHtmlEscaped());
        }
        TextEntryDialog dialog({yes ? tr("Approve legal action") : tr("Reject legal action"),
                                details,
                                tr("&Comment (kept with the decision):"),
                                tr("Write a comment on your decision."),
                                yes ? tr("Approve") : tr("Reject"),
                                {}},
                               this);
        dialog.setObjectName(QStringLiteral("decisionDialog"));
        if (dialog.exec() == QDialog::Accepted)
            decide(yes, dialog.text());
    };
    connect(approve_, &QPushButton::clicked, this, [ask] { ask(true); });
    connect(reject_, &QPushButton::clicked, this, [ask] { ask(false); });
    const auto openSelected = [this] {
        const auto index = approvalsView_->currentIndex();
        if (index.isValid())
            emit openCase(
                QString::fromStdString(approvals_->approval(index.row()).approval.loanId));
    };
    connect(open_, &QPushButton::clicked, this, openSelected);
    connect(approvalsView_, &QTableView::activated, this, openSelected);
    connect(approvalsView_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TeamPage::updateButtons);
    connect(approvals_, &QAbstractItemModel::modelReset, this, &TeamPage::updateButtons);
    connect(showDecided_, &QCheckBox::toggled, this, &TeamPage::reload);
    updateButtons();
}

void TeamPage::updateButtons() {
    const auto index = approvalsView_->currentIndex();
    const bool selected = index.isValid();
    const bool pending = selected && approvals_->approval(index.row()).pending();
    open_->setEnabled(selected);
    approve_->setEnabled(pending);
    reject_->setEnabled(pending);
}

void TeamPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload();
}

void TeamPage::reload() {
    auto rows = services_.queries->team(session_.user, session_.businessDate);
    if (!rows) {
        team_->setRows({}, session_.currency);
        summary_->setText(reportError(this, rows.error()));
    } else {
        int open = 0;
        int contacts = 0;
        Amount collected = 0;
        for (const auto& r : *rows) {
            open += r.openCases;
            contacts += r.contactsLogged;
            collected += r.collected;
        }
        team_->setRows(std::move(*rows), session_.currency);
        summary_->setText(tr("%1: %2 open cases, %3 contacts logged, %4 collected")
                              .arg(displayDate(session_.businessDate))
                              .arg(open)
                              .arg(contacts)
                              .arg(displayMoneyWithCode(collected, session_.currency)));
    }
    auto approvals = services_.actions->approvals(session_.user, !showDecided_->isChecked());
    if (!approvals) {
        approvals_->setApprovals({});
        approvalsSummary_->setText(reportError(this, approvals.error()));
        return;
    }
    const auto waiting = static_cast<int>(std::count_if(approvals->begin(), approvals->end(),
                                                        [](const auto& a) { return a.pending(); }));
    approvals_->setApprovals(std::move(*approvals), session_.currency);
    approvalsSummary_->setText(waiting == 0
                                   ? tr("No request waits for a decision.")
                                   : tr("%n request(s) wait for a decision.", nullptr, waiting));
}

bool TeamPage::decide(bool approve, const QString& comment) {
    const auto index = approvalsView_->currentIndex();
    if (!index.isValid() || !approvals_->approval(index.row()).pending()) {
        approvalsSummary_->setText(tr("Select a request that waits for a decision first."));
        return false;
    }
    const auto id = approvals_->approval(index.row()).approval.id;
    auto result = services_.actions->decideApproval(session_.user, id, approve,
                                                    comment.toStdString(), session_.businessDate);
    if (!result) {
        approvalsSummary_->setText(reportError(this, result.error()));
        return false;
    }
    reload();
    approvalsSummary_->setText(approve ? tr("Approved: the case moved to legal.")
                                       : tr("Rejected; the officer sees your comment."));
    return true;
}

} // namespace rd::ui

#include "case_file_page.h"

#include "case_file/audit_tab.h"
#include "case_file/case_header.h"
#include "case_file/change_stage_dialog.h"
#include "case_file/counselling_tab.h"
#include "case_file/legal_tab.h"
#include "case_file/other_loans_tab.h"
#include "case_file/payments_tab.h"
#include "case_file/plans_tab.h"
#include "case_file/promises_tab.h"
#include "case_file/receipts_tab.h"
#include "case_file/schedule_tab.h"
#include "case_file/security_tab.h"
#include "case_file/timeline_tab.h"
#include "dialogs/log_contact_dialog.h"
#include "dialogs/plan_workbench/plan_workbench_dialog.h"
#include "dialogs/reassign_dialog.h"
#include "dialogs/take_payment_dialog.h"
#include "dialogs/text_entry_dialog.h"
#include "display_text.h"
#include "error_text.h"
#include "money_display.h"
#include "services/case_actions_service.h"
#include "services/payment_service.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

CaseFilePage::CaseFilePage(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(std::move(services)), session_(session),
      header_(new CaseHeader(this)), tabs_(new QTabWidget(this)),
      timeline_(new TimelineTab(session_, this)), schedule_(new ScheduleTab(this)),
      promises_(new PromisesTab(this)), payments_(new PaymentsTab(this)),
      receipts_(new ReceiptsTab(services_, session_, this)),
      plans_(new PlansTab(services_, session_, this)),
      otherLoans_(new OtherLoansTab(services_, session_, this)),
      audit_(new AuditTab(services_, session_, this)),
      counselling_(new CounsellingTab(services_, session_, this)), security_(new SecurityTab(this)),
      legal_(new LegalTab(services_, session_, this)),
      noteButton_(new QPushButton(tr("Add &note (Ctrl+N)"), this)),
      stageButton_(new QPushButton(tr("Change sta&ge..."), this)),
      reviewButton_(new QPushButton(tr("Sign off revie&w..."), this)),
      logContactButton_(new QPushButton(tr("&Log contact (Ctrl+L)"), this)),
      takePaymentButton_(new QPushButton(tr("Take &payment (Ctrl+M)"), this)),
      reassignButton_(new QPushButton(tr("&Reassign..."), this)),
      planButton_(new QPushButton(tr("Plan work&bench..."), this)), message_(new QLabel(this)) {
    setObjectName(QStringLiteral("caseFilePage"));
    tabs_->setObjectName(QStringLiteral("caseTabs"));
    tabs_->addTab(timeline_, tr("&Timeline"));
    tabs_->addTab(schedule_, tr("&Schedule"));
    tabs_->addTab(promises_, tr("Pro&mises"));
    tabs_->addTab(payments_, tr("Pa&yments"));
    tabs_->addTab(receipts_, tr("Des&k receipts"));
    tabs_->addTab(plans_, tr("R&epayment plans"));
    tabs_->addTab(otherLoans_, tr("&Other loans"));
    tabs_->addTab(audit_, tr("&Audit trail"));
    tabs_->addTab(counselling_, tr("&Budget and counselling"));
    tabs_->addTab(security_, tr("G&uarantors and collateral"));
    tabs_->addTab(legal_, tr("Legal an&d costs"));
    message_->setObjectName(QStringLiteral("caseMessage"));
    message_->setWordWrap(true);
    message_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildActions());
    layout->addWidget(header_);
    layout->addWidget(message_);
    layout->addWidget(tabs_, 1);

    connect(timeline_, &TimelineTab::correctRequested, this, &CaseFilePage::correctSelected);
    connect(otherLoans_, &OtherLoansTab::openLoan, this, &CaseFilePage::openOtherLoan);
    connect(receipts_, &ReceiptsTab::message, this, &CaseFilePage::showMessage);
    connect(counselling_, &CounsellingTab::changed, this, &CaseFilePage::changed);
    counselling_->installShortcuts(this);
    connect(legal_, &LegalTab::changed, this, &CaseFilePage::changed);
    legal_->installShortcuts(this);
    connect(plans_, &PlansTab::message, this, &CaseFilePage::showMessage);
    connect(receipts_, &ReceiptsTab::reverseRequested, this, [this] {
        const auto* r = receipts_->selected();
        if (!r || !file_)
            return;
        TextEntryDialog dialog(
            {tr("Reverse payment"),
             tr("<p>Reverse this payment?</p><table>"
                "<tr><td>Receipt</td><td><b>%1</b></td></tr>"
                "<tr><td>Amount</td><td><b>%2</b></td></tr>"
                "<tr><td>Client</td><td><b>%3</b></td></tr>"
                "<tr><td>Loan</td><td><b>%4</b></td></tr>"
                "<tr><td>Taken on</td><td><b>%5</b></td></tr></table>"
                "<p>Nothing is deleted: the payment stays on record as reversed and stops "
                "counting from today.</p>")
                 .arg(QString::fromStdString(services::receiptNumberText(r->receiptNo)),
                      displayMoneyWithCode(r->amount, file_->currency),
                      QString::fromStdString(r->clientName).toHtmlEscaped(),
                      QString::fromStdString(file_->loan.loanId).toHtmlEscaped(),
                      displayDate(r->paidOn)),
             tr("&Reason (e.g. cheque bounced):"),
             tr("Write why the payment is reversed."),
             tr("Reverse payment"),
             {}},
            this);
        dialog.setObjectName(QStringLiteral("reverseReceiptDialog"));
        if (dialog.exec() == QDialog::Accepted)
            reverseReceipt(dialog.text());
    });
    auto* print = new QShortcut(QKeySequence::Print, this);
    print->setWhatsThis(tr("print the selected desk receipt (case file)"));
    connect(print, &QShortcut::activated, this, &CaseFilePage::printReceipt);
    updateActions();
}

QLayout* CaseFilePage::buildActions() {
    auto* back = new QPushButton(tr("Back to list (Esc)"), this);
    auto* previous = new QPushButton(tr("Previous (Shift+F8)"), this);
    auto* next = new QPushButton(tr("Next case (F8)"), this);
    for (auto* b : {back, previous, next, logContactButton_, takePaymentButton_, reassignButton_,
                    noteButton_, stageButton_, reviewButton_, planButton_})
        b->setFocusPolicy(Qt::TabFocus);
    planButton_->setObjectName(QStringLiteral("planWorkbenchButton"));
    logContactButton_->setObjectName(QStringLiteral("logContactButton"));
    takePaymentButton_->setObjectName(QStringLiteral("takePaymentButton"));
    reassignButton_->setObjectName(QStringLiteral("reassignButton"));
    noteButton_->setObjectName(QStringLiteral("noteButton"));
    stageButton_->setObjectName(QStringLiteral("stageButton"));
    reviewButton_->setObjectName(QStringLiteral("reviewButton"));
    auto* actions = new QHBoxLayout;
    for (auto* b : {back, previous, next})
        actions->addWidget(b);
    actions->addStretch();
    for (auto* b : {logContactButton_, noteButton_, takePaymentButton_, stageButton_, planButton_,
                    reassignButton_, reviewButton_})
        actions->addWidget(b);

    connect(back, &QPushButton::clicked, this, &CaseFilePage::backRequested);
    connect(previous, &QPushButton::clicked, this, &CaseFilePage::previousRequested);
    connect(next, &QPushButton::clicked, this, &CaseFilePage::nextRequested);
    connect(logContactButton_, &QPushButton::clicked, this, &CaseFilePage::logContact);
    connect(takePaymentButton_, &QPushButton::clicked, this, &CaseFilePage::takePayment);
    connect(reassignButton_, &QPushButton::clicked, this, &CaseFilePage::reassign);
    connect(planButton_, &QPushButton::clicked, this, &CaseFilePage::openPlanWorkbench);
    auto* plan = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), this);
    plan->setWhatsThis(tr("open the plan workbench (case file)"));
    connect(plan, &QShortcut::activated, this, &CaseFilePage::openPlanWorkbench);
    auto* note = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_N), this);
    note->setWhatsThis(tr("add a note to the case (case file)"));
    connect(note, &QShortcut::activated, this, [this] { noteButton_->click(); });
    connect(noteButton_, &QPushButton::clicked, this, [this] {
        TextEntryDialog dialog({tr("Add note"),
                                {},
                                tr("&Note on the case (kept as written; a correction is a new "
                                   "note):"),
                                tr("Write the note."),
                                tr("Save note"),
                                {}},
                               this);
        dialog.setObjectName(QStringLiteral("noteDialog"));
        if (dialog.exec() == QDialog::Accepted)
            addNote(dialog.text());
    });
    connect(stageButton_, &QPushButton::clicked, this, [this] {
        ChangeStageDialog dialog(*file_, this);
        if (dialog.exec() == QDialog::Accepted)
            changeStage(dialog.stage(), dialog.note());
    });
    connect(reviewButton_, &QPushButton::clicked, this, [this] {
        TextEntryDialog dialog({tr("Sign off review"),
                                {},
                                tr("Your &review of the case (kept with the sign-off):"),
                                tr("Write your review of the case."),
                                tr("Sign off"),
                                {}},
                               this);
        dialog.setObjectName(QStringLiteral("reviewDialog"));
        if (dialog.exec() == QDialog::Accepted)
            signOffReview(dialog.text());
    });
    return actions;
}

QString CaseFilePage::loanId() const {
    return file_ ? QString::fromStdString(file_->loan.loanId) : QString();
}

bool CaseFilePage::showLoan(const QString& loanId) {
    auto file =
        services_.cases->caseFile(session_.user, loanId.toStdString(), session_.businessDate);
    if (!file) {
        file_.reset();
        updateActions();
        showError(file.error());
        return false;
    }
    message_->hide();
    file_ = std::move(*file);
    header_->setFile(*file_);
    const auto counselling = counselling_->load(*file_);
    timeline_->setFile(*file_, counselling_->history());
    schedule_->setFile(*file_);
    promises_->setFile(*file_);
    payments_->setFile(*file_);
    security_->setFile(*file_);
    // The tabs that read more than the case file; one storage failure is shown once.
    for (const auto& read : {receipts_->load(*file_), plans_->load(*file_),
                             otherLoans_->load(*file_), counselling, legal_->load(*file_)})
        if (!read && read.error().kind == ErrorKind::Storage) {
            showError(read.error());
            break;
        }
    tabs_->setTabVisible(tabs_->indexOf(audit_), audit_->load(*file_));
    updateActions();
    return true;
}

void CaseFilePage::reload() {
    if (file_)
        showLoan(loanId());
}

void CaseFilePage::updateActions() {
    const bool open = file_ && file_->caseRecord && file_->caseRecord->open;
    const auto& user = session_.user;
    const std::string branch = file_ ? file_->loan.branch : std::string();
    const bool mine = open && file_->caseRecord->assignedUsername == user.username;
    const bool works = (mine && allows(user, Permission::WorkOwnCases, branch)) ||
                       allows(user, Permission::WorkBranchCases, branch);
    // Someone who may never work a case here (an administrator) sees no work buttons.
    const bool mayWork = allows(user, Permission::WorkOwnCases, branch) ||
                         allows(user, Permission::WorkBranchCases, branch);
    for (auto* b : {logContactButton_, takePaymentButton_, noteButton_, stageButton_, planButton_})
        b->setVisible(mayWork);
    logContactButton_->setEnabled(open && works);
    logContactButton_->setToolTip(
        open ? (works ? QString()
                      : tr("Only the case's officer or a supervisor of the branch "
                           "may log contacts on it."))
             : tr("There is no open case on this loan."));
    takePaymentButton_->setEnabled(file_.has_value() && works);
    reassignButton_->setVisible(allows(user, Permission::ReassignCases, branch));
    reassignButton_->setEnabled(open);
    noteButton_->setEnabled(open && works);
    stageButton_->setEnabled(open && works);
    planButton_->setEnabled(open && works);
    planButton_->setToolTip(open ? (works ? tr("Work out an arrangement, a reschedule and a "
                                               "settlement side by side, and propose one "
                                               "(Ctrl+Shift+P).")
                                          : tr("Only the case's officer or a supervisor of the "
                                               "branch may propose a plan on it."))
                                 : tr("There is no open case on this loan."));
    reviewButton_->setVisible(allows(user, Permission::SignOffReviews, branch));
    reviewButton_->setEnabled(open);
    timeline_->setCorrectable(open && works);
    counselling_->setWorkable(mayWork, open && works);
    legal_->setWorkable(mayWork, open && works);
    receipts_->setReversible(allows(user, Permission::WorkBranchCases, branch));
    emit actionsChanged();
}

void CaseFilePage::changed(const QString& done) {
    const QString loan = loanId();
    reload();
    if (!done.isEmpty())
        showMessage(done);
    emit caseChanged(loan);
}

bool CaseFilePage::logContact() {
    if (!file_ || !logContactButton_->isEnabled())
        return false;
    LogContactDialog dialog(services_, session_, *file_, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QString loan = loanId();
    changed({});
    emit contactLogged(loan);
    return true;
}

bool CaseFilePage::takePayment() {
    if (!file_ || !takePaymentButton_->isEnabled())
        return false;
    TakePaymentDialog dialog(services_, session_, *file_, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.receipt())
        return false;
    const auto receipt = *dialog.receipt();
    const QString loan = loanId();
    reload();
    tabs_->setCurrentWidget(receipts_);
    const QString saved =
        tr("Receipt %1 saved: %2.")
            .arg(QString::fromStdString(services::receiptNumberText(receipt.receiptNo)),
                 displayMoneyWithCode(receipt.amount, file_->currency));
    // "Save and print receipt": the print follows at once, the receipt to hand over.
    if (receipts_->selectReceipt(receipt.receiptNo) && receipts_->printSelected())
        showMessage(saved + QLatin1Char(' ') + tr("The receipt was printed."));
    else
        showMessage(saved + QLatin1Char(' ') +
                    tr("It was not printed: print it with Ctrl+P on the Desk receipts tab."));
    emit caseChanged(loan);
    return true;
}

void CaseFilePage::printReceipt() {
    receipts_->printSelected();
}

bool CaseFilePage::saveReceiptPdf(const QString& path) {
    return receipts_->saveSelectedPdf(path);
}

void CaseFilePage::setReceiptPrinterChooser(PrinterChooser chooser) {
    receipts_->printing().setChooser(std::move(chooser));
}

QString CaseFilePage::lastReceiptHtml() const {
    return receipts_->printing().lastHtml();
}

bool CaseFilePage::reverseReceipt(const QString& reason) {
    const auto* r = receipts_->selected();
    if (!r)
        return false;
    auto result = services_.payments->reverse(session_.user, r->receiptNo, reason.toStdString(),
                                              session_.businessDate);
    if (!result) {
        showError(result.error());
        return false;
    }
    changed(tr("Receipt %1 reversed; the payment stays on record.")
                .arg(QString::fromStdString(services::receiptNumberText(result->receiptNo))));
    return true;
}

bool CaseFilePage::addNote(const QString& text) {
    if (!file_)
        return false;
    auto result =
        services_.actions->addNote(session_.user, file_->loan.loanId, text.trimmed().toStdString(),
                                   std::nullopt, session_.businessDate);
    if (!result) {
        showError(result.error());
        return false;
    }
    changed(tr("Note added."));
    return true;
}

bool CaseFilePage::correctSelected() {
    const auto entry = timeline_->selectedEntry();
    if (!file_ || !entry)
        return false;
    if (entry->source == TimelineEntry::Source::Note) {
        TextEntryDialog dialog(
            {tr("Correct note #%1").arg(entry->sourceId),
             {},
             tr("The corrected &note is saved as a new note; the original stays on record:"),
             tr("Write the corrected note."),
             tr("Save correction"),
             QString::fromStdString(entry->noteText)},
            this);
        dialog.setObjectName(QStringLiteral("correctNoteDialog"));
        return dialog.exec() == QDialog::Accepted && correctNote(entry->sourceId, dialog.text());
    }
    if (entry->source != TimelineEntry::Source::Contact)
        return false;
    LogContactDialog dialog(services_, session_, *file_, this);
    dialog.setCorrects(entry->sourceId);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    changed(tr("Contact #%1 corrected; the original stays on record.").arg(entry->sourceId));
    return true;
}

bool CaseFilePage::correctNote(std::int64_t noteId, const QString& text) {
    if (!file_)
        return false;
    auto result =
        services_.actions->addNote(session_.user, file_->loan.loanId, text.trimmed().toStdString(),
                                   noteId, session_.businessDate);
    if (!result) {
        showError(result.error());
        return false;
    }
    changed(tr("Note #%1 corrected; the original stays on record.").arg(noteId));
    return true;
}

bool CaseFilePage::changeStage(CaseStage stage, const QString& note) {
    if (!file_)
        return false;
    const auto& user = session_.user;
    const auto loan = file_->loan.loanId;
    const auto why = note.trimmed().toStdString();
    if (stage == CaseStage::Legal && !allows(user, Permission::ApprovePlans, file_->loan.branch)) {
        auto result = services_.actions->requestLegal(user, loan, why, session_.businessDate);
        if (!result) {
            showError(result.error());
            return false;
        }
        changed(tr("Legal action requested: the case moves to legal when a supervisor approves."));
        return true;
    }
    auto result = services_.actions->changeStage(user, loan, stage, why, session_.businessDate);
    if (!result) {
        showError(result.error());
        return false;
    }
    changed(tr("Stage changed to %1.").arg(stageText(stage)));
    return true;
}

bool CaseFilePage::signOffReview(const QString& comment) {
    if (!file_)
        return false;
    auto result = services_.actions->signOffReview(
        session_.user, file_->loan.loanId, comment.trimmed().toStdString(), session_.businessDate);
    if (!result) {
        showError(result.error());
        return false;
    }
    changed(tr("Review signed off."));
    return true;
}

bool CaseFilePage::openPlanWorkbench() {
    if (!file_)
        return false;
    // The service decides who may propose here; its refusal is shown on the case file.
    PlanWorkbenchDialog dialog(services_, session_, *file_, this);
    if (!dialog.load()) {
        showError(*dialog.error());
        return false;
    }
    if (dialog.exec() != QDialog::Accepted)
        return false;
    changed(dialog.doneText());
    return true;
}

bool CaseFilePage::reassign() {
    if (!file_ || !file_->caseRecord || !file_->caseRecord->open)
        return false;
    ReassignDialog dialog(services_, session_, {QString::fromStdString(file_->loan.loanId)},
                          QString::fromStdString(file_->loan.branch), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    changed({});
    return true;
}

void CaseFilePage::showMessage(const QString& text, bool problem) {
    message_->setText(text);
    message_->setStyleSheet(problem ? QStringLiteral("color: #b71c1c; font-weight: bold;")
                                    : QStringLiteral("color: #1b5e20; font-weight: bold;"));
    message_->show();
}

void CaseFilePage::showError(const rd::Error& error) {
    showMessage(reportError(this, error), true);
}

bool CaseFilePage::canLogContact() const {
    return file_ && logContactButton_->isEnabled() && !logContactButton_->isHidden();
}

bool CaseFilePage::canTakePayment() const {
    return file_ && takePaymentButton_->isEnabled() && !takePaymentButton_->isHidden();
}

bool CaseFilePage::canReassign() const {
    return file_ && reassignButton_->isEnabled() && !reassignButton_->isHidden();
}

QString CaseFilePage::message() const {
    return message_->isHidden() ? QString() : message_->text();
}

TimelineModel* CaseFilePage::timelineModel() const {
    return timeline_->model();
}
QTableView* CaseFilePage::timelineView() const {
    return timeline_->view();
}
ScheduleModel* CaseFilePage::scheduleModel() const {
    return schedule_->model();
}
AuditModel* CaseFilePage::auditModel() const {
    return audit_->model();
}
OtherLoansModel* CaseFilePage::otherLoansModel() const {
    return otherLoans_->model();
}
CasePromisesModel* CaseFilePage::promisesModel() const {
    return promises_->model();
}
LoanPaymentsModel* CaseFilePage::paymentsModel() const {
    return payments_->model();
}
ReceiptsModel* CaseFilePage::receiptsModel() const {
    return receipts_->model();
}
QTableView* CaseFilePage::receiptsView() const {
    return receipts_->view();
}
PlansTab* CaseFilePage::plansTab() const {
    return plans_;
}

} // namespace rd::ui

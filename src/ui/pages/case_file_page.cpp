#include "case_file_page.h"

#include "dialogs/log_contact_dialog.h"
#include "dialogs/reassign_dialog.h"
#include "dialogs/take_payment_dialog.h"
#include "display_text.h"
#include "models/audit_model.h"
#include "models/case_promises_model.h"
#include "models/receipts_model.h"
#include "models/schedule_model.h"
#include "models/timeline_model.h"
#include "money_display.h"
#include "print/receipt_document.h"
#include "services/case_actions_service.h"
#include "services/case_query_service.h"
#include "services/payment_service.h"
#include "storage/client_repository.h"
#include "storage/portfolio_settings.h"
#include "widgets/table_view_setup.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {
namespace {

QString esc(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

QString telLink(const std::string& phone) {
    if (phone.empty())
        return {};
    QString digits;
    for (QChar c : QString::fromStdString(phone))
        if (c.isDigit() || c == u'+')
            digits += c;
    return QStringLiteral("<a href=\"tel:%1\">%2</a>").arg(digits, esc(phone));
}

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent, const QString& name) {
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    setUpDataTable(view);
    view->setSortingEnabled(false);
    return view;
}

} // namespace

CaseFilePage::CaseFilePage(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(services), session_(session), header_(new QLabel(this)),
      position_(new QLabel(this)), nextStep_(new QLabel(this)), tabs_(new QTabWidget(this)),
      timeline_(new TimelineModel(this)), schedule_(new ScheduleModel(this)),
      receipts_(new ReceiptsModel(this)), audit_(new AuditModel(this)),
      otherLoans_(new OtherLoansModel(this)), promises_(new CasePromisesModel(this)),
      payments_(new LoanPaymentsModel(this)),
      noteButton_(new QPushButton(tr("Add &note (Ctrl+N)"), this)),
      stageButton_(new QPushButton(tr("Change sta&ge..."), this)),
      reviewButton_(new QPushButton(tr("Sign off revie&w..."), this)), receiptsView_(nullptr),
      reverseButton_(new QPushButton(tr("Re&verse payment..."), this)),
      logContactButton_(new QPushButton(tr("&Log contact (Ctrl+L)"), this)),
      takePaymentButton_(new QPushButton(tr("Take &payment (Ctrl+M)"), this)),
      reassignButton_(new QPushButton(tr("&Reassign..."), this)), message_(new QLabel(this)) {
    setObjectName(QStringLiteral("caseFilePage"));
    for (QLabel* l : {header_, position_, nextStep_}) {
        l->setTextFormat(Qt::RichText);
        l->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextBrowserInteraction);
    }
    header_->setOpenExternalLinks(true);
    header_->setObjectName(QStringLiteral("caseHeaderClient"));
    position_->setObjectName(QStringLiteral("caseHeaderLoan"));
    nextStep_->setObjectName(QStringLiteral("caseHeaderNext"));

    auto* headerFrame = new QFrame(this);
    headerFrame->setFrameShape(QFrame::StyledPanel);
    auto* headerLayout = new QHBoxLayout(headerFrame);
    headerLayout->addWidget(header_, 3);
    headerLayout->addWidget(position_, 4);
    headerLayout->addWidget(nextStep_, 3);

    auto* back = new QPushButton(tr("Back to list (Esc)"), this);
    auto* previous = new QPushButton(tr("Previous (Shift+F8)"), this);
    auto* next = new QPushButton(tr("Next case (F8)"), this);
    for (auto* b : {back, previous, next, logContactButton_, takePaymentButton_, reassignButton_,
                    noteButton_, stageButton_, reviewButton_})
        b->setFocusPolicy(Qt::TabFocus);
    logContactButton_->setObjectName(QStringLiteral("logContactButton"));
    takePaymentButton_->setObjectName(QStringLiteral("takePaymentButton"));
    reassignButton_->setObjectName(QStringLiteral("reassignButton"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(back);
    actions->addWidget(previous);
    actions->addWidget(next);
    actions->addStretch();
    actions->addWidget(logContactButton_);
    actions->addWidget(noteButton_);
    actions->addWidget(takePaymentButton_);
    actions->addWidget(stageButton_);
    actions->addWidget(reassignButton_);
    actions->addWidget(reviewButton_);

    tabs_->setObjectName(QStringLiteral("caseTabs"));
    auto* timelineTab = new QWidget(this);
    timelineView_ = makeTable(timeline_, timelineTab, QStringLiteral("timelineView"));
    timelineView_->setWordWrap(true);
    correctButton_ = new QPushButton(tr("&Correct the selected contact or note..."), timelineTab);
    correctButton_->setObjectName(QStringLiteral("correctButton"));
    correctButton_->setEnabled(false);
    auto* timelineLayout = new QVBoxLayout(timelineTab);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->addWidget(timelineView_);
    auto* timelineButtons = new QHBoxLayout;
    timelineButtons->addStretch();
    timelineButtons->addWidget(correctButton_);
    timelineLayout->addLayout(timelineButtons);
    tabs_->addTab(timelineTab, tr("&Timeline"));
    connect(timelineView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const bool correctable =
                    current.isValid() && logContactButton_->isEnabled() &&
                    timeline_->entry(current.row()).source != TimelineEntry::Source::Other;
                correctButton_->setEnabled(correctable);
            });
    connect(correctButton_, &QPushButton::clicked, this, &CaseFilePage::correctSelected);
    tabs_->addTab(makeTable(schedule_, this, QStringLiteral("scheduleView")), tr("&Schedule"));
    tabs_->addTab(makeTable(promises_, this, QStringLiteral("promisesView")), tr("Pro&mises"));
    tabs_->addTab(makeTable(payments_, this, QStringLiteral("paymentsView")), tr("Pa&yments"));
    auto* paymentsTab = new QWidget(this);
    receiptsView_ = makeTable(receipts_, paymentsTab, QStringLiteral("receiptsView"));
    auto* print = new QPushButton(tr("Print rece&ipt (Ctrl+P)"), paymentsTab);
    auto* pdf = new QPushButton(tr("Save receipt as P&DF..."), paymentsTab);
    reverseButton_->setParent(paymentsTab);
    auto* receiptButtons = new QHBoxLayout;
    receiptButtons->addWidget(print);
    receiptButtons->addWidget(pdf);
    receiptButtons->addStretch();
    receiptButtons->addWidget(reverseButton_);
    auto* paymentsLayout = new QVBoxLayout(paymentsTab);
    paymentsLayout->addWidget(receiptsView_);
    paymentsLayout->addLayout(receiptButtons);
    tabs_->addTab(paymentsTab, tr("Des&k receipts"));
    auto* otherLoansView = makeTable(otherLoans_, this, QStringLiteral("otherLoansView"));
    tabs_->addTab(otherLoansView, tr("&Other loans"));
    connect(otherLoansView, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit openOtherLoan(QString::fromStdString(otherLoans_->row(index.row()).loanId));
    });
    auditTab_ = makeTable(audit_, this, QStringLiteral("auditView"));
    tabs_->addTab(auditTab_, tr("&Audit trail"));
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_N), this), &QShortcut::activated, this,
            [this] { noteButton_->click(); });
    connect(noteButton_, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const auto text = QInputDialog::getMultiLineText(
            this, tr("Add note"),
            tr("Note on the case (kept as written; a correction is a new note):"), {}, &ok);
        if (ok)
            addNote(text);
    });
    connect(stageButton_, &QPushButton::clicked, this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Change stage"));
        auto* stages = new QComboBox(&dialog);
        for (auto st : {CaseStage::Early, CaseStage::Collection, CaseStage::PreLegal,
                        CaseStage::Legal, CaseStage::PostWriteOff})
            if (!file_->caseRecord || st != file_->caseRecord->stage)
                stages->addItem(stageText(st), static_cast<int>(st));
        stages->setCurrentIndex(stages->findData(static_cast<int>(file_->suggestedStage)));
        auto* note = new QPlainTextEdit(&dialog);
        note->setTabChangesFocus(true);
        auto* form = new QFormLayout(&dialog);
        form->addRow(new QLabel(tr("Suggested by DPD: %1. Moving to legal needs a supervisor's "
                                   "approval: an officer's move becomes a request.")
                                    .arg(stageText(file_->suggestedStage)),
                                &dialog));
        form->addRow(tr("New &stage"), stages);
        form->addRow(tr("&Why"), note);
        auto* buttons =
            new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() == QDialog::Accepted)
            changeStage(static_cast<CaseStage>(stages->currentData().toInt()), note->toPlainText());
    });
    connect(reviewButton_, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const auto comment = QInputDialog::getMultiLineText(
            this, tr("Sign off review"), tr("Your review of the case (kept with the sign-off):"),
            {}, &ok);
        if (ok)
            signOffReview(comment);
    });
    connect(print, &QPushButton::clicked, this, &CaseFilePage::printReceipt);
    connect(new QShortcut(QKeySequence::Print, this), &QShortcut::activated, this,
            &CaseFilePage::printReceipt);
    connect(pdf, &QPushButton::clicked, this, [this] {
        const auto* r = selectedReceipt();
        if (!r)
            return;
        const auto path = QFileDialog::getSaveFileName(
            this, tr("Save receipt as PDF"),
            QStringLiteral("receipt-%1.pdf")
                .arg(QString::fromStdString(services::receiptNumberText(r->receiptNo))),
            tr("PDF files (*.pdf)"));
        if (!path.isEmpty())
            saveReceiptPdf(path);
    });
    connect(reverseButton_, &QPushButton::clicked, this, [this] {
        const auto* r = selectedReceipt();
        if (!r)
            return;
        bool ok = false;
        const auto reason = QInputDialog::getText(
            this, tr("Reverse payment"),
            tr("Reverse receipt %1 (%2)? Nothing is deleted: the payment stays on record as "
               "reversed, and stops counting from today.\n\nReason (e.g. cheque bounced):")
                .arg(QString::fromStdString(services::receiptNumberText(r->receiptNo)),
                     displayMoneyWithCode(r->amount, file_->currency)),
            QLineEdit::Normal, {}, &ok);
        if (ok)
            reverseReceipt(reason);
    });

    message_->setObjectName(QStringLiteral("caseMessage"));
    message_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(actions);
    layout->addWidget(headerFrame);
    layout->addWidget(message_);
    layout->addWidget(tabs_, 1);
    message_->hide();

    connect(back, &QPushButton::clicked, this, &CaseFilePage::backRequested);
    connect(next, &QPushButton::clicked, this, &CaseFilePage::nextRequested);
    connect(previous, &QPushButton::clicked, this, &CaseFilePage::previousRequested);
    connect(logContactButton_, &QPushButton::clicked, this, [this] { logContact(); });
    connect(takePaymentButton_, &QPushButton::clicked, this, [this] { takePayment(); });
    connect(reassignButton_, &QPushButton::clicked, this, [this] { reassign(); });
}

QString CaseFilePage::loanId() const {
    return file_ ? QString::fromStdString(file_->loan.loanId) : QString();
}

bool CaseFilePage::showLoan(const QString& loanId) {
    auto file = services_.cases->caseFile(loanId.toStdString(), session_.businessDate);
    if (!file) {
        file_.reset();
        message_->setText(QString::fromStdString(file.error().message));
        message_->show();
        return false;
    }
    message_->hide();
    file_ = std::move(*file);
    timeline_->setEntries(buildTimeline(*file_));
    PositionCalculator calc(storage::loadDelinquencyPolicy(*services_.db));
    calc.compute(file_->ledger, session_.businessDate);
    schedule_->setSchedule(calc.installments(), session_.businessDate,
                           calc.policy().arrearsTolerance, file_->currency);
    promises_->setPromises(file_->promises, file_->currency);
    payments_->setPayments(file_->ledger.payments, session_.businessDate, file_->currency);
    receipts_->setReceipts(services_.payments->receiptsForLoan(file_->loan.loanId),
                           file_->currency);
    if (receipts_->rowCount() > 0)
        receiptsView_->setCurrentIndex(receipts_->index(0, 0));
    if (auto others = services_.queries->otherLoans(file_->loan.loanId, session_.businessDate))
        otherLoans_->setRows(std::move(*others), file_->currency);
    else
        otherLoans_->setRows({}, file_->currency);
    // The small tables of a case are sized to their contents once per case.
    for (auto* view : tabs_->findChildren<QTableView*>())
        if (view != timelineView_ && view->objectName() != QStringLiteral("auditView"))
            view->resizeColumnsToContents();
    auto trail = services_.actions->auditTrail(session_.user, file_->loan.loanId);
    tabs_->setTabVisible(tabs_->indexOf(auditTab_), trail.ok());
    audit_->setEntries(trail ? std::move(*trail) : std::vector<services::AuditEntry>{});
    fillHeader();
    updateActions();
    return true;
}

void CaseFilePage::reload() {
    if (file_)
        showLoan(loanId());
}

void CaseFilePage::fillHeader() {
    const auto& f = *file_;
    const auto client = storage::ClientRepository(*services_.db).findByLoan(f.loan.loanId);
    QString who = QStringLiteral("<h2 style='margin:0'>%1</h2>").arg(esc(f.loan.clientName));
    if (client) {
        QStringList phones;
        for (const auto* p : {&client->phone, &client->altPhone})
            if (!p->empty())
                phones << telLink(*p);
        who += tr("Phone: %1").arg(phones.isEmpty() ? tr("none on file") : phones.join(", "));
        if (!client->address.empty())
            who += QStringLiteral("<br>") + tr("Address: %1").arg(esc(client->address));
        if (!client->groupName.empty())
            who += QStringLiteral("<br>") + tr("Group: %1").arg(esc(client->groupName));
        who += QStringLiteral("<br>") +
               tr("Client %1, %2 branch").arg(esc(client->clientId), esc(client->branch));
    }
    header_->setText(who);

    const auto& cur = f.currency;
    const auto& a = f.position.arrears;
    const QString bucket = f.bucket.empty() ? QString::fromLatin1(toString(f.position.status))
                                            : QString::fromStdString(f.bucket);
    QString loan =
        tr("<b>Loan %1</b> - %2<br>Principal %3, disbursed %4<br>Outstanding principal "
           "<b>%5</b><br><span style='color:%6'>&#9679;</span> <b>%7 days past due</b> "
           "(%8)<br>Arrears <b>%9</b>: principal %10, interest %11, fees %12, penalties %13")
            .arg(esc(f.loan.loanId), esc(f.ledger.terms.product),
                 displayMoneyWithCode(f.ledger.terms.principal, cur),
                 displayDate(f.ledger.terms.disbursedOn),
                 displayMoneyWithCode(f.position.outstandingPrincipal, cur),
                 bucketColor(f.position.bucketIndex).name())
            .arg(f.position.daysPastDue)
            .arg(bucket, displayMoneyWithCode(a.total(), cur), displayMoney(a.principal, cur),
                 displayMoney(a.interest, cur), displayMoney(a.fees, cur),
                 displayMoney(a.penalties, cur));
    if (f.position.creditBalance > 0)
        loan += QStringLiteral("<br>") +
                tr("Credit balance %1").arg(displayMoneyWithCode(f.position.creditBalance, cur));
    position_->setText(loan);

    QString next;
    if (f.caseRecord) {
        const auto& c = *f.caseRecord;
        next =
            c.open
                ? tr("<b>Case open</b> since %1").arg(displayDate(c.openedOn))
                : tr("<b>Case closed</b> %1 (%2)").arg(displayDate(c.closedOn), esc(c.closeReason));
        next += QStringLiteral("<br>") + tr("Stage: %1 (suggested by DPD: %2)")
                                             .arg(stageText(c.stage), stageText(f.suggestedStage));
        next +=
            QStringLiteral("<br>") + tr("Officer: %1")
                                         .arg(c.assignedUsername.empty() ? tr("<i>unassigned</i>")
                                                                         : esc(c.assignedUsername));
        if (c.nextActionOn)
            next +=
                QStringLiteral("<br>") +
                tr("Next action: %1 %2").arg(displayDate(*c.nextActionOn), esc(c.nextActionKind));
    } else {
        next = tr("No recovery case on this loan.");
    }
    if (!f.promises.empty()) {
        const auto& p = f.promises.back();
        next += QStringLiteral("<br>") + tr("Latest promise: %1 by %2, <b>%3</b>")
                                             .arg(displayMoneyWithCode(p.promise.amount, cur),
                                                  displayDate(p.promise.promisedFor),
                                                  promiseStatusText(p.evaluation.status));
    }
    for (const auto& a : f.approvals)
        if (!a.decision)
            next += QStringLiteral("<br><b>") +
                    tr("Legal action requested by %1, waiting for a supervisor")
                        .arg(esc(a.requestedBy)) +
                    QStringLiteral("</b>");
    for (const auto& flag : f.flags)
        next += QStringLiteral("<br>&#9888; ") + esc(flag.text);
    nextStep_->setText(next);
}

void CaseFilePage::updateActions() {
    const bool open = file_ && file_->caseRecord && file_->caseRecord->open;
    const auto& user = session_.user;
    const std::string branch = file_ ? file_->loan.branch : std::string();
    const bool mine = open && file_->caseRecord->assignedUsername == user.username;
    const bool works = (mine && allows(user, Permission::WorkOwnCases, branch)) ||
                       allows(user, Permission::WorkBranchCases, branch);
    logContactButton_->setEnabled(open && works);
    logContactButton_->setToolTip(
        open ? (works ? QString()
                      : tr("Only the case's officer or a supervisor of the branch "
                           "may log contacts on it."))
             : tr("There is no open case on this loan."));
    takePaymentButton_->setEnabled(file_.has_value() && works);
    reassignButton_->setVisible(allows(user, Permission::ReassignCases, branch));
    reassignButton_->setEnabled(open);
    reverseButton_->setVisible(allows(user, Permission::WorkBranchCases, branch));
    noteButton_->setEnabled(open && works);
    stageButton_->setEnabled(open && works);
    reviewButton_->setVisible(allows(user, Permission::SignOffReviews, branch));
    reviewButton_->setEnabled(open);
}

bool CaseFilePage::logContact() {
    if (!file_ || !logContactButton_->isEnabled())
        return false;
    LogContactDialog dialog(services_, session_, *file_,
                            storage::loadDeskSettings(*services_.db).contactRules, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QString loan = loanId();
    reload();
    emit caseChanged(loan);
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
    tabs_->setCurrentIndex(tabs_->indexOf(receiptsView_->parentWidget()));
    showMessage(tr("Receipt %1 saved: %2. Print it with Ctrl+P.")
                    .arg(QString::fromStdString(services::receiptNumberText(receipt.receiptNo)),
                         displayMoneyWithCode(receipt.amount, file_->currency)));
    emit caseChanged(loan);
    return true;
}

const services::DeskReceipt* CaseFilePage::selectedReceipt() const {
    const auto index = receiptsView_->currentIndex();
    if (!index.isValid()) {
        return nullptr;
    }
    return &receipts_->receipt(index.row());
}

void CaseFilePage::printReceipt() {
    if (const auto* r = selectedReceipt())
        previewReceipt(*r, file_->currency, this);
    else
        showMessage(tr("There is no desk receipt on this loan to print."), true);
}

bool CaseFilePage::saveReceiptPdf(const QString& path) {
    const auto* r = selectedReceipt();
    if (!r)
        return false;
    if (!ui::saveReceiptPdf(*r, file_->currency, path)) {
        showMessage(tr("The receipt could not be written to %1: choose another folder.").arg(path),
                    true);
        return false;
    }
    showMessage(tr("Receipt saved as %1").arg(path));
    return true;
}

bool CaseFilePage::reverseReceipt(const QString& reason) {
    const auto* r = selectedReceipt();
    if (!r)
        return false;
    auto result = services_.payments->reverse(session_.user, r->receiptNo, reason.toStdString(),
                                              session_.businessDate);
    if (!result) {
        showMessage(QString::fromStdString(result.error().message), true);
        return false;
    }
    const QString loan = loanId();
    reload();
    showMessage(tr("Receipt %1 reversed; the payment stays on record.")
                    .arg(QString::fromStdString(services::receiptNumberText(result->receiptNo))));
    emit caseChanged(loan);
    return true;
}

bool CaseFilePage::addNote(const QString& text) {
    if (!file_)
        return false;
    auto result =
        services_.actions->addNote(session_.user, file_->loan.loanId, text.trimmed().toStdString(),
                                   std::nullopt, session_.businessDate);
    if (!result) {
        showMessage(QString::fromStdString(result.error().message), true);
        return false;
    }
    const QString loan = loanId();
    reload();
    showMessage(tr("Note added."));
    emit caseChanged(loan);
    return true;
}

bool CaseFilePage::correctSelected() {
    const auto index = timelineView_->currentIndex();
    if (!file_ || !index.isValid())
        return false;
    const TimelineEntry entry = timeline_->entry(index.row());
    if (entry.source == TimelineEntry::Source::Note) {
        bool ok = false;
        const auto text = QInputDialog::getMultiLineText(
            this, tr("Correct note #%1").arg(entry.sourceId),
            tr("The corrected note is saved as a new note; the original stays on record:"),
            QString::fromStdString(entry.noteText), &ok);
        return ok && correctNote(entry.sourceId, text);
    }
    if (entry.source != TimelineEntry::Source::Contact)
        return false;
    LogContactDialog dialog(services_, session_, *file_,
                            storage::loadDeskSettings(*services_.db).contactRules, this);
    dialog.setCorrects(entry.sourceId);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QString loan = loanId();
    reload();
    showMessage(tr("Contact #%1 corrected; the original stays on record.").arg(entry.sourceId));
    emit caseChanged(loan);
    return true;
}

bool CaseFilePage::correctNote(std::int64_t noteId, const QString& text) {
    if (!file_)
        return false;
    auto result =
        services_.actions->addNote(session_.user, file_->loan.loanId, text.trimmed().toStdString(),
                                   noteId, session_.businessDate);
    if (!result) {
        showMessage(QString::fromStdString(result.error().message), true);
        return false;
    }
    const QString loan = loanId();
    reload();
    showMessage(tr("Note #%1 corrected; the original stays on record.").arg(noteId));
    emit caseChanged(loan);
    return true;
}

bool CaseFilePage::changeStage(CaseStage stage, const QString& note) {
    if (!file_)
        return false;
    const auto& user = session_.user;
    const bool approves = allows(user, Permission::ApprovePlans, file_->loan.branch);
    QString done;
    if (stage == CaseStage::Legal && !approves) {
        auto result = services_.actions->requestLegal(
            user, file_->loan.loanId, note.trimmed().toStdString(), session_.businessDate);
        if (!result) {
            showMessage(QString::fromStdString(result.error().message), true);
            return false;
        }
        done = tr("Legal action requested: the case moves to legal when a supervisor approves.");
    } else {
        auto result = services_.actions->changeStage(
            user, file_->loan.loanId, stage, note.trimmed().toStdString(), session_.businessDate);
        if (!result) {
            showMessage(QString::fromStdString(result.error().message), true);
            return false;
        }
        done = tr("Stage changed to %1.").arg(stageText(stage));
    }
    const QString loan = loanId();
    reload();
    showMessage(done);
    emit caseChanged(loan);
    return true;
}

bool CaseFilePage::signOffReview(const QString& comment) {
    if (!file_)
        return false;
    auto result = services_.actions->signOffReview(
        session_.user, file_->loan.loanId, comment.trimmed().toStdString(), session_.businessDate);
    if (!result) {
        showMessage(QString::fromStdString(result.error().message), true);
        return false;
    }
    const QString loan = loanId();
    reload();
    showMessage(tr("Review signed off."));
    emit caseChanged(loan);
    return true;
}

void CaseFilePage::showMessage(const QString& text, bool problem) {
    message_->setText(text);
    message_->setStyleSheet(problem ? QStringLiteral("color: #b71c1c; font-weight: bold;")
                                    : QStringLiteral("color: #1b5e20; font-weight: bold;"));
    message_->show();
}

QString CaseFilePage::message() const {
    return message_->isHidden() ? QString() : message_->text();
}

bool CaseFilePage::reassign() {
    if (!file_ || !file_->caseRecord || !file_->caseRecord->open)
        return false;
    ReassignDialog dialog(services_, session_, {QString::fromStdString(file_->loan.loanId)},
                          QString::fromStdString(file_->loan.branch), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QString loan = loanId();
    reload();
    emit caseChanged(loan);
    return true;
}

} // namespace rd::ui

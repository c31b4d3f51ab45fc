#include "plan_workbench_dialog.h"

#include "display_text.h"
#include "error_text.h"
#include "money_display.h"
#include "services/settings_service.h"
#include "widgets/dialog_keys.h"

#include <QAction>
#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSplitter>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace rd::ui {
namespace {

const QString kGeometryKey = QStringLiteral("planWorkbench/geometry");
const QString kSplitterKey = QStringLiteral("planWorkbench/splitter");
constexpr PlanKind kKinds[] = {PlanKind::Arrangement, PlanKind::Reschedule, PlanKind::Settlement};

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

} // namespace

PlanWorkbenchDialog::PlanWorkbenchDialog(DeskServices services, const DeskSession& session,
                                         const services::CaseFile& file, QWidget* parent)
    : QDialog(parent), services_(std::move(services)), session_(session), file_(file),
      undo_(new QUndoStack(this)), header_(new QLabel(this)),
      splitter_(new QSplitter(Qt::Horizontal, this)), group_(new QButtonGroup(this)),
      note_(new QLineEdit(this)), reason_(new QLineEdit(this)), reasonLabel_(nullptr),
      problemLabel_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this)),
      propose_(buttons_->addButton(tr("&Propose for approval"), QDialogButtonBox::AcceptRole)) {
    setObjectName(QStringLiteral("planWorkbenchDialog"));
    setWindowTitle(tr("Plan workbench - loan %1, %2")
                       .arg(QString::fromStdString(file.loan.loanId),
                            QString::fromStdString(file.loan.clientName)));
    context_.services = services_;
    context_.session = &session_;
    context_.file = &file_;
    context_.start = session.businessDate;

    header_->setObjectName(QStringLiteral("planWorkbenchHeader"));
    header_->setTextFormat(Qt::RichText);
    header_->setWordWrap(true);
    splitter_->setObjectName(QStringLiteral("planWorkbenchSplitter"));
    splitter_->setChildrenCollapsible(false);
    for (std::size_t i = 0; i < options_.size(); ++i) {
        options_[i] = new PlanOptionPanel(kKinds[i], context_, undo_, splitter_);
        splitter_->addWidget(options_[i]);
        group_->addButton(options_[i]->chooseButton(), static_cast<int>(i));
        connect(options_[i], &PlanOptionPanel::recomputed, this, &PlanWorkbenchDialog::validate);
    }
    note_->setObjectName(QStringLiteral("planNote"));
    note_->setPlaceholderText(tr("required: what was agreed with the client, and how"));
    reason_->setObjectName(QStringLiteral("planAffordabilityReason"));
    problemLabel_->setObjectName(QStringLiteral("planWorkbenchProblem"));
    problemLabel_->setWordWrap(true);
    problemLabel_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    propose_->setObjectName(QStringLiteral("proposePlanButton"));

    // One undo stack for the three options: Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) anywhere but in a
    // text field, which keeps its own.
    auto* undoAction = undo_->createUndoAction(this, tr("&Undo"));
    undoAction->setObjectName(QStringLiteral("planUndoAction"));
    undoAction->setShortcut(QKeySequence::Undo);
    auto* redoAction = undo_->createRedoAction(this, tr("&Redo"));
    redoAction->setObjectName(QStringLiteral("planRedoAction"));
    redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    for (auto* a : {undoAction, redoAction}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    auto* undoButton = new QToolButton(this);
    undoButton->setDefaultAction(undoAction);
    undoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* redoButton = new QToolButton(this);
    redoButton->setDefaultAction(redoAction);
    redoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto* top = new QHBoxLayout;
    top->addWidget(header_, 1);
    auto* undoRow = new QVBoxLayout;
    undoRow->addWidget(undoButton);
    undoRow->addWidget(redoButton);
    undoRow->addStretch();
    top->addLayout(undoRow);

    auto* form = new QFormLayout;
    form->addRow(tr("&Note on what was agreed"), note_);
    form->addRow(tr("Affordability &reason"), reason_);
    reasonLabel_ = qobject_cast<QLabel*>(form->labelForField(reason_));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter_, 1);
    layout->addLayout(form);
    layout->addWidget(problemLabel_);
    layout->addWidget(buttons_);

    connect(group_, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            validate();
    });
    connect(note_, &QLineEdit::textChanged, this, &PlanWorkbenchDialog::validate);
    connect(reason_, &QLineEdit::textChanged, this, &PlanWorkbenchDialog::validate);
    connect(buttons_, &QDialogButtonBox::accepted, this, &PlanWorkbenchDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &PlanWorkbenchDialog::reject);
    addSaveShortcut(this, buttons_);
    // Enter in a table or a field never proposes by accident: only a click or Ctrl+Enter.
    for (auto* b : buttons_->buttons())
        if (auto* push = qobject_cast<QPushButton*>(b)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1340, 720);
    splitter_->restoreState(settings.value(kSplitterKey).toByteArray());
}

PlanWorkbenchDialog::~PlanWorkbenchDialog() {
    // The commands point at the options: clear them before the options go.
    undo_->clear();
}

bool PlanWorkbenchDialog::load() {
    // A settlement with nothing in it yet: the loan's figures as of the start and the
    // client's budget, or why this user may not propose here.
    services::PlanProposal probe;
    probe.loanId = file_.loan.loanId;
    probe.kind = PlanKind::Settlement;
    probe.start = context_.start;
    auto d = services_.plans->draft(session_.user, probe, session_.businessDate);
    if (!d) {
        error_ = d.error();
        return false;
    }
    context_.start = d->start;
    context_.balance = d->balance;
    context_.arrears = d->arrears;
    int maxShare = 50;
    if (auto list = services_.settings->list(session_.user))
        for (const auto& s : *list) {
            const int value = QString::fromStdString(s.value).toInt();
            if (s.key == "promise_grace_days")
                context_.graceDays = value;
            else if (s.key == "restructure_watch_installments")
                context_.watchInstallments = value;
            else if (s.key == "plan_max_share_of_surplus")
                maxShare = value;
        }
    header_->setText(headerHtml(*d, maxShare));
    undo_->clear();
    for (auto* o : options_)
        o->initialise();
    undo_->clear();
    options_[context_.arrears > 0 ? 0 : 1]->chooseButton()->setChecked(true);
    validate();
    return true;
}

QString PlanWorkbenchDialog::headerHtml(const services::PlanDraft& probe, int maxShare) const {
    const auto& f = file_;
    const auto& c = f.currency;
    const QString bucket =
        f.bucket.empty() ? loanStatusText(f.position.status) : QString::fromStdString(f.bucket);
    QString loan =
        tr("<b>Loan %1</b> - %2<br>Balance <b>%3</b> (principal and unpaid interest "
           "and charges)<br>Arrears <b>%4</b>, <span style='color:%5'>&#9679;</span> "
           "<b>%6 days past due</b> (%7)<br>Plans start on %8")
            .arg(esc(f.loan.loanId), esc(f.loan.clientName), displayMoneyWithCode(probe.balance, c),
                 displayMoneyWithCode(probe.arrears, c), bucketColor(f.position.bucketIndex).name())
            .arg(f.position.daysPastDue)
            .arg(bucket.toHtmlEscaped(), displayDate(probe.start));
    QString budget;
    if (probe.budget) {
        const auto& b = *probe.budget;
        budget =
            tr("<b>Budget of %1</b><br>Income %2 a month<br>Expenses %3 a month<br>Surplus "
               "<b>%4</b> a month")
                .arg(displayDate(b.date), displayMoneyWithCode(b.income(), c),
                     displayMoneyWithCode(b.expenses(), c), displayMoneyWithCode(b.surplus(), c));
        if (probe.allowedMonthly)
            budget += tr("<br>A plan may take up to <b>%1</b> a month (%2% of the surplus)")
                          .arg(displayMoneyWithCode(*probe.allowedMonthly, c))
                          .arg(maxShare);
        else
            budget += tr("<br>No surplus: any plan needs a written reason for the approver.");
    } else {
        budget = tr("<b>No budget</b> on file for the client: any plan needs a written reason "
                    "for the approver (record the client's budget first if you can).");
    }
    return QStringLiteral("<table width='100%'><tr><td width='50%' valign='top'>%1</td>"
                          "<td valign='top'>%2</td></tr></table>")
        .arg(loan, budget);
}

PlanOptionPanel* PlanWorkbenchDialog::option(PlanKind kind) const {
    for (auto* o : options_)
        if (o->kind() == kind)
            return o;
    return nullptr;
}

PlanOptionPanel* PlanWorkbenchDialog::chosen() const {
    const int id = group_->checkedId();
    return id < 0 ? nullptr : options_[static_cast<std::size_t>(id)];
}

void PlanWorkbenchDialog::choose(PlanKind kind) {
    option(kind)->chooseButton()->setChecked(true);
}

void PlanWorkbenchDialog::validate() {
    problem_.clear();
    const PlanOptionPanel* o = chosen();
    const bool needsReason = o && o->draft() && o->draft()->needsAffordabilityReason;
    reason_->setEnabled(needsReason);
    reason_->setPlaceholderText(
        needsReason ? tr("required: why the plan is proposed although the budget does not "
                         "show it affordable")
                    : tr("not needed: the budget shows the chosen option affordable"));
    if (reasonLabel_)
        reasonLabel_->setEnabled(needsReason);
    if (!o) {
        problem_ = tr("Choose the option to propose.");
    } else if (!o->proposable()) {
        problem_ = tr("The %1 cannot be proposed yet: %2")
                       .arg(planKindText(o->kind()).toLower(),
                            o->problems().isEmpty() ? tr("it could not be worked out.")
                                                    : o->problems().front());
    } else if (note_->text().trimmed().isEmpty()) {
        problem_ = tr("Write what was agreed with the client in the note.");
    } else if (needsReason && reason_->text().trimmed().isEmpty()) {
        problem_ = tr("Write the affordability reason: why the %1 is proposed although the "
                      "budget does not show it affordable.")
                       .arg(planKindText(o->kind()).toLower());
    }
    problemLabel_->setText(problem_);
    propose_->setEnabled(problem_.isEmpty());
    propose_->setToolTip(problem_);
}

void PlanWorkbenchDialog::accept() {
    validate();
    PlanOptionPanel* o = chosen();
    if (!problem_.isEmpty() || !o)
        return;
    services::PlanProposal p = o->proposal();
    p.note = note_->text().trimmed().toStdString();
    if (o->draft()->needsAffordabilityReason)
        p.affordabilityReason = reason_->text().trimmed().toStdString();
    auto view = services_.plans->propose(session_.user, p, session_.businessDate);
    if (!view) {
        problem_ = reportError(this, view.error());
        problemLabel_->setText(problem_);
        return;
    }
    proposed_ = *view;
    doneText_ =
        view->plan.approvalsNeeded > 1
            ? tr("Plan %1 proposed; it waits for the approval of two supervisors (its "
                 "waiver is above the limit).")
                  .arg(view->plan.id)
            : tr("Plan %1 proposed; it waits for a supervisor's approval.").arg(view->plan.id);
    QDialog::accept();
}

void PlanWorkbenchDialog::done(int result) {
    if (result == QDialog::Rejected && undo_->count() > 0 && isVisible()) {
        QMessageBox ask(QMessageBox::Question, tr("Close the plan workbench"),
                        tr("The options you worked out are not saved; nothing was proposed. "
                           "Close the workbench?"),
                        QMessageBox::Yes | QMessageBox::No, this);
        ask.setObjectName(QStringLiteral("confirmCloseWorkbench"));
        ask.setDefaultButton(QMessageBox::No);
        if (ask.exec() != QMessageBox::Yes)
            return;
    }
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kSplitterKey, splitter_->saveState());
    QDialog::done(result);
}

} // namespace rd::ui

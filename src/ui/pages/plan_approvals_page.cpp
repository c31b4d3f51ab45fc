#include "plan_approvals_page.h"

#include "dialogs/text_entry_dialog.h"
#include "error_text.h"
#include "models/plan_approvals_model.h"
#include "models/plan_installments_model.h"
#include "money_display.h"
#include "plan_text.h"
#include "services/plan_service.h"
#include "services/user_service.h"
#include "widgets/table_view_setup.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

PlanApprovalsPage::PlanApprovalsPage(DeskServices services, const DeskSession& session,
                                     QWidget* parent)
    : QWidget(parent), services_(std::move(services)), session_(session),
      model_(new PlanApprovalsModel(this)), installments_(new PlanInstallmentsModel(this)),
      view_(makeDataTable(model_, this, QStringLiteral("planApprovalsView"), false)),
      installmentsView_(
          makeDataTable(installments_, this, QStringLiteral("planApprovalInstallments"), false)),
      summary_(new QLabel(this)), details_(new QLabel(this)), message_(new QLabel(this)),
      approve_(new QPushButton(tr("&Approve (Ctrl+Enter)..."), this)),
      reject_(new QPushButton(tr("Re&ject (Ctrl+J)..."), this)),
      open_(new QPushButton(tr("&Open case"), this)) {
    setObjectName(QStringLiteral("planApprovalsPage"));
    approve_->setObjectName(QStringLiteral("approvePlan"));
    reject_->setObjectName(QStringLiteral("rejectPlan"));
    open_->setObjectName(QStringLiteral("openPlanCase"));
    details_->setObjectName(QStringLiteral("planDetails"));
    message_->setObjectName(QStringLiteral("planApprovalMessage"));
    summary_->setObjectName(QStringLiteral("planApprovalsSummary"));
    const int widths[] = {85, 90, 140, 140, 85, 85, 75, 115, 70, 280};
    for (int c = 0; c < PlanApprovalsModel::ColumnCount; ++c)
        view_->setColumnWidth(c, widths[c]);
    // A plan waiting for approval has no payments counted against it yet.
    installmentsView_->setColumnHidden(PlanInstallmentsModel::PaidSoFar, true);
    installmentsView_->setColumnHidden(PlanInstallmentsModel::Status, true);
    view_->horizontalHeader()->setStretchLastSection(true);
    details_->setWordWrap(true);
    details_->setTextFormat(Qt::RichText);
    details_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->setWordWrap(true);
    message_->hide();

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(details_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* detail = new QSplitter(Qt::Horizontal, this);
    detail->addWidget(installmentsView_);
    detail->addWidget(scroll);
    detail->setStretchFactor(0, 2);
    detail->setStretchFactor(1, 3);
    detail->setSizes({470, 700});

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(summary_, 1);
    buttons->addWidget(open_);
    buttons->addWidget(approve_);
    buttons->addWidget(reject_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Plans to approve</h2>"), this));
    layout->addWidget(view_, 3);
    layout->addLayout(buttons);
    layout->addWidget(message_);
    layout->addWidget(detail, 4);

    connect(approve_, &QPushButton::clicked, this, &PlanApprovalsPage::approveSelected);
    connect(reject_, &QPushButton::clicked, this, &PlanApprovalsPage::rejectSelected);
    for (const auto key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | key), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        shortcut->setWhatsThis(tr("approve the selected plan (plans to approve)"));
        connect(shortcut, &QShortcut::activated, this, &PlanApprovalsPage::approveSelected);
    }
    auto* rejectKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_J), this);
    rejectKey->setContext(Qt::WidgetWithChildrenShortcut);
    rejectKey->setWhatsThis(tr("reject the selected plan (plans to approve)"));
    connect(rejectKey, &QShortcut::activated, this, &PlanApprovalsPage::rejectSelected);
    const auto openSelected = [this] {
        const auto index = view_->currentIndex();
        if (index.isValid())
            emit openCase(QString::fromStdString(model_->plan(index.row()).plan.loanId));
    };
    connect(open_, &QPushButton::clicked, this, openSelected);
    connect(view_, &QTableView::activated, this, openSelected);
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PlanApprovalsPage::showSelected);
    connect(model_, &QAbstractItemModel::modelReset, this, &PlanApprovalsPage::showSelected);
    showSelected();
}

void PlanApprovalsPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload();
}

void PlanApprovalsPage::reload() {
    const auto index = view_->currentIndex();
    const std::int64_t selected = index.isValid() ? model_->plan(index.row()).plan.id : 0;
    const auto& user = session_.user;
    names_.clear();
    if (auto users = services_.users->list(user))
        for (const auto& u : *users)
            names_[u.user.username] = u.user.fullName;
    auto plans =
        services_.plans->list(user, std::nullopt, PlanStatus::Proposed, session_.businessDate);
    if (!plans) {
        model_->setPlans({}, session_.currency, names_, {});
        summary_->setText(reportError(this, plans.error()));
        return;
    }
    // Only the branches this supervisor decides for.
    std::vector<services::PlanView> waiting;
    for (auto& v : *plans)
        if (allows(user, Permission::ApprovePlans, v.branch))
            waiting.push_back(std::move(v));
    const int count = static_cast<int>(waiting.size());
    model_->setPlans(std::move(waiting), session_.currency, names_,
                     loadPlanLimits(services_, user));
    summary_->setText(count == 0 ? tr("No plan waits for approval.")
                                 : tr("%n plan(s) wait for approval.", nullptr, count));
    const int row = selected ? model_->rowOfPlan(selected) : -1;
    if (model_->rowCount() > 0)
        view_->setCurrentIndex(model_->index(row < 0 ? 0 : row, 0));
}

bool PlanApprovalsPage::selectPlan(std::int64_t planId) {
    const int row = model_->rowOfPlan(planId);
    if (row < 0)
        return false;
    view_->setCurrentIndex(model_->index(row, 0));
    return true;
}

void PlanApprovalsPage::showSelected() {
    const auto index = view_->currentIndex();
    const bool selected = index.isValid();
    approve_->setEnabled(selected);
    reject_->setEnabled(selected);
    open_->setEnabled(selected);
    if (!selected) {
        installments_->clear();
        details_->setText(model_->rowCount() == 0
                              ? tr("Plans an officer proposes for a loan of your branch come "
                                   "here for your approval.")
                              : tr("Select a plan to see its installments and the client's "
                                   "budget."));
        return;
    }
    const auto& v = model_->plan(index.row());
    const auto& p = v.plan;
    const auto& c = session_.currency;
    installments_->setPlan(v, nullptr, session_.businessDate, c);
    const PlanLimits limits = loadPlanLimits(services_, session_.user);
    const auto esc = [](const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); };
    QString html =
        tr("<b>Plan %1: %2 of loan %3, %4</b>")
            .arg(QString::number(p.id), planKindText(p.kind), esc(p.loanId), esc(v.clientName));
    html +=
        QStringLiteral("<br>") + tr("Starts %1; %n installment(s), total %2.", nullptr,
                                    static_cast<int>(p.installments.size()))
                                     .arg(displayDate(p.start), displayMoneyWithCode(p.total, c));
    html += QStringLiteral("<br>") +
            tr("Balance when proposed %1.").arg(displayMoneyWithCode(p.balance, c));
    if (p.waived > 0)
        html +=
            QStringLiteral(" ") + tr("Waived %1: %2 of the balance, the limit is %3%.")
                                      .arg(displayMoneyWithCode(p.waived, c), waiverShareText(p))
                                      .arg(limits.waiverLimitPercent);
    html += QStringLiteral("<br>") +
            (p.approvalsNeeded > 1
                 ? tr("Needs two different supervisors: %1 approvals so far.").arg(approvalsText(p))
                 : tr("One supervisor's approval makes it active."));
    for (const auto& d : p.decisions) {
        QString decision = planDecisionText(d, names_);
        decision[0] = decision[0].toUpper();
        html += QStringLiteral("<br>") + decision.toHtmlEscaped();
    }
    html += QStringLiteral("<br>") +
            tr("Proposed by %1 on %2.")
                .arg(userText(p.proposedBy, names_).toHtmlEscaped(), displayDate(p.businessDate));

    html += QStringLiteral("<h4>") + tr("Affordability") + QStringLiteral("</h4>") +
            affordabilityText(p, limits, c).toHtmlEscaped();
    if (!p.affordabilityReason.empty())
        html += QStringLiteral("<br>") +
                tr("The officer's reason: <i>%1</i>").arg(esc(p.affordabilityReason));
    if (v.budget) {
        const auto& b = *v.budget;
        html += QStringLiteral("<h4>") + tr("Budget of %1 (monthly)").arg(displayDate(b.date)) +
                QStringLiteral("</h4><table cellpadding='1'>");
        for (const bool income : {true, false})
            for (const auto& l : b.lines)
                if (l.income == income)
                    html += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%3</td>"
                                           "</tr>")
                                .arg(income ? tr("income") : tr("expense"), esc(l.name),
                                     displayMoney(l.monthly, c));
        html += QStringLiteral("<tr><td colspan='2'><b>%1</b></td><td align='right'><b>%2</b>"
                               "</td></tr></table>")
                    .arg(tr("Surplus"), displayMoneyWithCode(b.surplus(), c));
        if (!b.note.empty())
            html += esc(b.note);
    } else {
        html += QStringLiteral("<br>") + tr("No budget worksheet was recorded for the client.");
    }
    if (!p.note.empty())
        html += QStringLiteral("<h4>") + tr("Note") + QStringLiteral("</h4>") + esc(p.note);
    details_->setText(html);
}

QString PlanApprovalsPage::details() const {
    return details_->text();
}

bool PlanApprovalsPage::approveSelected() {
    return ask(true);
}

bool PlanApprovalsPage::rejectSelected() {
    return ask(false);
}

bool PlanApprovalsPage::ask(bool approve) {
    const auto index = view_->currentIndex();
    if (!index.isValid()) {
        showMessage(tr("Select a plan that waits for approval first."), true);
        return false;
    }
    const auto& p = model_->plan(index.row()).plan;
    const QString details =
        tr("Plan %1: %2 of loan <b>%3</b>, total %4 in %n installment(s).", nullptr,
           static_cast<int>(p.installments.size()))
            .arg(QString::number(p.id), planKindText(p.kind),
                 QString::fromStdString(p.loanId).toHtmlEscaped(),
                 displayMoneyWithCode(p.total, session_.currency)) +
        (approve && p.approvalsNeeded > 1 && p.approvals() == 0
             ? QStringLiteral("<br>") +
                   tr("Its waiver is above the limit: it stays waiting for a second "
                      "supervisor after your approval.")
             : QString());
    TextEntryDialog dialog(
        {approve ? tr("Approve plan") : tr("Reject plan"),
         details,
         approve ? tr("&Comment (kept with the approval):")
                 : tr("&Comment for the officer (why it is rejected):"),
         approve ? tr("Write a comment on your approval.") : tr("Write why the plan is rejected."),
         approve ? tr("Approve") : tr("Reject"),
         {}},
        this);
    dialog.setObjectName(QStringLiteral("planDecisionDialog"));
    return dialog.exec() == QDialog::Accepted && decide(approve, dialog.text());
}

bool PlanApprovalsPage::decide(bool approve, const QString& comment) {
    const auto index = view_->currentIndex();
    if (!index.isValid()) {
        showMessage(tr("Select a plan that waits for approval first."), true);
        return false;
    }
    const auto id = model_->plan(index.row()).plan.id;
    const auto text = comment.trimmed().toStdString();
    auto result = approve ? services_.plans->approve(session_.user, id, text, session_.businessDate)
                          : services_.plans->reject(session_.user, id, text, session_.businessDate);
    if (!result) {
        showMessage(reportError(this, result.error()), true);
        return false;
    }
    reload();
    const auto& p = result->plan;
    if (!approve)
        showMessage(tr("Plan %1 rejected; the officer sees your comment.").arg(p.id), false);
    else if (result->status == PlanStatus::Proposed)
        showMessage(tr("Plan %1 approved (%2): it waits for a second supervisor's approval.")
                        .arg(QString::number(p.id), approvalsText(p)),
                    false);
    else
        showMessage(tr("Plan %1 approved: it is the loan's active plan now.").arg(p.id), false);
    return true;
}

void PlanApprovalsPage::showMessage(const QString& text, bool problem) {
    message_->setText(text);
    message_->setStyleSheet(problem ? QStringLiteral("color: #b71c1c; font-weight: bold;")
                                    : QStringLiteral("color: #1b5e20; font-weight: bold;"));
    message_->show();
}

QString PlanApprovalsPage::message() const {
    return message_->isHidden() ? QString() : message_->text();
}

} // namespace rd::ui

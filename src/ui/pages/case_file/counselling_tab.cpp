#include "counselling_tab.h"

#include "dialogs/budget_dialog.h"
#include "dialogs/counselling_dialog.h"
#include "dialogs/referral_dialog.h"
#include "models/budget_lines_model.h"
#include "models/counselling_models.h"
#include "money_display.h"
#include "services/counselling_service.h"
#include "services/plan_service.h"
#include "widgets/table_view_setup.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {
namespace {

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text), parent);
    return label;
}

} // namespace

CounsellingTab::CounsellingTab(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(std::move(services)), session_(session),
      budgets_(new BudgetHistoryModel(this)),
      lines_(new BudgetLinesModel(session_.currency, false, this)),
      sessions_(new CounsellingSessionsModel(this)), referrals_(new ReferralsModel(this)),
      budgetsView_(makeDataTable(budgets_, this, QStringLiteral("budgetHistoryView"), false)),
      linesView_(makeDataTable(lines_, this, QStringLiteral("latestBudgetLinesView"), false)),
      sessionsView_(makeDataTable(sessions_, this, QStringLiteral("sessionsView"), false)),
      referralsView_(makeDataTable(referrals_, this, QStringLiteral("referralsView"), false)),
      linesLabel_(heading(tr("Latest worksheet"), this)),
      budgetButton_(new QPushButton(tr("Budget worksheet (Ctrl+B)..."), this)),
      sessionButton_(new QPushButton(tr("Counselling session (Ctrl+Shift+C)..."), this)),
      referralButton_(new QPushButton(tr("Refer to a service (Ctrl+Shift+R)..."), this)),
      updateButton_(new QPushButton(tr("Update the referral (Enter)..."), this)) {
    setObjectName(QStringLiteral("counsellingTab"));
    budgetButton_->setObjectName(QStringLiteral("budgetButton"));
    sessionButton_->setObjectName(QStringLiteral("sessionButton"));
    referralButton_->setObjectName(QStringLiteral("referralButton"));
    updateButton_->setObjectName(QStringLiteral("updateReferralButton"));
    for (auto* v : {budgetsView_, sessionsView_, referralsView_})
        v->horizontalHeader()->setStretchLastSection(true);
    linesView_->horizontalHeader()->setSectionResizeMode(BudgetLinesModel::Name,
                                                         QHeaderView::Stretch);

    auto* grid = new QGridLayout;
    grid->addWidget(heading(tr("Budget worksheets"), this), 0, 0);
    grid->addWidget(linesLabel_, 0, 1);
    grid->addWidget(budgetsView_, 1, 0);
    grid->addWidget(linesView_, 1, 1);
    grid->addWidget(heading(tr("Counselling sessions attended"), this), 2, 0);
    grid->addWidget(heading(tr("Referrals to outside services"), this), 2, 1);
    grid->addWidget(sessionsView_, 3, 0);
    grid->addWidget(referralsView_, 3, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(budgetButton_);
    buttons->addWidget(sessionButton_);
    buttons->addStretch();
    buttons->addWidget(referralButton_);
    buttons->addWidget(updateButton_);
    for (auto* b : {budgetButton_, sessionButton_, referralButton_, updateButton_})
        b->setFocusPolicy(Qt::TabFocus);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(grid, 1);
    layout->addLayout(buttons);

    connect(budgetButton_, &QPushButton::clicked, this, &CounsellingTab::editBudget);
    connect(sessionButton_, &QPushButton::clicked, this, &CounsellingTab::addSession);
    connect(referralButton_, &QPushButton::clicked, this, &CounsellingTab::addReferral);
    connect(updateButton_, &QPushButton::clicked, this, &CounsellingTab::updateReferral);
    connect(referralsView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CounsellingTab::updateButtons);
    connect(referralsView_, &QTableView::activated, this, &CounsellingTab::updateReferral);
    connect(referrals_, &QAbstractItemModel::modelReset, this, &CounsellingTab::updateButtons);
    updateButtons();
}

void CounsellingTab::installShortcuts(QWidget* page) {
    const struct {
        QKeySequence keys;
        QPushButton* button;
        const char* what;
    } keys[] = {
        {QKeySequence(Qt::CTRL | Qt::Key_B), budgetButton_,
         QT_TR_NOOP("open the client's budget worksheet (case file)")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), sessionButton_,
         QT_TR_NOOP("record a counselling session or workshop (case file)")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), referralButton_,
         QT_TR_NOOP("refer the client to an outside service (case file)")},
    };
    for (const auto& k : keys) {
        auto* shortcut = new QShortcut(k.keys, page);
        shortcut->setWhatsThis(tr(k.what));
        QPushButton* button = k.button;
        connect(shortcut, &QShortcut::activated, button, [button] {
            if (button->isEnabled() && !button->isHidden())
                button->click();
        });
    }
}

Result<void> CounsellingTab::load(const services::CaseFile& file) {
    Shown shown;
    shown.loanId = file.loan.loanId;
    shown.clientId = file.client ? file.client->clientId : std::string();
    shown.clientName =
        QString::fromStdString(file.client ? file.client->fullName : file.loan.clientName);
    shown.currency = file.currency;
    shown.names = file.fullNames;
    shown_ = std::move(shown);
    history_ = {};
    std::optional<Error> failed;
    const auto keep = [&failed](const Error& e) {
        if (!failed)
            failed = e;
    };
    std::vector<BudgetRecord> budgets;
    if (!shown_->clientId.empty()) {
        if (auto read = services_.plans->budgetsOfClient(session_.user, shown_->clientId)) {
            for (auto& b : *read)
                if (b.date <= file.asOf)
                    budgets.push_back(std::move(b));
        } else {
            keep(read.error());
        }
        if (auto read = services_.counselling->sessionsOfClient(session_.user, shown_->clientId))
            history_.sessions = std::move(*read);
        else
            keep(read.error());
    }
    if (auto read = services_.counselling->referralsOfLoan(session_.user, shown_->loanId))
        history_.referrals = std::move(*read);
    else
        keep(read.error());
    lines_->setLines(budgets.empty() ? std::vector<BudgetLine>{} : budgets.front().lines);
    linesLabel_->setText(
        budgets.empty()
            ? QStringLiteral("<b>%1</b>").arg(tr("No budget worksheet yet"))
            : QStringLiteral("<b>%1</b>")
                  .arg(tr("Lines of the worksheet of %1").arg(displayDate(budgets.front().date))));
    budgets_->setBudgets(std::move(budgets), file.currency, file.fullNames);
    sessions_->setSessions(history_.sessions);
    referrals_->setReferrals(history_.referrals, file.fullNames);
    for (auto* v : {budgetsView_, linesView_, sessionsView_, referralsView_})
        v->resizeColumnsToContents();
    updateButtons();
    if (failed)
        return *failed;
    return {};
}

void CounsellingTab::setWorkable(bool mayWork, bool worksCase) {
    mayWork_ = mayWork;
    worksCase_ = worksCase;
    updateButtons();
}

void CounsellingTab::updateButtons() {
    const bool client = shown_ && !shown_->clientId.empty();
    for (auto* b : {budgetButton_, sessionButton_, referralButton_, updateButton_})
        b->setVisible(mayWork_);
    budgetButton_->setEnabled(client);
    sessionButton_->setEnabled(client);
    referralButton_->setEnabled(shown_ && worksCase_);
    referralButton_->setToolTip(worksCase_ ? QString()
                                           : tr("Only whoever works the open case may refer "
                                                "its client."));
    const auto index = referralsView_->currentIndex();
    updateButton_->setEnabled(index.isValid() && isOpen(referrals_->row(index.row()).status()));
    updateButton_->setToolTip(updateButton_->isEnabled()
                                  ? QString()
                                  : tr("Select an open referral (referred or contacted)."));
}

bool CounsellingTab::editBudget() {
    if (!shown_ || shown_->clientId.empty())
        return false;
    BudgetDialog dialog(services_, session_, shown_->clientId, shown_->clientName, shown_->currency,
                        this);
    if (dialog.exec() != QDialog::Accepted || !dialog.saved())
        return false;
    emit changed(tr("Budget worksheet saved: surplus %1 a month.")
                     .arg(displayMoneyWithCode(dialog.saved()->surplus(), shown_->currency)));
    return true;
}

bool CounsellingTab::addSession() {
    if (!shown_ || shown_->clientId.empty())
        return false;
    CounsellingDialog dialog(services_, session_,
                             {shown_->clientId, shown_->clientName.toStdString()}, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.savedId())
        return false;
    emit changed(tr("Counselling session recorded; it is on the case file of every client who "
                    "attended."));
    return true;
}

bool CounsellingTab::addReferral() {
    if (!shown_)
        return false;
    ReferralDialog dialog(services_, session_, shown_->loanId, shown_->clientName, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.savedId())
        return false;
    emit changed(tr("Referral recorded."));
    return true;
}

bool CounsellingTab::updateReferral() {
    const auto index = referralsView_->currentIndex();
    if (!shown_ || !index.isValid() || !updateButton_->isEnabled())
        return false;
    ReferralDialog dialog(services_, session_, referrals_->row(index.row()), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.savedId())
        return false;
    emit changed(tr("Referral updated."));
    return true;
}

} // namespace rd::ui

#include "legal_tab.h"

#include "dialogs/cost_dialog.h"
#include "dialogs/feasibility_dialog.h"
#include "display_text.h"
#include "models/legal_models.h"
#include "money_display.h"
#include "widgets/table_view_setup.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace rd::ui {
namespace {

QLabel* heading(const QString& text, QWidget* parent) {
    return new QLabel(QStringLiteral("<b>%1</b>").arg(text), parent);
}

} // namespace

LegalTab::LegalTab(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(std::move(services)), session_(session),
      cases_(new LegalCasesModel(this)), sessions_(new LegalSessionsModel(this)),
      costs_(new RecoveryCostsModel(this)),
      casesView_(makeDataTable(cases_, this, QStringLiteral("legalCasesView"), false)),
      sessionsView_(makeDataTable(sessions_, this, QStringLiteral("legalSessionsView"), false)),
      costsView_(makeDataTable(costs_, this, QStringLiteral("costsView"), false)),
      feasibility_(new QLabel(this)), total_(new QLabel(this)),
      assessButton_(new QPushButton(tr("Assess feasibility (Ctrl+Shift+F)..."), this)),
      costButton_(new QPushButton(tr("Record a cost..."), this)) {
    setObjectName(QStringLiteral("legalTab"));
    feasibility_->setObjectName(QStringLiteral("feasibilitySummary"));
    feasibility_->setWordWrap(true);
    total_->setObjectName(QStringLiteral("costsTotal"));
    assessButton_->setObjectName(QStringLiteral("assessButton"));
    costButton_->setObjectName(QStringLiteral("costButton"));
    for (auto* v : {casesView_, sessionsView_, costsView_})
        v->horizontalHeader()->setStretchLastSection(true);

    auto* grid = new QGridLayout;
    grid->addWidget(heading(tr("Legal cases"), this), 0, 0, 1, 2);
    grid->addWidget(casesView_, 1, 0, 1, 2);
    grid->addWidget(heading(tr("Hearings and mediation sessions"), this), 2, 0);
    grid->addWidget(heading(tr("Recovery costs"), this), 2, 1);
    grid->addWidget(sessionsView_, 3, 0);
    grid->addWidget(costsView_, 3, 1);
    grid->addWidget(total_, 4, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(1, 1); // a loan has a legal case or two; sessions and costs run longer
    grid->setRowStretch(3, 3);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(assessButton_);
    buttons->addStretch();
    buttons->addWidget(costButton_);
    for (auto* b : {assessButton_, costButton_})
        b->setFocusPolicy(Qt::TabFocus);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(feasibility_);
    layout->addLayout(grid, 1);
    layout->addLayout(buttons);
    connect(assessButton_, &QPushButton::clicked, this, &LegalTab::assessFeasibility);
    connect(costButton_, &QPushButton::clicked, this, &LegalTab::addCost);
    updateButtons();
}

void LegalTab::installShortcuts(QWidget* page) {
    auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), page);
    shortcut->setWhatsThis(tr("assess the feasibility of legal action (case file)"));
    connect(shortcut, &QShortcut::activated, this, [this] {
        if (assessButton_->isEnabled() && !assessButton_->isHidden())
            assessButton_->click();
    });
}

Result<void> LegalTab::load(const services::CaseFile& file) {
    file_ = file;
    auto read = services_.legal->legalOfLoan(session_.user, file.loan.loanId);
    legal_ = read ? std::move(*read) : services::LegalFile{};
    const Currency& c = file.currency;
    if (legal_.assessments.empty()) {
        feasibility_->setText(tr("No feasibility assessment yet. Legal action is weighed before "
                                 "it is asked for: a request to move the case to legal carries "
                                 "the newest assessment."));
    } else {
        const auto& a = legal_.assessments.back();
        Amount security = 0;
        for (const auto& l : a.collateral)
            security += l.value.forcedSaleValue;
        for (const auto& g : a.guarantors)
            security += g.value.canPay;
        feasibility_->setText(
            tr("Feasibility of %1 by %2: balance %3, security %4, estimated costs %5, chance "
               "%6 %; expected net recovery <b>%7</b>.")
                .arg(displayDate(a.businessDate), userText(a.assessedBy, file.fullNames),
                     displayMoney(a.balance, c), displayMoney(security, c),
                     displayMoney(a.costs.total(), c))
                .arg(a.chancePercent)
                .arg(displayMoneyWithCode(a.expectedNetRecovery, c)));
    }
    std::vector<LegalSessionRecord> sessions;
    for (const auto& lc : legal_.cases)
        sessions.insert(sessions.end(), lc.sessions.begin(), lc.sessions.end());
    std::sort(sessions.begin(), sessions.end(), [](const auto& a, const auto& b) {
        return std::tie(a.date, a.time, a.id) < std::tie(b.date, b.time, b.id);
    });
    cases_->setCases(legal_.cases, c);
    sessions_->setSessions(std::move(sessions), session_.businessDate);
    costs_->setCosts(legal_.costs, c, file.fullNames);
    total_->setText(
        legal_.costs.empty()
            ? tr("No recovery cost recorded.")
            : tr("Total recovery costs: <b>%1</b>").arg(displayMoneyWithCode(legal_.costTotal, c)));
    for (auto* v : {casesView_, sessionsView_, costsView_})
        v->resizeColumnsToContents();
    updateButtons();
    if (!read)
        return read.error();
    return {};
}

void LegalTab::setWorkable(bool mayWork, bool worksCase) {
    mayWork_ = mayWork;
    worksCase_ = worksCase;
    updateButtons();
}

void LegalTab::updateButtons() {
    for (auto* b : {assessButton_, costButton_})
        b->setVisible(mayWork_);
    assessButton_->setEnabled(file_ && worksCase_);
    costButton_->setEnabled(file_ && worksCase_);
    const QString why = worksCase_ ? QString()
                                   : tr("Only whoever works the open case may record its legal "
                                        "work.");
    assessButton_->setToolTip(why);
    costButton_->setToolTip(why);
}

bool LegalTab::assessFeasibility() {
    if (!file_)
        return false;
    FeasibilityDialog dialog(services_, session_, *file_, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.saved())
        return false;
    emit changed(
        tr("Feasibility assessed: expected net recovery %1.")
            .arg(displayMoneyWithCode(dialog.saved()->expectedNetRecovery, file_->currency)));
    return true;
}

bool LegalTab::addCost() {
    if (!file_)
        return false;
    CostDialog dialog(services_, session_, file_->loan.loanId, file_->currency, legal_.cases, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.savedId())
        return false;
    emit changed(tr("Recovery cost recorded."));
    return true;
}

} // namespace rd::ui

#include "feasibility_dialog.h"

#include "display_text.h"
#include "error_text.h"
#include "money_display.h"
#include "widgets/dialog_keys.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rd::ui {
namespace {

QLineEdit* moneyEdit(QWidget* parent, const QString& name) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(QStringLiteral("0"));
    edit->setAlignment(Qt::AlignRight);
    edit->setMaximumWidth(160);
    return edit;
}

} // namespace

FeasibilityDialog::FeasibilityDialog(DeskServices services, const DeskSession& session,
                                     const services::CaseFile& file, QWidget* parent)
    : QDialog(parent), services_(std::move(services)), session_(session), loanId_(file.loan.loanId),
      currency_(file.currency), otherDescription_(new QLineEdit(this)),
      otherMarket_(moneyEdit(this, QStringLiteral("otherMarketEdit"))),
      otherForced_(moneyEdit(this, QStringLiteral("otherForcedEdit"))), chance_(new QSpinBox(this)),
      note_(new QPlainTextEdit(this)), expected_(new QLabel(this)), problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("feasibilityDialog"));
    setWindowTitle(tr("Feasibility of legal action"));
    const auto& p = file.position;
    balance_ = p.outstandingPrincipal + p.arrears.interest + p.arrears.fees + p.arrears.penalties;
    otherDescription_->setObjectName(QStringLiteral("otherDescriptionEdit"));
    otherDescription_->setPlaceholderText(tr("Other security, e.g. a plot not on record"));
    chance_->setObjectName(QStringLiteral("chanceBox"));
    chance_->setRange(0, 100);
    chance_->setSuffix(QStringLiteral(" %"));
    chance_->setValue(50);
    note_->setObjectName(QStringLiteral("feasibilityNote"));
    note_->setTabChangesFocus(true);
    note_->setMaximumHeight(70);
    note_->setPlaceholderText(tr("Why you judge the chance so: where the client is, the "
                                 "state of the security"));
    expected_->setObjectName(QStringLiteral("expectedRecovery"));
    expected_->setWordWrap(true);
    problem_->setObjectName(QStringLiteral("feasibilityProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b71c1c;"));

    const QString client =
        QString::fromStdString(file.client ? file.client->fullName : file.loan.clientName);
    auto* intro = new QLabel(
        tr("Weigh legal action for <b>%1</b> (loan %2): the balance on %3 "
           "is <b>%4</b>.")
            .arg(client.toHtmlEscaped(), QString::fromStdString(loanId_).toHtmlEscaped(),
                 displayDate(session_.businessDate), displayMoneyWithCode(balance_, currency_)),
        this);
    intro->setWordWrap(true);

    auto* security = new QGroupBox(tr("Security"), this);
    auto* sGrid = new QGridLayout(security);
    int row = 0;
    for (const auto& c : file.collateral) {
        auto* use = new QCheckBox(
            tr("%1 (%2): forced sale %3, market %4")
                .arg(QString::fromStdString(c.description), QString::fromStdString(c.collateralId),
                     c.forcedSaleValue ? displayMoneyWithCode(*c.forcedSaleValue, currency_)
                                       : tr("not valued"),
                     c.marketValue ? displayMoneyWithCode(*c.marketValue, currency_)
                                   : tr("not valued")),
            security);
        use->setObjectName(
            QStringLiteral("collateral_%1").arg(QString::fromStdString(c.collateralId)));
        use->setChecked(true);
        sGrid->addWidget(use, row++, 0, 1, 3);
        collateral_.push_back(
            {c.collateralId,
             {c.description, c.marketValue.value_or(0), c.forcedSaleValue.value_or(0)},
             use});
        connect(use, &QCheckBox::toggled, this, &FeasibilityDialog::update);
    }
    if (file.collateral.empty())
        sGrid->addWidget(new QLabel(tr("No collateral on record for this loan."), security), row++,
                         0, 1, 3);
    sGrid->addWidget(otherDescription_, row, 0);
    auto* marketLabel = new QLabel(tr("market"), security);
    auto* forcedLabel = new QLabel(tr("forced sale"), security);
    auto* values = new QHBoxLayout;
    values->addWidget(marketLabel);
    values->addWidget(otherMarket_);
    values->addWidget(forcedLabel);
    values->addWidget(otherForced_);
    sGrid->addLayout(values, row++, 1);
    for (const auto& g : file.guarantors) {
        auto* reached = new QCheckBox(
            tr("Guarantor %1 (%2) reached")
                .arg(QString::fromStdString(g.fullName),
                     g.phone.empty() ? tr("no phone") : QString::fromStdString(g.phone)),
            security);
        reached->setObjectName(
            QStringLiteral("reached_%1").arg(QString::fromStdString(g.guarantorId)));
        auto* canPay = moneyEdit(
            security, QStringLiteral("canPay_%1").arg(QString::fromStdString(g.guarantorId)));
        auto* label = new QLabel(tr("can pay"), security);
        label->setBuddy(canPay);
        sGrid->addWidget(reached, row, 0);
        auto* pay = new QHBoxLayout;
        pay->addWidget(label);
        pay->addWidget(canPay);
        pay->addStretch();
        sGrid->addLayout(pay, row++, 1);
        guarantors_.push_back({g.guarantorId, g.fullName, g.phone, reached, canPay});
        connect(reached, &QCheckBox::toggled, this, &FeasibilityDialog::update);
        connect(canPay, &QLineEdit::textChanged, this, &FeasibilityDialog::update);
    }
    if (file.guarantors.empty())
        sGrid->addWidget(new QLabel(tr("No guarantor on record for this loan."), security), row++,
                         0, 1, 3);

    auto* costs = new QGroupBox(tr("Estimated costs and the chance of recovery"), this);
    auto* form = new QFormLayout(costs);
    const std::pair<const char*, const char*> costNames[] = {
        {QT_TR_NOOP("&Court fees:"), "courtCostEdit"},
        {QT_TR_NOOP("&Lawyer:"), "lawyerCostEdit"},
        {QT_TR_NOOP("&Auctioneer:"), "auctioneerCostEdit"},
        {QT_TR_NOOP("T&ransport:"), "transportCostEdit"}};
    for (const auto& [label, name] : costNames) {
        auto* edit = moneyEdit(costs, QString::fromLatin1(name));
        costs_.push_back(edit);
        form->addRow(tr(label), edit);
        connect(edit, &QLineEdit::textChanged, this, &FeasibilityDialog::update);
    }
    form->addRow(tr("C&hance of recovery:"), chance_);
    form->addRow(tr("No&te:"), note_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(security);
    layout->addWidget(costs);
    layout->addWidget(expected_);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    buttons_->button(QDialogButtonBox::Save)->setText(tr("Save assessment"));
    addSaveShortcut(this, buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &FeasibilityDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &FeasibilityDialog::reject);
    connect(otherMarket_, &QLineEdit::textChanged, this, &FeasibilityDialog::update);
    connect(otherForced_, &QLineEdit::textChanged, this, &FeasibilityDialog::update);
    connect(otherDescription_, &QLineEdit::textChanged, this, &FeasibilityDialog::update);
    connect(chance_, &QSpinBox::valueChanged, this, &FeasibilityDialog::update);
    resize(620, sizeHint().height());
    update();
    chance_->setFocus();
}

FeasibilityDialog::~FeasibilityDialog() = default;

std::optional<Amount> FeasibilityDialog::amountOf(const QLineEdit* edit, const QString& what,
                                                  QString& problem) const {
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return Amount{0};
    auto amount = parseAmountInput(text, currency_.exponent);
    if (!amount) {
        if (problem.isEmpty())
            problem = tr("%1: %2").arg(what, QString::fromStdString(amount.error().message));
        return std::nullopt;
    }
    return *amount;
}

std::optional<services::FeasibilityRequest> FeasibilityDialog::read(QString& problem) const {
    services::FeasibilityRequest r;
    for (const auto& c : collateral_)
        if (c.use->isChecked())
            r.collateral.push_back({c.id, c.value});
    const QString other = otherDescription_->text().trimmed();
    const auto market = amountOf(otherMarket_, tr("Market value"), problem);
    const auto forced = amountOf(otherForced_, tr("Forced-sale value"), problem);
    if (!other.isEmpty() && market && forced)
        r.collateral.push_back({std::nullopt, {other.toStdString(), *market, *forced}});
    else if (other.isEmpty() && ((market && *market) || (forced && *forced)) && problem.isEmpty())
        problem = tr("Describe the other security whose values you gave.");
    for (const auto& g : guarantors_) {
        const auto pays = amountOf(g.canPay, tr("What the guarantor can pay"), problem);
        r.guarantors.push_back({g.id, {g.name, g.phone, g.reached->isChecked(), pays.value_or(0)}});
    }
    const auto court = amountOf(costs_[0], tr("Court fees"), problem);
    const auto lawyer = amountOf(costs_[1], tr("Lawyer"), problem);
    const auto auctioneer = amountOf(costs_[2], tr("Auctioneer"), problem);
    const auto transport = amountOf(costs_[3], tr("Transport"), problem);
    if (!problem.isEmpty())
        return std::nullopt;
    r.costs = {*court, *lawyer, *auctioneer, *transport};
    r.chancePercent = chance_->value();
    r.note = note_->toPlainText().trimmed().toStdString();
    return r;
}

services::FeasibilityRequest FeasibilityDialog::request() const {
    QString problem;
    return read(problem).value_or(services::FeasibilityRequest{});
}

FeasibilityInput FeasibilityDialog::inputOf(const services::FeasibilityRequest& r) const {
    FeasibilityInput in;
    in.balance = balance_;
    for (const auto& line : r.collateral)
        in.collateral.push_back(line.value);
    for (const auto& g : r.guarantors)
        in.guarantors.push_back(g.value);
    in.costs = r.costs;
    in.chancePercent = r.chancePercent;
    return in;
}

std::optional<Amount> FeasibilityDialog::expected() const {
    QString problem;
    const auto r = read(problem);
    if (!r)
        return std::nullopt;
    return expectedNetRecovery(inputOf(*r));
}

void FeasibilityDialog::update() {
    QString problem;
    const auto r = read(problem);
    if (r) {
        const FeasibilityInput in = inputOf(*r);
        Amount security = 0;
        for (const auto& c : in.collateral)
            security += c.forcedSaleValue;
        for (const auto& g : in.guarantors)
            security += g.canPay;
        const Amount net = expectedNetRecovery(in);
        expected_->setText(
            tr("Expected net recovery: <b>%1</b> = min(balance %2, security %3) × %4 % − costs "
               "%5.%6")
                .arg(displayMoneyWithCode(net, currency_), displayMoney(balance_, currency_),
                     displayMoney(security, currency_))
                .arg(in.chancePercent)
                .arg(displayMoney(in.costs.total(), currency_),
                     net < 0 ? tr(" Legal action would cost more than it brings in.") : QString()));
    } else {
        expected_->setText(tr("Expected net recovery: correct the amounts first."));
    }
    auto* save = buttons_->button(QDialogButtonBox::Save);
    save->setEnabled(problem.isEmpty());
    save->setToolTip(problem);
    problem_->setText(problem);
}

QString FeasibilityDialog::problem() const {
    return problem_->text();
}

QString FeasibilityDialog::expectedText() const {
    return expected_->text();
}

void FeasibilityDialog::accept() {
    update();
    QString problem;
    auto r = read(problem);
    if (!r)
        return;
    auto saved =
        services_.legal->assessFeasibility(session_.user, loanId_, *r, session_.businessDate);
    if (!saved) {
        problem_->setText(reportError(this, saved.error()));
        return;
    }
    saved_ = std::move(*saved);
    QDialog::accept();
}

} // namespace rd::ui

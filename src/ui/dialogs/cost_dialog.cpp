#include "cost_dialog.h"

#include "display_text.h"
#include "error_text.h"
#include "money_display.h"
#include "services/legal_service.h"
#include "widgets/dialog_keys.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd::ui {

CostDialog::CostDialog(DeskServices services, const DeskSession& session, std::string loanId,
                       Currency currency, const std::vector<LegalCaseRecord>& legalCases,
                       QWidget* parent)
    : QDialog(parent), services_(std::move(services)), session_(session),
      loanId_(std::move(loanId)), currency_(std::move(currency)), kind_(new QComboBox(this)),
      legalCase_(new QComboBox(this)), date_(new QDateEdit(this)), amount_(new QLineEdit(this)),
      reference_(new QLineEdit(this)), note_(new QLineEdit(this)), problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("costDialog"));
    setWindowTitle(tr("Record a recovery cost"));
    kind_->setObjectName(QStringLiteral("costKindBox"));
    legalCase_->setObjectName(QStringLiteral("costLegalCaseBox"));
    date_->setObjectName(QStringLiteral("costDateEdit"));
    amount_->setObjectName(QStringLiteral("costAmountEdit"));
    reference_->setObjectName(QStringLiteral("costReferenceEdit"));
    note_->setObjectName(QStringLiteral("costNoteEdit"));
    problem_->setObjectName(QStringLiteral("costProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    for (const auto k : {CostKind::Legal, CostKind::Court, CostKind::Auctioneer,
                         CostKind::Transport, CostKind::Agency, CostKind::Other}) {
        kind_->addItem(plainWords(std::string(toString(k))), static_cast<int>(k));
    }
    legalCase_->addItem(tr("None (the case's own cost)"), QVariant());
    for (const auto& c : legalCases)
        legalCase_->addItem(tr("%1 %2 (filed %3)")
                                .arg(QString::fromStdString(c.forum),
                                     QString::fromStdString(c.caseNumberNow()),
                                     displayDate(c.filedOn)),
                            QVariant::fromValue(static_cast<qlonglong>(c.id)));
    if (!legalCases.empty())
        legalCase_->setCurrentIndex(legalCase_->count() - 1);
    const QDate business = toQDate(session_.businessDate);
    date_->setCalendarPopup(true);
    date_->setMaximumDate(business);
    date_->setDate(business);
    amount_->setPlaceholderText(displayMoney(0, currency_));
    reference_->setPlaceholderText(tr("Invoice, receipt or payment reference"));
    note_->setPlaceholderText(tr("What it was for"));

    auto* form = new QFormLayout;
    const auto row = [&](const QString& label, QWidget* field) {
        auto* l = new QLabel(label, this);
        l->setBuddy(field);
        form->addRow(l, field);
    };
    row(tr("&Kind:"), kind_);
    row(tr("&Amount (%1):").arg(QString::fromStdString(currency_.code)), amount_);
    row(tr("&Date:"), date_);
    row(tr("&Reference:"), reference_);
    row(tr("&Legal case:"), legalCase_);
    row(tr("No&te:"), note_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    buttons_->button(QDialogButtonBox::Save)->setText(tr("Save cost"));
    addSaveShortcut(this, buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &CostDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &CostDialog::reject);
    connect(amount_, &QLineEdit::textChanged, this, &CostDialog::validate);
    resize(460, sizeHint().height());
    validate();
    kind_->setFocus();
}

CostDialog::~CostDialog() = default;

void CostDialog::validate() {
    QString problem;
    const QString text = amount_->text().trimmed();
    if (text.isEmpty()) {
        problem = tr("Type the amount of the cost.");
    } else if (auto amount = parseAmountInput(text, currency_.exponent); !amount) {
        problem = QString::fromStdString(amount.error().message);
    } else if (*amount <= 0) {
        problem = tr("A cost is more than 0; a cost entered in error is reversed by a supervisor.");
    }
    auto* save = buttons_->button(QDialogButtonBox::Save);
    save->setEnabled(problem.isEmpty());
    save->setToolTip(problem);
    problem_->setText(problem);
}

QString CostDialog::problem() const {
    return problem_->text();
}

void CostDialog::accept() {
    validate();
    if (!buttons_->button(QDialogButtonBox::Save)->isEnabled())
        return;
    services::CostRequest r;
    r.kind = static_cast<CostKind>(kind_->currentData().toInt());
    r.date = toDate(date_->date());
    r.amount = *parseAmountInput(amount_->text().trimmed(), currency_.exponent);
    r.reference = reference_->text().trimmed().toStdString();
    r.note = note_->text().trimmed().toStdString();
    if (legalCase_->currentData().isValid())
        r.legalCaseId = legalCase_->currentData().toLongLong();
    auto id = services_.legal->addCost(session_.user, loanId_, r, session_.businessDate);
    if (!id) {
        problem_->setText(reportError(this, id.error()));
        return;
    }
    saved_ = *id;
    QDialog::accept();
}

} // namespace rd::ui

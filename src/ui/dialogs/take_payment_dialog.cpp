#include "take_payment_dialog.h"

#include "display_text.h"
#include "error_text.h"
#include "money_display.h"
#include "widgets/dialog_keys.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd::ui {
namespace {

struct MethodChoice {
    PaymentMethod method;
    const char* text;
};
constexpr MethodChoice kMethods[] = {
    {PaymentMethod::Cash, QT_TRANSLATE_NOOP("rd", "Cash")},
    {PaymentMethod::MobileMoney, QT_TRANSLATE_NOOP("rd", "Mobile money")},
    {PaymentMethod::BankTransfer, QT_TRANSLATE_NOOP("rd", "Bank transfer")},
    {PaymentMethod::Cheque, QT_TRANSLATE_NOOP("rd", "Cheque")},
    {PaymentMethod::Other, QT_TRANSLATE_NOOP("rd", "Other")}};

} // namespace

TakePaymentDialog::TakePaymentDialog(DeskServices services, const DeskSession& session,
                                     const services::CaseFile& file, QWidget* parent)
    : QDialog(parent), services_(services), session_(session), file_(file),
      amount_(new QLineEdit(this)), method_(new QComboBox(this)), reference_(new QLineEdit(this)),
      date_(new QDateEdit(this)), preview_(new QLabel(this)), problemLabel_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("takePaymentDialog"));
    setWindowTitle(tr("Take payment"));
    amount_->setObjectName(QStringLiteral("paymentAmount"));
    method_->setObjectName(QStringLiteral("paymentMethod"));
    reference_->setObjectName(QStringLiteral("paymentReference"));
    date_->setObjectName(QStringLiteral("paymentDate"));
    preview_->setObjectName(QStringLiteral("paymentPreview"));
    for (const auto& m : kMethods)
        method_->addItem(QCoreApplication::translate("rd", m.text), static_cast<int>(m.method));
    amount_->setPlaceholderText(
        file.currency.exponent > 0
            ? tr("e.g. %1 (at most %n decimal(s))", nullptr, file.currency.exponent)
                  .arg(displayMoney(file.position.arrears.total(), file.currency))
            : tr("e.g. %1 (whole %2, no decimals)")
                  .arg(displayMoney(file.position.arrears.total(), file.currency),
                       QString::fromStdString(file.currency.code)));
    date_->setCalendarPopup(true);
    date_->setMaximumDate(toQDate(session.businessDate));
    date_->setMinimumDate(toQDate(file.ledger.terms.disbursedOn));
    date_->setDate(toQDate(session.businessDate));
    preview_->setTextFormat(Qt::RichText);
    preview_->setMinimumHeight(150);
    preview_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    problemLabel_->setObjectName(QStringLiteral("paymentProblem"));
    problemLabel_->setWordWrap(true);
    problemLabel_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    buttons_->button(QDialogButtonBox::Save)->setText(tr("Save and print receipt"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Amount (%1)").arg(QString::fromStdString(file.currency.code)), amount_);
    form->addRow(tr("&Method"), method_);
    form->addRow(tr("&Reference"), reference_);
    form->addRow(tr("&Date paid"), date_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("<b>%1</b> - loan %2 - arrears %3")
                       .arg(QString::fromStdString(file.loan.clientName).toHtmlEscaped(),
                            QString::fromStdString(file.loan.loanId).toHtmlEscaped(),
                            displayMoneyWithCode(file.position.arrears.total(), file.currency)),
                   this));
    layout->addLayout(form);
    layout->addWidget(preview_);
    layout->addWidget(problemLabel_);
    layout->addWidget(buttons_);
    setMinimumWidth(460);

    connect(amount_, &QLineEdit::textChanged, this, &TakePaymentDialog::validate);
    connect(reference_, &QLineEdit::textChanged, this, &TakePaymentDialog::validate);
    connect(method_, &QComboBox::currentIndexChanged, this, &TakePaymentDialog::validate);
    connect(date_, &QDateEdit::dateChanged, this, &TakePaymentDialog::validate);
    connect(buttons_, &QDialogButtonBox::accepted, this, &TakePaymentDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &TakePaymentDialog::reject);
    addSaveShortcut(this, buttons_);
    validate();
    amount_->setFocus();
}

void TakePaymentDialog::validate() {
    problem_.clear();
    preview_->clear();
    const QString text = amount_->text().trimmed();
    const auto method = static_cast<PaymentMethod>(method_->currentData().toInt());
    reference_->setPlaceholderText(method == PaymentMethod::Cash
                                       ? tr("optional for cash")
                                       : tr("required: cheque number, transaction id..."));
    std::optional<Amount> amount;
    if (text.isEmpty()) {
        problem_ = tr("Enter the amount received.");
    } else if (auto parsed = parseAmountInput(text, file_.currency.exponent); !parsed) {
        problem_ = tr("Amount: %1").arg(QString::fromStdString(parsed.error().message));
    } else if (*parsed <= 0) {
        problem_ = tr("The amount must be more than 0.");
    } else {
        amount = *parsed;
    }
    if (problem_.isEmpty() && method != PaymentMethod::Cash &&
        reference_->text().trimmed().isEmpty())
        problem_ = tr("Enter the reference of the %1 payment (a non-cash payment needs one).")
                       .arg(method_->currentText().toLower());
    if (amount) {
        auto preview = services_.payments->preview(session_.user, file_.loan.loanId, *amount,
                                                   toDate(date_->date()));
        if (!preview) {
            if (problem_.isEmpty())
                problem_ = errorText(preview.error());
        } else {
            const auto& c = file_.currency;
            const auto& a = preview->allocated;
            QString html = tr("<b>This payment will pay</b><table cellspacing='3'>");
            const auto row = [&](const QString& label, Amount value) {
                html += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td></tr>")
                            .arg(label, displayMoney(value, c));
            };
            row(tr("Penalties"), a.penalties);
            row(tr("Fees"), a.fees);
            row(tr("Interest"), a.interest);
            row(tr("Principal"), a.principal);
            if (preview->toCreditBalance > 0)
                row(tr("Credit balance (overpaid)"), preview->toCreditBalance);
            html += QStringLiteral("</table>");
            html += tr("Afterwards: arrears %1, %2 days past due, outstanding principal %3")
                        .arg(displayMoneyWithCode(preview->after.arrears.total(), c))
                        .arg(preview->after.daysPastDue)
                        .arg(displayMoneyWithCode(preview->after.outstandingPrincipal, c));
            preview_->setText(html);
        }
    }
    problemLabel_->setText(problem_);
    auto* save = buttons_->button(QDialogButtonBox::Save);
    save->setEnabled(problem_.isEmpty());
    save->setToolTip(problem_);
}

void TakePaymentDialog::accept() {
    validate();
    if (!problem_.isEmpty())
        return;
    services::NewDeskPayment payment;
    payment.loanId = file_.loan.loanId;
    payment.amount = parseAmountInput(amount_->text(), file_.currency.exponent).value();
    payment.method = static_cast<PaymentMethod>(method_->currentData().toInt());
    payment.reference = reference_->text().trimmed().toStdString();
    payment.paidOn = toDate(date_->date());
    auto result = services_.payments->takePayment(session_.user, payment, session_.businessDate);
    if (!result && result.error().hint == Hint::ConfirmOverpayment) {
        // More than the loan owes: the officer confirms, naming the overpayment, or corrects
        // the amount.
        const Amount over = std::stoll(result.error().fact("overpayment"));
        QMessageBox ask(QMessageBox::Question, tr("More than the loan owes"),
                        tr("%1 is more than loan %2 owes. %3 would be left over as a credit "
                           "balance.\n\nTake the whole amount?")
                            .arg(displayMoneyWithCode(payment.amount, file_.currency),
                                 QString::fromStdString(file_.loan.loanId),
                                 displayMoneyWithCode(over, file_.currency)),
                        QMessageBox::Yes | QMessageBox::No, this);
        ask.setObjectName(QStringLiteral("confirmOverpayment"));
        ask.setDefaultButton(QMessageBox::No);
        if (ask.exec() != QMessageBox::Yes) {
            problem_ = tr("Not saved: correct the amount, or save again and confirm the "
                          "overpayment.");
            problemLabel_->setText(problem_);
            amount_->setFocus();
            amount_->selectAll();
            return;
        }
        payment.confirmOverpayment = true;
        result = services_.payments->takePayment(session_.user, payment, session_.businessDate);
    }
    if (!result) {
        problem_ = reportError(this, result.error());
        problemLabel_->setText(problem_);
        if (result.error().hint == Hint::GiveReference)
            reference_->setFocus();
        return;
    }
    receipt_ = *result;
    QDialog::accept();
}

} // namespace rd::ui

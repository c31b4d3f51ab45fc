#include "receipt_document.h"

#include "core/amount_words.h"
#include "display_text.h"
#include "money_display.h"

#include <QCoreApplication>

namespace rd::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rd::ui::Receipt", text);
}
QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

} // namespace

QString receiptTitle(const services::DeskReceipt& receipt) {
    return tr("Receipt %1")
        .arg(QString::fromStdString(services::receiptNumberText(receipt.receiptNo)));
}

QString receiptHtml(const ReceiptPrintout& p) {
    const auto& r = p.receipt;
    const auto& c = p.currency;
    const auto row = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td width='38%'>%1</td><td>%2</td></tr>").arg(label, value);
    };
    const auto money = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td>%1</td><td align='right'>%2</td></tr>").arg(label, value);
    };
    QString html = QStringLiteral("<html><body style='font-family: sans-serif; font-size: 10pt;'>");
    html += letterheadHtml(p.letterhead);
    html += QStringLiteral("<h2 align='center'>%1 %2</h2>")
                .arg(r.reversedOn ? tr("REVERSED - Receipt") : tr("Receipt"),
                     QString::fromStdString(services::receiptNumberText(r.receiptNo)));
    if (p.reprintedAt)
        html += QStringLiteral("<p align='center' style='font-size: 14pt; font-weight: bold;'>") +
                tr("DUPLICATE - reprinted %1").arg(p.reprintedAt->toHtmlEscaped()) +
                QStringLiteral("</p>");
    html += QStringLiteral("<table width='100%' cellpadding='3'>");
    html += row(tr("Date and time"), p.takenAt.toHtmlEscaped());
    if (r.paidOn != r.businessDate)
        html += row(tr("Paid on"), displayDate(r.paidOn));
    html += row(tr("Received from"), QStringLiteral("<b>%1</b>").arg(esc(r.clientName)));
    html += row(tr("Loan"), tr("%1 (%2 branch)").arg(esc(r.loanId), esc(r.branch)));
    html += row(tr("Amount"), QStringLiteral("<b style='font-size: 13pt;'>%1</b>")
                                  .arg(displayMoneyWithCode(r.amount, c)));
    html += row(tr("Amount in words"),
                QStringLiteral("<i>%1</i>").arg(esc(amountInWords(r.amount, c))));
    html += row(tr("Method"), paymentMethodText(r.method));
    if (!r.reference.empty())
        html += row(tr("Reference"), esc(r.reference));
    html += QStringLiteral("</table><h3>") + tr("Applied to") +
            QStringLiteral("</h3><table width='100%' cellpadding='2'>");
    html += money(tr("Penalties"), displayMoney(r.allocated.penalties, c));
    html += money(tr("Fees"), displayMoney(r.allocated.fees, c));
    html += money(tr("Interest"), displayMoney(r.allocated.interest, c));
    html += money(tr("Principal"), displayMoney(r.allocated.principal, c));
    if (r.toCreditBalance > 0)
        html += money(tr("Credit balance"), displayMoney(r.toCreditBalance, c));
    html += QStringLiteral("</table><h3>") + tr("After this payment") +
            QStringLiteral("</h3><table width='100%' cellpadding='2'>");
    html += money(tr("Arrears"), displayMoneyWithCode(r.arrearsAfter, c));
    html +=
        money(tr("Outstanding principal"), displayMoneyWithCode(r.outstandingPrincipalAfter, c));
    html += QStringLiteral("</table><p>") +
            tr("Received by %1 (%2). Payment %3.")
                .arg(esc(r.takenByName), esc(r.takenBy), esc(r.paymentId));
    if (r.reversedOn)
        html += QStringLiteral("<br><b>") +
                tr("Reversed on %1 by %2: %3")
                    .arg(displayDate(*r.reversedOn), esc(r.reversedBy), esc(r.reversalReason)) +
                QStringLiteral("</b>");
    html += QStringLiteral("</p><p><br>") + tr("Signature: ______________________________") +
            QStringLiteral("</p><p>") + tr("Keep this receipt as proof of payment.") +
            QStringLiteral("</p></body></html>");
    return html;
}

} // namespace rd::ui

#include "receipt_document.h"

#include "display_text.h"
#include "money_display.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QTextDocument>

namespace rd::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rd::ui::Receipt", text);
}
QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString methodText(PaymentMethod method) {
    switch (method) {
    case PaymentMethod::Cash:
        return tr("Cash");
    case PaymentMethod::Cheque:
        return tr("Cheque");
    case PaymentMethod::BankTransfer:
        return tr("Bank transfer");
    case PaymentMethod::MobileMoney:
        return tr("Mobile money");
    case PaymentMethod::Other:
        return tr("Other");
    }
    return {};
}

void print(const services::DeskReceipt& receipt, const Currency& currency, QPrinter* printer) {
    QTextDocument doc;
    doc.setHtml(receiptHtml(receipt, currency));
    doc.print(printer);
}

} // namespace

QString receiptHtml(const services::DeskReceipt& r, const Currency& c) {
    const auto row = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td>%1</td><td align='right'>%2</td></tr>").arg(label, value);
    };
    QString html = QStringLiteral("<html><body style='font-family: sans-serif;'>");
    html += QStringLiteral("<h2>%1 %2</h2>")
                .arg(r.reversedOn ? tr("REVERSED - Receipt") : tr("Receipt"),
                     QString::fromStdString(services::receiptNumberText(r.receiptNo)));
    html += QStringLiteral("<p>") + tr("Date: %1").arg(displayDate(r.paidOn)) +
            QStringLiteral("<br>") + tr("Received from: <b>%1</b>").arg(esc(r.clientName)) +
            QStringLiteral("<br>") + tr("Loan: %1 (%2 branch)").arg(esc(r.loanId), esc(r.branch)) +
            QStringLiteral("</p>");
    html += QStringLiteral("<p style='font-size: large;'>") +
            tr("Amount: <b>%1</b>").arg(displayMoneyWithCode(r.amount, c)) +
            QStringLiteral("<br>") + tr("Method: %1").arg(methodText(r.method));
    if (!r.reference.empty())
        html += QStringLiteral("<br>") + tr("Reference: %1").arg(esc(r.reference));
    html += QStringLiteral("</p><h3>") + tr("Applied to") +
            QStringLiteral("</h3><table cellspacing='4'>");
    html += row(tr("Penalties"), displayMoney(r.allocated.penalties, c));
    html += row(tr("Fees"), displayMoney(r.allocated.fees, c));
    html += row(tr("Interest"), displayMoney(r.allocated.interest, c));
    html += row(tr("Principal"), displayMoney(r.allocated.principal, c));
    if (r.toCreditBalance > 0)
        html += row(tr("Credit balance"), displayMoney(r.toCreditBalance, c));
    html += QStringLiteral("</table><h3>") + tr("After this payment") +
            QStringLiteral("</h3><table cellspacing='4'>");
    html += row(tr("Arrears"), displayMoneyWithCode(r.arrearsAfter, c));
    html += row(tr("Outstanding principal"), displayMoneyWithCode(r.outstandingPrincipalAfter, c));
    html +=
        QStringLiteral("</table><p>") + tr("Received by %1 on %2. Payment %3.")
                                            .arg(esc(r.takenBy), esc(r.takenAt), esc(r.paymentId));
    if (r.reversedOn)
        html += QStringLiteral("<br><b>") +
                tr("Reversed on %1 by %2: %3")
                    .arg(displayDate(*r.reversedOn), esc(r.reversedBy), esc(r.reversalReason)) +
                QStringLiteral("</b>");
    html += QStringLiteral("</p><p>") + tr("Keep this receipt as proof of payment.") +
            QStringLiteral("</p></body></html>");
    return html;
}

bool saveReceiptPdf(const services::DeskReceipt& receipt, const Currency& currency,
                    const QString& path) {
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setDocName(
        tr("Receipt %1")
            .arg(QString::fromStdString(services::receiptNumberText(receipt.receiptNo))));
    print(receipt, currency, &printer);
    return printer.printerState() != QPrinter::Error;
}

void previewReceipt(const services::DeskReceipt& receipt, const Currency& currency,
                    QWidget* parent) {
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(
        tr("Receipt %1")
            .arg(QString::fromStdString(services::receiptNumberText(receipt.receiptNo))));
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [&](QPrinter* p) { print(receipt, currency, p); });
    dialog.exec();
}

} // namespace rd::ui

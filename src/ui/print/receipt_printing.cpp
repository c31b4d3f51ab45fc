#include "receipt_printing.h"

#include <QCoreApplication>
#include <QPrinter>

namespace rd::ui {

ReceiptPrinting::ReceiptPrinting(DeskServices services, const DeskSession& session)
    : services_(std::move(services)), session_(session) {}

ReceiptPrintout ReceiptPrinting::printout(const services::DeskReceipt& receipt,
                                          const Currency& currency,
                                          const services::ReceiptPrint& copy) const {
    ReceiptPrintout p{receipt, currency, loadLetterhead(services_, session_.user),
                      session_.timeText(receipt.takenAt), std::nullopt};
    if (copy.duplicate())
        p.reprintedAt = session_.timeText(copy.printedAt);
    return p;
}

Result<services::ReceiptPrint> ReceiptPrinting::print(const services::DeskReceipt& receipt,
                                                      const Currency& currency, QWidget* parent) {
    QPrinter printer(QPrinter::HighResolution);
    setUpPage(printer, QPageSize::A5, receiptTitle(receipt));
    if (!chooser_(printer, parent))
        return Error{"the receipt was not printed", ErrorKind::Cancelled};
    auto copy = services_.payments->recordPrint(session_.user, receipt.receiptNo);
    if (!copy)
        return copy.error();
    lastHtml_ = receiptHtml(printout(receipt, currency, *copy));
    printHtml(lastHtml_, printer);
    return copy;
}

Result<services::ReceiptPrint> ReceiptPrinting::savePdf(const services::DeskReceipt& receipt,
                                                        const Currency& currency,
                                                        const QString& path) {
    // The copy is written before it is recorded, so a file that cannot be written counts as
    // no print; its number is the next one.
    auto earlier = services_.payments->prints(session_.user, receipt.receiptNo);
    if (!earlier)
        return earlier.error();
    services::ReceiptPrint next{receipt.receiptNo, static_cast<int>(earlier->size()) + 1,
                                session_.clock.isoNow(), session_.user.username};
    const QString html = receiptHtml(printout(receipt, currency, next));
    if (!writeHtmlPdf(html, QPageSize::A5, receiptTitle(receipt), path))
        return Error{
            QCoreApplication::translate("rd::ui::Receipt", "the receipt could not be written to %1")
                .arg(path)
                .toStdString()};
    auto copy = services_.payments->recordPrint(session_.user, receipt.receiptNo);
    if (!copy)
        return copy.error();
    lastHtml_ = html;
    return copy;
}

} // namespace rd::ui

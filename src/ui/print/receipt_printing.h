#pragma once

#include "core/result.h"
#include "desk_session.h"
#include "html_printing.h"
#include "receipt_document.h"
#include "services/payment_service.h"

#include <QString>

class QWidget;

namespace rd::ui {

// Prints desk receipts as they are handed over: asks where to print (the chooser; the print
// dialog by default), records the print with the payment service (the first print is the
// original, every later one a DUPLICATE with its time) and prints the copy on A5. Saving a
// PDF is a print too.
class ReceiptPrinting {
public:
    ReceiptPrinting(DeskServices services, const DeskSession& session);

    void setChooser(PrinterChooser chooser) { chooser_ = std::move(chooser); }

    // The print recorded; an error of kind Cancelled when no printer was chosen (nothing is
    // recorded then), or the service's refusal.
    Result<services::ReceiptPrint> print(const services::DeskReceipt& receipt,
                                         const Currency& currency, QWidget* parent);
    Result<services::ReceiptPrint> savePdf(const services::DeskReceipt& receipt,
                                           const Currency& currency, const QString& path);

    // What a copy carries: the letterhead, the local times, DUPLICATE for a reprint.
    ReceiptPrintout printout(const services::DeskReceipt& receipt, const Currency& currency,
                             const services::ReceiptPrint& copy) const;
    // The HTML of the last copy printed or saved (tests read it back).
    const QString& lastHtml() const { return lastHtml_; }

private:
    DeskServices services_;
    const DeskSession& session_;
    PrinterChooser chooser_ = askForPrinter;
    QString lastHtml_;
};

} // namespace rd::ui

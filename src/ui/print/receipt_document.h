#pragma once

#include "core/currency.h"
#include "services/payment_service.h"

#include <QString>

class QWidget;

namespace rd::ui {

// The printed receipt of a desk payment as HTML for a QTextDocument: receipt number, date,
// client and loan, amount and method, how it was allocated, the balances after it, and who
// took it. A reversed payment's receipt says so in its title.
QString receiptHtml(const services::DeskReceipt& receipt, const Currency& currency);

// Writes the receipt as a PDF (A4); false when the file cannot be written.
bool saveReceiptPdf(const services::DeskReceipt& receipt, const Currency& currency,
                    const QString& path);
// The print preview dialog (print or save as PDF from there).
void previewReceipt(const services::DeskReceipt& receipt, const Currency& currency,
                    QWidget* parent);

} // namespace rd::ui

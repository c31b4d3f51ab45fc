#pragma once

#include "core/currency.h"
#include "letterhead.h"
#include "services/payment_service.h"

#include <QString>
#include <optional>

namespace rd::ui {

// Everything printed on one copy of a receipt.
struct ReceiptPrintout {
    services::DeskReceipt receipt;
    Currency currency;
    Letterhead letterhead;
    QString takenAt; // the local date and time it was taken (DeskSession::timeText)
    // Set on a reprint: the copy is marked DUPLICATE with the local time it was printed.
    std::optional<QString> reprintedAt;
};

// The receipt as HTML for a QTextDocument, laid out for an A5 page: the letterhead, the
// receipt number (DUPLICATE on a reprint, REVERSED when reversed), the local date and time,
// the client and loan, the amount in figures and in words, the method and reference, how it
// was applied, the balances after it, and the officer who took it by full name.
QString receiptHtml(const ReceiptPrintout& printout);

// The title of the receipt's print job and PDF ("Receipt 000042").
QString receiptTitle(const services::DeskReceipt& receipt);

} // namespace rd::ui

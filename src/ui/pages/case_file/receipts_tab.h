#pragma once

#include "core/result.h"
#include "desk_session.h"
#include "models/receipts_model.h"
#include "print/receipt_printing.h"
#include "services/case_service.h"

#include <QWidget>

class QPushButton;
class QTableView;

namespace rd::ui {

// The loan's desk receipts, newest first: printing (ReceiptPrinting: the first print is the
// original, later ones DUPLICATEs) and PDF of the selected one here;
// its reversal is the page's (it changes the whole case file), asked for with
// reverseRequested.
class ReceiptsTab : public QWidget {
    Q_OBJECT
public:
    ReceiptsTab(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);

    // Reads the loan's receipts and selects the newest; the error when they cannot be read.
    Result<void> load(const services::CaseFile& file);
    // Whether the user may reverse a payment (a supervisor of the branch).
    void setReversible(bool allowed);
    ReceiptsModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    const services::DeskReceipt* selected() const;
    // Selects the receipt of that number; false when the loan has none such.
    bool selectReceipt(std::int64_t receiptNo);

    // Prints the selected receipt (asking where, by default with the print dialog); true
    // when it was printed.
    bool printSelected();
    bool saveSelectedPdf(const QString& path);
    ReceiptPrinting& printing() { return printing_; }

signals:
    void reverseRequested();
    // What an action did, for the page's message line.
    void message(const QString& text, bool problem);

private:
    DeskServices services_;
    const DeskSession& session_;
    Currency currency_;
    ReceiptsModel* model_;
    QTableView* view_;
    QPushButton* reverse_;
    ReceiptPrinting printing_;
};

} // namespace rd::ui

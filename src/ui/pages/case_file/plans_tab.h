#pragma once

#include "core/result.h"
#include "desk_session.h"
#include "print/html_printing.h"
#include "services/case_service.h"
#include "services/plan_service.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace rd::ui {

class PlanHistoryModel;
class PlanInstallmentsModel;

// The loan's repayment plans: the history (newest first: status, dates, who proposed and
// decided, with the comments) and, for the selected plan (the active one when there is
// one), each installment's due date, amount, what was paid towards it so far and whether it
// was kept, broken or is pending. "Print confirmation..." (Ctrl+Alt+P) prints the agreed
// plan of an active or completed plan on the letterhead.
class PlansTab : public QWidget {
    Q_OBJECT
public:
    PlansTab(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);

    // Reads the loan's plans; the error when they cannot be read.
    Result<void> load(const services::CaseFile& file);
    PlanHistoryModel* historyModel() const { return history_; }
    PlanInstallmentsModel* installmentsModel() const { return installments_; }
    QTableView* historyView() const { return historyView_; }
    QTableView* installmentsView() const { return installmentsView_; }
    QString summary() const;
    const services::PlanView* selected() const;

    // Prints the selected plan's confirmation (asking where: the print dialog by default);
    // true when it was printed.
    bool printConfirmation();
    void setPrinterChooser(PrinterChooser chooser) { chooser_ = std::move(chooser); }
    // The HTML of the last confirmation printed (tests read it back).
    const QString& lastHtml() const { return lastHtml_; }

signals:
    // What an action did, for the page's message line.
    void message(const QString& text, bool problem);

private:
    void showSelected();

    DeskServices services_;
    const DeskSession& session_;
    std::optional<services::CaseFile> file_;
    PlanHistoryModel* history_;
    PlanInstallmentsModel* installments_;
    QTableView* historyView_;
    QTableView* installmentsView_;
    QLabel* summary_;
    QPushButton* print_;
    PrinterChooser chooser_ = askForPrinter;
    QString lastHtml_;
};

} // namespace rd::ui

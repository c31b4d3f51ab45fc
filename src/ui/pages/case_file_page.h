#pragma once

#include "desk_session.h"
#include "print/html_printing.h"
#include "services/case_service.h"

#include <QWidget>
#include <optional>

class QLabel;
class QTabWidget;
class QTableView;
class QPushButton;

namespace rd {
struct Error;
}

namespace rd::ui {

class AuditModel;
class AuditTab;
class CaseHeader;
class CasePromisesModel;
class CounsellingTab;
class LoanPaymentsModel;
class OtherLoansModel;
class OtherLoansTab;
class PaymentsTab;
class PlansTab;
class PromisesTab;
class ReceiptsModel;
class ReceiptsTab;
class ScheduleModel;
class ScheduleTab;
class SecurityTab;
class LegalTab;
class TimelineModel;
class TimelineTab;

// The case file: a header that answers who, how much, how late and what next (CaseHeader),
// and a tab per view below, each its own widget and model under pages/case_file/ (timeline
// first, schedule, promises, payments, desk receipts, repayment plans, other loans, audit
// trail). The page composes them and owns the actions that change the case and so every
// tab: log contact, note, take payment, change stage, reassign, sign off a review, correct,
// reverse.
class CaseFilePage : public QWidget {
    Q_OBJECT
public:
    CaseFilePage(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);

    // Loads the loan's case file as of the business date; false (with the reason shown)
    // when the loan cannot be read.
    bool showLoan(const QString& loanId);
    void reload();
    QString loanId() const;
    const std::optional<services::CaseFile>& caseFile() const { return file_; }
    QTabWidget* tabs() const { return tabs_; }

    // Opens the dialogs; true when something was saved.
    bool logContact();
    bool takePayment();
    bool reassign();
    bool addNote(const QString& text);
    // Corrects the timeline's selected contact (log contact form) or note (new text): a new
    // entry naming the old one, which stays.
    bool correctSelected();
    bool correctNote(std::int64_t noteId, const QString& text);
    // Moves the case to `stage`; a move to legal by an officer becomes a request for a
    // supervisor's approval.
    bool changeStage(CaseStage stage, const QString& note);
    bool signOffReview(const QString& comment);
    // The plan workbench (Ctrl+Shift+P): true when a plan was proposed.
    bool openPlanWorkbench();
    // The selected receipt of the Desk receipts tab: print, PDF, reversal. Taking a payment
    // prints its receipt at once ("Save and print receipt").
    void printReceipt();
    bool saveReceiptPdf(const QString& path);
    // Where receipts print (the print dialog by default; tests give a PDF file), and the
    // HTML of the last copy printed.
    void setReceiptPrinterChooser(PrinterChooser chooser);
    QString lastReceiptHtml() const;
    bool reverseReceipt(const QString& reason);
    QString message() const;
    // What the user may do on the case shown now (the Case menu follows these).
    bool canLogContact() const;
    bool canTakePayment() const;
    bool canReassign() const;

    // The tabs' models and views (tests, the screenshots).
    TimelineModel* timelineModel() const;
    QTableView* timelineView() const;
    ScheduleModel* scheduleModel() const;
    AuditModel* auditModel() const;
    OtherLoansModel* otherLoansModel() const;
    CasePromisesModel* promisesModel() const;
    LoanPaymentsModel* paymentsModel() const;
    ReceiptsModel* receiptsModel() const;
    QTableView* receiptsView() const;
    CounsellingTab* counsellingTab() const { return counselling_; }
    PlansTab* plansTab() const;
    SecurityTab* securityTab() const { return security_; }
    LegalTab* legalTab() const { return legal_; }

signals:
    void openOtherLoan(const QString& loanId);
    void caseChanged(const QString& loanId);
    void backRequested();
    void nextRequested();
    void previousRequested();
    void contactLogged(const QString& loanId);
    // The actions the user may take changed (another case, or the case changed).
    void actionsChanged();

private:
    QLayout* buildActions();
    void updateActions();
    void showMessage(const QString& text, bool problem = false);
    // Shows a service's refusal under the tabs (a storage failure in a message box too).
    void showError(const rd::Error& error);
    // After a change: reads the case file again, says what was done, tells the window.
    void changed(const QString& done);

    DeskServices services_;
    const DeskSession& session_;
    std::optional<services::CaseFile> file_;
    CaseHeader* header_;
    QTabWidget* tabs_;
    TimelineTab* timeline_;
    ScheduleTab* schedule_;
    PromisesTab* promises_;
    PaymentsTab* payments_;
    ReceiptsTab* receipts_;
    PlansTab* plans_;
    OtherLoansTab* otherLoans_;
    AuditTab* audit_;
    CounsellingTab* counselling_;
    SecurityTab* security_;
    LegalTab* legal_;
    QPushButton* noteButton_;
    QPushButton* stageButton_;
    QPushButton* reviewButton_;
    QPushButton* logContactButton_;
    QPushButton* takePaymentButton_;
    QPushButton* reassignButton_;
    QPushButton* planButton_;
    QLabel* message_;
};

} // namespace rd::ui

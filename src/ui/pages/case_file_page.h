#pragma once

#include "desk_session.h"
#include "services/case_service.h"
#include "services/payment_service.h"

#include <QWidget>
#include <optional>

class QLabel;
class QTabWidget;
class QTableView;
class QPushButton;

namespace rd::ui {

class TimelineModel;
class ScheduleModel;
class ReceiptsModel;
class AuditModel;
class OtherLoansModel;
class CasePromisesModel;
class LoanPaymentsModel;

// The case file: a header that answers who, how much, how late and what next, and tabs
// below (timeline first, schedule, promises). Actions: log contact, take payment, and for
// supervisors reassign.
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
    TimelineModel* timelineModel() const { return timeline_; }
    ScheduleModel* scheduleModel() const { return schedule_; }

    // Opens the dialogs; true when something was saved.
    bool logContact();
    bool takePayment();
    bool reassign();
    bool addNote(const QString& text);
    // Corrects the timeline's selected contact (log contact form) or note (new text): a new
    // entry naming the old one, which stays.
    bool correctSelected();
    bool correctNote(std::int64_t noteId, const QString& text);
    QTableView* timelineView() const { return timelineView_; }
    // Moves the case to `stage`; a move to legal by an officer becomes a request for a
    // supervisor's approval.
    bool changeStage(CaseStage stage, const QString& note);
    bool signOffReview(const QString& comment);
    AuditModel* auditModel() const { return audit_; }
    OtherLoansModel* otherLoansModel() const { return otherLoans_; }
    CasePromisesModel* promisesModel() const { return promises_; }
    LoanPaymentsModel* paymentsModel() const { return payments_; }
    // The selected receipt of the Payments tab: print preview, PDF, reversal.
    void printReceipt();
    bool saveReceiptPdf(const QString& path);
    bool reverseReceipt(const QString& reason);
    ReceiptsModel* receiptsModel() const { return receipts_; }
    QTableView* receiptsView() const { return receiptsView_; }
    QString message() const;

signals:
    void openOtherLoan(const QString& loanId);
    void caseChanged(const QString& loanId);
    void backRequested();
    void nextRequested();
    void previousRequested();
    void contactLogged(const QString& loanId);

private:
    void fillHeader();
    void updateActions();
    void showMessage(const QString& text, bool problem = false);
    const services::DeskReceipt* selectedReceipt() const;

    DeskServices services_;
    const DeskSession& session_;
    std::optional<services::CaseFile> file_;
    QLabel* header_;
    QLabel* position_;
    QLabel* nextStep_;
    QTabWidget* tabs_;
    TimelineModel* timeline_;
    ScheduleModel* schedule_;
    ReceiptsModel* receipts_;
    AuditModel* audit_;
    OtherLoansModel* otherLoans_;
    CasePromisesModel* promises_;
    LoanPaymentsModel* payments_;
    QWidget* auditTab_ = nullptr;
    QPushButton* noteButton_;
    QPushButton* correctButton_ = nullptr;
    QTableView* timelineView_ = nullptr;
    QPushButton* stageButton_;
    QPushButton* reviewButton_;
    QTableView* receiptsView_;
    QPushButton* reverseButton_;
    QPushButton* logContactButton_;
    QPushButton* takePaymentButton_;
    QPushButton* reassignButton_;
    QLabel* message_;
};

} // namespace rd::ui

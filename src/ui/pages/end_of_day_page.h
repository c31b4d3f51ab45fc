#pragma once

#include "desk_session.h"
#include "print/html_printing.h"
#include "services/day_close_service.h"

#include <QWidget>
#include <optional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace rd::ui {

class DayMethodsModel;
class OfficerDaysModel;

// End of day (recovery-rules.md, "End of day"). For whoever takes payments, their own day
// on the business date: the receipts by method with counts and totals, the reversals, the
// cash expected, a cash-counted box with the difference as typed and its reason, Close day
// and Print day sheet. For a supervisor, below: the days of the officers of their branches
// with their state (open, closed, signed off), Sign off, Reopen (with a reason) and the
// selected officer's day sheet. The services decide; the page shows their refusals.
class EndOfDayPage : public QWidget {
    Q_OBJECT
public:
    EndOfDayPage(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);

    void reload();
    // Closes the user's day with the cash counted (in the currency's text form) and the
    // reason for a difference; false with the reason shown otherwise.
    bool closeDay(const QString& cashCounted, const QString& reason);
    bool signOff(const std::string& officer);
    bool reopen(const std::string& officer, const QString& reason);
    // Prints the day sheet of the user's own day (no officer) or of an officer of the list,
    // asking where (the print dialog by default); true when printed.
    bool printDaySheet(const std::optional<std::string>& officer = std::nullopt);
    void setPrinterChooser(PrinterChooser chooser) { chooser_ = std::move(chooser); }

    const std::optional<services::DeskDay>& myDay() const { return myDay_; }
    DayMethodsModel* methodsModel() const { return methods_; }
    OfficerDaysModel* officersModel() const { return officers_; }
    QTableView* officersView() const { return officersView_; }
    QString message() const;
    QString differenceText() const;
    const QString& lastSheetHtml() const { return lastSheetHtml_; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildMyDay();
    QWidget* buildBranch();
    void showMyDay();
    void updateDifference();
    const services::DeskDay* selectedOfficerDay() const;
    void showMessage(const QString& text, bool problem);
    void showError(const rd::Error& error);

    DeskServices services_;
    const DeskSession& session_;
    bool takesPayments_;
    bool supervises_;
    std::optional<services::DeskDay> myDay_;
    DayMethodsModel* methods_;
    OfficerDaysModel* officers_;
    QGroupBox* myBox_ = nullptr;
    QLabel* state_ = nullptr;
    QLabel* expected_ = nullptr;
    QLabel* difference_ = nullptr;
    QLineEdit* counted_ = nullptr;
    QLineEdit* reason_ = nullptr;
    QPushButton* close_ = nullptr;
    QTableView* officersView_ = nullptr;
    QPushButton* signOff_ = nullptr;
    QPushButton* reopen_ = nullptr;
    QLabel* message_;
    PrinterChooser chooser_ = askForPrinter;
    QString lastSheetHtml_;
};

} // namespace rd::ui

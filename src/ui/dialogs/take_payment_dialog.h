#pragma once

#include "desk_session.h"
#include "services/case_service.h"
#include "services/payment_service.h"

#include <QDialog>
#include <optional>

class QLineEdit;
class QComboBox;
class QDateEdit;
class QLabel;
class QDialogButtonBox;

namespace rd::ui {

// Takes a payment at the desk: the amount (checked for the currency's decimals as it is
// typed), the method, a reference for anything but cash, the date, and the allocation it
// will make, shown before saving. Save stays disabled, saying why, until all is right.
class TakePaymentDialog : public QDialog {
    Q_OBJECT
public:
    TakePaymentDialog(DeskServices services, const DeskSession& session,
                      const services::CaseFile& file, QWidget* parent = nullptr);

    const std::optional<services::DeskReceipt>& receipt() const { return receipt_; }
    QString problem() const { return problem_; }
    QLineEdit* amountEdit() const { return amount_; }
    QComboBox* methodBox() const { return method_; }
    QLineEdit* referenceEdit() const { return reference_; }
    QLabel* previewLabel() const { return preview_; }
    void accept() override;

private:
    void validate();

    DeskServices services_;
    const DeskSession& session_;
    const services::CaseFile& file_;
    QLineEdit* amount_;
    QComboBox* method_;
    QLineEdit* reference_;
    QDateEdit* date_;
    QLabel* preview_;
    QLabel* problemLabel_;
    QDialogButtonBox* buttons_;
    QString problem_;
    std::optional<services::DeskReceipt> receipt_;
};

} // namespace rd::ui

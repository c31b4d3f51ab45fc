#pragma once

#include "core/currency.h"
#include "core/legal_records.h"
#include "desk_session.h"
#include "services/case_service.h"
#include "services/legal_service.h"

#include <QDialog>
#include <optional>
#include <vector>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace rd::ui {

// The feasibility of legal action for a case (domain.md section 11, docs/legal.md): the
// balance as of the business date, the loan's imported collateral (each ticked to count, at
// its forced-sale value) and other security typed in, the guarantors (reached or not, what
// each can pay), the estimated costs and the officer's chance of recovery. The expected net
// recovery is worked out beside the costs as the officer types (core/feasibility.h), and
// saved with LegalService::assessFeasibility; a refusal is shown under the form and nothing
// typed is lost. A request to move the case to legal carries the newest assessment.
class FeasibilityDialog : public QDialog {
    Q_OBJECT
public:
    FeasibilityDialog(DeskServices services, const DeskSession& session,
                      const services::CaseFile& file, QWidget* parent = nullptr);
    ~FeasibilityDialog() override;

    // What the form says now, as the service would be asked.
    services::FeasibilityRequest request() const;
    // The expected net recovery of request() (none while an amount cannot be read).
    std::optional<Amount> expected() const;
    QString problem() const;
    QString expectedText() const;
    const std::optional<FeasibilityRecord>& saved() const { return saved_; }

    QSpinBox* chanceBox() const { return chance_; }
    QLineEdit* costEdit(int i) const { return costs_.at(static_cast<std::size_t>(i)); }
    QCheckBox* collateralCheck(int i) const {
        return collateral_.at(static_cast<std::size_t>(i)).use;
    }
    QCheckBox* guarantorReached(int i) const {
        return guarantors_.at(static_cast<std::size_t>(i)).reached;
    }
    QLineEdit* guarantorCanPay(int i) const {
        return guarantors_.at(static_cast<std::size_t>(i)).canPay;
    }
    QLineEdit* otherDescription() const { return otherDescription_; }
    QLineEdit* otherMarket() const { return otherMarket_; }
    QLineEdit* otherForced() const { return otherForced_; }

    void accept() override;

private:
    void update();
    // The amount typed in `edit` (0 when empty); the problem goes into `problem` once.
    std::optional<Amount> amountOf(const QLineEdit* edit, const QString& what,
                                   QString& problem) const;
    std::optional<services::FeasibilityRequest> read(QString& problem) const;

    FeasibilityInput inputOf(const services::FeasibilityRequest& r) const;

    struct CollateralRow {
        std::string id;
        FeasibilityCollateral value; // as imported
        QCheckBox* use = nullptr;
    };
    struct GuarantorRow {
        std::string id;
        std::string name, phone;
        QCheckBox* reached = nullptr;
        QLineEdit* canPay = nullptr;
    };

    DeskServices services_;
    const DeskSession& session_;
    std::string loanId_;
    Currency currency_;
    Amount balance_ = 0;
    std::vector<CollateralRow> collateral_;
    std::vector<GuarantorRow> guarantors_;
    QLineEdit* otherDescription_;
    QLineEdit* otherMarket_;
    QLineEdit* otherForced_;
    std::vector<QLineEdit*> costs_; // court, lawyer, auctioneer, transport
    QSpinBox* chance_;
    QPlainTextEdit* note_;
    QLabel* expected_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    std::optional<FeasibilityRecord> saved_;
};

} // namespace rd::ui

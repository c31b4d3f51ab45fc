#pragma once

#include "core/currency.h"
#include "core/legal_records.h"
#include "desk_session.h"

#include <QDialog>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace rd::ui {

// A recovery cost on the case (domain.md section 11): its kind (legal, court, auctioneer,
// transport, agency, other), date (not after the business date), amount, reference and note,
// and the legal case it belongs to, if any. Saved with LegalService::addCost; a refusal is
// shown under the form and nothing typed is lost. A cost entered in error is reversed by a
// supervisor, never edited.
class CostDialog : public QDialog {
    Q_OBJECT
public:
    CostDialog(DeskServices services, const DeskSession& session, std::string loanId,
               Currency currency, const std::vector<LegalCaseRecord>& legalCases,
               QWidget* parent = nullptr);
    ~CostDialog() override;

    QComboBox* kindBox() const { return kind_; }
    QComboBox* legalCaseBox() const { return legalCase_; }
    QDateEdit* dateEdit() const { return date_; }
    QLineEdit* amountEdit() const { return amount_; }
    QLineEdit* referenceEdit() const { return reference_; }
    QString problem() const;
    const std::optional<std::int64_t>& savedId() const { return saved_; }

    void accept() override;

private:
    void validate();

    DeskServices services_;
    const DeskSession& session_;
    std::string loanId_;
    Currency currency_;
    QComboBox* kind_;
    QComboBox* legalCase_;
    QDateEdit* date_;
    QLineEdit* amount_;
    QLineEdit* reference_;
    QLineEdit* note_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    std::optional<std::int64_t> saved_;
};

} // namespace rd::ui

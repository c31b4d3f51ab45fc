#pragma once

#include "core/counselling_records.h"
#include "desk_session.h"

#include <QDialog>
#include <cstdint>
#include <optional>
#include <string>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace rd::ui {

// A referral of the case's client to an outside service (domain.md section 11): the service
// (social welfare, vocational training, counselling, health, other), the organisation, a
// follow-up date that puts the case on the call list then, a note. Or, for a referral
// already made, its new status (contacted, completed, declined) with a note and a new
// follow-up date (while it stays open). Saved with CounsellingService::addReferral or
// updateReferral; a refusal is shown under the form and nothing typed is lost.
class ReferralDialog : public QDialog {
    Q_OBJECT
public:
    // A new referral of the loan's client.
    ReferralDialog(DeskServices services, const DeskSession& session, std::string loanId,
                   const QString& clientName, QWidget* parent = nullptr);
    // A new status of `referral`.
    ReferralDialog(DeskServices services, const DeskSession& session, ReferralRecord referral,
                   QWidget* parent = nullptr);
    ~ReferralDialog() override;

    bool isUpdate() const { return referral_.has_value(); }
    QComboBox* serviceBox() const { return service_; }
    QLineEdit* organisationEdit() const { return organisation_; }
    QComboBox* statusBox() const { return status_; }
    QCheckBox* followUpCheck() const { return followUpCheck_; }
    QDateEdit* followUpEdit() const { return followUp_; }
    QPlainTextEdit* noteEdit() const { return note_; }
    void setStatus(ReferralStatus status);
    QString problem() const;
    // The referral's id (new) or the update's id.
    const std::optional<std::int64_t>& savedId() const { return saved_; }

    void accept() override;

private:
    ReferralDialog(DeskServices services, const DeskSession& session, QWidget* parent);
    void build(const QString& heading);
    void validate();

    DeskServices services_;
    const DeskSession& session_;
    std::string loanId_;
    std::optional<ReferralRecord> referral_;
    QComboBox* service_;
    QLineEdit* organisation_;
    QComboBox* status_;
    QCheckBox* followUpCheck_;
    QDateEdit* followUp_;
    QPlainTextEdit* note_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    std::optional<std::int64_t> saved_;
};

} // namespace rd::ui

#include "referral_dialog.h"

#include "display_text.h"
#include "error_text.h"
#include "services/counselling_service.h"
#include "widgets/dialog_keys.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd::ui {
namespace {

// A referral is followed up within two weeks unless the officer says otherwise.
constexpr int kFollowUpDays = 14;

} // namespace

ReferralDialog::ReferralDialog(DeskServices services, const DeskSession& session, QWidget* parent)
    : QDialog(parent), services_(std::move(services)), session_(session),
      service_(new QComboBox(this)), organisation_(new QLineEdit(this)),
      status_(new QComboBox(this)), followUpCheck_(new QCheckBox(tr("&Follow up on:"), this)),
      followUp_(new QDateEdit(this)), note_(new QPlainTextEdit(this)), problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("referralDialog"));
    service_->setObjectName(QStringLiteral("referralServiceBox"));
    organisation_->setObjectName(QStringLiteral("organisationEdit"));
    status_->setObjectName(QStringLiteral("referralStatusBox"));
    followUpCheck_->setObjectName(QStringLiteral("referralFollowUpCheck"));
    followUp_->setObjectName(QStringLiteral("referralFollowUpEdit"));
    note_->setObjectName(QStringLiteral("referralNoteEdit"));
    problem_->setObjectName(QStringLiteral("referralProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    note_->setTabChangesFocus(true);
    note_->setMaximumHeight(100);
    const QDate business = toQDate(session_.businessDate);
    followUp_->setCalendarPopup(true);
    followUp_->setMinimumDate(business);
    followUp_->setDate(business.addDays(kFollowUpDays));
    followUpCheck_->setChecked(true);
    connect(followUpCheck_, &QCheckBox::toggled, followUp_, &QWidget::setEnabled);
}

ReferralDialog::ReferralDialog(DeskServices services, const DeskSession& session,
                               std::string loanId, const QString& clientName, QWidget* parent)
    : ReferralDialog(std::move(services), session, parent) {
    loanId_ = std::move(loanId);
    setWindowTitle(tr("Refer to an outside service"));
    for (const auto s :
         {ReferralService::SocialWelfare, ReferralService::VocationalTraining,
          ReferralService::Counselling, ReferralService::Health, ReferralService::Other})
        service_->addItem(capitalised(referralServiceText(s)), static_cast<int>(s));
    organisation_->setPlaceholderText(tr("e.g. Kampala Youth Skills Centre"));
    note_->setPlaceholderText(tr("Why, or what was arranged"));
    status_->hide();
    build(tr("Refer <b>%1</b> (loan %2) to an outside service. The follow-up date puts the case "
             "on the call list that day.")
              .arg(clientName.toHtmlEscaped(), QString::fromStdString(loanId_).toHtmlEscaped()));
}

ReferralDialog::ReferralDialog(DeskServices services, const DeskSession& session,
                               ReferralRecord referral, QWidget* parent)
    : ReferralDialog(std::move(services), session, parent) {
    loanId_ = referral.loanId;
    referral_ = std::move(referral);
    setWindowTitle(tr("Update referral"));
    for (const auto s :
         {ReferralStatus::Contacted, ReferralStatus::Completed, ReferralStatus::Declined})
        status_->addItem(capitalised(referralStatusText(s)), static_cast<int>(s));
    service_->hide();
    organisation_->hide();
    if (const auto due = referral_->currentFollowUp(); due && *due > session_.businessDate)
        followUp_->setDate(toQDate(*due));
    note_->setPlaceholderText(tr("What happened, e.g. the client met the social worker"));
    connect(status_, &QComboBox::currentIndexChanged, this, &ReferralDialog::validate);
    build(tr("Referral of %1 to <b>%2</b> (%3), %4 now; follow-up %5.")
              .arg(displayDate(referral_->businessDate),
                   QString::fromStdString(referral_->organisation).toHtmlEscaped(),
                   referralServiceText(referral_->service), referralStatusText(referral_->status()),
                   referral_->currentFollowUp() ? displayDate(*referral_->currentFollowUp())
                                                : tr("none")));
}

ReferralDialog::~ReferralDialog() = default;

void ReferralDialog::build(const QString& heading) {
    auto* intro = new QLabel(heading, this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    const auto row = [&](const QString& label, QWidget* field) {
        if (field->isHidden())
            return;
        auto* l = new QLabel(label, this);
        l->setBuddy(field);
        form->addRow(l, field);
    };
    row(tr("&Service:"), service_);
    row(tr("&Organisation:"), organisation_);
    row(tr("&New status:"), status_);
    form->addRow(followUpCheck_, followUp_);
    row(tr("No&te:"), note_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    buttons_->button(QDialogButtonBox::Save)
        ->setText(isUpdate() ? tr("Save status") : tr("Save referral"));
    addSaveShortcut(this, buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &ReferralDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &ReferralDialog::reject);
    connect(organisation_, &QLineEdit::textChanged, this, &ReferralDialog::validate);
    resize(520, sizeHint().height());
    validate();
    (isUpdate() ? static_cast<QWidget*>(status_) : service_)->setFocus();
}

void ReferralDialog::setStatus(ReferralStatus status) {
    status_->setCurrentIndex(status_->findData(static_cast<int>(status)));
}

void ReferralDialog::validate() {
    QString problem;
    if (isUpdate()) {
        // A completed or declined referral is closed: nothing more to follow up.
        const auto s = static_cast<ReferralStatus>(status_->currentData().toInt());
        const bool open = isOpen(s);
        followUpCheck_->setVisible(open);
        followUp_->setVisible(open);
        followUp_->setEnabled(open && followUpCheck_->isChecked());
    } else if (organisation_->text().trimmed().isEmpty()) {
        problem = tr("Write the organisation the client is referred to.");
    }
    auto* save = buttons_->button(QDialogButtonBox::Save);
    save->setEnabled(problem.isEmpty());
    save->setToolTip(problem);
    problem_->setText(problem);
}

QString ReferralDialog::problem() const {
    return problem_->text();
}

void ReferralDialog::accept() {
    validate();
    if (!buttons_->button(QDialogButtonBox::Save)->isEnabled())
        return;
    std::optional<Date> followUp;
    if (!followUpCheck_->isHidden() && followUpCheck_->isChecked())
        followUp = toDate(followUp_->date());
    const std::string note = note_->toPlainText().trimmed().toStdString();
    Result<std::int64_t> id = std::int64_t{0};
    if (isUpdate())
        id = services_.counselling->updateReferral(
            session_.user, referral_->id,
            static_cast<ReferralStatus>(status_->currentData().toInt()), note, followUp,
            session_.businessDate);
    else
        id = services_.counselling->addReferral(
            session_.user, loanId_, organisation_->text().trimmed().toStdString(),
            static_cast<ReferralService>(service_->currentData().toInt()), followUp, note,
            session_.businessDate);
    if (!id) {
        problem_->setText(reportError(this, id.error()));
        return;
    }
    saved_ = *id;
    QDialog::accept();
}

} // namespace rd::ui

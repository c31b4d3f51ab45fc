#include "log_contact_dialog.h"

#include "display_text.h"
#include "error_text.h"
#include "money_display.h"
#include "ui_log_contact_dialog.h"
#include "widgets/dialog_keys.h"

#include <QPushButton>
#include <algorithm>

namespace rd::ui {
namespace {

constexpr ContactChannel kChannels[] = {ContactChannel::Call,  ContactChannel::Sms,
                                        ContactChannel::Visit, ContactChannel::Meeting,
                                        ContactChannel::Email, ContactChannel::Letter};
constexpr ContactOutcome kOutcomes[] = {ContactOutcome::Reached,     ContactOutcome::NoAnswer,
                                        ContactOutcome::Promised,    ContactOutcome::Paid,
                                        ContactOutcome::Refused,     ContactOutcome::Disputed,
                                        ContactOutcome::WrongNumber, ContactOutcome::Other};
constexpr PersonReached kPersons[] = {PersonReached::Client, PersonReached::Guarantor,
                                      PersonReached::GroupLeader, PersonReached::Other};

// How far back a contact may be logged (a field visit written up days later).
constexpr int kMaxDaysBack = 30;

} // namespace

LogContactDialog::LogContactDialog(DeskServices services, const DeskSession& session,
                                   const services::CaseFile& file, QWidget* parent)
    : QDialog(parent), ui_(std::make_unique<Ui::LogContactDialog>()), services_(services),
      session_(session), file_(file), rules_(file.contactRules) {
    ui_->setupUi(this);
    setObjectName(QStringLiteral("logContactDialog"));
    ui_->caseLabel->setText(
        tr("<b>%1</b> - loan %2 - %3 days past due, arrears %4")
            .arg(QString::fromStdString(file.loan.clientName).toHtmlEscaped(),
                 QString::fromStdString(file.loan.loanId).toHtmlEscaped())
            .arg(file.position.daysPastDue)
            .arg(displayMoneyWithCode(file.position.arrears.total(), file.currency)));
    for (auto c : kChannels)
        ui_->channelBox->addItem(channelText(c), static_cast<int>(c));
    ui_->directionBox->addItem(tr("Outbound (we contacted them)"),
                               static_cast<int>(ContactDirection::Outbound));
    ui_->directionBox->addItem(tr("Inbound (they contacted us)"),
                               static_cast<int>(ContactDirection::Inbound));
    for (auto p : kPersons)
        ui_->personBox->addItem(personText(p), static_cast<int>(p));
    for (auto o : kOutcomes)
        ui_->outcomeBox->addItem(outcomeText(o), static_cast<int>(o));

    const QDate business = toQDate(session.businessDate);
    ui_->promiseDateEdit->setMinimumDate(business);
    ui_->promiseDateEdit->setDate(business.addDays(7));
    ui_->nextActionEdit->setMinimumDate(business);
    ui_->promiseAmountEdit->setPlaceholderText(
        tr("e.g. %1").arg(displayMoney(file.position.arrears.total(), file.currency)));
    if (file.position.arrears.total() > 0)
        ui_->promiseAmountEdit->setText(displayMoney(file.position.arrears.total(), file.currency));
    ui_->problemLabel->setStyleSheet(QStringLiteral("color: #b71c1c;"));

    // When it happened: now by default; earlier for a visit logged back at the office (the
    // rules apply to that time), never later than now.
    // Wall-clock times of the institution, kept as UTC in the editor so that the machine's
    // own zone (its summer time) never shifts them.
    const int nowMinute = session.nowMinuteOfDay();
    const QDateTime now(business, QTime(nowMinute / 60, nowMinute % 60), Qt::UTC);
    ui_->whenEdit->setTimeSpec(Qt::UTC);
    // Contact times are kept to the minute.
    ui_->whenEdit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat) +
                                    QStringLiteral(" HH:mm"));
    ui_->whenEdit->setMaximumDateTime(now);
    ui_->whenEdit->setMinimumDateTime(
        QDateTime(business.addDays(-kMaxDaysBack), QTime(0, 0), Qt::UTC));
    ui_->whenEdit->setDateTime(now);
    connect(ui_->whenEdit, &QDateTimeEdit::dateTimeChanged, this, &LogContactDialog::validate);
    addSaveShortcut(this, ui_->buttons);
    connect(ui_->buttons, &QDialogButtonBox::accepted, this, &LogContactDialog::accept);
    connect(ui_->buttons, &QDialogButtonBox::rejected, this, &LogContactDialog::reject);

    connect(ui_->outcomeBox, &QComboBox::currentIndexChanged, this,
            &LogContactDialog::outcomeChanged);
    connect(ui_->promiseDateEdit, &QDateEdit::dateChanged, this, [this] {
        if (!nextActionTouched_)
            outcomeChanged();
        validate();
    });
    connect(ui_->nextActionEdit, &QDateEdit::dateChanged, this, [this] {
        if (ui_->nextActionEdit->hasFocus())
            nextActionTouched_ = true;
    });
    for (auto* box : {ui_->channelBox, ui_->directionBox, ui_->personBox})
        connect(box, &QComboBox::currentIndexChanged, this, &LogContactDialog::validate);
    connect(ui_->promiseAmountEdit, &QLineEdit::textChanged, this, &LogContactDialog::validate);
    connect(ui_->overrideEdit, &QLineEdit::textChanged, this, &LogContactDialog::validate);
    outcomeChanged();
    ui_->channelBox->setFocus();
}

LogContactDialog::~LogContactDialog() = default;

void LogContactDialog::setCorrects(std::int64_t contactId) {
    corrects_ = contactId;
    setWindowTitle(tr("Correct contact #%1").arg(contactId));
    ui_->caseLabel->setText(ui_->caseLabel->text() + QStringLiteral("<br>") +
                            tr("This correction is saved as a new contact that replaces #%1; "
                               "the original stays on record.")
                                .arg(contactId));
    // The form starts from the original: the officer changes what was wrong.
    const auto original = std::find_if(file_.contacts.begin(), file_.contacts.end(),
                                       [&](const ContactRecord& c) { return c.id == contactId; });
    if (original == file_.contacts.end())
        return;
    const auto select = [](QComboBox* box, int value) {
        if (const int i = box->findData(value); i >= 0)
            box->setCurrentIndex(i);
    };
    select(ui_->channelBox, static_cast<int>(original->channel));
    select(ui_->directionBox, static_cast<int>(original->direction));
    select(ui_->personBox, static_cast<int>(original->person));
    select(ui_->outcomeBox, static_cast<int>(original->outcome));
    ui_->noteEdit->setPlainText(QString::fromStdString(original->note));
    if (original->nextActionOn) {
        nextActionTouched_ = true;
        ui_->nextActionEdit->setDate(toQDate(*original->nextActionOn));
    }
    ui_->overrideEdit->setText(QString::fromStdString(original->overrideReason));
    // The rules are checked against the time it happened, not the time of the correction.
    setContactTime(original->at);
    validate();
}

DateTime LogContactDialog::contactTime() const {
    const QDateTime at = ui_->whenEdit->dateTime();
    return DateTime{toDate(at.date()), at.time().hour() * 60 + at.time().minute()};
}

void LogContactDialog::setContactTime(const DateTime& at) {
    ui_->whenEdit->setDateTime(
        QDateTime(toQDate(at.date), QTime(at.minuteOfDay / 60, at.minuteOfDay % 60), Qt::UTC));
}

void LogContactDialog::outcomeChanged() {
    const auto outcome = static_cast<ContactOutcome>(ui_->outcomeBox->currentData().toInt());
    const bool promised = outcome == ContactOutcome::Promised;
    for (QWidget* w : {static_cast<QWidget*>(ui_->promiseAmountEdit),
                       static_cast<QWidget*>(ui_->promiseDateEdit),
                       static_cast<QWidget*>(ui_->promiseAmountLabel),
                       static_cast<QWidget*>(ui_->promiseDateLabel)})
        w->setVisible(promised);
    if (!nextActionTouched_) {
        // The next step follows from what happened: try again tomorrow when nobody answered,
        // check the day after a promise falls due, otherwise follow up within a week.
        const QDate business = toQDate(session_.businessDate);
        QDate next = business.addDays(7);
        if (outcome == ContactOutcome::NoAnswer || outcome == ContactOutcome::WrongNumber)
            next = business.addDays(1);
        else if (promised)
            next = ui_->promiseDateEdit->date().addDays(1);
        else if (outcome == ContactOutcome::Paid)
            next = business.addDays(2);
        QSignalBlocker block(ui_->nextActionEdit);
        ui_->nextActionEdit->setDate(next);
    }
    validate();
}

void LogContactDialog::validate() {
    problem_.clear();
    const auto outcome = static_cast<ContactOutcome>(ui_->outcomeBox->currentData().toInt());
    if (outcome == ContactOutcome::Promised) {
        const QString text = ui_->promiseAmountEdit->text().trimmed();
        auto amount = parseAmountInput(text, file_.currency.exponent);
        if (text.isEmpty())
            problem_ = tr("Enter the amount promised.");
        else if (!amount)
            problem_ =
                tr("Promised amount: %1").arg(QString::fromStdString(amount.error().message));
        else if (*amount <= 0)
            problem_ = tr("Promised amount must be more than 0.");
    }
    // Client-protection rules, checked as the officer fills in the form.
    std::vector<ContactAttempt> sameDay;
    const DateTime at = contactTime();
    for (const auto& c : attemptsOnRecord(file_.contacts, corrects_))
        if (c.at.date == at.date)
            sameDay.push_back(c);
    const ContactAttempt proposed{
        at, static_cast<ContactChannel>(ui_->channelBox->currentData().toInt()),
        static_cast<ContactDirection>(ui_->directionBox->currentData().toInt())};
    const auto breaches = checkContactRules(proposed, sameDay, rules_);
    const bool needsReason = !breaches.empty();
    ui_->overrideEdit->setVisible(needsReason);
    ui_->overrideLabel->setVisible(needsReason);
    QString ruleText;
    for (const auto& b : breaches)
        ruleText += QString::fromStdString(b.message) + u'\n';
    if (needsReason && problem_.isEmpty() && ui_->overrideEdit->text().trimmed().isEmpty())
        problem_ = ruleText + tr("Give a reason to override the rule, or cancel and contact the "
                                 "client another time.");
    ui_->problemLabel->setText(problem_.isEmpty() && needsReason ? ruleText.trimmed() : problem_);
    auto* save = ui_->buttons->button(QDialogButtonBox::Save);
    save->setEnabled(problem_.isEmpty());
    save->setToolTip(problem_);
}

services::NewContact LogContactDialog::contactFromForm(Amount promiseAmount) const {
    services::NewContact c;
    c.loanId = file_.loan.loanId;
    c.at = contactTime();
    c.channel = static_cast<ContactChannel>(ui_->channelBox->currentData().toInt());
    c.direction = static_cast<ContactDirection>(ui_->directionBox->currentData().toInt());
    c.person = static_cast<PersonReached>(ui_->personBox->currentData().toInt());
    c.outcome = static_cast<ContactOutcome>(ui_->outcomeBox->currentData().toInt());
    c.note = ui_->noteEdit->toPlainText().trimmed().toStdString();
    c.nextActionOn = toDate(ui_->nextActionEdit->date());
    c.correctsContactId = corrects_;
    c.overrideReason = !ui_->overrideEdit->isHidden()
                           ? ui_->overrideEdit->text().trimmed().toStdString()
                           : std::string();
    if (c.outcome == ContactOutcome::Promised) {
        c.promiseAmount = promiseAmount;
        c.promiseDate = toDate(ui_->promiseDateEdit->date());
    }
    return c;
}

void LogContactDialog::accept() {
    validate();
    if (!problem_.isEmpty())
        return;
    Amount promiseAmount = 0;
    if (!ui_->promiseAmountEdit->isHidden())
        promiseAmount =
            parseAmountInput(ui_->promiseAmountEdit->text(), file_.currency.exponent).value();
    auto result = services_.contacts->addContact(session_.user, contactFromForm(promiseAmount));
    if (!result) {
        problem_ = reportError(this, result.error());
        ui_->problemLabel->setText(problem_);
        if (result.error().hint == Hint::GiveReason && !ui_->overrideEdit->isHidden())
            ui_->overrideEdit->setFocus();
        else if (result.error().hint == Hint::GivePromiseBoth)
            ui_->promiseAmountEdit->setFocus();
        return;
    }
    saved_ = *result;
    QDialog::accept();
}

} // namespace rd::ui

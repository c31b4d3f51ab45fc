#include "display_text.h"

#include "core/user.h"
#include "services/case_service.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QPainter>
#include <QPixmap>
#include <QStringList>
#include <QTime>
#include <map>

namespace rd::ui {

QDate toQDate(Date date) {
    return QDate(date.year(), static_cast<int>(date.month()), static_cast<int>(date.day()));
}

Date toDate(const QDate& date) {
    return Date::fromCivil(date.year(), static_cast<unsigned>(date.month()),
                           static_cast<unsigned>(date.day()));
}

QString displayDate(Date date, const QLocale& locale) {
    return locale.toString(toQDate(date), QLocale::ShortFormat);
}

QString displayDate(const std::optional<Date>& date, const QLocale& locale) {
    return date ? displayDate(*date, locale) : QString();
}

QString displayDateTime(const DateTime& at, const QLocale& locale) {
    return displayDate(at.date, locale) + u' ' +
           locale.toString(QTime(at.minuteOfDay / 60, at.minuteOfDay % 60), QLocale::ShortFormat);
}

QString displayUtcTime(const std::string& isoUtc, const QTimeZone& zone) {
    const QDateTime at = QDateTime::fromString(QString::fromStdString(isoUtc), Qt::ISODate);
    if (!at.isValid())
        return QString::fromStdString(isoUtc);
    const QDateTime local = at.toTimeZone(zone);
    return displayDateTime(
        DateTime{toDate(local.date()), local.time().hour() * 60 + local.time().minute()});
}

QString isoDateText(const std::string& iso) {
    if (auto date = Date::parse(iso))
        return displayDate(*date);
    return QString::fromStdString(iso);
}

QString stageText(CaseStage stage) {
    switch (stage) {
    case CaseStage::Early:
        return QCoreApplication::translate("rd", "Early");
    case CaseStage::Collection:
        return QCoreApplication::translate("rd", "Collection");
    case CaseStage::PreLegal:
        return QCoreApplication::translate("rd", "Pre-legal");
    case CaseStage::Legal:
        return QCoreApplication::translate("rd", "Legal");
    case CaseStage::PostWriteOff:
        return QCoreApplication::translate("rd", "Post write-off");
    }
    return {};
}

QString promiseStatusText(PromiseStatus status) {
    switch (status) {
    case PromiseStatus::Pending:
        return QCoreApplication::translate("rd", "pending");
    case PromiseStatus::Kept:
        return QCoreApplication::translate("rd", "kept");
    case PromiseStatus::Partial:
        return QCoreApplication::translate("rd", "partly kept");
    case PromiseStatus::Broken:
        return QCoreApplication::translate("rd", "broken");
    }
    return {};
}

QString planKindText(PlanKind kind) {
    switch (kind) {
    case PlanKind::Arrangement:
        return QCoreApplication::translate("rd", "arrangement");
    case PlanKind::Reschedule:
        return QCoreApplication::translate("rd", "reschedule");
    case PlanKind::Settlement:
        return QCoreApplication::translate("rd", "settlement");
    }
    return {};
}

QString planStatusText(PlanStatus status) {
    switch (status) {
    case PlanStatus::Proposed:
        return QCoreApplication::translate("rd", "waiting for approval");
    case PlanStatus::Rejected:
        return QCoreApplication::translate("rd", "rejected");
    case PlanStatus::Withdrawn:
        return QCoreApplication::translate("rd", "withdrawn");
    case PlanStatus::Active:
        return QCoreApplication::translate("rd", "active");
    case PlanStatus::Cancelled:
        return QCoreApplication::translate("rd", "cancelled");
    case PlanStatus::Broken:
        return QCoreApplication::translate("rd", "broken");
    case PlanStatus::Completed:
        return QCoreApplication::translate("rd", "completed");
    }
    return {};
}

QString planInstallmentStatusText(PlanInstallmentStatus status) {
    switch (status) {
    case PlanInstallmentStatus::Pending:
        return QCoreApplication::translate("rd", "pending");
    case PlanInstallmentStatus::Kept:
        return QCoreApplication::translate("rd", "kept");
    case PlanInstallmentStatus::Broken:
        return QCoreApplication::translate("rd", "broken");
    }
    return {};
}

QString sessionKindText(SessionKind kind) {
    switch (kind) {
    case SessionKind::OneToOne:
        return QCoreApplication::translate("rd", "one-to-one session");
    case SessionKind::Workshop:
        return QCoreApplication::translate("rd", "workshop");
    }
    return {};
}

QString referralServiceText(ReferralService service) {
    switch (service) {
    case ReferralService::SocialWelfare:
        return QCoreApplication::translate("rd", "social welfare");
    case ReferralService::VocationalTraining:
        return QCoreApplication::translate("rd", "vocational training");
    case ReferralService::Counselling:
        return QCoreApplication::translate("rd", "counselling");
    case ReferralService::Health:
        return QCoreApplication::translate("rd", "health");
    case ReferralService::Other:
        return QCoreApplication::translate("rd", "other");
    }
    return {};
}

QString referralStatusText(ReferralStatus status) {
    switch (status) {
    case ReferralStatus::Referred:
        return QCoreApplication::translate("rd", "referred");
    case ReferralStatus::Contacted:
        return QCoreApplication::translate("rd", "contacted");
    case ReferralStatus::Completed:
        return QCoreApplication::translate("rd", "completed");
    case ReferralStatus::Declined:
        return QCoreApplication::translate("rd", "declined");
    }
    return {};
}

QString channelText(ContactChannel channel) {
    switch (channel) {
    case ContactChannel::Call:
        return QCoreApplication::translate("rd", "Call");
    case ContactChannel::Sms:
        return QCoreApplication::translate("rd", "SMS");
    case ContactChannel::Email:
        return QCoreApplication::translate("rd", "E-mail");
    case ContactChannel::Letter:
        return QCoreApplication::translate("rd", "Letter");
    case ContactChannel::Visit:
        return QCoreApplication::translate("rd", "Visit");
    case ContactChannel::Meeting:
        return QCoreApplication::translate("rd", "Meeting");
    }
    return {};
}

QString outcomeText(ContactOutcome outcome) {
    switch (outcome) {
    case ContactOutcome::Reached:
        return QCoreApplication::translate("rd", "Reached");
    case ContactOutcome::NoAnswer:
        return QCoreApplication::translate("rd", "No answer");
    case ContactOutcome::WrongNumber:
        return QCoreApplication::translate("rd", "Wrong number");
    case ContactOutcome::Refused:
        return QCoreApplication::translate("rd", "Refused to pay");
    case ContactOutcome::Disputed:
        return QCoreApplication::translate("rd", "Disputed");
    case ContactOutcome::Promised:
        return QCoreApplication::translate("rd", "Promised to pay");
    case ContactOutcome::Paid:
        return QCoreApplication::translate("rd", "Says paid");
    case ContactOutcome::Sent:
        return QCoreApplication::translate("rd", "Letter sent");
    case ContactOutcome::Other:
        return QCoreApplication::translate("rd", "Other");
    }
    return {};
}

QString personText(PersonReached person) {
    switch (person) {
    case PersonReached::Client:
        return QCoreApplication::translate("rd", "Client");
    case PersonReached::Guarantor:
        return QCoreApplication::translate("rd", "Guarantor");
    case PersonReached::GroupLeader:
        return QCoreApplication::translate("rd", "Group leader");
    case PersonReached::Other:
        return QCoreApplication::translate("rd", "Someone else");
    }
    return {};
}

QString reasonText(CallReason reason) {
    switch (reason) {
    case CallReason::BrokenPlan:
        return QCoreApplication::translate("rd", "Broken plan");
    case CallReason::PlanDue:
        return QCoreApplication::translate("rd", "Plan installment due");
    case CallReason::FollowUpDue:
        return QCoreApplication::translate("rd", "Referral follow-up due");
    case CallReason::HearingDue:
        return QCoreApplication::translate("rd", "Hearing due");
    case CallReason::LetterDue:
        return QCoreApplication::translate("rd", "Letter deadline passed");
    case CallReason::BrokenPromise:
        return QCoreApplication::translate("rd", "Broken promise");
    case CallReason::PromiseDue:
        return QCoreApplication::translate("rd", "Promise due");
    case CallReason::ActionDue:
        return QCoreApplication::translate("rd", "Action due");
    case CallReason::NewCase:
        return QCoreApplication::translate("rd", "New case");
    case CallReason::EarlyWarning:
        return QCoreApplication::translate("rd", "Early warning");
    }
    return {};
}

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rd", text);
}

struct SettingWords {
    const char* key;
    const char* name;
    const char* description;
};

// The GUI's words for the settings (the command line keeps the keys and their own texts).
const SettingWords kSettingWords[] = {
    {"buckets", QT_TRANSLATE_NOOP("rd", "Aging buckets"),
     QT_TRANSLATE_NOOP("rd", "Where each aging bucket after \"current\" ends, in days past due "
                             "(for example 30, 60, 90).")},
    {"arrears_tolerance", QT_TRANSLATE_NOOP("rd", "Arrears tolerance"),
     QT_TRANSLATE_NOOP("rd", "An installment counts as overdue only when more than this amount "
                             "is unpaid on it.")},
    {"contact_hours", QT_TRANSLATE_NOOP("rd", "Contact hours"),
     QT_TRANSLATE_NOOP("rd", "Calls, SMS and visits only between these times of day, both "
                             "included (for example 08:00-20:00).")},
    {"max_attempts_per_day", QT_TRANSLATE_NOOP("rd", "Attempts a day"),
     QT_TRANSLATE_NOOP("rd", "Outbound calls, SMS and visits on one loan in a day; more needs a "
                             "written reason (1 to 20).")},
    {"promise_grace_days", QT_TRANSLATE_NOOP("rd", "Promise grace days"),
     QT_TRANSLATE_NOOP("rd", "Days after a promise's date that a payment still counts towards "
                             "it (0 to 30).")},
    {"case_open_dpd", QT_TRANSLATE_NOOP("rd", "Open a case at"),
     QT_TRANSLATE_NOOP("rd", "A case opens when a loan reaches this many days past due (1 to "
                             "365).")},
    {"case_cure_days", QT_TRANSLATE_NOOP("rd", "Cured after"),
     QT_TRANSLATE_NOOP("rd", "A case closes as cured after the loan has been current this many "
                             "days (1 to 365).")},
    {"case_assignment", QT_TRANSLATE_NOOP("rd", "Who gets a new case"),
     QT_TRANSLATE_NOOP("rd", "Fewest open cases (the branch's officer with the fewest open "
                             "cases), the loan's credit officer (when an enabled officer of the "
                             "branch, else the fewest open cases) or nobody (left unassigned).")},
    {"max_payment_multiple", QT_TRANSLATE_NOOP("rd", "Largest desk payment"),
     QT_TRANSLATE_NOOP("rd", "A desk payment larger than this many times the loan's principal is "
                             "refused as a typing mistake (1 to 1000).")},
    {"time_zone", QT_TRANSLATE_NOOP("rd", "Time zone"),
     QT_TRANSLATE_NOOP("rd", "The institution's time zone (such as Africa/Kampala): contact "
                             "hours and every time shown are in it.")},
    {"idle_lock_minutes", QT_TRANSLATE_NOOP("rd", "Lock when idle after"),
     QT_TRANSLATE_NOOP("rd", "The workstation locks after this many minutes without a key press "
                             "or click and asks for the password again (1 to 240).")},
    {"institution_name", QT_TRANSLATE_NOOP("rd", "Institution name"),
     QT_TRANSLATE_NOOP("rd", "Printed at the head of receipts and day sheets (at most 80 "
                             "characters).")},
    {"institution_address", QT_TRANSLATE_NOOP("rd", "Institution address"),
     QT_TRANSLATE_NOOP("rd", "The postal address on receipts (at most 120 characters).")},
    {"institution_phone", QT_TRANSLATE_NOOP("rd", "Institution telephone"),
     QT_TRANSLATE_NOOP("rd", "The telephone number on receipts: digits, spaces, +, - and "
                             "parentheses.")},
    {"institution_licence", QT_TRANSLATE_NOOP("rd", "Licence number"),
     QT_TRANSLATE_NOOP("rd", "The institution's licence number on receipts (at most 40 "
                             "characters).")},
    {"payment_instructions", QT_TRANSLATE_NOOP("rd", "How to pay"),
     QT_TRANSLATE_NOOP("rd", "How and where a client pays, printed in letters (at most 200 "
                             "characters).")},
    {"letter_deadlines", QT_TRANSLATE_NOOP("rd", "Letter deadlines"),
     QT_TRANSLATE_NOOP("rd", "The days each letter kind gives the client, as kind:days "
                             "(calendar days, moved off weekends and holidays) or kind:daysw "
                             "(working days).")},
    {"holidays", QT_TRANSLATE_NOOP("rd", "Public holidays"),
     QT_TRANSLATE_NOOP("rd", "Days the working-day deadlines skip: MM-DD every year, or "
                             "YYYY-MM-DD for one day (Easter and Eid each year).")},
    {"letter_ladder", QT_TRANSLATE_NOOP("rd", "Letter ladder"),
     QT_TRANSLATE_NOOP("rd", "Which letter is due when, lowest first: a kind from so many days "
                             "past due, or once an earlier letter's deadline passed unpaid.")},
    {"letter_repeat_days", QT_TRANSLATE_NOOP("rd", "Letter repeat interval"),
     QT_TRANSLATE_NOOP("rd", "Days before a letter kind is due again (1-365).")},
    {"restructure_watch_installments", QT_TRANSLATE_NOOP("rd", "Restructure watch"),
     QT_TRANSLATE_NOOP("rd", "A restructured loan is reported as restructured (never current) "
                             "until this many installments after the restructure were paid in "
                             "full on time (1 to 24).")},
    {"plan_waiver_limit_percent", QT_TRANSLATE_NOOP("rd", "Waiver limit"),
     QT_TRANSLATE_NOOP("rd", "A settlement or reschedule that waives more than this percent of "
                             "the balance needs the approval of two different supervisors.")},
    {"plan_max_share_of_surplus", QT_TRANSLATE_NOOP("rd", "Affordable share of surplus"),
     QT_TRANSLATE_NOOP("rd", "A plan costing more a month than this percent of the client's "
                             "budget surplus, or with no budget, needs a written reason.")},
    {"priority_weights", QT_TRANSLATE_NOOP("rd", "Call list priorities"),
     QT_TRANSLATE_NOOP("rd", "The call-list score of each reason to call, of the money at stake "
                             "and of a coming roll into a worse bucket (an early warning counts "
                             "once per sign); parts left out keep their default.")},
    {"demo_portfolio", QT_TRANSLATE_NOOP("rd", "Demo portfolio"),
     QT_TRANSLATE_NOOP("rd", "Marks a database made with demo data.")},
};

const SettingWords* settingWords(const std::string& key) {
    for (const auto& w : kSettingWords)
        if (key == w.key)
            return &w;
    return nullptr;
}

} // namespace

QString plainWords(const std::string& code) {
    return capitalised(QString::fromStdString(code).replace(u'_', u' ').trimmed());
}

QString capitalised(QString text) {
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString paymentMethodText(PaymentMethod method) {
    switch (method) {
    case PaymentMethod::Cash:
        return tr("Cash");
    case PaymentMethod::Cheque:
        return tr("Cheque");
    case PaymentMethod::BankTransfer:
        return tr("Bank transfer");
    case PaymentMethod::MobileMoney:
        return tr("Mobile money");
    case PaymentMethod::Other:
        return tr("Other");
    }
    return {};
}

QString loanStatusText(LoanStatus status) {
    switch (status) {
    case LoanStatus::NotDisbursed:
        return tr("not disbursed");
    case LoanStatus::Active:
        return tr("active");
    case LoanStatus::PaidOff:
        return tr("paid off");
    case LoanStatus::WrittenOff:
        return tr("written off");
    case LoanStatus::Settled:
        return tr("settled");
    }
    return {};
}

QString stageCodeText(const std::string& code) {
    if (auto stage = parseCaseStage(code))
        return stageText(*stage);
    return plainWords(code);
}

QString nextActionKindText(const std::string& kind) {
    if (kind == "follow_up")
        return tr("Follow-up");
    return plainWords(kind);
}

QString closeReasonText(const std::string& reason) {
    if (reason == "cured")
        return tr("cured (current again)");
    if (reason == "settled")
        return tr("settled (the rest waived)");
    if (reason == "paid")
        return tr("paid off");
    return plainWords(reason).toLower();
}

QString collateralKindText(const std::string& kind) {
    if (kind == "land")
        return tr("Land");
    if (kind == "building")
        return tr("Building");
    if (kind == "vehicle")
        return tr("Vehicle");
    if (kind == "equipment")
        return tr("Equipment");
    if (kind == "household")
        return tr("Household goods");
    if (kind == "savings")
        return tr("Savings");
    if (kind == "other")
        return tr("Other");
    return plainWords(kind);
}

QString assignmentRuleText(const std::string& rule) {
    if (rule == "fewest_open_cases")
        return tr("Fewest open cases");
    if (rule == "credit_officer")
        return tr("The loan's credit officer");
    if (rule == "unassigned")
        return tr("Nobody (left unassigned)");
    return plainWords(rule);
}

QString reasonCodeText(const std::string& code) {
    if (const auto reason = callReasonFromString(code))
        return reasonText(*reason);
    return plainWords(code);
}

QString settingNameText(const std::string& key) {
    if (const auto* w = settingWords(key))
        return QCoreApplication::translate("rd", w->name);
    return plainWords(key);
}

QString settingDescriptionText(const std::string& key) {
    if (const auto* w = settingWords(key))
        return QCoreApplication::translate("rd", w->description);
    return {};
}

namespace {

// A setting that lists `name<sep>value` items, each put in words by `words(name, value)`;
// an item without the separator is shown as it is.
template <typename Words> QString listText(const std::string& value, QChar sep, Words words) {
    QStringList parts;
    for (const auto& item : QString::fromStdString(value).split(u',', Qt::SkipEmptyParts)) {
        const auto at = item.indexOf(sep);
        if (at < 0)
            parts << item.trimmed();
        else
            parts << words(item.left(at).trimmed().toStdString(), item.mid(at + 1).trimmed());
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString settingValueText(const std::string& key, const std::string& value) {
    if (key == "case_assignment")
        return assignmentRuleText(value);
    if (key == "priority_weights")
        return listText(value, u'=', [](const std::string& reason, const QString& weight) {
            return QStringLiteral("%1 %2").arg(reasonCodeText(reason), weight);
        });
    if (key == "buckets")
        return QString::fromStdString(value).replace(u',', QStringLiteral(", "));
    if (key == "letter_ladder")
        return listText(value, u':', [](const std::string& kind, const QString& when) {
            if (when.startsWith(QStringLiteral("after_")))
                return tr("%1 once the %2's deadline passed unpaid")
                    .arg(letterKindText(kind), letterKindText(when.mid(6).toStdString()).toLower());
            return tr("%1 from %2 days past due").arg(letterKindText(kind), when);
        });
    if (key == "letter_deadlines")
        return listText(value, u':', [](const std::string& kind, QString days) {
            const bool working = days.endsWith(u'w');
            if (working)
                days.chop(1);
            return (working ? tr("%1: %2 working days") : tr("%1: %2 days"))
                .arg(letterKindText(kind), days);
        });
    return QString::fromStdString(value);
}

QString letterKindText(const std::string& kind) {
    static const std::map<std::string, const char*> words = {
        {"reminder", QT_TRANSLATE_NOOP("rd", "Reminder")},
        {"first_demand", QT_TRANSLATE_NOOP("rd", "First demand")},
        {"final_demand", QT_TRANSLATE_NOOP("rd", "Final demand")},
        {"pre_legal_notice", QT_TRANSLATE_NOOP("rd", "Pre-legal notice")},
        {"settlement_offer", QT_TRANSLATE_NOOP("rd", "Settlement offer")},
        {"plan_confirmation", QT_TRANSLATE_NOOP("rd", "Plan confirmation")},
        {"court_filing_cover", QT_TRANSLATE_NOOP("rd", "Court filing cover")},
        {"repossession_request", QT_TRANSLATE_NOOP("rd", "Repossession request")},
        {"receipt", QT_TRANSLATE_NOOP("rd", "Account statement")},
    };
    if (auto it = words.find(kind); it != words.end())
        return QCoreApplication::translate("rd", it->second);
    return plainWords(kind);
}

QString userText(const std::string& username, const FullNames& fullNames) {
    if (username.empty())
        return {};
    if (username == services::kSystemActor)
        return tr("RecoveryDesk (automatic)");
    if (username == kLocalOperatorName)
        return tr("Local operator (%1)").arg(QString::fromStdString(username));
    const auto found = fullNames.find(username);
    if (found == fullNames.end() || found->second.empty())
        return QString::fromStdString(username);
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(found->second),
                                         QString::fromStdString(username));
}

QColor bucketColor(std::optional<std::size_t> index) {
    // Green, amber, orange, red, dark red: readable on white, and the text says the same.
    static const QColor colours[] = {QColor(0x2e, 0x7d, 0x32), QColor(0xf9, 0xa8, 0x25),
                                     QColor(0xef, 0x6c, 0x00), QColor(0xc6, 0x28, 0x28),
                                     QColor(0x7b, 0x1f, 0x1f)};
    if (!index)
        return QColor(0x75, 0x75, 0x75);
    return colours[std::min<std::size_t>(*index, std::size(colours) - 1)];
}

QIcon bucketIcon(std::optional<std::size_t> index) {
    static std::map<int, QIcon> cache;
    const int key = index ? static_cast<int>(*index) : -1;
    auto it = cache.find(key);
    if (it != cache.end())
        return it->second;
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(bucketColor(index));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(1, 1, 10, 10);
    painter.end();
    return cache.emplace(key, QIcon(pixmap)).first->second;
}

} // namespace rd::ui

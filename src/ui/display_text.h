#pragma once

#include "core/call_list.h"
#include "core/case_stage.h"
#include "core/contact.h"
#include "core/counselling_records.h"
#include "core/date.h"
#include "core/loan.h"
#include "core/loan_position.h"
#include "core/promise_to_pay.h"
#include "core/repayment_plan.h"

#include <QColor>
#include <QIcon>
#include <QLocale>
#include <QString>
#include <QTimeZone>
#include <map>
#include <optional>
#include <string>

namespace rd::ui {

// Dates and times in the locale's short format.
QString displayDate(Date date, const QLocale& locale = QLocale());
QString displayDate(const std::optional<Date>& date, const QLocale& locale = QLocale());
QString displayDateTime(const DateTime& at, const QLocale& locale = QLocale());
// A stored ISO 8601 UTC time in `zone`, as DeskSession::timeText shows it ("28/11/2026
// 13:15"); the text unchanged when it is not such a time.
QString displayUtcTime(const std::string& isoUtc, const QTimeZone& zone);
// An ISO date text ("2026-12-01") as displayDate shows it; other text unchanged.
QString isoDateText(const std::string& iso);
Date toDate(const QDate& date);
QDate toQDate(Date date);

// Words for the codes of the domain, translated.
QString stageText(CaseStage stage);
QString promiseStatusText(PromiseStatus status);
QString channelText(ContactChannel channel);
QString outcomeText(ContactOutcome outcome);
QString personText(PersonReached person);
QString reasonText(CallReason reason);
QString paymentMethodText(PaymentMethod method);
QString loanStatusText(LoanStatus status);
QString planKindText(PlanKind kind);
QString planStatusText(PlanStatus status);
QString planInstallmentStatusText(PlanInstallmentStatus status);
QString sessionKindText(SessionKind kind);
QString referralServiceText(ReferralService service);
QString referralStatusText(ReferralStatus status);
// A stage by its stored code ("pre-legal"); an unknown code in plain words.
QString stageCodeText(const std::string& code);
// The kind of a next action ("follow_up": "Follow-up").
QString nextActionKindText(const std::string& kind);
// Why a case was closed ("cured", "paid").
QString closeReasonText(const std::string& reason);
// A kind of collateral ("household": "Household goods").
QString collateralKindText(const std::string& kind);
// A rule of the case_assignment setting ("fewest_open_cases": "Fewest open cases").
QString assignmentRuleText(const std::string& rule);
// A call-list reason by its code in the priority_weights setting ("broken_promise").
QString reasonCodeText(const std::string& code);

// A setting's name and what it means, in words ("contact_hours": "Contact hours"); a key
// without words of its own is shown in plain words too.
QString settingNameText(const std::string& key);
QString settingDescriptionText(const std::string& key);
// A setting's value as the settings page shows it: codes in words ("fewest_open_cases",
// "broken_promise=1000,..."), anything else as stored.
QString settingValueText(const std::string& key, const std::string& value);
// A letter kind in words ("Final demand"); an administrator's own kind in plain words.
QString letterKindText(const std::string& kind);

// Any code in plain words, for what has no words of its own: "some_code" -> "Some code".
QString plainWords(const std::string& code);
// The text with its first letter in capitals: "social welfare" -> "Social welfare".
QString capitalised(QString text);

// Who did something, as the case file names people: "Amina Okello (rec.kampala-central)",
// the username alone when its full name is unknown; the recompute and the command line's
// local operator in words. `fullNames`: username -> full name.
using FullNames = std::map<std::string, std::string>;
QString userText(const std::string& username, const FullNames& fullNames);

// The status colour of a bucket ("current", "1-30", ...): always shown with the bucket's
// name as well, never alone. `index` is the bucket's position (0 = current).
QColor bucketColor(std::optional<std::size_t> index);
// A small swatch of that colour, for tables.
QIcon bucketIcon(std::optional<std::size_t> index);

} // namespace rd::ui

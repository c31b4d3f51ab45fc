#pragma once

#include "core/call_list.h"
#include "core/case_stage.h"
#include "core/contact.h"
#include "core/date.h"
#include "core/promise_to_pay.h"

#include <QColor>
#include <QIcon>
#include <QLocale>
#include <QString>
#include <optional>

namespace rd::ui {

// Dates and times in the locale's short format.
QString displayDate(Date date, const QLocale& locale = QLocale());
QString displayDate(const std::optional<Date>& date, const QLocale& locale = QLocale());
QString displayDateTime(const DateTime& at, const QLocale& locale = QLocale());
Date toDate(const QDate& date);
QDate toQDate(Date date);

// Words for the codes of the domain, translated.
QString stageText(CaseStage stage);
QString promiseStatusText(PromiseStatus status);
QString channelText(ContactChannel channel);
QString outcomeText(ContactOutcome outcome);
QString personText(PersonReached person);
QString reasonText(CallReason reason);

// The status colour of a bucket ("current", "1-30", ...): always shown with the bucket's
// name as well, never alone. `index` is the bucket's position (0 = current).
QColor bucketColor(std::optional<std::size_t> index);
// A small swatch of that colour, for tables.
QIcon bucketIcon(std::optional<std::size_t> index);

} // namespace rd::ui

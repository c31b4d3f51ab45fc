#pragma once

#include "core/case_records.h"
#include "core/currency.h"
#include "display_text.h"

#include <QString>
#include <QStringList>
#include <string>

namespace rd::ui {

// What an audit sentence needs besides the row: the portfolio's currency (amounts are
// stored in minor units) and the people's full names.
struct AuditWords {
    Currency currency;
    FullNames fullNames;
};

// An audit_log row as a sentence that says who did what ("Amina Okello
// (rec.kampala-central) took a payment of UGX 50,000 by mobile money, receipt DESK-000012"):
// amounts as money, dates as the GUI shows them, codes in words. A row whose action has no
// sentence of its own still reads as words (the action in plain words, then its details),
// never as JSON.
QString auditSentence(const AuditEntry& entry, const AuditWords& words);

// Every action name that has a sentence of its own (the test checks that every action the
// storage and services write is among them).
const QStringList& auditActionsWithSentences();

} // namespace rd::ui

#pragma once

#include "core/date.h"
#include "core/money.h"

#include <QDate>
#include <QString>
#include <vector>

namespace rd::ui {

// One installment row as the officer typed it (kept as text, so a bad entry is shown and
// marked, never lost): the due date and the amount.
struct PlanRowText {
    QString dueDate;
    QString amount;
    friend bool operator==(const PlanRowText&, const PlanRowText&) = default;
};

// Everything the officer set on one option of the plan workbench: its terms and, for an
// arrangement or a settlement, the installment rows. An undo step swaps one whole state for
// another (PlanEditCommand).
struct PlanOptionState {
    int parts = 6;         // arrangement: months; settlement: payments (monthly)
    int percent = 80;      // settlement: of the balance
    int installments = 12; // reschedule: the new schedule's installments
    int every = 1;         // reschedule: every k months (or weeks)
    bool months = true;    // reschedule
    QString rate;          // reschedule: nominal percent a year
    bool flat = false;     // reschedule: flat interest instead of declining balance
    bool capitalise = false;
    std::vector<PlanRowText> rows; // arrangement and settlement
    friend bool operator==(const PlanOptionState&, const PlanOptionState&) = default;
};

// A date as the workbench's tables show and read it: the locale's short date with a
// four-digit year ("27/12/2026"); reading also takes ISO ("2026-12-27"). Invalid when the
// text is neither.
QString planDateText(Date date);
QDate parsePlanDate(const QString& text);

} // namespace rd::ui

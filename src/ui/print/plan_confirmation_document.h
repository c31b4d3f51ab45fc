#pragma once

#include "core/currency.h"
#include "display_text.h"
#include "letterhead.h"
#include "services/plan_service.h"

#include <QString>

namespace rd::ui {

// Everything printed on a plan's confirmation.
struct PlanConfirmation {
    services::PlanView plan;
    Currency currency;
    Letterhead letterhead;
    FullNames names;   // username -> full name, for who proposed and approved
    QString printedOn; // the local date and time of the print (DeskSession::timeText)
};

// The agreed plan as HTML for a QTextDocument, laid out for an A4 page: the letterhead, the
// plan number and status, the client, loan and branch, the kind and start, every installment
// with its due date and amount, the total, the balance and the waiver (a settlement's), who
// proposed it and who approved it (full names, dates, comments), and lines for the client's
// and the officer's signatures.
QString planConfirmationHtml(const PlanConfirmation& confirmation);

// The title of the print job and PDF ("Plan confirmation 12 L000123").
QString planConfirmationTitle(const services::PlanView& plan);

// Whether a confirmation is printed for the plan: an active or a completed one, never a
// proposal, a rejected, withdrawn, cancelled or broken plan.
bool planConfirmable(const services::PlanView& plan);

} // namespace rd::ui

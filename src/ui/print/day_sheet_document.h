#pragma once

#include "core/currency.h"
#include "desk_session.h"
#include "letterhead.h"
#include "services/day_close_service.h"

#include <QString>

namespace rd::ui {

// An officer's day sheet as HTML (printed on A4): the letterhead, the officer and date and
// the day's state, the receipts by method with counts and totals, every receipt, the
// reversals of the day, the cash expected, counted and the difference with its reason, each
// close with its sign-off or reopening (local times), and lines to sign.
QString daySheetHtml(const services::DeskDay& day, const Currency& currency,
                     const Letterhead& letterhead, const DeskSession& session);

// "Day sheet 2026-11-27 akello".
QString daySheetTitle(const services::DeskDay& day);

// The words of a day's state: "open", "closed", "signed off".
QString dayStateText(DayState state);

} // namespace rd::ui

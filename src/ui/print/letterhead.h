#pragma once

#include "core/user.h"
#include "desk_session.h"

#include <QString>

namespace rd::ui {

// The institution's letterhead on receipts and day sheets (settings institution_name,
// _address, _phone, _licence); empty parts are left off.
struct Letterhead {
    QString name, address, phone, licence;
};

// The letterhead as set now (empty when the settings cannot be read).
Letterhead loadLetterhead(const DeskServices& services, const User& user);

// The letterhead as the top of a printed page (nothing when it is empty).
QString letterheadHtml(const Letterhead& letterhead);

} // namespace rd::ui

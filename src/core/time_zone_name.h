#pragma once

#include <string>
#include <string_view>

namespace rd {

// The institution's time zone (setting `time_zone`): an IANA name such as Africa/Kampala.
// Contact hours and every time shown are in this zone; stored times stay UTC.
inline constexpr const char* kDefaultTimeZone = "Africa/Kampala";

// Whether `name` is a time zone of the system's tz database (TZDIR, else
// /usr/share/zoneinfo): letters, digits, '_', '-', '+' and '/' only, no "..", and a file
// of that name exists.
bool isKnownTimeZone(std::string_view name);

} // namespace rd

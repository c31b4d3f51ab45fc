#pragma once

#include <string>

namespace rd::storage {

// The wall-clock time as ISO 8601 UTC (2026-11-28T10:15:00Z), for audit records only;
// no figure depends on it.
std::string nowTimestamp();

} // namespace rd::storage

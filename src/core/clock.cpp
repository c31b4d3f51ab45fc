#include "core/clock.h"

#include <ctime>
#include <fmt/format.h>

namespace rd {

namespace {

std::chrono::sys_seconds systemNow() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace

Clock::Clock() : source_(systemNow) {}

Clock::Clock(Source source) : source_(source ? std::move(source) : Source(systemNow)) {}

Clock Clock::fixed(std::chrono::sys_seconds at) {
    return Clock([at] { return at; });
}

std::chrono::sys_seconds Clock::now() const {
    return source_();
}

std::string Clock::isoNow() const {
    return isoTimestamp(now());
}

std::string isoTimestamp(std::chrono::sys_seconds t) {
    // fmt 9 formats a system_clock time point in local time; the stored form is UTC, so the
    // calendar fields come from gmtime whatever TZ says (the CLI sets TZ to the institution's).
    const std::time_t seconds = t.time_since_epoch().count();
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                       utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

} // namespace rd

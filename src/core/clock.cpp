#include "core/clock.h"

#include <fmt/chrono.h>
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
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", t);
}

} // namespace rd

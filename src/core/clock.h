#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <type_traits>

namespace rd {

// The one source of "now" for services, storage and the GUI: the machine's clock in the
// product, a fixed or stepped time in tests and the screenshots, so that nothing a test
// checks depends on when it runs. Copyable; copies share the source.
class Clock {
public:
    using Source = std::function<std::chrono::sys_seconds()>;

    Clock(); // the system clock
    explicit Clock(Source source);
    // Any callable giving the time (a test's `[&] { return now; }`).
    template <typename F,
              typename = std::enable_if_t<std::is_invocable_r_v<std::chrono::sys_seconds, F&> &&
                                          !std::is_same_v<std::decay_t<F>, Clock> &&
                                          !std::is_same_v<std::decay_t<F>, Source>>>
    Clock(F f) : Clock(Source(std::move(f))) {}
    // Always `at`.
    static Clock fixed(std::chrono::sys_seconds at);

    std::chrono::sys_seconds now() const;
    // ISO 8601 UTC with seconds: 2026-11-28T10:15:00Z.
    std::string isoNow() const;

private:
    Source source_;
};

// ISO 8601 UTC with seconds: 2026-11-28T10:15:00Z.
std::string isoTimestamp(std::chrono::sys_seconds t);

} // namespace rd

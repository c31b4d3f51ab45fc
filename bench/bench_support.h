#pragma once

// What the benchmarks share: timing a call, the statistics of a series of timings, and
// copying a SQLite database with its WAL files.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace rd::bench {

using SteadyClock = std::chrono::steady_clock;

inline double msSince(SteadyClock::time_point start) {
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

template <typename F> double timeMs(F&& f) {
    const auto start = SteadyClock::now();
    f();
    return msSince(start);
}

// The fastest of `runs` calls, in seconds.
template <typename F> double bestSeconds(int runs, F&& f) {
    double best = 1e30;
    for (int i = 0; i < runs; ++i)
        best = std::min(best, timeMs(f) / 1000);
    return best;
}

struct Stats {
    int n = 0;
    double min = 0, median = 0, p95 = 0, max = 0;
};

inline Stats statsOf(std::vector<double> v) {
    if (v.empty())
        throw std::runtime_error("no samples");
    std::sort(v.begin(), v.end());
    Stats s;
    s.n = static_cast<int>(v.size());
    s.min = v.front();
    s.max = v.back();
    const std::size_t mid = v.size() / 2;
    s.median = v.size() % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    const auto rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(v.size())));
    s.p95 = v[std::max<std::size_t>(rank, 1) - 1];
    return s;
}

inline void removeDatabase(const std::filesystem::path& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::path file = path;
        file += suffix;
        std::filesystem::remove(file);
    }
}

// Replaces `to` with a copy of the database `from` (and its WAL files, when there are any).
inline void copyDatabase(const std::filesystem::path& from, const std::filesystem::path& to) {
    removeDatabase(to);
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::path source = from, target = to;
        source += suffix;
        target += suffix;
        if (std::filesystem::exists(source))
            std::filesystem::copy_file(source, target);
    }
}

} // namespace rd::bench

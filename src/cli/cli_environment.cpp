#include "cli_environment.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace rd::cli {

std::filesystem::path dataFolder() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "RecoveryDesk";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home ? home : ".") / ".local" / "share" / "RecoveryDesk";
}

std::filesystem::path defaultDatabasePath() { return dataFolder() / "recoverydesk.db"; }

void setUpLogging(bool verbose) {
    std::vector<spdlog::sink_ptr> sinks;
    try {
        const auto logs = dataFolder() / "logs";
        std::filesystem::create_directories(logs);
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
            (logs / "recoverydesk-cli.log").string(), 5 * 1024 * 1024, 3));
    } catch (const std::exception&) {
        // No writable data folder: log to stderr only if asked; never fail a command for it.
    }
    if (verbose) {
        auto err = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        err->set_level(spdlog::level::debug);
        sinks.push_back(err);
    }
    auto logger = std::make_shared<spdlog::logger>("recoverydesk", sinks.begin(), sinks.end());
    logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
}

Date today() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    localtime_r(&t, &tm);
    return Date::fromCivil(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1),
                           static_cast<unsigned>(tm.tm_mday));
}

DateTime localNow() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    localtime_r(&t, &tm);
    DateTime now;
    now.date = Date::fromCivil(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1),
                               static_cast<unsigned>(tm.tm_mday));
    now.minuteOfDay = tm.tm_hour * 60 + tm.tm_min;
    return now;
}

} // namespace rd::cli

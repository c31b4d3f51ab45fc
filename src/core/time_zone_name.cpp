#include "time_zone_name.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace rd {

bool isKnownTimeZone(std::string_view name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' ||
        name.find("..") != std::string_view::npos)
        return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+' || c == '/';
        if (!ok)
            return false;
    }
    const char* dir = std::getenv("TZDIR");
    const std::filesystem::path root = dir && *dir ? dir : "/usr/share/zoneinfo";
    std::error_code ec;
    return std::filesystem::is_regular_file(root / std::string(name), ec);
}

} // namespace rd

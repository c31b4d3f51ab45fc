#pragma once

#include <span>
#include <string_view>

namespace rd::demo {

// Name tables for the demo portfolio: Ugandan branches, their credit officers and
// neighbourhoods, and personal and group names by language area.

enum class Area {
    Buganda, // Luganda
    Acholi,  // Acholi
    Lango,   // Lango
    Busoga,  // Lusoga
    Ankole,  // Runyankole
    Bugisu,  // Lugisu
    Tooro,   // Rutooro, Rukonzo
    Bunyoro, // Runyoro
    Teso,    // Ateso
};
inline constexpr int kAreaCount = 9;

struct AreaNames {
    std::span<const std::string_view> maleSurnames;
    std::span<const std::string_view> femaleSurnames;
    std::span<const std::string_view> groupNames; // first part of a group's name
};

struct Branch {
    std::string_view name;
    std::string_view town;
    int weight; // share of the clients
    Area area;
    bool rural; // more farmers, more agricultural loans
    std::span<const std::string_view> officers;
    std::span<const std::string_view> places; // neighbourhoods and villages
};

std::span<const Branch> branches();
const AreaNames& areaNames(Area area);
std::span<const std::string_view> maleGivenNames();
std::span<const std::string_view> femaleGivenNames();
// Last part of a group's name ("Women Group", "Farmers Group" ...) and its weight.
struct GroupSuffix {
    std::string_view text;
    int weight;
};
std::span<const GroupSuffix> groupSuffixes();

} // namespace rd::demo

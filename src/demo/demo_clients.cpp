#include "demo/demo_clients.h"

#include "demo/demo_names.h"
#include "demo/demo_random.h"

#include <fmt/format.h>

namespace rd::demo {
namespace {

constexpr std::uint64_t kClientStream = 0xC11E47;

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string nationalId(Rng& rng, bool female) {
    // CM/CF, two digits of the birth year, six digits, four letters: 14 characters.
    std::string id = female ? "CF" : "CM";
    fmt::format_to(std::back_inserter(id), "{:02}{:06}", rng.range(60, 105) % 100,
                   rng.range(0, 999'999));
    for (int i = 0; i < 4; ++i)
        id.push_back(static_cast<char>('A' + rng.below(26)));
    return id;
}

template <typename T> const T& pickFrom(Rng& rng, std::span<const T> items) {
    return items[rng.below(items.size())];
}

} // namespace

std::string phoneNumber(Rng& rng) {
    // MTN: 77, 78, 76; Airtel: 70, 75, 74.
    static constexpr std::string_view kPrefixes[] = {"77", "78", "76", "70", "75", "74"};
    const std::size_t p = rng.weighted({30, 20, 8, 22, 15, 5});
    return fmt::format("+256{}{:07}", kPrefixes[p], rng.range(0, 9'999'999));
}

std::string clientId(std::uint64_t number) {
    return fmt::format("CL{:06}", number);
}

void makeClient(std::uint64_t seed, std::uint64_t number, ClientProfile& profile,
                DemoClient* details) {
    Rng rng(mixSeed(seed, kClientStream, number));
    const auto allBranches = branches();

    // The profile first, so that it never depends on whether the details are wanted.
    int branchWeights[16] = {};
    for (std::size_t b = 0; b < allBranches.size(); ++b)
        branchWeights[b] = allBranches[b].weight;
    profile.number = number;
    profile.branch = rng.weighted(std::span<const int>(branchWeights, allBranches.size()));
    const Branch& branch = allBranches[profile.branch];
    profile.officer = rng.below(branch.officers.size());
    profile.groupMember = rng.permille(branch.rural ? 400 : 320);
    profile.female = rng.permille(profile.groupMember ? 850 : 560);
    if (!details)
        return;

    DemoClient& c = *details;
    c.clientId = clientId(number);
    c.branch = std::string(branch.name);

    // Most clients are from the branch's own area; towns draw people from everywhere.
    const Area area = rng.permille(branch.rural ? 820 : 650)
                          ? branch.area
                          : static_cast<Area>(rng.below(kAreaCount));
    const AreaNames& names = areaNames(area);
    const std::string_view given =
        profile.female ? pickFrom(rng, femaleGivenNames()) : pickFrom(rng, maleGivenNames());
    const std::string_view surname =
        profile.female ? pickFrom(rng, names.femaleSurnames) : pickFrom(rng, names.maleSurnames);
    const std::size_t nameForm = rng.weighted({80, 8, 12});
    if (nameForm == 0) {
        c.fullName = fmt::format("{} {}", given, surname);
    } else if (nameForm == 1) {
        c.fullName = fmt::format("{} {}", surname, given);
    } else {
        std::string_view second = profile.female ? pickFrom(rng, names.femaleSurnames)
                                                 : pickFrom(rng, names.maleSurnames);
        if (second == surname)
            second = profile.female ? names.femaleSurnames[0] : names.maleSurnames[0];
        c.fullName = fmt::format("{} {} {}", given, surname, second);
    }

    c.nationalId = rng.permille(960) ? nationalId(rng, profile.female) : std::string();
    c.phone = phoneNumber(rng);
    c.altPhone = rng.permille(330) ? phoneNumber(rng) : std::string();
    if (rng.permille(180)) {
        static constexpr std::string_view kDomains[] = {"gmail.com", "yahoo.com", "outlook.com"};
        const std::string_view domain = kDomains[rng.weighted({72, 20, 8})];
        c.email = rng.permille(400)
                      ? fmt::format("{}.{}{}@{}", lowerAscii(given), lowerAscii(surname),
                                    rng.range(1, 99), domain)
                      : fmt::format("{}.{}@{}", lowerAscii(given), lowerAscii(surname), domain);
    } else {
        c.email.clear();
    }

    const std::string_view place = pickFrom(rng, branch.places);
    if (rng.permille(branch.rural ? 350 : 750))
        c.address = fmt::format("Plot {}, {}, {}", rng.range(1, 260), place, branch.town);
    else if (branch.rural)
        c.address = fmt::format("{} Village, {}", place, branch.town);
    else
        c.address = fmt::format("{} Zone {}, {}", place, rng.range(1, 6), branch.town);

    if (profile.groupMember) {
        const AreaNames& local = areaNames(branch.area);
        const std::string_view first = pickFrom(rng, local.groupNames);
        const auto suffixes = groupSuffixes();
        int weights[16] = {};
        for (std::size_t s = 0; s < suffixes.size(); ++s) {
            const bool womenOnly = suffixes[s].text.starts_with("Women");
            weights[s] = (womenOnly && !profile.female) ? 0 : suffixes[s].weight;
        }
        const std::size_t s = rng.weighted(std::span<const int>(weights, suffixes.size()));
        c.groupName = fmt::format("{} {}", first, suffixes[s].text);
    } else {
        c.groupName.clear();
    }
}

} // namespace rd::demo

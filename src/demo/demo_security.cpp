#include "demo/demo_security.h"

#include "demo/demo_clients.h"
#include "demo/demo_names.h"
#include "demo/demo_random.h"

#include <fmt/format.h>

namespace rd::demo {
namespace {

constexpr std::uint64_t kSecurityStream = 0x5EC0;

template <typename T> const T& pickFrom(Rng& rng, std::span<const T> items) {
    return items[rng.below(items.size())];
}

const Branch& branchNamed(std::string_view name) {
    for (const Branch& b : branches())
        if (b.name == name)
            return b;
    return branches().front();
}

// A share of `amount` in per mille, rounded down to whole thousands of the major unit.
Amount share(Amount amount, std::int64_t permille, int exponent) {
    Amount unit = 1000;
    for (int i = 0; i < exponent; ++i)
        unit *= 10;
    const Amount value = static_cast<Amount>(static_cast<WideAmount>(amount) * permille / 1000);
    return std::max(unit, value / unit * unit);
}

DemoGuarantor guarantor(Rng& rng, const LoanTerms& t, const Branch& branch, int n) {
    const bool female = rng.permille(600);
    const AreaNames& names = areaNames(branch.area);
    DemoGuarantor g;
    g.guarantorId = fmt::format("GU-{}-{}", t.loanId, n);
    g.fullName = fmt::format(
        "{} {}", female ? pickFrom(rng, femaleGivenNames()) : pickFrom(rng, maleGivenNames()),
        female ? pickFrom(rng, names.femaleSurnames) : pickFrom(rng, names.maleSurnames));
    g.phone = rng.permille(900) ? phoneNumber(rng) : std::string();
    if (rng.permille(700)) {
        g.nationalId = female ? "CF" : "CM";
        fmt::format_to(std::back_inserter(g.nationalId), "{:02}{:06}", rng.range(60, 105) % 100,
                       rng.range(0, 999'999));
        for (int i = 0; i < 4; ++i)
            g.nationalId.push_back(static_cast<char>('A' + rng.below(26)));
    }
    static constexpr std::string_view kRelationships[] = {
        "group member", "spouse", "brother", "sister", "friend", "business partner", "employer"};
    g.relationship = kRelationships[rng.weighted({30, 20, 10, 10, 15, 10, 5})];
    g.address = fmt::format("{}, {}", pickFrom(rng, branch.places), branch.town);
    return g;
}

DemoCollateral collateral(Rng& rng, const LoanTerms& t, const Branch& branch, int n, int exponent) {
    DemoCollateral c;
    c.collateralId = fmt::format("CO-{}-{}", t.loanId, n);
    c.valuedOn = t.disbursedOn.addDays(-rng.rangeInt(3, 30));
    std::int64_t marketPermille = 0;
    std::int64_t forcedPermille = rng.range(500, 700);
    switch (rng.weighted({45, 25, 15, 15})) {
    case 0: {
        static constexpr std::string_view kGoods[] = {
            "Sofa set and coffee table", "Television and radio",    "Refrigerator",
            "Beds and mattresses",       "Gas cooker and utensils", "Solar panel and battery"};
        c.kind = "household";
        c.description = std::string(rng.pick(kGoods));
        marketPermille = rng.range(400, 1200);
        break;
    }
    case 1: {
        static constexpr std::string_view kBikes[] = {"Bajaj Boxer motorcycle",
                                                      "TVS Star motorcycle", "Honda motorcycle"};
        c.kind = "vehicle";
        c.description = std::string(rng.pick(kBikes));
        c.registration = fmt::format("U{}{} {:03}{}", static_cast<char>('A' + rng.below(26)),
                                     static_cast<char>('A' + rng.below(26)), rng.range(1, 999),
                                     static_cast<char>('A' + rng.below(26)));
        marketPermille = rng.range(1500, 3000);
        break;
    }
    case 2:
        c.kind = "land";
        c.description = fmt::format("Plot of land at {}", pickFrom(rng, branch.places));
        c.registration =
            fmt::format("Block {} Plot {}, {}", rng.range(1, 400), rng.range(1, 900), branch.town);
        marketPermille = rng.range(3000, 8000);
        break;
    default:
        c.kind = "savings";
        c.description = "Compulsory savings held by the institution";
        marketPermille = rng.range(100, 200);
        forcedPermille = 1000; // cash: worth its balance in a sale
        break;
    }
    c.marketValue = share(t.principal, marketPermille, exponent);
    c.forcedSaleValue = share(c.marketValue, forcedPermille, exponent);
    return c;
}

} // namespace

DemoSecurity makeSecurity(std::uint64_t seed, std::uint64_t loanNumber, const LoanTerms& terms,
                          int exponent) {
    Rng rng(mixSeed(seed, kSecurityStream, loanNumber));
    const Branch& branch = branchNamed(terms.branch);
    DemoSecurity s;
    if (rng.permille(850)) {
        const int count = rng.permille(400) ? 2 : 1;
        for (int n = 1; n <= count; ++n)
            s.guarantors.push_back(guarantor(rng, terms, branch, n));
    }
    if (rng.permille(500)) {
        const int count = rng.permille(150) ? 2 : 1;
        for (int n = 1; n <= count; ++n)
            s.collateral.push_back(collateral(rng, terms, branch, n, exponent));
    }
    return s;
}

} // namespace rd::demo

#include "demo/demo_timeline.h"

#include <algorithm>

namespace rd::demo {
namespace {

constexpr std::uint64_t kRepeatStream = 0x8E9EA7;
constexpr std::int64_t kBlock = 10;

bool isSunday(Date d) {
    // 1970-01-01 was a Thursday: day 3 (mod 7) is a Sunday.
    return ((d.days() % 7) + 7) % 7 == 3;
}

} // namespace

Timeline::Timeline(std::int64_t loans, Date asOf, std::uint64_t seed)
    : loans_(std::max<std::int64_t>(loans, 0)), asOf_(asOf), start_(asOf.addDays(-kWindowDays)),
      seed_(seed) {
    const std::int64_t later = (loans_ + 50) / 100;
    disbursed_ = loans_ - later;
}

Date Timeline::disbursedOn(std::int64_t index) const {
    if (index >= disbursed_) {
        const std::int64_t later = loans_ - disbursed_;
        Date d = asOf_.addDays(static_cast<std::int32_t>(1 + (index - disbursed_) * 30 / later));
        return isSunday(d) ? d.addDays(1) : d;
    }
    // Inverse of the cumulative share of a density growing linearly over the window:
    // offset = W * (sqrt(1 + 3u) - 1) for u = index / disbursed.
    const std::uint64_t w = kWindowDays;
    __extension__ typedef unsigned __int128 U128;
    const auto scaled = static_cast<std::uint64_t>(
        static_cast<U128>(w * w) * static_cast<std::uint64_t>(disbursed_ + 3 * index) /
        static_cast<std::uint64_t>(disbursed_));
    const auto offset = static_cast<std::int32_t>(isqrt(scaled) - w);
    Date d = start_.addDays(std::min(offset, kWindowDays - 1));
    return isSunday(d) ? d.addDays(-1) : d;
}

std::int64_t Timeline::indexAtOrAfter(Date date) const {
    const std::int64_t x = date - start_;
    if (x <= 0 || disbursed_ == 0)
        return 0;
    const std::int64_t w = kWindowDays;
    __extension__ typedef __int128 I128;
    const I128 numerator = static_cast<I128>(disbursed_) * ((x + w) * (x + w) - w * w);
    const I128 denominator = 3 * w * w;
    const auto index = static_cast<std::int64_t>((numerator + denominator - 1) / denominator);
    return std::clamp<std::int64_t>(index, 0, disbursed_ - 1);
}

Timeline::Block Timeline::repeatsIn(std::int64_t block) const {
    const std::uint64_t h = mixSeed(seed_, kRepeatStream, static_cast<std::uint64_t>(block));
    const int first = static_cast<int>(h % kBlock);
    const int second = static_cast<int>((first + 1 + (h >> 8) % (kBlock - 1)) % kBlock);
    return {first, second};
}

bool Timeline::isRepeat(std::int64_t index) const {
    const std::int64_t block = index / kBlock;
    if (block == 0)
        return false; // the first loans have nobody to return
    const Block b = repeatsIn(block);
    const int position = static_cast<int>(index % kBlock);
    return position == b.first || position == b.second;
}

std::uint64_t Timeline::clientNumber(std::int64_t index) const {
    const std::int64_t block = index / kBlock;
    std::int64_t repeatsBefore = 0;
    if (block > 0) {
        const Block b = repeatsIn(block);
        const int position = static_cast<int>(index % kBlock);
        repeatsBefore = 2 * (block - 1) + (b.first < position) + (b.second < position);
    }
    return static_cast<std::uint64_t>(index - repeatsBefore + 1);
}

std::int64_t Timeline::earlierLoan(std::int64_t index, Rng& rng) const {
    const Date target = disbursedOn(index).addDays(-rng.rangeInt(150, 540));
    std::int64_t j =
        target < start_ ? rng.range(0, index - 1) : std::min(indexAtOrAfter(target), index - 1);
    while (j > 0 && isRepeat(j))
        --j;
    return j;
}

} // namespace rd::demo

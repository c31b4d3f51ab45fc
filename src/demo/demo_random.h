#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>

namespace rd::demo {

// splitmix64 step: used to seed xoshiro and to derive independent per-item seeds.
constexpr std::uint64_t splitmix64(std::uint64_t& state) {
    state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Mixes a seed with a stream tag and an index into one well-spread 64-bit value.
constexpr std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t tag, std::uint64_t index) {
    std::uint64_t s = seed;
    std::uint64_t a = splitmix64(s);
    s = a ^ (tag * 0xD1B54A32D192ED03ULL);
    std::uint64_t b = splitmix64(s);
    s = b ^ (index * 0x8CB92BA72F3D8DD7ULL);
    return splitmix64(s);
}

// xoshiro256** 1.0 (Blackman and Vigna), seeded through splitmix64. Unlike the
// <random> distributions, everything here is specified to the bit, so a seed gives the
// same portfolio on every platform and standard library.
class Rng {
public:
    explicit constexpr Rng(std::uint64_t seed) {
        std::uint64_t s = seed;
        for (auto& word : s_)
            word = splitmix64(s);
    }

    constexpr std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, bound), bound > 0 (Lemire's multiply-shift with rejection: unbiased).
    constexpr std::uint64_t below(std::uint64_t bound) {
        __extension__ typedef unsigned __int128 U128;
        U128 m = static_cast<U128>(next()) * bound;
        auto low = static_cast<std::uint64_t>(m);
        if (low < bound) {
            const std::uint64_t threshold = (0 - bound) % bound;
            while (low < threshold) {
                m = static_cast<U128>(next()) * bound;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

    // Uniform in [lo, hi], lo <= hi.
    constexpr std::int64_t range(std::int64_t lo, std::int64_t hi) {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
        return lo + static_cast<std::int64_t>(span == 0 ? next() : below(span));
    }
    constexpr int rangeInt(int lo, int hi) { return static_cast<int>(range(lo, hi)); }

    // True with probability numerator / denominator.
    constexpr bool chance(std::uint64_t numerator, std::uint64_t denominator) {
        return below(denominator) < numerator;
    }
    constexpr bool permille(int p) { return chance(static_cast<std::uint64_t>(p), 1000); }

    // Index chosen with the given non-negative integer weights (at least one > 0).
    template <typename Weights> constexpr std::size_t weighted(const Weights& weights) {
        std::uint64_t total = 0;
        for (auto w : weights)
            total += static_cast<std::uint64_t>(w);
        std::uint64_t pick = below(total);
        std::size_t index = 0;
        for (auto w : weights) {
            const auto wu = static_cast<std::uint64_t>(w);
            if (pick < wu)
                return index;
            pick -= wu;
            ++index;
        }
        return index - 1;
    }
    constexpr std::size_t weighted(std::initializer_list<int> weights) {
        return weighted<std::initializer_list<int>>(weights);
    }

    template <typename T, std::size_t N> constexpr const T& pick(const T (&items)[N]) {
        return items[below(N)];
    }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) {
        return (x << k) | (x >> (64 - k));
    }
    std::uint64_t s_[4] = {};
};

// Integer square root: the largest r with r * r <= n.
constexpr std::uint64_t isqrt(std::uint64_t n) {
    std::uint64_t lo = 0;
    std::uint64_t hi = n < 2 ? n : (n < (1ULL << 62) ? (1ULL << 31) : (1ULL << 32) - 1);
    while (lo < hi) {
        const std::uint64_t mid = lo + (hi - lo + 1) / 2;
        if (mid <= n / mid)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

} // namespace rd::demo

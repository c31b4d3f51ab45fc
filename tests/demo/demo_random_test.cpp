#include "demo/demo_random.h"

#include <array>
#include <catch2/catch.hpp>

using namespace rd::demo;

TEST_CASE("splitmix64 gives the reference sequence", "[demo][random]") {
    std::uint64_t state = 0;
    CHECK(splitmix64(state) == 0xe220a8397b1dcdafULL);
    CHECK(splitmix64(state) == 0x6e789e6aa1b965f4ULL);
    CHECK(splitmix64(state) == 0x06c45d188009454fULL);
}

TEST_CASE("xoshiro256** is pinned: a seed gives the same numbers everywhere", "[demo][random]") {
    // Changing these values changes every demo portfolio: do it on purpose only.
    Rng rng(1);
    CHECK(rng.next() == 0xb3f2af6d0fc710c5ULL);
    CHECK(rng.next() == 0x853b559647364ceaULL);
    CHECK(rng.next() == 0x92f89756082a4514ULL);
    CHECK(rng.next() == 0x642e1c7bc266a3a7ULL);

    Rng dice(42);
    const std::array<std::int64_t, 8> expected = {1, 3, 5, 6, 6, 5, 5, 6};
    for (std::int64_t e : expected)
        CHECK(dice.range(1, 6) == e);
    CHECK(mixSeed(1, 2, 3) == 0xef6df66c0a54b8f2ULL);
    CHECK(mixSeed(1, 2, 3) != mixSeed(1, 2, 4));
    CHECK(mixSeed(1, 2, 3) != mixSeed(2, 2, 3));
}

TEST_CASE("range helpers stay in bounds and reach both ends", "[demo][random]") {
    Rng rng(7);
    std::array<int, 7> seen{};
    for (int i = 0; i < 7000; ++i) {
        const std::int64_t v = rng.range(-3, 3);
        REQUIRE(v >= -3);
        REQUIRE(v <= 3);
        ++seen[static_cast<std::size_t>(v + 3)];
    }
    for (int count : seen) // 1000 expected each
        CHECK((count > 850 && count < 1150));

    CHECK(rng.range(5, 5) == 5);
    const std::int64_t big = rng.range(INT64_MIN, INT64_MAX); // the full span must not hang
    (void)big;

    int hits = 0;
    for (int i = 0; i < 10000; ++i)
        hits += rng.permille(250) ? 1 : 0;
    CHECK((hits > 2300 && hits < 2700));

    std::array<int, 3> picked{};
    for (int i = 0; i < 6000; ++i)
        ++picked[rng.weighted({1, 0, 2})];
    CHECK(picked[1] == 0);
    CHECK((picked[0] > 1800 && picked[0] < 2200));
}

TEST_CASE("isqrt is the floor of the square root", "[demo][random]") {
    CHECK(isqrt(0) == 0);
    CHECK(isqrt(1) == 1);
    CHECK(isqrt(15) == 3);
    CHECK(isqrt(16) == 4);
    CHECK(isqrt(532900) == 730);
    CHECK(isqrt(532899) == 729);
    CHECK(isqrt(UINT64_MAX) == 4294967295ULL);
}

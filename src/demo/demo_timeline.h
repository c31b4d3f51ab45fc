#pragma once

#include "core/date.h"
#include "demo/demo_random.h"

#include <cstdint>

namespace rd::demo {

// When each loan is disbursed and whose it is, computed from the loan's index alone so
// that the generator needs no memory of earlier loans.
//
// Loans come in disbursement order: over the kWindowDays before the as-of date with a
// density growing linearly (the newest month has about twice the loans of the oldest),
// never on a Sunday; the last ~1% are approved but disbursed in the 30 days after the
// as-of date. In every block of ten loans after the first, two (at places drawn from the
// seed) go to a returning client, whose earlier loan was disbursed some 5 to 18 months
// before; the others bring a new client, numbered in order of appearance.
class Timeline {
public:
    static constexpr int kWindowDays = 730;

    Timeline(std::int64_t loans, Date asOf, std::uint64_t seed);

    std::int64_t loans() const { return loans_; }
    // Loans disbursed on or before the as-of date: indexes 0 .. disbursedCount() - 1.
    std::int64_t disbursedCount() const { return disbursed_; }
    Date disbursedOn(std::int64_t index) const;
    bool isRepeat(std::int64_t index) const;
    // The client number (1-based) of a loan that is not a repeat.
    std::uint64_t clientNumber(std::int64_t index) const;
    // The first loan of a returning client for repeat loan `index`: a loan that is not a
    // repeat, with a lower index.
    std::int64_t earlierLoan(std::int64_t index, Rng& rng) const;

private:
    struct Block {
        int first;
        int second;
    };
    Block repeatsIn(std::int64_t block) const;
    std::int64_t indexAtOrAfter(Date date) const;

    std::int64_t loans_ = 0;
    std::int64_t disbursed_ = 0;
    Date asOf_;
    Date start_;
    std::uint64_t seed_ = 0;
};

} // namespace rd::demo

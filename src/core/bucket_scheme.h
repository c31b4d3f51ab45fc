#pragma once

#include "result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd {

struct Bucket {
    std::string name; // "current", "1-30", "366+"
    int minDpd = 0;
    std::optional<int> maxDpd; // none for the last, open-ended bucket
};

// Delinquency buckets by days past due. The first bucket is always `current` (DPD 0).
class BucketScheme {
public:
    // current, 1-30, 31-60, 61-90, 91-180, 181-365, 366+
    static BucketScheme standard();
    // Upper bounds of the closed buckets after `current`, e.g. {30, 60, 90, 180, 365}.
    static Result<BucketScheme> fromUpperBounds(const std::vector<int>& bounds);
    // The same bounds as text: "30,60,90,180,365".
    static Result<BucketScheme> parse(std::string_view text);

    const std::vector<Bucket>& buckets() const { return buckets_; }
    std::size_t size() const { return buckets_.size(); }
    std::size_t indexFor(int dpd) const;
    const std::string& nameFor(int dpd) const { return buckets_[indexFor(dpd)].name; }
    std::string toText() const;

private:
    std::vector<Bucket> buckets_;
    std::vector<int> upperBounds_;
};

} // namespace rd

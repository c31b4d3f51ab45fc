#include "bucket_scheme.h"

#include <charconv>
#include <fmt/format.h>

namespace rd {

BucketScheme BucketScheme::standard() { return fromUpperBounds({30, 60, 90, 180, 365}).value(); }

Result<BucketScheme> BucketScheme::fromUpperBounds(const std::vector<int>& bounds) {
    BucketScheme scheme;
    scheme.buckets_.push_back({"current", 0, 0});
    int previous = 0;
    for (int bound : bounds) {
        if (bound <= previous)
            return Error{fmt::format("bucket bound {} must be greater than {} (bounds are days past "
                                     "due in increasing order, e.g. 30,60,90,180,365)",
                                     bound, previous)};
        scheme.buckets_.push_back({fmt::format("{}-{}", previous + 1, bound), previous + 1, bound});
        previous = bound;
    }
    scheme.buckets_.push_back({fmt::format("{}+", previous + 1), previous + 1, std::nullopt});
    scheme.upperBounds_ = bounds;
    return scheme;
}

Result<BucketScheme> BucketScheme::parse(std::string_view text) {
    std::vector<int> bounds;
    if (text.empty())
        return Error{"no bucket bounds given (whole numbers separated by commas, e.g. "
                     "30,60,90,180,365)"};
    while (true) {
        const std::size_t comma = text.find(',');
        const std::string_view part = text.substr(0, comma);
        int value = 0;
        auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (ec != std::errc{} || end != part.data() + part.size())
            return Error{fmt::format("\"{}\" is not a number of days (bucket bounds are whole "
                                     "numbers separated by commas, e.g. 30,60,90,180,365)",
                                     part)};
        bounds.push_back(value);
        if (comma == std::string_view::npos)
            break;
        text.remove_prefix(comma + 1);
    }
    return fromUpperBounds(bounds);
}

std::size_t BucketScheme::indexFor(int dpd) const {
    if (dpd <= 0)
        return 0;
    for (std::size_t i = 0; i < upperBounds_.size(); ++i)
        if (dpd <= upperBounds_[i])
            return i + 1;
    return buckets_.size() - 1;
}

std::string BucketScheme::toText() const { return fmt::format("{}", fmt::join(upperBounds_, ",")); }

} // namespace rd

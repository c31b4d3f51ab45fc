#pragma once

#include <cstdint>
#include <functional>

namespace rd {

// Reports how far a long run has come. Returning false asks the run to stop;
// it then returns an error saying it was cancelled and changes nothing.
using ProgressCallback = std::function<bool(std::int64_t done, std::int64_t total)>;

} // namespace rd

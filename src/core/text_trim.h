#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rd {

// `text` without the spaces, tabs and line breaks around it (what people type into notes,
// reasons and settings).
std::string_view trimView(std::string_view text);
std::string trimmed(std::string_view text);
// The non-empty trimmed items of a comma-separated setting ("a:1, b:2").
std::vector<std::string_view> splitCommaList(std::string_view text);

} // namespace rd

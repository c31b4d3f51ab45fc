#pragma once

#include <string>
#include <string_view>

namespace rd {

// `text` without the spaces, tabs and line breaks around it (what people type into notes,
// reasons and settings).
std::string_view trimView(std::string_view text);
std::string trimmed(std::string_view text);

} // namespace rd

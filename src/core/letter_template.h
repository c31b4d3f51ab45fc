#pragma once

#include "result.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rd {

// One merge field a letter template may use, as `{{name}}` (docs/letters.md lists them all).
struct MergeField {
    const char* name;
    const char* description;
};

// Every merge field, in the order the template editor lists them.
const std::vector<MergeField>& mergeFields();
bool isMergeField(std::string_view name);

// The values of the merge fields for one letter; a field with no value is absent.
using MergeValues = std::map<std::string, std::string, std::less<>>;

// A template's title and body, checked when it is saved: the mustache syntax, and every
// field it names is a merge field (an unknown one is refused naming it and its line).
Result<void> validateLetterTemplate(std::string_view title, std::string_view body);

struct RenderedLetter {
    std::string title;
    std::string text;
};

// Renders a template with kainjow mustache (no HTML escaping: letters are plain text). A
// field the template uses that has no value refuses the letter, naming the field, so a
// letter never prints a blank where an amount or a name should be.
Result<RenderedLetter> renderLetter(std::string_view title, std::string_view body,
                                    const MergeValues& values);

// The fields a template names, each once, in order of first use.
std::vector<std::string> fieldsUsed(std::string_view title, std::string_view body);

// Lowercase hex SHA-256 of `text` (libsodium), recorded with every letter sent.
std::string sha256Hex(std::string_view text);

} // namespace rd

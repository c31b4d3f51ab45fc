#pragma once

#include <string>
#include <vector>

namespace rd::storage {

// A letter template shipped with RecoveryDesk (resources/letters/LANGUAGE/KIND.txt), seeded
// as version 1 of its kind and language when a database reaches schema version 8.
struct ShippedLetterTemplate {
    std::string kind;
    std::string language;
    std::string title;
    std::string body;
};

const std::vector<ShippedLetterTemplate>& shippedLetterTemplates();

} // namespace rd::storage

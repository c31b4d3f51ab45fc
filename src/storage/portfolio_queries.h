#pragma once

#include "database.h"

#include <string>
#include <vector>

namespace rd::storage {

// Small read-only questions about the imported portfolio, for the administrator's pages.
class PortfolioQueries {
public:
    explicit PortfolioQueries(const Database& db) : db_(db) {}

    // Every branch of the portfolio's clients and loans, by name.
    std::vector<std::string> branches() const;

private:
    const Database& db_;
};

} // namespace rd::storage

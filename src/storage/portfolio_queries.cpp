#include "portfolio_queries.h"

namespace rd::storage {

std::vector<std::string> PortfolioQueries::branches() const {
    auto st = db_.prepare("SELECT branch FROM loans UNION SELECT branch FROM clients "
                          "ORDER BY 1");
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.string(0));
    return out;
}

} // namespace rd::storage

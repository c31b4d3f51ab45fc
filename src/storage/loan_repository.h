#pragma once

#include "core/aging_report.h"
#include "core/loan.h"
#include "database.h"

#include <memory>
#include <optional>
#include <vector>

namespace rd::storage {

// Reads loans with their schedule, charges and payments for the engine.
class LoanRepository {
public:
    explicit LoanRepository(const Database& db) : db_(db) {}

    std::optional<LoanLedger> findLoan(std::string_view loanId) const;
    std::int64_t loanCount() const;

    // Splits the portfolio into `parts` sources by loan key range, each with its own
    // read-only connection (so they can be read on separate threads).
    std::vector<std::unique_ptr<LoanLedgerSource>> partitionedSources(int parts) const;

private:
    const Database& db_;
};

} // namespace rd::storage

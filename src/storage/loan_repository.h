#pragma once

#include "core/aging_report.h"
#include "core/loan.h"
#include "database.h"

#include <memory>
#include <optional>
#include <vector>

namespace rd::storage {

enum class LedgerSourceKind {
    Cache,  // one compact row per loan in `loan_ledgers` (fast; kept current by every write)
    Tables, // the schedule, charges and payments tables themselves
};

// Reads loans with their schedule, charges and payments for the engine, and keeps the
// ledger cache (`loan_ledgers`) that portfolio runs read.
class LoanRepository {
public:
    explicit LoanRepository(const Database& db) : db_(db) {}

    std::optional<LoanLedger> findLoan(std::string_view loanId) const;
    std::optional<LoanLedger> findLoanByKey(std::int64_t loanKey) const;
    std::int64_t loanCount() const;

    // Splits the portfolio into `parts` sources by loan key range, each with its own
    // read-only connection (so they can be read on separate threads). For portfolio
    // figures: the loans come without client id, payment method and reference.
    std::vector<std::unique_ptr<LoanLedgerSource>>
    partitionedSources(int parts, LedgerSourceKind kind = LedgerSourceKind::Cache) const;

    // Rewrites the cached ledgers of these loans from the tables. Call inside the write
    // transaction that changed them.
    void refreshLedgerCache(const std::vector<std::int64_t>& loanKeys);
    // Rewrites the whole cache in one ordered pass over the tables.
    void rebuildLedgerCache();
    // True when every loan has its cached ledger.
    bool ledgerCacheComplete() const;

private:
    const Database& db_;
};

} // namespace rd::storage

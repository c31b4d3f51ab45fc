#pragma once

#include "core/security_records.h"
#include "database.h"

#include <cstdint>
#include <vector>

namespace rd::storage {

// Reads guarantors and collateral (written by the import only).
class SecurityRepository {
public:
    explicit SecurityRepository(const Database& db) : db_(db) {}
    // The loan's guarantors and collateral, by their ids.
    std::vector<GuarantorRecord> guarantorsOf(std::int64_t loanKey) const;
    std::vector<CollateralRecord> collateralOf(std::int64_t loanKey) const;

private:
    const Database& db_;
};

} // namespace rd::storage

#pragma once

#include "core/case_records.h"
#include "database.h"

#include <optional>
#include <string>
#include <string_view>

namespace rd::storage {

using rd::ClientDetails;

// Reads clients (written by the import only).
class ClientRepository {
public:
    explicit ClientRepository(const Database& db) : db_(db) {}
    std::optional<ClientDetails> findByLoan(std::string_view loanId) const;

private:
    const Database& db_;
};

} // namespace rd::storage

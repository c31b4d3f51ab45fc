#pragma once

#include "database.h"

#include <optional>
#include <string>
#include <string_view>

namespace rd::storage {

// A client as the case file header shows it.
struct ClientDetails {
    std::string clientId;
    std::string fullName;
    std::string branch;
    std::string nationalId;
    std::string phone;
    std::string altPhone;
    std::string email;
    std::string address;
    std::string groupName;
};

// Reads clients (written by the import only).
class ClientRepository {
public:
    explicit ClientRepository(const Database& db) : db_(db) {}
    std::optional<ClientDetails> findByLoan(std::string_view loanId) const;

private:
    const Database& db_;
};

} // namespace rd::storage

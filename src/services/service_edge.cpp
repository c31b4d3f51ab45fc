#include "service_edge.h"

namespace rd::services {

Error storageFailure(const std::exception& e) {
    spdlog::error("storage failure: {}", e.what());
    Error error{
        fmt::format("the database could not be read or written ({}); nothing was saved", e.what()),
        ErrorKind::Storage, Hint::Retry};
    error.facts.emplace_back("detail", e.what());
    return error;
}

Error permissionDenied(const User& actor, Permission permission) {
    return Error{fmt::format("permission denied for {} ({}): {}", actor.username,
                             roleCode(actor.role), whoMay(permission)),
                 ErrorKind::Denied};
}

Error noLoan(std::string_view loanId) {
    Error error{
        fmt::format("no loan \"{}\" (check the account number, or import it first)", loanId),
        ErrorKind::NotFound};
    error.facts.emplace_back("loan", std::string(loanId));
    return error;
}

} // namespace rd::services

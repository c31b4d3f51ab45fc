#pragma once

// Private to src/services: the edge where storage failures become errors.
#include "core/result.h"
#include "core/user.h"
#include "storage/sqlite_statement.h"

#include <exception>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <type_traits>

namespace rd::services {

// A storage failure (disk full, file locked by another program, damaged file) as an error:
// what happened and that nothing was saved. The transaction of the call has been rolled back
// by then (Transaction's destructor).
Error storageFailure(const std::exception& e);

// Runs `body` (which returns a Result) and turns a storage failure into an error instead of
// letting it reach the face.
template <typename F> auto atEdge(F&& body) -> std::invoke_result_t<F&> {
    try {
        return body();
    } catch (const storage::StorageError& e) {
        return storageFailure(e);
    }
}

// "permission denied for NAME (ROLE): WHO MAY"
Error permissionDenied(const User& actor, Permission permission);

// "no loan "ID" (check the account number, or import it first)"
Error noLoan(std::string_view loanId);

} // namespace rd::services

#pragma once

// Private to src/services: a stored desk receipt as the services hand it out.
#include "payment_service.h"

namespace rd::storage {
struct DeskReceiptRecord;
class Database;
} // namespace rd::storage

namespace rd::services {

// The receipt with its officer's full name read from the users table.
DeskReceipt toDeskReceipt(storage::Database& db, const storage::DeskReceiptRecord& record);

// The refusal of a write on a closed day of `officer`.
Error dayClosedError(const std::string& officer, Date day, std::string_view what);

} // namespace rd::services

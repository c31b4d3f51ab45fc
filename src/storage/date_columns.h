#pragma once

// Private to src/storage: reading the ISO date columns of a row.
#include "core/date.h"
#include "sqlite_statement.h"

#include <optional>

namespace rd::storage {

// The date in `column`; a value that is not a date is a damaged file (StorageError).
Date dateColumn(const Statement& st, int column);
// The same, none for NULL.
std::optional<Date> optionalDateColumn(const Statement& st, int column);

} // namespace rd::storage

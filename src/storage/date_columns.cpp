#include "date_columns.h"

#include <fmt/format.h>

namespace rd::storage {

Date dateColumn(const Statement& st, int column) {
    auto parsed = Date::parse(st.text(column));
    if (!parsed)
        throw StorageError(fmt::format("corrupt date \"{}\" in the database", st.text(column)),
                           SQLITE_CORRUPT);
    return *parsed;
}

std::optional<Date> optionalDateColumn(const Statement& st, int column) {
    if (st.isNull(column))
        return std::nullopt;
    return dateColumn(st, column);
}

} // namespace rd::storage

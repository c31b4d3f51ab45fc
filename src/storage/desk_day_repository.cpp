#include "desk_day_repository.h"

#include <fmt/format.h>

namespace rd::storage {
namespace {

constexpr const char* kSelect =
    "SELECT c.id, c.officer, c.business_date, c.closed_at, c.receipt_count, c.received, "
    "c.cash_expected, c.cash_counted, c.difference_reason, s.signed_by, s.signed_at, "
    "r.reopened_by, r.reopened_at, r.reason "
    "FROM desk_day_closes c LEFT JOIN desk_day_sign_offs s ON s.close_id = c.id "
    "LEFT JOIN desk_day_reopenings r ON r.close_id = c.id ";

DayCloseRecord readClose(const Statement& s) {
    DayCloseRecord c;
    c.id = s.int64(0);
    c.officer = s.string(1);
    auto date = Date::parse(s.text(2));
    if (!date)
        throw StorageError(fmt::format("corrupt date \"{}\" in the database", s.text(2)),
                           SQLITE_CORRUPT);
    c.businessDate = *date;
    c.closedAt = s.string(3);
    c.receiptCount = static_cast<int>(s.int64(4));
    c.received = s.int64(5);
    c.cashExpected = s.int64(6);
    c.cashCounted = s.int64(7);
    c.differenceReason = s.string(8);
    c.signedBy = s.optionalString(9).value_or("");
    c.signedAt = s.optionalString(10).value_or("");
    c.reopenedBy = s.optionalString(11).value_or("");
    c.reopenedAt = s.optionalString(12).value_or("");
    c.reopenReason = s.optionalString(13).value_or("");
    return c;
}

} // namespace

std::vector<DayCloseRecord> DeskDayRepository::query(std::string_view where,
                                                     const std::string& officer, Date day) const {
    auto s = db_.prepare(fmt::format("{}{}", kSelect, where));
    s.bind(1, day.toString()).bind(2, officer);
    std::vector<DayCloseRecord> out;
    while (s.step())
        out.push_back(readClose(s));
    return out;
}

std::vector<DayCloseRecord> DeskDayRepository::closes(const std::string& officer, Date day) const {
    return query("WHERE c.business_date = ? AND c.officer = ? ORDER BY c.id", officer, day);
}

bool DeskDayRepository::isClosed(const std::string& officer, Date day) const {
    auto s = db_.prepare("SELECT r.close_id IS NULL FROM desk_day_closes c "
                         "LEFT JOIN desk_day_reopenings r ON r.close_id = c.id "
                         "WHERE c.business_date = ? AND c.officer = ? ORDER BY c.id DESC LIMIT 1");
    s.bind(1, day.toString()).bind(2, officer);
    return s.step() && s.int64(0) == 1;
}

std::int64_t DeskDayRepository::insertClose(const DayCloseRecord& c) {
    auto s = db_.prepare("INSERT INTO desk_day_closes(officer, business_date, closed_at, "
                         "receipt_count, received, cash_expected, cash_counted, "
                         "difference_reason) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, c.officer).bind(2, c.businessDate.toString()).bind(3, c.closedAt);
    s.bind(4, c.receiptCount).bind(5, c.received).bind(6, c.cashExpected);
    s.bind(7, c.cashCounted).bind(8, c.differenceReason);
    s.execute();
    return sqlite3_last_insert_rowid(db_.handle());
}

void DeskDayRepository::insertSignOff(std::int64_t closeId, const std::string& by,
                                      const std::string& at) {
    auto s = db_.prepare(
        "INSERT INTO desk_day_sign_offs(close_id, signed_by, signed_at) VALUES(?, ?, ?)");
    s.bind(1, closeId).bind(2, by).bind(3, at);
    s.execute();
}

void DeskDayRepository::insertReopening(std::int64_t closeId, const std::string& by,
                                        const std::string& at, const std::string& reason) {
    auto s = db_.prepare("INSERT INTO desk_day_reopenings(close_id, reopened_by, reopened_at, "
                         "reason) VALUES(?, ?, ?, ?)");
    s.bind(1, closeId).bind(2, by).bind(3, at).bind(4, reason);
    s.execute();
}

void DeskDayRepository::audit(const std::string& at, const std::string& actor,
                              const std::string& action, const std::string& officer, Date day,
                              const std::string& before, const std::string& after) {
    auto s = db_.prepare("INSERT INTO audit_log(at, actor, action, entity, entity_key, before, "
                         "after) VALUES(?, ?, ?, 'desk_day', ?, ?, ?)");
    s.bind(1, at).bind(2, actor).bind(3, action);
    s.bind(4, fmt::format("{}/{}", officer, day.toString()));
    s.bindOptional(5, before).bindOptional(6, after);
    s.execute();
}

} // namespace rd::storage

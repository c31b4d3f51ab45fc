#pragma once

#include "core/date.h"
#include "core/money.h"
#include "database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rd::storage {

// One close of an officer's business date (schema version 6) with its sign-off and its
// reopening, when there are.
struct DayCloseRecord {
    std::int64_t id = 0;
    std::string officer; // username
    Date businessDate;
    std::string closedAt; // ISO 8601 UTC
    int receiptCount = 0;
    Amount received = 0;
    Amount cashExpected = 0;
    Amount cashCounted = 0;
    std::string differenceReason;
    std::string signedBy, signedAt;
    std::string reopenedBy, reopenedAt, reopenReason;
};

// The SQL of the officers' end of day. No permission checks or validation here
// (services/ does them); callers open the write transaction around the writes.
class DeskDayRepository {
public:
    explicit DeskDayRepository(Database& db) : db_(db) {}

    // The closes of the officer's day, oldest first (a reopened day closed again has more).
    std::vector<DayCloseRecord> closes(const std::string& officer, Date day) const;
    // Whether the officer's day is closed now: its latest close is not reopened.
    bool isClosed(const std::string& officer, Date day) const;

    std::int64_t insertClose(const DayCloseRecord& close);
    void insertSignOff(std::int64_t closeId, const std::string& by, const std::string& at);
    void insertReopening(std::int64_t closeId, const std::string& by, const std::string& at,
                         const std::string& reason);

    // One audit_log row with entity 'desk_day' and the key "OFFICER/DATE".
    void audit(const std::string& at, const std::string& actor, const std::string& action,
               const std::string& officer, Date day, const std::string& before,
               const std::string& after);

private:
    std::vector<DayCloseRecord> query(std::string_view where, const std::string& officer,
                                      Date day) const;
    Database& db_;
};

} // namespace rd::storage

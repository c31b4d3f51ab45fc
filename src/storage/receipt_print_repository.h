#pragma once

#include "database.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rd::storage {

// One print of a desk receipt (schema version 6): copy 1 is the original.
struct ReceiptPrintRecord {
    std::int64_t receiptNo = 0;
    int copy = 1;
    std::string printedAt; // ISO 8601 UTC
    std::string printedBy;
};

// The SQL of receipt prints; callers open the write transaction around the insert.
class ReceiptPrintRepository {
public:
    explicit ReceiptPrintRepository(Database& db) : db_(db) {}

    // The prints of the receipt, first print first.
    std::vector<ReceiptPrintRecord> forReceipt(std::int64_t receiptNo) const;
    void insert(const ReceiptPrintRecord& print);

private:
    Database& db_;
};

} // namespace rd::storage

#include "receipt_print_repository.h"

namespace rd::storage {

std::vector<ReceiptPrintRecord> ReceiptPrintRepository::forReceipt(std::int64_t receiptNo) const {
    auto s = db_.prepare("SELECT receipt_no, copy, printed_at, printed_by FROM receipt_prints "
                         "WHERE receipt_no = ? ORDER BY copy");
    s.bind(1, receiptNo);
    std::vector<ReceiptPrintRecord> out;
    while (s.step())
        out.push_back({s.int64(0), static_cast<int>(s.int64(1)), s.string(2), s.string(3)});
    return out;
}

void ReceiptPrintRepository::insert(const ReceiptPrintRecord& p) {
    auto s = db_.prepare("INSERT INTO receipt_prints(receipt_no, copy, printed_at, printed_by) "
                         "VALUES(?, ?, ?, ?)");
    s.bind(1, p.receiptNo).bind(2, p.copy).bind(3, p.printedAt).bind(4, p.printedBy);
    s.execute();
}

} // namespace rd::storage

#pragma once

// Private to src/services: the merge-field values of one letter.
#include "case_service.h"
#include "core/letter_records.h"
#include "core/letter_template.h"

#include <optional>
#include <string>

namespace rd::services {

struct LetterContext {
    const CaseFile* file = nullptr;
    Date today;
    std::int64_t letterNo = 0;
    std::optional<Date> deadline;
    int deadlineDays = 0;
    bool workingDays = false;
    std::string officerName;
    std::string officerPhone;
    Letterhead letterhead;
    std::string paymentDetails;
};

// "2 December 2026"
std::string longDate(Date d);

// Every field that has a value for this letter; those without one are left out, so the
// renderer refuses a template that uses them.
MergeValues letterValues(const LetterContext& c);

} // namespace rd::services

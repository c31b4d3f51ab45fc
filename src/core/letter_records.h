#pragma once

#include "date.h"
#include "result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rd {

// How a letter reached the client (domain.md section 12).
enum class LetterDelivery { Print, Hand, Post, Email };
const char* toString(LetterDelivery delivery); // print hand post email
Result<LetterDelivery> parseLetterDelivery(std::string_view text);

// One saved version of a letter template.
struct LetterTemplateRecord {
    std::int64_t id = 0;
    std::string kind;     // reminder, first_demand, ... or one an administrator added
    std::string language; // en, lg, sw, ...
    int version = 1;
    std::string title;
    std::string body;
    std::string savedBy;
    std::string savedAt;
};

// The letterhead printed above every letter (settings institution_*), kept with each letter
// so that a reprint shows what was sent.
struct Letterhead {
    std::string name;
    std::string address;
    std::string phone;
    std::string licence;
    std::string logoSha256; // empty: no logo
};

// A letter as sent and recorded on its case.
struct LetterRecord {
    std::int64_t letterNo = 0;
    std::string loanId;
    std::int64_t caseId = 0;
    std::int64_t contactId = 0;
    std::string kind;
    std::string language;
    int templateVersion = 1;
    std::string recipient = "client"; // client or guarantor
    Date businessDate;
    std::optional<Date> deadline;
    LetterDelivery delivery = LetterDelivery::Print;
    std::string sentAt; // UTC, ISO 8601
    std::string sentBy;
    std::string title;
    std::string text;
    std::string sha256;
    Letterhead letterhead;
};

} // namespace rd

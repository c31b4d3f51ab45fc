#pragma once

#include "case_records.h"
#include "contact.h"
#include "result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd {

// Client-protection rules for contacts (domain.md section 7). Times are minutes since
// midnight; the window includes both ends (a call at 20:00 exactly is allowed, 20:01 is not).
struct ContactRules {
    int callsFrom = 8 * 60;   // 08:00
    int callsUntil = 20 * 60; // 20:00
    int maxAttemptsPerDay = 3;
};

// A contact made or proposed, as far as the rules care.
struct ContactAttempt {
    DateTime at;
    ContactChannel channel = ContactChannel::Call;
    ContactDirection direction = ContactDirection::Outbound;
};

// Outbound calls, SMS and visits must fall inside the hours; letters, e-mails, meetings
// (arranged with the client) and anything inbound (the client chose the time) need not.
bool isBoundByHours(const ContactAttempt& contact);
// Outbound calls, SMS and visits count as attempts towards the daily limit.
bool countsAsAttempt(const ContactAttempt& contact);

struct RuleBreach {
    std::string code;    // outside_hours, too_many_attempts
    std::string message; // "Calls are allowed 08:00-20:00; this one is at 21:10"
};

// The rules a proposed contact would break. `madeThatDay` are the loan's contacts already
// recorded; only those on the proposed contact's date that count as attempts are counted.
std::vector<RuleBreach> checkContactRules(const ContactAttempt& proposed,
                                          const std::vector<ContactAttempt>& madeThatDay,
                                          const ContactRules& rules = {});

// The attempts a loan's recorded contacts stand for. A contact and its corrections are one
// attempt (the latest version counts), and `replacing` (the contact a correction being
// written now replaces) no longer counts: correcting the day's third call is not a fourth.
std::vector<ContactAttempt> attemptsOnRecord(const std::vector<ContactRecord>& contacts,
                                             std::optional<std::int64_t> replacing = {});

// A contact that breaks rules may be saved only with a written reason, which is kept.
// Returns the reason to keep (trimmed; empty when nothing was broken and none given), or an
// error listing the broken rules and asking for a reason.
Result<std::string> requireOverrideReason(const std::vector<RuleBreach>& breaches,
                                          std::string_view reason);

} // namespace rd

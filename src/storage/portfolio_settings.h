#pragma once

#include "core/call_list.h"
#include "core/case_lifecycle.h"
#include "core/contact_rules.h"
#include "core/loan_position.h"
#include "core/result.h"
#include "core/time_zone_name.h"
#include "database.h"

#include <optional>
#include <string>
#include <vector>

namespace rd::storage {

// Settings an administrator may change, stored in the database's settings table.
struct SettingInfo {
    std::string key;
    std::string description;
    std::string defaultValue;
};
const std::vector<SettingInfo>& knownSettings();

// The delinquency rules in force for this portfolio (buckets, arrears tolerance).
DelinquencyPolicy loadDelinquencyPolicy(const Database& db);

// How the nightly recompute gives a new case an officer (setting `case_assignment`):
// fewest_open_cases (the enabled officer of the branch with the fewest open cases),
// credit_officer (the user whose username is the loan's credit officer, if they are an
// enabled officer of the branch; else fewest open cases), unassigned (a supervisor assigns).
inline constexpr const char* kAssignFewestOpenCases = "fewest_open_cases";
inline constexpr const char* kAssignCreditOfficer = "credit_officer";
inline constexpr const char* kAssignUnassigned = "unassigned";

// The rules of the desk work in force for this portfolio (recovery-rules.md), read from
// the settings table; a missing or unreadable value gives the default.
struct DeskSettings {
    PriorityWeights weights;
    ContactRules contactRules;
    int promiseGraceDays = 2;
    CasePolicy casePolicy;
    std::string caseAssignment = kAssignFewestOpenCases;
    // A desk payment above this many times the loan's principal is refused (a typing
    // mistake, not a payment).
    int maxPaymentMultiple = 100;
    // The institution's time zone (IANA name): contact hours and times shown are in it.
    std::string timeZone = kDefaultTimeZone;
    // The workstation locks after this many idle minutes.
    int idleLockMinutes = 10;
    // Plans (domain.md section 9c): above this waiver two supervisors approve; above this
    // share of the budget surplus a written reason is needed.
    int planWaiverLimitPercent = 25;
    int planMaxShareOfSurplus = 50;
};
DeskSettings loadDeskSettings(const Database& db);

// Parsers of the desk settings' text forms (what `settings set` accepts), with messages
// that say what is wrong and what is expected.
Result<ContactRules> parseContactHours(const std::string& text); // "08:00-20:00"
Result<PriorityWeights> parsePriorityWeights(const std::string& text);
std::string priorityWeightsText(const PriorityWeights& weights);
std::string contactHoursText(const ContactRules& rules);

// Validates `value` for `key` and returns the text to store (normalised), without storing.
Result<std::string> validateSetting(const Database& db, const std::string& key,
                                    const std::string& value);

// Validates and stores one setting in its own transaction with an audit record dated `at`
// (ISO 8601 UTC).
Result<std::string> changeSetting(Database& db, const std::string& key, const std::string& value,
                                  const std::string& actor, const std::string& at);

} // namespace rd::storage

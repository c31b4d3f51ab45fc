#pragma once

// The JSON of legal action and recovery costs, shared by `legal show`, `legal calendar` and
// `case show --format json` (interchange.md section 5). Amounts are decimal strings in the
// portfolio currency's exponent, as everywhere in the command line's JSON.
#include "core/currency.h"
#include "core/legal_records.h"
#include "services/legal_service.h"

#include <nlohmann/json.hpp>

namespace rd::cli {

nlohmann::ordered_json feasibilityJson(const FeasibilityRecord& a, const Currency& currency);
nlohmann::ordered_json legalCaseJson(const LegalCaseRecord& c, const Currency& currency);
nlohmann::ordered_json sessionJson(const LegalSessionRecord& s);
nlohmann::ordered_json costJson(const RecoveryCostRecord& c, const Currency& currency);
nlohmann::ordered_json calendarEntryJson(const CalendarEntry& e);
// {"feasibility": [...], "legal": [...], "costs": [...], "costs_total": "..."}
nlohmann::ordered_json legalFileJson(const services::LegalFile& f, const Currency& currency);

} // namespace rd::cli

#pragma once

#include "core/aging_report.h"
#include "core/currency.h"
#include "core/loan_position.h"

#include <nlohmann/json.hpp>
#include <string>

namespace rd::cli {

using Json = nlohmann::ordered_json;

// `loan --format json` (interchange.md section 2).
Json loanPositionJson(const LoanTerms& terms, const LoanPosition& position,
                      const BucketScheme& buckets, const Currency& currency);
std::string loanPositionText(const LoanTerms& terms, const LoanPosition& position,
                             const std::vector<InstallmentState>& installments,
                             const BucketScheme& buckets, const Currency& currency);

// `report aging --format json|text|csv`.
Json agingJson(const AgingReport& report, const Currency& currency);
std::string agingText(const AgingReport& report, const Currency& currency);
std::string agingCsv(const AgingReport& report, const Currency& currency);

} // namespace rd::cli

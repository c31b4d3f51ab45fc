#pragma once

#include "bucket_scheme.h"
#include "loan_position.h"
#include "progress.h"
#include "result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rd {

enum class AgingGroupBy { None, Branch, Officer, Product };
const char* toString(AgingGroupBy groupBy); // "branch", "officer", "product"; "" for None
std::optional<AgingGroupBy> agingGroupByFromString(std::string_view text);

struct BucketTotals {
    std::int64_t loans = 0;
    Amount outstandingPrincipal = 0;
    Amount arrears = 0;
};

// Aging and portfolio at risk over the active loans of one group (or all of them).
struct AgingTotals {
    std::int64_t activeLoans = 0;
    Amount grossPortfolio = 0;
    Amount arrears = 0;
    Amount atRisk1 = 0; // outstanding principal of active loans with DPD > 1
    Amount atRisk30 = 0;
    Amount atRisk90 = 0;
    Amount atRisk30R = 0;              // DPD > 30 or in watch (CGAP's PAR30 plus restructured)
    std::vector<BucketTotals> buckets; // the scheme's, in order
    // Active loans in watch with DPD 0 (domain.md section 5): reported after `current` and
    // not in it.
    BucketTotals restructured;

    explicit AgingTotals(std::size_t bucketCount = 0) : buckets(bucketCount) {}
    void add(const LoanPosition& position);
    void merge(const AgingTotals& other);
    // Share of the gross portfolio at risk; a report figure, never fed back into amounts.
    static double ratio(Amount part, Amount whole) {
        return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
    }
    double par1() const { return ratio(atRisk1, grossPortfolio); }
    double par30() const { return ratio(atRisk30, grossPortfolio); }
    double par90() const { return ratio(atRisk90, grossPortfolio); }
    double par30r() const { return ratio(atRisk30R, grossPortfolio); }
};

// The report's rows in printed order: the scheme's buckets with `restructured` after
// `current`, each with its name.
std::vector<std::pair<std::string, const BucketTotals*>>
printedBuckets(const AgingTotals& totals, const std::vector<std::string>& bucketNames);

struct AgingReport {
    Date asOf;
    AgingGroupBy groupBy = AgingGroupBy::None;
    std::vector<std::string> bucketNames;
    AgingTotals total;
    std::map<std::string, AgingTotals> groups; // byte order of the group name
};

inline constexpr const char* kNoGroupName = "(none)";

// Accumulates loan positions into an aging report. One builder per thread; merge at the end.
class AgingBuilder {
public:
    AgingBuilder(Date asOf, const BucketScheme& buckets, AgingGroupBy groupBy);

    void add(const LoanTerms& terms, const LoanPosition& position);
    void merge(const AgingBuilder& other);
    const AgingReport& report() const { return report_; }
    AgingReport take() { return std::move(report_); }

private:
    const std::string& groupKey(const LoanTerms& terms) const;

    AgingReport report_;
};

// A stream of loans with their events, as storage reads them.
class LoanLedgerSource {
public:
    virtual ~LoanLedgerSource() = default;
    virtual std::int64_t size() const = 0;
    // Fills `loan` with the next loan; false at the end.
    virtual bool next(LoanLedger& loan) = 0;
};

// Computes the aging report over one or more sources (each read on its own thread when
// there are several). Returns an error if `progress` asks to cancel.
Result<AgingReport> computeAging(const std::vector<LoanLedgerSource*>& sources, Date asOf,
                                 const DelinquencyPolicy& policy, AgingGroupBy groupBy,
                                 const ProgressCallback& progress = {});

} // namespace rd

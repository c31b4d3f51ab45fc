#include "aging_report.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace rd {

const char* toString(AgingGroupBy groupBy) {
    switch (groupBy) {
    case AgingGroupBy::None:
        return "";
    case AgingGroupBy::Branch:
        return "branch";
    case AgingGroupBy::Officer:
        return "officer";
    case AgingGroupBy::Product:
        return "product";
    }
    return "";
}

std::optional<AgingGroupBy> agingGroupByFromString(std::string_view text) {
    for (auto g : {AgingGroupBy::Branch, AgingGroupBy::Officer, AgingGroupBy::Product})
        if (text == toString(g))
            return g;
    return std::nullopt;
}

std::vector<std::pair<std::string, const BucketTotals*>>
printedBuckets(const AgingTotals& totals, const std::vector<std::string>& bucketNames) {
    std::vector<std::pair<std::string, const BucketTotals*>> rows;
    for (std::size_t i = 0; i < totals.buckets.size() && i < bucketNames.size(); ++i) {
        rows.emplace_back(bucketNames[i], &totals.buckets[i]);
        if (i == 0)
            rows.emplace_back(kRestructuredBucket, &totals.restructured);
    }
    return rows;
}

void AgingTotals::add(const LoanPosition& position) {
    if (position.status != LoanStatus::Active || !position.bucketIndex)
        return;
    const Amount principal = position.outstandingPrincipal;
    const Amount arrearsTotal = position.arrears.total();
    ++activeLoans;
    grossPortfolio += principal;
    arrears += arrearsTotal;
    if (position.daysPastDue > 1)
        atRisk1 += principal;
    if (position.daysPastDue > 30)
        atRisk30 += principal;
    if (position.daysPastDue > 90)
        atRisk90 += principal;
    if (position.daysPastDue > 30 || position.inWatch)
        atRisk30R += principal;
    BucketTotals& bucket =
        position.inRestructuredBucket() ? restructured : buckets[*position.bucketIndex];
    ++bucket.loans;
    bucket.outstandingPrincipal += principal;
    bucket.arrears += arrearsTotal;
}

void AgingTotals::merge(const AgingTotals& other) {
    activeLoans += other.activeLoans;
    grossPortfolio += other.grossPortfolio;
    arrears += other.arrears;
    atRisk1 += other.atRisk1;
    atRisk30 += other.atRisk30;
    atRisk90 += other.atRisk90;
    atRisk30R += other.atRisk30R;
    restructured.loans += other.restructured.loans;
    restructured.outstandingPrincipal += other.restructured.outstandingPrincipal;
    restructured.arrears += other.restructured.arrears;
    for (std::size_t i = 0; i < buckets.size() && i < other.buckets.size(); ++i) {
        buckets[i].loans += other.buckets[i].loans;
        buckets[i].outstandingPrincipal += other.buckets[i].outstandingPrincipal;
        buckets[i].arrears += other.buckets[i].arrears;
    }
}

AgingBuilder::AgingBuilder(Date asOf, const BucketScheme& buckets, AgingGroupBy groupBy) {
    report_.asOf = asOf;
    report_.groupBy = groupBy;
    for (const Bucket& b : buckets.buckets())
        report_.bucketNames.push_back(b.name);
    report_.total = AgingTotals(buckets.size());
}

const std::string& AgingBuilder::groupKey(const LoanTerms& terms) const {
    switch (report_.groupBy) {
    case AgingGroupBy::Branch:
        return terms.branch;
    case AgingGroupBy::Officer:
        return terms.creditOfficer;
    case AgingGroupBy::Product:
        return terms.product;
    case AgingGroupBy::None:
        break;
    }
    return terms.loanId; // unused
}

void AgingBuilder::add(const LoanTerms& terms, const LoanPosition& position) {
    if (position.status != LoanStatus::Active)
        return;
    report_.total.add(position);
    if (report_.groupBy == AgingGroupBy::None)
        return;
    const std::string& key = groupKey(terms);
    const std::string& name = key.empty() ? std::string(kNoGroupName) : key;
    auto it = report_.groups.find(name);
    if (it == report_.groups.end())
        it = report_.groups.emplace(name, AgingTotals(report_.bucketNames.size())).first;
    it->second.add(position);
}

void AgingBuilder::merge(const AgingBuilder& other) {
    report_.total.merge(other.report_.total);
    for (const auto& [name, totals] : other.report_.groups) {
        auto it = report_.groups.find(name);
        if (it == report_.groups.end())
            report_.groups.emplace(name, totals);
        else
            it->second.merge(totals);
    }
}

Result<AgingReport> computeAging(const std::vector<LoanLedgerSource*>& sources, Date asOf,
                                 const DelinquencyPolicy& policy, AgingGroupBy groupBy,
                                 const ProgressCallback& progress) {
    std::int64_t total = 0;
    for (auto* s : sources)
        total += s->size();
    std::atomic<std::int64_t> done{0};
    std::atomic<bool> cancelled{false};
    std::mutex progressMutex;
    constexpr std::int64_t kReportEvery = 4096;

    std::vector<AgingBuilder> builders;
    builders.reserve(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i)
        builders.emplace_back(asOf, policy.buckets, groupBy);

    auto work = [&](std::size_t part) {
        PositionCalculator calculator(policy);
        LoanLedger loan;
        std::int64_t sinceReport = 0;
        while (!cancelled.load(std::memory_order_relaxed) && sources[part]->next(loan)) {
            builders[part].add(loan.terms, calculator.compute(loan, asOf));
            if (++sinceReport == kReportEvery) {
                const std::int64_t now = done.fetch_add(sinceReport) + sinceReport;
                sinceReport = 0;
                if (progress) {
                    std::lock_guard lock(progressMutex);
                    if (!progress(now, total))
                        cancelled = true;
                }
            }
        }
        const std::int64_t now = done.fetch_add(sinceReport) + sinceReport;
        if (progress && !cancelled.load()) {
            std::lock_guard lock(progressMutex);
            if (!progress(now, total))
                cancelled = true;
        }
    };

    // A source that fails (a storage error) stops every part; the first failure is
    // rethrown here once all threads have finished, instead of ending the process.
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto guarded = [&](std::size_t part) {
        try {
            work(part);
        } catch (...) {
            std::lock_guard lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
            cancelled = true;
        }
    };
    if (sources.size() == 1) {
        guarded(0);
    } else {
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < sources.size(); ++i)
            threads.emplace_back(guarded, i);
        for (auto& t : threads)
            t.join();
    }
    if (failure)
        std::rethrow_exception(failure);
    if (cancelled)
        return Error{"the aging report was cancelled; nothing was changed"};

    AgingBuilder result(asOf, policy.buckets, groupBy);
    for (const auto& b : builders)
        result.merge(b);
    return result.take();
}

} // namespace rd

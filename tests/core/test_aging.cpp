// domain.md section 5: gross loan portfolio, PAR, aging per bucket, groups; computeAging.

#include "core/aging_report.h"
#include "core/loan_position.h"
#include "ledger_builders.h"

#include <catch2/catch.hpp>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

using rd::AgingBuilder;
using rd::AgingGroupBy;
using rd::AgingReport;
using rd::AgingTotals;
using rd::Amount;
using rd::BucketScheme;
using rd::LoanPosition;
using rd::LoanStatus;
using rd::LoanTerms;
using rdtest::day;

namespace {

LoanTerms terms(std::string id, std::string branch, std::string officer, std::string product) {
    LoanTerms t;
    t.loanId = std::move(id);
    t.branch = std::move(branch);
    t.creditOfficer = std::move(officer);
    t.product = std::move(product);
    return t;
}

// A position as PositionCalculator would make it: the bucket only for active loans.
LoanPosition position(LoanStatus status, int dpd, Amount principal, Amount arrearsPrincipal,
                      Amount arrearsInterest = 0) {
    LoanPosition p;
    p.status = status;
    p.daysPastDue = dpd;
    p.outstandingPrincipal = principal;
    p.arrears.principal = arrearsPrincipal;
    p.arrears.interest = arrearsInterest;
    if (status == LoanStatus::Active)
        p.bucketIndex = BucketScheme::standard().indexFor(dpd);
    return p;
}

struct ExpectedBucket {
    std::int64_t loans;
    Amount outstandingPrincipal;
    Amount arrears;
};

struct ExpectedTotals {
    const char* group; // "" for the total
    std::int64_t activeLoans;
    Amount grossPortfolio;
    Amount arrears;
    double par1, par30, par90;
    ExpectedBucket buckets[7];
};

void checkTotals(const AgingTotals& t, const ExpectedTotals& e) {
    INFO("group \"" << e.group << "\"");
    CHECK(t.activeLoans == e.activeLoans);
    CHECK(t.grossPortfolio == e.grossPortfolio);
    CHECK(t.arrears == e.arrears);
    CHECK(t.par1() == Approx(e.par1).epsilon(1e-12));
    CHECK(t.par30() == Approx(e.par30).epsilon(1e-12));
    CHECK(t.par90() == Approx(e.par90).epsilon(1e-12));
    REQUIRE(t.buckets.size() == 7);
    for (std::size_t i = 0; i < 7; ++i) {
        INFO("bucket " << i);
        CHECK(t.buckets[i].loans == e.buckets[i].loans);
        CHECK(t.buckets[i].outstandingPrincipal == e.buckets[i].outstandingPrincipal);
        CHECK(t.buckets[i].arrears == e.buckets[i].arrears);
    }
}

// The total first, then the groups in the order the report must list them.
template <std::size_t N>
void checkReport(const AgingReport& report, const ExpectedTotals (&expected)[N]) {
    checkTotals(report.total, expected[0]);
    REQUIRE(report.groups.size() == N - 1);
    std::size_t i = 1;
    for (const auto& [name, totals] : report.groups) {
        CHECK(name == expected[i].group);
        checkTotals(totals, expected[i]);
        ++i;
    }
}

void checkSameTotals(const AgingTotals& a, const AgingTotals& b) {
    CHECK(a.activeLoans == b.activeLoans);
    CHECK(a.grossPortfolio == b.grossPortfolio);
    CHECK(a.arrears == b.arrears);
    CHECK(a.atRisk1 == b.atRisk1);
    CHECK(a.atRisk30 == b.atRisk30);
    CHECK(a.atRisk90 == b.atRisk90);
    REQUIRE(a.buckets.size() == b.buckets.size());
    for (std::size_t i = 0; i < a.buckets.size(); ++i) {
        CHECK(a.buckets[i].loans == b.buckets[i].loans);
        CHECK(a.buckets[i].outstandingPrincipal == b.buckets[i].outstandingPrincipal);
        CHECK(a.buckets[i].arrears == b.buckets[i].arrears);
    }
}

void checkSameReport(const AgingReport& a, const AgingReport& b) {
    CHECK(a.asOf == b.asOf);
    CHECK(a.groupBy == b.groupBy);
    CHECK(a.bucketNames == b.bucketNames);
    checkSameTotals(a.total, b.total);
    REQUIRE(a.groups.size() == b.groups.size());
    auto ib = b.groups.begin();
    for (auto ia = a.groups.begin(); ia != a.groups.end(); ++ia, ++ib) {
        INFO("group " << ia->first);
        CHECK(ia->first == ib->first);
        checkSameTotals(ia->second, ib->second);
    }
}

AgingReport build(const std::vector<rd::LoanLedger>& loans, rd::Date asOf, AgingGroupBy by,
                  const rd::DelinquencyPolicy& policy = {}) {
    rd::PositionCalculator calc(policy);
    AgingBuilder builder(asOf, policy.buckets, by);
    for (const auto& loan : loans)
        builder.add(loan.terms, calc.compute(loan, asOf));
    return builder.take();
}

// Serves a slice of a vector of ledgers, counting what it hands out.
class VectorSource : public rd::LoanLedgerSource {
public:
    VectorSource(const std::vector<rd::LoanLedger>& loans, std::size_t begin, std::size_t end)
        : loans_(loans), next_(begin), end_(end), size_(static_cast<std::int64_t>(end - begin)) {}
    std::int64_t size() const override { return size_; }
    bool next(rd::LoanLedger& loan) override {
        if (next_ == end_)
            return false;
        loan = loans_[next_++];
        ++served_;
        return true;
    }
    std::int64_t served() const { return served_; }

private:
    const std::vector<rd::LoanLedger>& loans_;
    std::size_t next_;
    std::size_t end_;
    std::int64_t size_;
    std::int64_t served_ = 0;
};

std::vector<rd::LoanLedger> randomPortfolio(std::uint64_t seed, int count) {
    rdtest::RandomLedgers gen(seed);
    std::vector<rd::LoanLedger> loans;
    loans.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        loans.push_back(gen.next());
    return loans;
}

// worked/expected/aging-by-officer-2026-03-20.json: the total, then each group
const ExpectedTotals k_worked_20260320[] = {
    {"",
     2,
     36500,
     18000,
     1.0,
     0.0,
     0.0,
     {{0, 0, 0}, {2, 36500, 18000}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}}},
    {"(none)",
     1,
     20000,
     11500,
     1.0,
     0.0,
     0.0,
     {{0, 0, 0}, {1, 20000, 11500}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}}},
    {"okello",
     1,
     16500,
     6500,
     1.0,
     0.0,
     0.0,
     {{0, 0, 0}, {1, 16500, 6500}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}}},
};
// edge/expected/aging-by-officer-2025-03-02.json: the total, then each group
const ExpectedTotals k_edge_20250302[] = {
    {"",
     5,
     405000,
     320000,
     0.7530864197530864,
     0.24691358024691357,
     0.24691358024691357,
     {{1, 100000, 0},
      {2, 205000, 215000},
      {0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {1, 50000, 50000},
      {1, 50000, 55000}}},
    {"(none)",
     1,
     100000,
     100000,
     1.0,
     0.0,
     0.0,
     {{0, 0, 0}, {1, 100000, 100000}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}}},
    {"atim",
     1,
     100000,
     0,
     0.0,
     0.0,
     0.0,
     {{1, 100000, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}}},
    {"kato",
     3,
     205000,
     220000,
     1.0,
     0.4878048780487805,
     0.4878048780487805,
     {{0, 0, 0},
      {1, 105000, 115000},
      {0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {1, 50000, 50000},
      {1, 50000, 55000}}},
};
// edge/expected/aging-by-officer-2025-03-10.json: the total, then each group
const ExpectedTotals k_edge_20250310[] = {
    {"",
     5,
     347000,
     262000,
     0.7118155619596542,
     0.590778097982709,
     0.2881844380403458,
     {{1, 100000, 0},
      {1, 42000, 42000},
      {1, 105000, 115000},
      {0, 0, 0},
      {0, 0, 0},
      {1, 50000, 50000},
      {1, 50000, 55000}}},
    {"(none)",
     1,
     42000,
     42000,
     1.0,
     0.0,
     0.0,
     {{0, 0, 0}, {1, 42000, 42000}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}}},
    {"atim",
     1,
     100000,
     0,
     0.0,
     0.0,
     0.0,
     {{1, 100000, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}}},
    {"kato",
     3,
     205000,
     220000,
     1.0,
     1.0,
     0.4878048780487805,
     {{0, 0, 0},
      {0, 0, 0},
      {1, 105000, 115000},
      {0, 0, 0},
      {0, 0, 0},
      {1, 50000, 50000},
      {1, 50000, 55000}}},
};
// edge/expected/aging-by-officer-2025-07-01.json: the total, then each group
const ExpectedTotals k_edge_20250701[] = {
    {"",
     4,
     297000,
     312000,
     1.0,
     1.0,
     1.0,
     {{0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {3, 247000, 262000},
      {0, 0, 0},
      {1, 50000, 50000}}},
    {"(none)",
     1,
     42000,
     42000,
     1.0,
     1.0,
     1.0,
     {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {1, 42000, 42000}, {0, 0, 0}, {0, 0, 0}}},
    {"atim",
     1,
     100000,
     105000,
     1.0,
     1.0,
     1.0,
     {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {1, 100000, 105000}, {0, 0, 0}, {0, 0, 0}}},
    {"kato",
     2,
     155000,
     165000,
     1.0,
     1.0,
     1.0,
     {{0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {1, 105000, 115000},
      {0, 0, 0},
      {1, 50000, 50000}}},
};
// edge/expected/aging-by-officer-2026-01-02.json: the total, then each group
const ExpectedTotals k_edge_20260102[] = {
    {"",
     5,
     397000,
     412000,
     0.7481108312342569,
     0.7481108312342569,
     0.7481108312342569,
     {{0, 0, 0},
      {1, 100000, 100000},
      {0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {3, 247000, 262000},
      {1, 50000, 50000}}},
    {"(none)",
     1,
     42000,
     42000,
     1.0,
     1.0,
     1.0,
     {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {1, 42000, 42000}, {0, 0, 0}}},
    {"atim",
     2,
     200000,
     205000,
     0.5,
     0.5,
     0.5,
     {{0, 0, 0},
      {1, 100000, 100000},
      {0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {1, 100000, 105000},
      {0, 0, 0}}},
    {"kato",
     2,
     155000,
     165000,
     1.0,
     1.0,
     1.0,
     {{0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {1, 105000, 115000},
      {1, 50000, 50000}}},
};

} // namespace

TEST_CASE("aging totals, buckets and PAR over hand-built positions", "[aging]") {
    AgingBuilder b(day("2026-03-20"), BucketScheme::standard(), AgingGroupBy::None);
    const LoanTerms t = terms("L", "Gulu", "atim", "Business Loan");
    b.add(t, position(LoanStatus::Active, 0, 1000, 0));
    b.add(t, position(LoanStatus::Active, 1, 2000, 100));     // DPD 1: not in PAR1 (DPD > 1)
    b.add(t, position(LoanStatus::Active, 2, 4000, 150, 50)); // PAR1
    b.add(t, position(LoanStatus::Active, 30, 8000, 300));    // PAR1, not PAR30
    b.add(t, position(LoanStatus::Active, 31, 16000, 400));   // PAR1, PAR30
    b.add(t, position(LoanStatus::Active, 90, 32000, 500));   // PAR1, PAR30, not PAR90
    b.add(t, position(LoanStatus::Active, 91, 64000, 600));   // PAR1, PAR30, PAR90
    // Not active: excluded everywhere.
    b.add(t, position(LoanStatus::WrittenOff, 400, 128000, 128000));
    b.add(t, position(LoanStatus::NotDisbursed, 0, 256000, 0));
    b.add(t, position(LoanStatus::PaidOff, 0, 0, 0));

    const AgingReport& r = b.report();
    CHECK(r.asOf == day("2026-03-20"));
    CHECK(r.groupBy == AgingGroupBy::None);
    CHECK(r.bucketNames == std::vector<std::string>{"current", "1-30", "31-60", "61-90", "91-180",
                                                    "181-365", "366+"});
    CHECK(r.groups.empty());
    const AgingTotals& total = r.total;
    CHECK(total.activeLoans == 7);
    CHECK(total.grossPortfolio == 127000);
    CHECK(total.arrears == 2100);
    CHECK(total.atRisk1 == 124000);
    CHECK(total.atRisk30 == 112000);
    CHECK(total.atRisk90 == 64000);
    CHECK(total.par1() == Approx(124000.0 / 127000.0).epsilon(1e-12));
    CHECK(total.par30() == Approx(112000.0 / 127000.0).epsilon(1e-12));
    CHECK(total.par90() == Approx(64000.0 / 127000.0).epsilon(1e-12));
    const ExpectedTotals expected = {"",
                                     7,
                                     127000,
                                     2100,
                                     124000.0 / 127000.0,
                                     112000.0 / 127000.0,
                                     64000.0 / 127000.0,
                                     {{1, 1000, 0},
                                      {3, 14000, 600},
                                      {1, 16000, 400},
                                      {1, 32000, 500},
                                      {1, 64000, 600},
                                      {0, 0, 0},
                                      {0, 0, 0}}};
    checkTotals(total, expected);
}

TEST_CASE("PAR is 0 when the gross loan portfolio is 0", "[aging]") {
    AgingBuilder empty(day("2026-03-20"), BucketScheme::standard(), AgingGroupBy::None);
    CHECK(empty.report().total.par1() == 0.0);
    CHECK(empty.report().total.par30() == 0.0);
    CHECK(empty.report().total.par90() == 0.0);
    CHECK(empty.report().total.buckets.size() == 7);

    AgingBuilder onlyInactive(day("2026-03-20"), BucketScheme::standard(), AgingGroupBy::Branch);
    const LoanTerms t = terms("L", "Gulu", "atim", "Business Loan");
    onlyInactive.add(t, position(LoanStatus::WrittenOff, 500, 90000, 90000));
    onlyInactive.add(t, position(LoanStatus::PaidOff, 0, 0, 0));
    CHECK(onlyInactive.report().total.activeLoans == 0);
    CHECK(onlyInactive.report().total.grossPortfolio == 0);
    CHECK(onlyInactive.report().total.atRisk1 == 0);
    CHECK(onlyInactive.report().total.par1() == 0.0);
    CHECK(onlyInactive.report().groups.empty()); // no group for loans that are not active

    CHECK(AgingTotals::ratio(5, 0) == 0.0);
    CHECK(AgingTotals::ratio(1, 4) == 0.25);
}

TEST_CASE("groups by branch, officer and product, sorted by byte order", "[aging][groups]") {
    struct Loan {
        LoanTerms terms;
        LoanPosition position;
    };
    const std::vector<Loan> loans = {
        {terms("A", "Jinja", "okello", "Group Loan"), position(LoanStatus::Active, 0, 1000, 0)},
        {terms("B", "Gulu", "", "Business Loan"), position(LoanStatus::Active, 45, 2000, 700)},
        {terms("C", "Gulu", "Zed", "Agri Loan"), position(LoanStatus::Active, 100, 4000, 900)},
        {terms("D", "Arua", "adam", "Group Loan"), position(LoanStatus::Active, 3, 8000, 10)},
        {terms("E", "Jinja", "\xc3\x89mile", "Business Loan"),
         position(LoanStatus::Active, 400, 16000, 5000)},
        {terms("F", "Jinja", "", "Group Loan"), position(LoanStatus::Active, 0, 32000, 0)},
        // Not active: no group of its own, nothing added.
        {terms("G", "Mbale", "ghost", "Housing"), position(LoanStatus::WrittenOff, 90, 1, 1)},
        {terms("H", "Mbale", "ghost", "Housing"), position(LoanStatus::PaidOff, 0, 0, 0)},
        {terms("I", "Mbale", "ghost", "Housing"), position(LoanStatus::NotDisbursed, 0, 5, 0)},
    };
    auto run = [&](AgingGroupBy by) {
        AgingBuilder b(day("2026-03-20"), BucketScheme::standard(), by);
        for (const auto& l : loans)
            b.add(l.terms, l.position);
        return b.take();
    };
    auto keys = [](const AgingReport& r) {
        std::vector<std::string> out;
        for (const auto& [name, totals] : r.groups)
            out.push_back(name);
        return out;
    };

    SECTION("officer: no officer groups under (none)") {
        const AgingReport r = run(AgingGroupBy::Officer);
        CHECK(r.groupBy == AgingGroupBy::Officer);
        CHECK(keys(r) ==
              std::vector<std::string>{"(none)", "Zed", "adam", "okello", "\xc3\x89mile"});
        const AgingTotals& none = r.groups.at("(none)");
        CHECK(none.activeLoans == 2);
        CHECK(none.grossPortfolio == 34000);
        CHECK(none.arrears == 700);
        CHECK(none.atRisk1 == 2000);
        CHECK(none.atRisk30 == 2000);
        CHECK(none.atRisk90 == 0);
        CHECK(none.buckets[0].loans == 1);
        CHECK(none.buckets[0].outstandingPrincipal == 32000);
        CHECK(none.buckets[2].loans == 1);
        CHECK(none.buckets[2].arrears == 700);
        CHECK(r.groups.at("\xc3\x89mile").buckets[6].outstandingPrincipal == 16000);
        CHECK(r.groups.at("Zed").atRisk90 == 4000);
        CHECK(r.groups.count("ghost") == 0);
        CHECK(std::string(rd::kNoGroupName) == "(none)");
    }
    SECTION("branch") {
        const AgingReport r = run(AgingGroupBy::Branch);
        CHECK(keys(r) == std::vector<std::string>{"Arua", "Gulu", "Jinja"});
        CHECK(r.groups.at("Jinja").activeLoans == 3);
        CHECK(r.groups.at("Jinja").grossPortfolio == 49000);
        CHECK(r.groups.at("Jinja").atRisk1 == 16000);
        CHECK(r.groups.at("Gulu").grossPortfolio == 6000);
        CHECK(r.groups.at("Gulu").arrears == 1600);
        CHECK(r.groups.at("Arua").atRisk1 == 8000);
        CHECK(r.groups.at("Arua").atRisk30 == 0);
    }
    SECTION("product") {
        const AgingReport r = run(AgingGroupBy::Product);
        CHECK(keys(r) == std::vector<std::string>{"Agri Loan", "Business Loan", "Group Loan"});
        CHECK(r.groups.at("Group Loan").activeLoans == 3);
        CHECK(r.groups.at("Group Loan").grossPortfolio == 41000);
        CHECK(r.groups.at("Business Loan").arrears == 5700);
        CHECK(r.groups.at("Agri Loan").buckets[4].loans == 1);
    }
    SECTION("every grouping has the same total") {
        const AgingReport none = run(AgingGroupBy::None);
        CHECK(none.groups.empty());
        CHECK(none.total.activeLoans == 6);
        CHECK(none.total.grossPortfolio == 63000);
        CHECK(none.total.arrears == 6610);
        CHECK(none.total.atRisk1 == 30000);
        CHECK(none.total.atRisk30 == 22000);
        CHECK(none.total.atRisk90 == 20000);
        for (auto by : {AgingGroupBy::Branch, AgingGroupBy::Officer, AgingGroupBy::Product})
            checkSameTotals(run(by).total, none.total);
    }
    SECTION("group-by names") {
        CHECK(std::string(rd::toString(AgingGroupBy::Branch)) == "branch");
        CHECK(std::string(rd::toString(AgingGroupBy::Officer)) == "officer");
        CHECK(std::string(rd::toString(AgingGroupBy::Product)) == "product");
        CHECK(std::string(rd::toString(AgingGroupBy::None)).empty());
        CHECK(rd::agingGroupByFromString("officer") == AgingGroupBy::Officer);
        CHECK(rd::agingGroupByFromString("branch") == AgingGroupBy::Branch);
        CHECK(rd::agingGroupByFromString("product") == AgingGroupBy::Product);
        CHECK_FALSE(rd::agingGroupByFromString("").has_value());
        CHECK_FALSE(rd::agingGroupByFromString("Officer").has_value());
    }
}

TEST_CASE("merging builders equals one builder over all loans", "[aging]") {
    const auto loans = randomPortfolio(11, 900);
    const rd::Date asOf = day("2024-06-30");
    for (auto by : {AgingGroupBy::None, AgingGroupBy::Branch, AgingGroupBy::Officer}) {
        rd::PositionCalculator calc;
        AgingBuilder whole(asOf, BucketScheme::standard(), by);
        AgingBuilder a(asOf, BucketScheme::standard(), by);
        AgingBuilder b(asOf, BucketScheme::standard(), by);
        for (std::size_t i = 0; i < loans.size(); ++i) {
            const auto pos = calc.compute(loans[i], asOf);
            whole.add(loans[i].terms, pos);
            (i % 3 == 0 ? a : b).add(loans[i].terms, pos);
        }
        a.merge(b);
        checkSameReport(a.report(), whole.report());
        CHECK(whole.report().total.activeLoans > 100);
    }
}

TEST_CASE("spec/examples: aging by officer reproduced exactly", "[aging][examples]") {
    SECTION("edge as of 2025-03-10") {
        checkReport(build(rdtest::edgeLedgers(), day("2025-03-10"), AgingGroupBy::Officer),
                    k_edge_20250310);
        // Numerators behind the PAR figures.
        const auto r = build(rdtest::edgeLedgers(), day("2025-03-10"), AgingGroupBy::Officer);
        CHECK(r.total.atRisk1 == 247000);
        CHECK(r.total.atRisk30 == 205000);
        CHECK(r.total.atRisk90 == 100000);
        CHECK(r.groups.at("kato").atRisk90 == 100000);
        CHECK(r.groups.at("(none)").atRisk1 == 42000);
    }
    SECTION("edge as of 2025-03-02") {
        checkReport(build(rdtest::edgeLedgers(), day("2025-03-02"), AgingGroupBy::Officer),
                    k_edge_20250302);
    }
    SECTION("edge as of 2025-07-01") {
        checkReport(build(rdtest::edgeLedgers(), day("2025-07-01"), AgingGroupBy::Officer),
                    k_edge_20250701);
    }
    SECTION("edge as of 2026-01-02: LATER at DPD 1 is not in PAR1") {
        const auto r = build(rdtest::edgeLedgers(), day("2026-01-02"), AgingGroupBy::Officer);
        checkReport(r, k_edge_20260102);
        CHECK(r.total.atRisk1 == 297000);
    }
    SECTION("worked as of 2026-03-20") {
        checkReport(build(rdtest::workedLedgers(), day("2026-03-20"), AgingGroupBy::Officer),
                    k_worked_20260320);
        const auto none = build(rdtest::workedLedgers(), day("2026-03-20"), AgingGroupBy::None);
        checkTotals(none.total, k_worked_20260320[0]);
        CHECK(none.groups.empty());
    }
}

TEST_CASE("computeAging: one source or three give the same report", "[aging][compute]") {
    const auto loans = randomPortfolio(2024, 3000);
    for (const char* asOfText : {"2022-01-15", "2024-06-30", "2026-12-31"}) {
        const rd::Date asOf = day(asOfText);
        for (auto by : {AgingGroupBy::None, AgingGroupBy::Branch, AgingGroupBy::Officer,
                        AgingGroupBy::Product}) {
            INFO("as of " << asOfText << " by " << rd::toString(by));
            const rd::DelinquencyPolicy policy;
            VectorSource all(loans, 0, loans.size());
            const auto one = rd::computeAging({&all}, asOf, policy, by);
            REQUIRE(one.ok());
            CHECK(all.served() == 3000);

            VectorSource s1(loans, 0, 1000), s2(loans, 1000, 1700), s3(loans, 1700, 3000);
            const auto three = rd::computeAging({&s1, &s2, &s3}, asOf, policy, by);
            REQUIRE(three.ok());
            CHECK(s1.served() + s2.served() + s3.served() == 3000);

            checkSameReport(*one, *three);
            checkSameReport(*one, build(loans, asOf, by, policy));
            CHECK(one->asOf == asOf);
            CHECK(one->groupBy == by);
        }
    }
}

TEST_CASE("computeAging uses the policy's buckets and tolerance", "[aging][compute]") {
    rd::DelinquencyPolicy policy;
    policy.buckets = BucketScheme::parse("30,90").value();
    policy.arrearsTolerance = 100000;
    const auto loans = rdtest::edgeLedgers();
    VectorSource src(loans, 0, loans.size());
    const auto r = rd::computeAging({&src}, day("2025-03-10"), policy, AgingGroupBy::None);
    REQUIRE(r.ok());
    CHECK(r->bucketNames == std::vector<std::string>{"current", "1-30", "31-90", "91+"});
    REQUIRE(r->total.buckets.size() == 4);
    // With a tolerance of 100000 only SAME (#2 owes 110000) is overdue.
    CHECK(r->total.activeLoans == 5);
    CHECK(r->total.buckets[0].loans == 4);
    CHECK(r->total.buckets[1].loans == 1);
    CHECK(r->total.buckets[1].outstandingPrincipal == 105000);
    CHECK(r->total.atRisk1 == 105000);
    CHECK(r->total.arrears == 262000); // arrears still count amounts within the tolerance
}

TEST_CASE("computeAging reports progress and can be cancelled", "[aging][compute][progress]") {
    const auto loans = randomPortfolio(99, 15000);
    const rd::Date asOf = day("2024-06-30");
    const rd::DelinquencyPolicy policy;

    SECTION("progress is reported, the last call with everything done") {
        std::vector<std::pair<std::int64_t, std::int64_t>> calls;
        VectorSource src(loans, 0, 10000);
        const auto r = rd::computeAging({&src}, asOf, policy, AgingGroupBy::None,
                                        [&](std::int64_t done, std::int64_t total) {
                                            calls.emplace_back(done, total);
                                            return true;
                                        });
        REQUIRE(r.ok());
        REQUIRE(calls.size() >= 2); // at least one report during the run, and the final one
        CHECK(calls.back() == std::pair<std::int64_t, std::int64_t>{10000, 10000});
        for (std::size_t i = 0; i < calls.size(); ++i) {
            CHECK(calls[i].second == 10000);
            CHECK(calls[i].first <= 10000);
            if (i > 0)
                CHECK(calls[i].first >= calls[i - 1].first);
        }
        std::vector<rd::LoanLedger> first(loans.begin(), loans.begin() + 10000);
        checkSameReport(*r, build(first, asOf, AgingGroupBy::None));
    }
    SECTION("returning false cancels with an error (one source)") {
        int called = 0;
        VectorSource src(loans, 0, 10000);
        const auto r = rd::computeAging({&src}, asOf, policy, AgingGroupBy::Branch,
                                        [&](std::int64_t, std::int64_t) {
                                            ++called;
                                            return false;
                                        });
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("cancelled") != std::string::npos);
        CHECK(called == 1);
        CHECK(src.served() < 10000); // it stopped reading
    }
    SECTION("returning false cancels with an error (three sources)") {
        // The callback runs on the worker threads: record, and check on this thread.
        std::mutex m;
        std::vector<std::pair<std::int64_t, std::int64_t>> calls;
        VectorSource s1(loans, 0, 5000), s2(loans, 5000, 10000), s3(loans, 10000, 15000);
        const auto r = rd::computeAging({&s1, &s2, &s3}, asOf, policy, AgingGroupBy::Officer,
                                        [&](std::int64_t done, std::int64_t total) {
                                            std::lock_guard lock(m);
                                            calls.emplace_back(done, total);
                                            return false;
                                        });
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "the aging report was cancelled; nothing was changed");
        REQUIRE_FALSE(calls.empty());
        for (const auto& [done, total] : calls) {
            CHECK(total == 15000);
            CHECK(done <= total);
        }
        CHECK(s1.served() + s2.served() + s3.served() < 15000);
    }
    SECTION("progress with three sources adds up to the total") {
        std::mutex m;
        std::vector<std::pair<std::int64_t, std::int64_t>> calls;
        VectorSource s1(loans, 0, 5000), s2(loans, 5000, 10000), s3(loans, 10000, 15000);
        const auto r = rd::computeAging({&s1, &s2, &s3}, asOf, policy, AgingGroupBy::Product,
                                        [&](std::int64_t done, std::int64_t total) {
                                            std::lock_guard lock(m);
                                            calls.emplace_back(done, total);
                                            return true;
                                        });
        REQUIRE(r.ok());
        REQUIRE(calls.size() >= 2);
        CHECK(calls.back() == std::pair<std::int64_t, std::int64_t>{15000, 15000});
        for (const auto& [done, total] : calls) {
            CHECK(total == 15000);
            CHECK(done <= total);
        }
        checkSameReport(*r, build(loans, asOf, AgingGroupBy::Product));
    }
}

TEST_CASE("computeAging honours a cancel even on a small portfolio", "[aging][compute][progress]") {
    const auto loans = randomPortfolio(7, 10);
    VectorSource src(loans, 0, 10);
    int called = 0;
    const auto r = rd::computeAging({&src}, day("2024-06-30"), rd::DelinquencyPolicy{},
                                    AgingGroupBy::None, [&](std::int64_t done, std::int64_t total) {
                                        ++called;
                                        CHECK(done == 10);
                                        CHECK(total == 10);
                                        return false;
                                    });
    CHECK_FALSE(r.ok());
    CHECK(called == 1);
}

namespace {
// A source that fails part-way, as storage does on a damaged row.
class FailingSource : public rd::LoanLedgerSource {
public:
    std::int64_t size() const override { return 100; }
    bool next(rd::LoanLedger&) override { throw std::runtime_error("damaged row"); }
};
} // namespace

TEST_CASE("computeAging rethrows a source's failure on the caller's thread",
          "[aging][compute]") {
    const auto loans = randomPortfolio(3, 50);
    VectorSource good(loans, 0, 50);
    FailingSource bad;
    CHECK_THROWS_WITH(rd::computeAging({&good, &bad}, day("2024-06-30"), rd::DelinquencyPolicy{},
                                       AgingGroupBy::None),
                      "damaged row");
    CHECK_THROWS_WITH(rd::computeAging({&bad}, day("2024-06-30"), rd::DelinquencyPolicy{},
                                       AgingGroupBy::None),
                      "damaged row");
}

// The ledger cache (loan_ledgers) must always say exactly what the tables say.
#include "demo/demo_generator.h"
#include "storage/ledger_codec.h"
#include "storage_test_support.h"

#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::storage;

namespace {

std::unique_ptr<Database> openNew(const std::filesystem::path& path) {
    OpenOptions options;
    options.createIfMissing = true;
    return std::move(Database::open(path, options)).value();
}

AgingReport aging(LoanRepository& loans, LedgerSourceKind kind, Date asOf, int parts,
                  AgingGroupBy by) {
    auto owned = loans.partitionedSources(parts, kind);
    std::vector<LoanLedgerSource*> sources;
    for (auto& s : owned)
        sources.push_back(s.get());
    return computeAging(sources, asOf, DelinquencyPolicy{}, by).value();
}

void checkSame(const AgingTotals& a, const AgingTotals& b) {
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

} // namespace

TEST_CASE("ledger codec round-trips every field the engine reads", "[storage][cache]") {
    LoanLedger loan;
    loan.terms = {"LN1",
                  "CL1",
                  "Group Loan",
                  "Gulu",
                  "",
                  1'000'000,
                  Date::parse("2024-02-29").value(),
                  Date::parse("2025-06-30").value(),
                  std::nullopt};
    loan.schedule = {{1, Date::parse("2024-03-29").value(), 500'000, 20'000, 1'000},
                     {2, Date::parse("2024-04-29").value(), 500'000, 10'000, 0}};
    loan.charges = {{"K1", 2, Date::parse("2024-05-03").value(), ChargeKind::Penalty, 5'000}};
    Payment p1{"P10", Date::parse("2024-03-29").value(), 521'000, PaymentMethod::Cash, "", {}};
    Payment p2{
        "P9", Date::parse("2024-04-29").value(), 9'223'372'036'854'775'807, PaymentMethod::Cash,
        "",   Date::parse("2024-05-02").value()};
    loan.payments = {p1, p2};
    std::string data;
    encodeLedger(loan, data);
    LoanLedger back;
    REQUIRE(decodeLedger(data, back));
    CHECK(back.terms.loanId == "LN1");
    CHECK(back.terms.clientId == "CL1");
    CHECK(back.terms.creditOfficer.empty());
    CHECK(back.terms.writtenOffOn == loan.terms.writtenOffOn);
    REQUIRE(back.schedule.size() == 2);
    CHECK(back.schedule[1].dueDate == loan.schedule[1].dueDate);
    CHECK(back.schedule[0].feeDue == 1'000);
    REQUIRE(back.charges.size() == 1);
    CHECK(back.charges[0].kind == ChargeKind::Penalty);
    REQUIRE(back.payments.size() == 2);
    CHECK(back.payments[0].id == "P10");
    CHECK_FALSE(back.payments[0].reversedOn);
    CHECK(back.payments[1].amount == 9'223'372'036'854'775'807);
    CHECK(back.payments[1].reversedOn == p2.reversedOn);

    CHECK_FALSE(decodeLedger(data.substr(0, data.size() - 1), back)); // truncated
    CHECK_FALSE(decodeLedger(data + "x", back));                      // trailing bytes
    CHECK_FALSE(decodeLedger("", back));
}

TEST_CASE("ledger codec round-trips the restructure date, local reschedules and a settlement",
          "[storage][cache][plans]") {
    LoanLedger loan;
    loan.terms.loanId = "LN2";
    loan.terms.principal = 300;
    loan.terms.disbursedOn = Date::parse("2026-01-01").value();
    loan.terms.restructuredOn = Date::parse("2026-02-15").value();
    loan.schedule = {{1, Date::parse("2026-02-01").value(), 300, 30, 0}};
    LocalReschedule r;
    r.start = Date::parse("2026-03-10").value();
    r.schedule = {{1, Date::parse("2026-02-01").value(), 100, 10, 0, 5},
                  {2, Date::parse("2026-04-10").value(), 200, 7, 1, 0}};
    r.firstNew = 1;
    loan.reschedules = {r};
    loan.settlement =
        SettlementTerms{Date::parse("2026-05-01").value(), 150, Date::parse("2026-06-03").value()};
    std::string data;
    encodeLedger(loan, data);
    LoanLedger back;
    REQUIRE(decodeLedger(data, back));
    CHECK(back.terms.restructuredOn == loan.terms.restructuredOn);
    REQUIRE(back.reschedules.size() == 1);
    CHECK(back.reschedules[0].start == r.start);
    CHECK(back.reschedules[0].firstNew == 1);
    REQUIRE(back.reschedules[0].schedule.size() == 2);
    CHECK(back.reschedules[0].schedule[0].penaltyDue == 5);
    CHECK(back.reschedules[0].schedule[1].dueDate == r.schedule[1].dueDate);
    CHECK(back.reschedules[0].schedule[1].feeDue == 1);
    REQUIRE(back.settlement);
    CHECK(back.settlement->total == 150);
    CHECK(back.settlement->deadline == loan.settlement->deadline);
    CHECK_FALSE(decodeLedger(data.substr(0, data.size() - 1), back));

    // A row written before plans existed (format 1) still reads, with none of them.
    LoanLedger plain;
    plain.terms = loan.terms;
    plain.terms.restructuredOn.reset();
    plain.schedule = loan.schedule;
    std::string v2;
    encodeLedger(plain, v2);
    // Format 1 is format 2 without the trailing plan fields (restructure 0, no reschedule,
    // no settlement: three zero bytes).
    REQUIRE(v2.size() > 3);
    std::string v1 = v2.substr(0, v2.size() - 3);
    v1[0] = 1;
    LoanLedger old = loan; // filled, so the decoder must clear the plan fields
    REQUIRE(decodeLedger(v1, old));
    CHECK_FALSE(old.terms.restructuredOn);
    CHECK(old.reschedules.empty());
    CHECK_FALSE(old.settlement);
    v1[0] = 3;
    CHECK_FALSE(decodeLedger(v1, old)); // an unknown format
}

TEST_CASE("aging from the cache equals aging from the tables, before and after more imports",
          "[storage][cache]") {
    rdst::TempDir tmp;
    demo::DemoOptions options;
    options.loans = 3000;
    options.seed = 11;
    options.asOf = Date::parse("2026-11-28").value();
    REQUIRE(demo::writeDemoFiles(options, tmp / "demo").ok());
    auto db = openNew(tmp / "rd.db");
    REQUIRE(importFolder(*db, tmp / "demo", {}).committed);
    LoanRepository loans(*db);
    CHECK(loans.ledgerCacheComplete());

    auto compareAll = [&] {
        for (const char* date : {"2025-01-15", "2026-06-30", "2026-11-28"}) {
            for (AgingGroupBy by : {AgingGroupBy::None, AgingGroupBy::Officer}) {
                const Date d = Date::parse(date).value();
                const auto fromTables = aging(loans, LedgerSourceKind::Tables, d, 1, by);
                const auto fromCache = aging(loans, LedgerSourceKind::Cache, d, 3, by);
                checkSame(fromCache.total, fromTables.total);
                REQUIRE(fromCache.groups.size() == fromTables.groups.size());
                for (const auto& [name, totals] : fromTables.groups)
                    checkSame(fromCache.groups.at(name), totals);
            }
        }
    };
    compareAll();

    // A later import: a new payment, a reversal and a replaced schedule on existing loans.
    const auto loan = loans.findLoan("LN0000010");
    REQUIRE(loan);
    REQUIRE_FALSE(loan->payments.empty());
    const Payment& first = loan->payments.front();
    rdst::writeFile(tmp / "later/payments.csv",
                    "payment_id,loan_id,paid_on,amount,method,reference,reversed_on\n"
                    "PYNEW1,LN0000010,2026-11-20,12345,cash,,\n" +
                        first.id + ",LN0000010," + first.paidOn.toString() + "," +
                        std::to_string(first.amount) + "," + toString(first.method) + "," +
                        first.reference + ",2026-11-27\n");
    const auto outcome = importFolder(*db, tmp / "later", {});
    INFO((outcome.errors.kept().empty() ? "" : outcome.errors.kept()[0].toString()));
    REQUIRE(outcome.committed);
    CHECK(outcome.counts.paymentsAdded == 1);
    CHECK(outcome.counts.paymentsReversed == (first.reversedOn ? 0 : 1));
    compareAll();

    // A damaged cache row is reported, not silently used.
    db->exec("UPDATE loan_ledgers SET data = x'00' WHERE loan_pk = 5");
    auto owned = loans.partitionedSources(1, LedgerSourceKind::Cache);
    LoanLedger l;
    CHECK_THROWS_AS(
        [&] {
            while (owned[0]->next(l)) {
            }
        }(),
        StorageError);
    Transaction tx(*db);
    loans.rebuildLedgerCache();
    tx.commit();
    compareAll();
}

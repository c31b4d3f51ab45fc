// The desk operations on a demo portfolio, each against a floor measured in the same run:
//   - recomputing every case (first run on a fresh copy: opens them all; second run:
//     changes nothing) against the aging report over the same database, computed as
//     `recoverydesk-cli report aging` does;
//   - an officer's call list (the officer with the most open cases) against one plain SQL
//     read of that officer's open cases joined with their cached ledger rows;
//   - a case file against reading that one loan's cached ledger row;
//   - saving a contact and taking a payment against an empty write transaction (BEGIN
//     IMMEDIATE; COMMIT) and a one-row audit_log insert on the same connection.
// Never writes to DB: it works on copies in WORKDIR.
// Run: bench_desk DB AS_OF [WORKDIR]   (DB: a demo database without cases, e.g. made by
// `recoverydesk-cli --db DB demo --loans 100000 --as-of 2026-11-27 --no-history`)
// Prints a table and one line per measure: `BENCH {"measure":...}` (JSON).
#include "bench_support.h"
#include "core/aging_report.h"
#include "core/contact.h"
#include "services/call_list_service.h"
#include "services/case_service.h"
#include "services/contact_service.h"
#include "services/payment_service.h"
#include "services/user_service.h"
#include "storage/case_repository.h"
#include "storage/database.h"
#include "storage/loan_repository.h"
#include "storage/portfolio_settings.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace rd;
namespace fs = std::filesystem;
using namespace rd::bench;

namespace {

// Runs per measure (the RUNS environment variable scales the repeated ones).
struct Runs {
    int aging = 7;
    int firstRecompute = 3; // each on a fresh copy
    int secondRecompute = 7;
    int callList = 20;
    int caseFiles = 200; // different loans
    int saves = 100;     // contacts and payments each, on different cases
};

// One row of the report: the figure, its floor (statistic `stat` of both) and the target.
struct Measure {
    std::string name;
    std::string what;
    Stats figure;
    std::optional<Stats> floor;
    std::string floorWhat;
    std::string stat;             // "median", "p95", "max": the statistic the target is on
    std::optional<double> target; // ms, or a ratio when targetIsRatio
    bool targetIsRatio = false;
    std::optional<double> ratioToFloor;
};

double pick(const Stats& s, const std::string& stat) {
    if (stat == "p95")
        return s.p95;
    if (stat == "max")
        return s.max;
    return s.median;
}

std::vector<Measure> measures;

void report(Measure m) {
    const double value = pick(m.figure, m.stat);
    std::string ratio = "null";
    if (m.floor && m.floor->median > 0)
        ratio = fmt::format("{:.1f}", m.figure.median / m.floor->median);
    if (m.ratioToFloor)
        ratio = fmt::format("{:.2f}", *m.ratioToFloor);
    std::string met = "null";
    if (m.target) {
        const double compared = m.targetIsRatio ? m.ratioToFloor.value_or(1e30) : value;
        met = m.targetIsRatio ? (compared <= *m.target ? "true" : "false")
                              : (compared < *m.target ? "true" : "false");
    }
    const std::string floor = m.floor ? fmt::format("{:.4f}", m.floor->median) : "null";
    std::string target = "null";
    if (m.target)
        target = m.targetIsRatio ? fmt::format("\"ratio <= {}\"", *m.target)
                                 : fmt::format("\"< {} ms\"", *m.target);
    std::printf("BENCH {\"measure\":\"%s\",\"runs\":%d,\"median_ms\":%.3f,\"p95_ms\":%.3f,"
                "\"min_ms\":%.3f,\"max_ms\":%.3f,\"floor_median_ms\":%s,\"ratio\":%s,"
                "\"target\":%s,\"target_on\":\"%s\",\"met\":%s}\n",
                m.name.c_str(), m.figure.n, m.figure.median, m.figure.p95, m.figure.min,
                m.figure.max, floor.c_str(), ratio.c_str(), target.c_str(),
                m.targetIsRatio ? "ratio" : m.stat.c_str(), met.c_str());
    std::fflush(stdout);
    measures.push_back(std::move(m));
}

std::unique_ptr<storage::Database> openDatabase(const fs::path& path) {
    auto db = storage::Database::open(path, {});
    if (!db)
        throw std::runtime_error(db.error().message);
    return std::move(db).value();
}

// The aging report exactly as `recoverydesk-cli report aging` computes it (command_report.cpp)
// on an open database: the policy, the partitioned cache sources (one connection and thread
// per core), the engine.
Amount agingReport(const storage::Database& db, Date asOf, AgingGroupBy groupBy, int parts) {
    storage::LoanRepository loans(db);
    auto owned = loans.partitionedSources(parts, storage::LedgerSourceKind::Cache);
    std::vector<LoanLedgerSource*> sources;
    for (auto& s : owned)
        sources.push_back(s.get());
    auto result = computeAging(sources, asOf, storage::loadDelinquencyPolicy(db), groupBy);
    if (!result)
        throw std::runtime_error(result.error().message);
    return result->total.grossPortfolio;
}

// Steps every row of `sql` (with an optional integer or text parameter) and touches every
// column, as the floor of a read.
std::int64_t readAll(const storage::Database& db, const std::string& sql,
                     std::optional<std::int64_t> intArg, std::string_view textArg = {}) {
    auto s = db.prepare(sql);
    if (intArg)
        s.bind(1, *intArg);
    else if (!textArg.empty())
        s.bind(1, textArg);
    std::int64_t sink = 0;
    const int columns = sqlite3_column_count(s.handle());
    while (s.step())
        for (int c = 0; c < columns; ++c)
            sink += sqlite3_column_bytes(s.handle(), c) + s.int64(c);
    return sink;
}

volatile std::int64_t gSink = 0;

} // namespace

int main(int argc, char** argv) try {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_desk DB AS_OF [WORKDIR]\n");
        return 2;
    }
    const fs::path pristine = argv[1];
    const Date asOf = Date::parse(argv[2]).value();
    const fs::path workdir = argc > 3 ? fs::path(argv[3]) : pristine.parent_path();
    const fs::path work = workdir / "bench-desk-work.db";
    Runs runs;
    if (const char* r = std::getenv("RUNS"); r && std::atoi(r) > 0) {
        const int scale = std::atoi(r);
        runs.aging = runs.secondRecompute = scale;
        runs.firstRecompute = std::max(1, scale / 2);
    }

    copyDatabase(pristine, work);
    auto db = openDatabase(work);
    {
        storage::CaseRepository repo(*db);
        if (!repo.openCases().empty())
            throw std::runtime_error(pristine.string() + " already has open cases: give the "
                                                         "database as `demo` left it");
    }
    const std::int64_t loanCount = storage::LoanRepository(*db).loanCount();
    const int parts =
        loanCount < 20000
            ? 1
            : static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
    std::printf("bench_desk: %lld loans as of %s, %u cores, aging on %d connection(s)\n",
                static_cast<long long>(loanCount), asOf.toString().c_str(),
                std::thread::hardware_concurrency(), parts);

    // 1. Aging (the yardstick of recompute), then recompute.
    std::vector<double> aging, agingOfficer, agingOneThread;
    agingReport(*db, asOf, AgingGroupBy::None, parts); // warm the file cache
    for (int i = 0; i < runs.aging; ++i) {
        aging.push_back(timeMs([&] { gSink = agingReport(*db, asOf, AgingGroupBy::None, parts); }));
        agingOfficer.push_back(
            timeMs([&] { gSink = agingReport(*db, asOf, AgingGroupBy::Officer, parts); }));
        agingOneThread.push_back(
            timeMs([&] { gSink = agingReport(*db, asOf, AgingGroupBy::None, 1); }));
    }
    const Stats agingStats = statsOf(aging);
    report({"aging", "aging report, total", agingStats, std::nullopt, "", "median", {}, false, {}});
    report({"aging_by_officer",
            "aging report by officer",
            statsOf(agingOfficer),
            std::nullopt,
            "",
            "median",
            {},
            false,
            {}});
    report({"aging_one_thread",
            "aging report, total, one connection",
            statsOf(agingOneThread),
            std::nullopt,
            "",
            "median",
            {},
            false,
            {}});

    std::vector<double> first, second;
    services::RecomputeSummary firstSummary;
    for (int i = 0; i < runs.firstRecompute; ++i) {
        if (i > 0) {
            db.reset();
            copyDatabase(pristine, work);
            db = openDatabase(work);
        }
        services::CaseService cases(*db);
        first.push_back(
            timeMs([&] { firstSummary = cases.recompute(localOperator(), asOf).value(); }));
    }
    std::printf("first recompute: %lld loans, %d opened (%d unassigned)\n",
                static_cast<long long>(firstSummary.loans), firstSummary.opened,
                firstSummary.unassigned);
    for (int i = 0; i < runs.secondRecompute; ++i) {
        services::CaseService cases(*db);
        services::RecomputeSummary s;
        second.push_back(timeMs([&] { s = cases.recompute(localOperator(), asOf).value(); }));
        if (!s.changedNothing())
            throw std::runtime_error("a second recompute changed something");
    }
    {
        const Stats f = statsOf(first);
        report({"recompute_first", "recompute, first run (opens every case)", f, agingStats,
                "aging report, total", "median", 1.0, true, f.median / agingStats.median});
        const Stats s = statsOf(second);
        report({"recompute_again", "recompute, again (changes nothing)", s, agingStats,
                "aging report, total", "median", 1.0, true, s.median / agingStats.median});
    }

    // 2. The call list of the officer with the most open cases.
    services::UserService users(*db);
    std::optional<User> officer, admin;
    std::size_t officerCases = 0;
    std::vector<storage::CaseRecord> officerOpen;
    storage::CaseRepository repo(*db);
    const auto everyone = users.list(localOperator()).value();
    for (const auto& u : everyone) {
        if (u.user.role == Role::Admin && !u.user.disabled)
            admin = u.user;
        if (u.user.role != Role::Officer || u.user.disabled)
            continue;
        auto open = repo.openCasesAssignedTo(u.user.id);
        if (!officer || open.size() > officerCases) {
            officer = u.user;
            officerCases = open.size();
            officerOpen = std::move(open);
        }
    }
    if (!officer || officerCases == 0)
        throw std::runtime_error("no officer has open cases");
    if (!admin)
        throw std::runtime_error("the demo has no administrator");
    std::printf("call list of %s: %zu open cases\n", officer->username.c_str(), officerCases);
    services::CallListService callLists(*db);
    const std::string callListFloorSql =
        "SELECT c.id, c.loan_pk, c.opened_on, c.stage, c.next_action_on, g.data FROM cases c "
        "JOIN loan_ledgers g ON g.loan_pk = c.loan_pk WHERE c.assigned_to = ? AND c.status = "
        "'open'";
    std::vector<double> callList, callListFloor;
    std::size_t items = 0;
    gSink = readAll(*db, callListFloorSql, officer->id);
    for (int i = 0; i < runs.callList; ++i) {
        callList.push_back(timeMs([&] {
            auto list = callLists.forOfficer(*officer, officer->username, asOf);
            if (!list)
                throw std::runtime_error(list.error().message);
            items = list->items.size();
        }));
        callListFloor.push_back(
            timeMs([&] { gSink = readAll(*db, callListFloorSql, officer->id); }));
    }
    std::printf("call list: %zu items\n", items);
    report({"call_list",
            fmt::format("call list ({} cases)", items),
            statsOf(callList),
            statsOf(callListFloor),
            "SQL read of the officer's open cases + ledger rows",
            "max",
            200.0,
            false,
            {}});

    // 3. Case files of different loans with open cases (spread over the whole portfolio).
    const auto allOpen = repo.openCases();
    std::vector<std::string> loanIds;
    const std::size_t step = std::max<std::size_t>(1, allOpen.size() / runs.caseFiles);
    for (std::size_t i = 0; i < allOpen.size() && static_cast<int>(loanIds.size()) < runs.caseFiles;
         i += step)
        loanIds.push_back(allOpen[i].loanId);
    services::CaseService cases(*db);
    const std::string caseFloorSql = "SELECT g.data FROM loans l JOIN loan_ledgers g ON "
                                     "g.loan_pk = l.id WHERE l.loan_id = ?";
    std::vector<double> caseFile, caseFloor;
    for (const auto& id : loanIds) {
        caseFile.push_back(timeMs([&] {
            auto f = cases.caseFile(*admin, id, asOf); // an administrator reads every branch
            if (!f)
                throw std::runtime_error(f.error().message);
            gSink = f->position.outstandingPrincipal;
        }));
        caseFloor.push_back(timeMs([&] { gSink = readAll(*db, caseFloorSql, std::nullopt, id); }));
    }
    report({"case_file",
            fmt::format("case file ({} loans)", loanIds.size()),
            statsOf(caseFile),
            statsOf(caseFloor),
            "SQL read of the loan's ledger row",
            "p95",
            100.0,
            false,
            {}});

    // 4. Saves on the officer's own cases (this copy only): a no-answer call at 10:30, and a
    // cash payment of 10,000 UGX, each on a case of its own.
    std::vector<double> emptyTx, oneRow, contacts, payments;
    for (int i = 0; i < runs.saves; ++i) {
        emptyTx.push_back(timeMs([&] {
            db->exec("BEGIN IMMEDIATE");
            db->exec("COMMIT");
        }));
        oneRow.push_back(timeMs([&] {
            db->exec("BEGIN IMMEDIATE");
            repo.audit("2026-01-01T00:00:00Z", "bench", "bench", "bench", std::to_string(i),
                       std::nullopt, std::nullopt);
            db->exec("COMMIT");
        }));
    }
    if (officerOpen.size() < 2 * static_cast<std::size_t>(runs.saves))
        throw std::runtime_error("the officer has too few open cases for the saves");
    services::ContactService contactService(*db);
    services::PaymentService paymentService(*db);
    const auto currency = db->currency().value();
    Amount tenThousand = 10000;
    for (int e = 0; e < currency.exponent; ++e)
        tenThousand *= 10;
    for (int i = 0; i < runs.saves; ++i) {
        services::NewContact c;
        c.loanId = officerOpen[static_cast<std::size_t>(2 * i)].loanId;
        c.at = DateTime{asOf, 10 * 60 + 30};
        c.channel = ContactChannel::Call;
        c.direction = ContactDirection::Outbound;
        c.outcome = ContactOutcome::NoAnswer;
        contacts.push_back(timeMs([&] {
            auto saved = contactService.addContact(*officer, c);
            if (!saved)
                throw std::runtime_error("contact: " + saved.error().message);
        }));
        services::NewDeskPayment p;
        p.loanId = officerOpen[static_cast<std::size_t>(2 * i + 1)].loanId;
        p.amount = tenThousand;
        p.method = PaymentMethod::Cash;
        p.paidOn = asOf;
        payments.push_back(timeMs([&] {
            auto receipt = paymentService.takePayment(*officer, p, asOf);
            if (!receipt)
                throw std::runtime_error("payment: " + receipt.error().message);
        }));
    }
    const Stats emptyStats = statsOf(emptyTx), oneRowStats = statsOf(oneRow);
    report({"empty_transaction",
            "BEGIN IMMEDIATE; COMMIT",
            emptyStats,
            std::nullopt,
            "",
            "median",
            {},
            false,
            {}});
    report({"one_row_transaction",
            "one audit_log row in a transaction",
            oneRowStats,
            std::nullopt,
            "",
            "median",
            {},
            false,
            {}});
    report({"save_contact",
            "save a contact",
            statsOf(contacts),
            oneRowStats,
            "one-row write transaction",
            "p95",
            50.0,
            false,
            {}});
    report({"take_payment",
            "take a payment",
            statsOf(payments),
            oneRowStats,
            "one-row write transaction",
            "p95",
            50.0,
            false,
            {}});

    // The table (markdown).
    std::printf("\n| measure | median ms | p95 ms | max ms | floor (median ms) | ratio | target | "
                "met |\n|---|---|---|---|---|---|---|---|\n");
    for (const auto& m : measures) {
        std::string floor = m.floor ? fmt::format("{:.3f} ({})", m.floor->median, m.floorWhat) : "";
        std::string ratio;
        if (m.ratioToFloor)
            ratio = fmt::format("{:.2f}", *m.ratioToFloor);
        else if (m.floor && m.floor->median > 0)
            ratio = fmt::format("{:.0f}", m.figure.median / m.floor->median);
        std::string target, met;
        if (m.target) {
            target = m.targetIsRatio ? fmt::format("ratio <= {}", *m.target)
                                     : fmt::format("{} < {} ms", m.stat, *m.target);
            const bool ok =
                m.targetIsRatio ? *m.ratioToFloor <= *m.target : pick(m.figure, m.stat) < *m.target;
            met = ok ? "yes" : "**no**";
        }
        std::printf("| %s | %.3f | %.3f | %.3f | %s | %s | %s | %s |\n", m.what.c_str(),
                    m.figure.median, m.figure.p95, m.figure.max, floor.c_str(), ratio.c_str(),
                    target.c_str(), met.c_str());
    }
    db.reset();
    removeDatabase(work);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "bench_desk: %s\n", e.what());
    return 1;
}

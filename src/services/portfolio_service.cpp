#include "portfolio_service.h"

#include "case_access.h"
#include "service_edge.h"
#include "storage/case_repository.h"
#include "storage/database.h"
#include "storage/loan_repository.h"
#include "storage/portfolio_settings.h"

#include <algorithm>
#include <thread>

namespace rd::services {

Result<DatabaseInfo> PortfolioService::info() const {
    return atEdge([&]() -> Result<DatabaseInfo> {
        DatabaseInfo out;
        out.path = db_.path();
        out.schemaVersion = db_.schemaVersion();
        out.currency = db_.currency();
        out.demoPortfolio = db_.setting("demo_portfolio").value_or("") == "1";
        out.migrationBackup = db_.migrationBackup();
        out.loans = storage::LoanRepository(db_).loanCount();
        const auto desk = storage::loadDeskSettings(db_);
        out.timeZone = desk.timeZone;
        out.idleLockMinutes = desk.idleLockMinutes;
        return out;
    });
}

Result<LoanReport> PortfolioService::loan(const User& actor, std::string_view loanId,
                                          Date asOf) const {
    return atEdge([&]() -> Result<LoanReport> {
        auto readable = readableLoan(db_, actor, loanId);
        if (!readable)
            return readable.error();
        const auto currency = db_.currency();
        const auto ledger = storage::LoanRepository(db_).findLoan(loanId);
        if (!ledger || !currency)
            return noLoan(loanId);
        PositionCalculator calculator(storage::loadDelinquencyPolicy(db_));
        LoanReport out;
        out.currency = *currency;
        out.terms = ledger->terms;
        out.position = calculator.compute(*ledger, asOf);
        out.installments = calculator.installments();
        out.buckets = calculator.policy().buckets;
        return out;
    });
}

Result<AgingRun> PortfolioService::aging(const User& actor, Date asOf, AgingGroupBy groupBy,
                                         const ProgressCallback& progress) const {
    return atEdge([&]() -> Result<AgingRun> {
        const auto who = currentUser(db_, actor);
        // Our rule until reports take a branch: a portfolio report covers every branch.
        if (!who || !allows(*who, Permission::ReadBranch, {}))
            return Error{fmt::format("permission denied for {} ({}): the portfolio report covers "
                                     "every branch; an administrator reads it",
                                     actor.username, roleCode(who ? who->role : actor.role)),
                         ErrorKind::Denied};
        const auto currency = db_.currency();
        if (!currency)
            return Error{"the database holds no portfolio yet (import one first)",
                         ErrorKind::NotFound};
        storage::LoanRepository loans(db_);
        // Small portfolios are read on one thread; large ones on one thread per core.
        const int parts =
            loans.loanCount() < 20000
                ? 1
                : static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
        AgingRun run;
        run.currency = *currency;
        auto kind = storage::LedgerSourceKind::Cache;
        if (!loans.ledgerCacheComplete()) {
            kind = storage::LedgerSourceKind::Tables;
            run.readTables = true;
        }
        auto owned = loans.partitionedSources(parts, kind);
        std::vector<LoanLedgerSource*> sources;
        for (auto& s : owned)
            sources.push_back(s.get());
        auto report =
            computeAging(sources, asOf, storage::loadDelinquencyPolicy(db_), groupBy, progress);
        if (!report)
            return report.error();
        run.report = std::move(*report);
        return run;
    });
}

Result<std::int64_t> PortfolioService::rebuildLedgerCache(const User& actor) {
    return atEdge([&]() -> Result<std::int64_t> {
        const auto who = currentUser(db_, actor);
        if (!who || !allows(*who, Permission::MaintainDatabase))
            return permissionDenied(who.value_or(actor), Permission::MaintainDatabase);
        storage::LoanRepository loans(db_);
        storage::Transaction tx(db_);
        loans.rebuildLedgerCache();
        const std::int64_t count = loans.loanCount();
        storage::CaseRepository(db_).audit(clock_.isoNow(), who->username, "rebuild_ledger_cache",
                                           "database", db_.path().filename().string(), std::nullopt,
                                           fmt::format("{{\"loans\":{}}}", count));
        tx.commit();
        return count;
    });
}

Result<void> PortfolioService::markDemoPortfolio(const User& actor) {
    return atEdge([&]() -> Result<void> {
        const auto who = currentUser(db_, actor);
        if (!who || !allows(*who, Permission::ImportPortfolio))
            return permissionDenied(who.value_or(actor), Permission::ImportPortfolio);
        storage::Transaction tx(db_);
        const auto before = db_.setting("demo_portfolio");
        db_.setSetting("demo_portfolio", "1");
        storage::CaseRepository(db_).audit(clock_.isoNow(), who->username, "change_setting",
                                           "setting", "demo_portfolio", before, "1");
        tx.commit();
        return {};
    });
}

Result<bool> PortfolioService::ledgerCacheComplete() const {
    return atEdge(
        [&]() -> Result<bool> { return storage::LoanRepository(db_).ledgerCacheComplete(); });
}

} // namespace rd::services

#include "import_session.h"

#include "core/ledger_rules.h"
#include "loan_repository.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace rd::storage::detail {

namespace {

constexpr std::int64_t kLargeImportBytes = 64 << 20;

// Puts the file in rollback-journal mode for the lifetime of the object, then back to WAL.
// If another connection holds the file open in WAL mode the switch is refused by SQLite
// and the import simply runs in WAL mode.
class RollbackJournal {
public:
    explicit RollbackJournal(Database& db) : db_(db) {
        try {
            db_.exec("PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL");
        } catch (const StorageError& e) {
            spdlog::info("import stays in WAL mode: {}", e.what());
        }
    }
    ~RollbackJournal() {
        try {
            db_.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL");
        } catch (const StorageError& e) {
            spdlog::warn("could not switch {} back to WAL: {}", db_.path().string(), e.what());
        }
    }
    RollbackJournal(const RollbackJournal&) = delete;
    RollbackJournal& operator=(const RollbackJournal&) = delete;

private:
    Database& db_;
};

} // namespace

std::optional<std::string_view> ImportSession::required(const ImportTable& t, std::size_t c) const {
    const std::string_view v = t.get(c);
    if (v.empty()) {
        t.error(c, "is empty (a value is required)");
        return std::nullopt;
    }
    return v;
}

std::optional<Amount> ImportSession::amount(const ImportTable& t, std::size_t c,
                                            bool positive) const {
    const std::string_view v = t.get(c);
    auto parsed = parseAmount(v, currency_->exponent);
    if (!parsed) {
        t.error(c, parsed.error().message);
        return std::nullopt;
    }
    if (positive && *parsed <= 0) {
        t.error(c, fmt::format("\"{}\" must be greater than 0", v));
        return std::nullopt;
    }
    if (*parsed > kMaxAmount) {
        t.error(c, fmt::format("\"{}\" is too large (at most {})", v,
                               formatAmount(kMaxAmount, currency_->exponent)));
        return std::nullopt;
    }
    return *parsed;
}

std::optional<Date> ImportSession::date(const ImportTable& t, std::size_t c) const {
    auto parsed = Date::parse(t.get(c));
    if (!parsed) {
        t.error(c, parsed.error().message);
        return std::nullopt;
    }
    return *parsed;
}

std::optional<int> ImportSession::installmentNumber(const ImportTable& t, std::size_t c) const {
    const std::string_view v = t.get(c);
    int n = 0;
    bool ok = !v.empty() && v.size() <= 6;
    for (char ch : v) {
        ok = ok && ch >= '0' && ch <= '9';
        n = n * 10 + (ch - '0');
    }
    if (!ok || n < 1) {
        t.error(c, fmt::format("\"{}\" is not an installment number (a whole number from 1)", v));
        return std::nullopt;
    }
    return n;
}

std::string multiRowInsert(std::string_view head, int columns, int rows) {
    std::string values = "(";
    for (int c = 0; c < columns; ++c)
        values += c ? ", ?" : "?";
    values += ")";
    std::string sql = fmt::format("{} VALUES ", head);
    for (int r = 0; r < rows; ++r) {
        if (r)
            sql += ", ";
        sql += values;
    }
    return sql;
}

LoanRef* ImportSession::loanForCached(const ImportTable& t, std::size_t column,
                                      std::string_view loanId) {
    if (cachedLoan_ && loanId == cachedLoanId_)
        return cachedLoan_;
    LoanRef* ref = loanFor(t, column, loanId);
    if (ref) {
        cachedLoanId_.assign(loanId);
        cachedLoan_ = ref; // references into an unordered_map stay valid
    }
    return ref;
}

LoanRef* ImportSession::loanFor(const ImportTable& t, std::size_t column, std::string_view loanId) {
    auto it = loans_.find(loanId);
    if (it == loans_.end()) {
        t.error(column, fmt::format("loan \"{}\" is not in loans.csv or the database (import the "
                                    "loan first)",
                                    loanId));
        return nullptr;
    }
    return it->second.rejected ? nullptr : &it->second;
}

bool ImportSession::reportedRepeat(const ImportTable& t, std::int64_t line, std::size_t column,
                                   std::string_view noun, std::string_view id,
                                   const Statement& found, int importColumn) {
    // The stored row came from this import, or an unchanged one was already matched by an
    // earlier line of this file: either way the id repeats within the file.
    std::optional<std::int64_t> firstLine;
    if (found.int64(importColumn) == importId_)
        firstLine = found.int64(importColumn + 1);
    else
        firstLine = seenLine(t.fileName(), id, line);
    if (!firstLine)
        return false;
    t.errorAt(line, column,
              fmt::format("{} \"{}\" appears again (first at line {}); each {}_id once per "
                          "file",
                          noun, id, *firstLine, noun));
    return true;
}

std::optional<std::int64_t> ImportSession::seenLine(std::string_view file, std::string_view id,
                                                    std::int64_t line) {
    Statement find = db_.prepare("SELECT line FROM temp.import_seen WHERE file = ? AND id = ?");
    find.bind(1, file).bind(2, id);
    if (find.step())
        return find.int64(0);
    Statement add = db_.prepare("INSERT INTO temp.import_seen(file, id, line) VALUES(?, ?, ?)");
    add.bind(1, file).bind(2, id).bind(3, line).execute();
    return std::nullopt;
}

void ImportSession::tick(const ImportTable& t) {
    if ((++rows_ & 0x3fff) != 0 || !options_.progress)
        return;
    if (!options_.progress(doneBytes_ + t.bytesConsumed(), totalBytes_))
        throw Cancelled{};
}

void ImportSession::wrote() {
    // Test hook: die like a crash in the middle of the import.
    if (killAfterRows_ >= 0 && ++written_ > killAfterRows_)
        std::raise(SIGKILL);
}

bool ImportSession::portfolioHasLoans() const {
    Statement any = db_.prepare("SELECT EXISTS(SELECT 1 FROM loans)");
    return any.step() && any.int64(0) != 0;
}

void ImportSession::loadLoans() {
    Statement st = db_.prepare("SELECT id, loan_id, principal, disbursed_on FROM loans");
    while (st.step()) {
        LoanRef ref;
        ref.pk = st.int64(0);
        ref.principal = st.int64(2);
        ref.disbursedOn = Date::parse(st.text(3)).value();
        loans_.emplace(st.string(1), ref);
    }
}

void ImportSession::finalChecks() {
    LoanRepository repository(db_);
    for (auto& [loanId, ref] : loans_) {
        if (ref.rejected)
            continue;
        if (ref.added && !ref.scheduleChecked) {
            out_.errors.add({"loans.csv", ref.loansLine, "loan_id",
                             fmt::format("loan {} has no schedule (add its installments to "
                                         "schedule.csv)",
                                         loanId)});
            continue;
        }
        if (!ref.fullCheck)
            continue;
        // A changed loan, or a new schedule for a loan with charges and payments already
        // stored: check the whole loan as it now stands.
        const auto ledger = repository.findLoanByKey(ref.pk);
        if (!ledger)
            continue;
        for (const LedgerProblem& p : checkLedger(*ledger, currency_->exponent)) {
            const bool aboutSchedule = p.subject == LedgerProblem::Subject::Schedule;
            if (aboutSchedule && ref.scheduleChecked)
                continue; // its rows were checked one by one, with their lines
            if (ref.loansLine)
                out_.errors.add({"loans.csv", ref.loansLine, p.column, p.message});
            else
                out_.errors.add({"schedule.csv", ref.scheduleLine, p.column, p.message});
        }
    }
}

void ImportSession::refreshLedgerCache() {
    LoanRepository repository(db_);
    std::vector<std::int64_t> keys;
    for (const auto& [loanId, ref] : loans_)
        if (ref.touched && !ref.rejected)
            keys.push_back(ref.pk);
    // Many loans: one ordered pass over the tables beats a lookup per loan.
    if (keys.size() * 4 > loans_.size())
        repository.rebuildLedgerCache();
    else
        repository.refreshLedgerCache(keys);
}

void ImportSession::record() {
    const auto& c = out_.counts;
    const std::string summary = fmt::format(
        "{{\"clients_added\": {}, \"clients_changed\": {}, \"loans_added\": {}, "
        "\"loans_changed\": {}, \"schedules_added\": {}, \"schedules_replaced\": {}, "
        "\"installments_written\": {}, \"charges_added\": {}, \"payments_added\": {}, "
        "\"payments_reversed\": {}, \"guarantors_added\": {}, \"guarantors_changed\": {}, "
        "\"collateral_added\": {}, \"collateral_changed\": {}, "
        "\"rows_unchanged\": {}}}",
        c.clientsAdded, c.clientsChanged, c.loansAdded, c.loansChanged, c.schedulesAdded,
        c.schedulesReplaced, c.installmentsWritten, c.chargesAdded, c.paymentsAdded,
        c.paymentsReversed, c.guarantorsAdded, c.guarantorsChanged, c.collateralAdded,
        c.collateralChanged, c.rowsUnchanged);
    Statement finish =
        db_.prepare("UPDATE imports SET finished_at = ?2, summary = ?3 WHERE id = ?1");
    finish.bind(1, importId_).bind(2, options_.clock.isoNow()).bind(3, summary).execute();
    Statement audit =
        db_.prepare("INSERT INTO audit_log(at, actor, action, entity, entity_key, before, after) "
                    "VALUES(?, ?, 'import', 'portfolio', ?, NULL, ?)");
    audit.bind(1, options_.clock.isoNow())
        .bind(2, options_.actor)
        .bind(3, dir_.string())
        .bind(4, summary);
    audit.execute();
}

void ImportSession::run() {
    bool anyFile = false;
    for (const char* name : kFileNames) {
        std::error_code ec;
        const auto path = dir_ / name;
        if (std::filesystem::exists(path, ec)) {
            anyFile = true;
            totalBytes_ += static_cast<std::int64_t>(std::filesystem::file_size(path, ec));
        }
    }
    if (!anyFile) {
        out_.errors.add({dir_.string(), 0, "(folder)",
                         "holds none of clients.csv, loans.csv, schedule.csv, charges.csv, "
                         "payments.csv, guarantors.csv, collateral.csv (check the folder name)"});
        return;
    }

    // SQLite's WAL suits small transactions; a large import would be written to the WAL and
    // then copied into the file at the checkpoint. A rollback journal (with full syncs) is
    // as atomic and writes each new page once.
    const std::int64_t largeImport = options_.largeImportBytes.value_or(kLargeImportBytes);
    // Only for the first load of a portfolio: then no reader can be locked out for long,
    // and the import always writes (a re-import or a dry run never touches the file).
    std::optional<RollbackJournal> journal;
    if (totalBytes_ > largeImport && !options_.dryRun && !portfolioHasLoans())
        journal.emplace(db_);
    Transaction tx(db_);
    db_.exec("CREATE TEMP TABLE IF NOT EXISTS import_seen(file TEXT, id TEXT, line INTEGER, "
             "PRIMARY KEY(file, id)) WITHOUT ROWID; DELETE FROM temp.import_seen;");
    db_.exec("PRAGMA cache_size = -262144");
    struct CacheSizeRestore {
        Database& db;
        ~CacheSizeRestore() {
            try {
                db.exec(
                    "PRAGMA cache_size = -2000"); // SQLite's default, for a long-lived connection
            } catch (const StorageError&) {
            }
        }
    } restoreCacheSize{db_};
    Statement start = db_.prepare("INSERT INTO imports(started_at, source, actor) VALUES(?, ?, ?)");
    start.bind(1, options_.clock.isoNow()).bind(2, dir_.string()).bind(3, options_.actor).execute();
    importId_ = sqlite3_last_insert_rowid(db_.handle());
    currency_ = db_.currency();

    // Each step's duration goes to the log, to see where a large import spends its time.
    auto timed = [this](const char* step, auto&& work) {
        const auto start = std::chrono::steady_clock::now();
        work();
        spdlog::info(
            "import {}: {:.2f} s", step,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    };
    timed("existing loans", [&] { loadLoans(); });
    timed("clients", [&] { importClients(); });
    timed("loans", [&] { importLoans(); });
    if (!currency_) {
        // Clients alone need no currency; amounts do.
        for (const char* name :
             {"schedule.csv", "charges.csv", "payments.csv", "guarantors.csv", "collateral.csv"}) {
            std::error_code ec;
            if (std::filesystem::exists(dir_ / name, ec)) {
                out_.errors.add({name, 1, "(file)",
                                 "the portfolio currency is not known yet, so amounts can't be "
                                 "read (include loans.csv with the loans, or run init --currency "
                                 "CODE first)"});
                return;
            }
        }
        if (out_.errors.empty() && out_.counts.changes() > 0) {
            refreshLedgerCache();
            record();
            if (!options_.dryRun) {
                tx.commit();
                out_.committed = true;
            }
        }
        return;
    }
    out_.currency = currency_->code;
    timed("schedule", [&] { importSchedule(); });
    timed("charges", [&] { importCharges(); });
    timed("payments", [&] { importPayments(); });
    timed("guarantors", [&] { importGuarantors(); });
    timed("collateral", [&] { importCollateral(); });
    timed("checks", [&] { finalChecks(); });
    if (!out_.errors.empty())
        return; // the transaction rolls back
    if (out_.counts.changes() == 0 || options_.dryRun) {
        // Nothing to write (the same files again) or only a check: leave the file untouched.
        tx.rollback();
        return;
    }
    timed("ledger cache", [&] { refreshLedgerCache(); });
    record();
    timed("commit", [&] { tx.commit(); });
    out_.committed = true;
}

} // namespace rd::storage::detail

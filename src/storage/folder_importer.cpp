#include "folder_importer.h"

#include "clock.h"
#include "core/ledger_rules.h"
#include "import_table.h"
#include "loan_repository.h"

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unordered_map>

namespace rd::storage {
namespace {

struct Cancelled {};

enum ClientColumn { kClientId, kFullName, kClientBranch, kNationalId, kPhone, kAltPhone, kEmail,
                    kAddress, kGroupName };
const std::vector<ColumnSpec> kClientColumns = {
    {"client_id", true}, {"full_name", true}, {"branch", true},  {"national_id", false},
    {"phone", false},    {"alt_phone", false}, {"email", false}, {"address", false},
    {"group_name", false}};

enum LoanColumn { kLoanId, kLoanClientId, kProduct, kLoanBranch, kCreditOfficer, kCurrency,
                  kPrincipal, kDisbursedOn, kStatus, kWrittenOffOn, kRate, kMethod, kFrequency };
const std::vector<ColumnSpec> kLoanColumns = {
    {"loan_id", true},       {"client_id", true},  {"product", true},
    {"branch", true},        {"credit_officer", false}, {"currency", true},
    {"principal", true},     {"disbursed_on", true}, {"status", true},
    {"written_off_on", false}, {"annual_interest_rate", false}, {"interest_method", false},
    {"frequency", false}};

enum ScheduleColumn { kSLoanId, kInstallmentNo, kDueDate, kPrincipalDue, kInterestDue, kFeeDue };
const std::vector<ColumnSpec> kScheduleColumns = {
    {"loan_id", true},       {"installment_no", true}, {"due_date", true},
    {"principal_due", true}, {"interest_due", true},   {"fee_due", false}};

enum ChargeColumn { kChargeId, kCLoanId, kCInstallmentNo, kChargedOn, kKind, kChargeAmount };
const std::vector<ColumnSpec> kChargeColumns = {
    {"charge_id", true},  {"loan_id", true}, {"installment_no", true},
    {"charged_on", true}, {"kind", true},    {"amount", true}};

enum PaymentColumn { kPaymentId, kPLoanId, kPaidOn, kPaymentAmount, kMethodCol, kReference,
                     kReversedOn };
const std::vector<ColumnSpec> kPaymentColumns = {
    {"payment_id", true}, {"loan_id", true},    {"paid_on", true},    {"amount", true},
    {"method", false},    {"reference", false}, {"reversed_on", false}};

const char* const kFileNames[] = {"clients.csv", "loans.csv", "schedule.csv", "charges.csv",
                                  "payments.csv"};

using OptText = std::optional<std::string>;
OptText optText(std::string_view v) { return v.empty() ? OptText{} : OptText{std::string(v)}; }

// What the importer knows about one loan while it runs.
struct LoanRef {
    std::int64_t pk = 0;
    Amount principal = 0;
    Date disbursedOn;
    bool rejected = false; // its loans.csv row had errors: don't cascade
    bool added = false;    // inserted by this import
    std::int64_t loansLine = 0;
    int scheduleRowsInFile = 0, scheduleRowsRead = 0;
    std::int64_t scheduleLine = 0; // first row of its schedule in this import
    bool scheduleChecked = false;  // its rows in schedule.csv passed through writeSchedule
    bool scheduleWritten = false;
    bool scheduleRefused = false;
    bool fullCheck = false; // re-check the whole loan from the database at the end
    bool touched = false;   // its ledger cache row must be rewritten
};

struct StagedInstallment {
    std::int64_t line;
    Installment installment;
};

class Importer {
public:
    Importer(Database& db, std::filesystem::path dir, const ImportOptions& options,
             ImportOutcome& outcome)
        : db_(db), dir_(std::move(dir)), options_(options), out_(outcome) {
        if (const char* kill = std::getenv("RECOVERYDESK_TEST_KILL_AFTER_ROWS"))
            killAfterRows_ = std::atoll(kill);
    }

    void run();

private:
    // Field helpers: each reports its own error and returns nullopt.
    std::optional<std::string_view> required(const ImportTable& t, std::size_t c) const;
    std::optional<Amount> amount(const ImportTable& t, std::size_t c, bool positive) const;
    std::optional<Date> date(const ImportTable& t, std::size_t c) const;
    std::optional<int> installmentNumber(const ImportTable& t, std::size_t c) const;
    LoanRef* loanFor(const ImportTable& t, std::size_t column, std::string_view loanId);
    std::optional<std::int64_t> seenLine(std::string_view file, std::string_view id,
                                         std::int64_t line);
    // After an insert refused for a known id: reports and returns true if the id repeats
    // within this file. `found` holds the stored row, with import_id at `importColumn` and
    // source_line right after it.
    bool reportedRepeat(const ImportTable& t, std::size_t column, std::string_view noun,
                        std::string_view id, const Statement& found, int importColumn);
    void tick(const ImportTable& t);
    void wrote();

    void loadLoans();
    void importClients();
    void importLoans();
    void importSchedule();
    void importScheduleRows();
    void writeSchedule(const std::string& loanId, LoanRef& ref,
                       std::vector<StagedInstallment>& rows);
    void importCharges();
    void importPayments();
    void finalChecks();
    void refreshLedgerCache();
    void record();

    Database& db_;
    std::filesystem::path dir_;
    const ImportOptions& options_;
    ImportOutcome& out_;
    std::int64_t importId_ = 0;
    std::optional<Currency> currency_;
    std::unordered_map<std::string, LoanRef> loans_;
    std::optional<Statement> insertInstallment_, existingSchedule_;
    ProblemList scratchErrors_{0}; // the counting pass's findings; the real pass reports them
    std::int64_t totalBytes_ = 0, doneBytes_ = 0, rows_ = 0, written_ = 0;
    long long killAfterRows_ = -1;
};

std::optional<std::string_view> Importer::required(const ImportTable& t, std::size_t c) const {
    const std::string_view v = t.get(c);
    if (v.empty()) {
        t.error(c, "is empty (a value is required)");
        return std::nullopt;
    }
    return v;
}

std::optional<Amount> Importer::amount(const ImportTable& t, std::size_t c, bool positive) const {
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
    return *parsed;
}

std::optional<Date> Importer::date(const ImportTable& t, std::size_t c) const {
    auto parsed = Date::parse(t.get(c));
    if (!parsed) {
        t.error(c, parsed.error().message);
        return std::nullopt;
    }
    return *parsed;
}

std::optional<int> Importer::installmentNumber(const ImportTable& t, std::size_t c) const {
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

LoanRef* Importer::loanFor(const ImportTable& t, std::size_t column, std::string_view loanId) {
    auto it = loans_.find(std::string(loanId));
    if (it == loans_.end()) {
        t.error(column, fmt::format("loan \"{}\" is not in loans.csv or the database (import the "
                                    "loan first)",
                                    loanId));
        return nullptr;
    }
    return it->second.rejected ? nullptr : &it->second;
}

bool Importer::reportedRepeat(const ImportTable& t, std::size_t column, std::string_view noun,
                              std::string_view id, const Statement& found, int importColumn) {
    // The stored row came from this import, or an unchanged one was already matched by an
    // earlier line of this file: either way the id repeats within the file.
    std::optional<std::int64_t> firstLine;
    if (found.int64(importColumn) == importId_)
        firstLine = found.int64(importColumn + 1);
    else
        firstLine = seenLine(t.fileName(), id, t.line());
    if (!firstLine)
        return false;
    t.error(column, fmt::format("{} \"{}\" appears again (first at line {}); each {}_id once per "
                                "file",
                                noun, id, *firstLine, noun));
    return true;
}

std::optional<std::int64_t> Importer::seenLine(std::string_view file, std::string_view id,
                                               std::int64_t line) {
    Statement find = db_.prepare("SELECT line FROM temp.import_seen WHERE file = ? AND id = ?");
    find.bind(1, file).bind(2, id);
    if (find.step())
        return find.int64(0);
    Statement add = db_.prepare("INSERT INTO temp.import_seen(file, id, line) VALUES(?, ?, ?)");
    add.bind(1, file).bind(2, id).bind(3, line).execute();
    return std::nullopt;
}

void Importer::tick(const ImportTable& t) {
    if ((++rows_ & 0x3fff) != 0 || !options_.progress)
        return;
    if (!options_.progress(doneBytes_ + t.bytesConsumed(), totalBytes_))
        throw Cancelled{};
}

void Importer::wrote() {
    // Test hook: die like a crash in the middle of the import.
    if (killAfterRows_ >= 0 && ++written_ > killAfterRows_)
        std::raise(SIGKILL);
}

void Importer::loadLoans() {
    Statement st = db_.prepare("SELECT id, loan_id, principal, disbursed_on FROM loans");
    while (st.step()) {
        LoanRef ref;
        ref.pk = st.int64(0);
        ref.principal = st.int64(2);
        ref.disbursedOn = Date::parse(st.text(3)).value();
        loans_.emplace(st.string(1), ref);
    }
}

void Importer::importClients() {
    auto t = ImportTable::open(dir_, "clients.csv", kClientColumns, out_.errors, out_.warnings);
    if (!t)
        return;
    Statement insert = db_.prepare(
        "INSERT INTO clients(client_id, full_name, branch, national_id, phone, alt_phone, email, "
        "address, group_name, import_id, source_line) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11)");
    Statement find = db_.prepare(
        "SELECT id, full_name, branch, national_id, phone, alt_phone, email, address, group_name, "
        "import_id, source_line FROM clients WHERE client_id = ?");
    Statement saveVersion = db_.prepare(
        "INSERT INTO client_versions SELECT id, ?2, full_name, branch, national_id, phone, "
        "alt_phone, email, address, group_name, import_id, source_line FROM clients WHERE id = ?1");
    Statement update = db_.prepare(
        "UPDATE clients SET full_name = ?2, branch = ?3, national_id = ?4, phone = ?5, "
        "alt_phone = ?6, email = ?7, address = ?8, group_name = ?9, import_id = ?10, "
        "source_line = ?11 WHERE id = ?1");
    while (t->next()) {
        tick(*t);
        auto id = required(*t, kClientId);
        auto name = required(*t, kFullName);
        auto branch = required(*t, kClientBranch);
        if (!id || !name || !branch)
            continue;
        insert.bind(1, *id).bind(2, *name).bind(3, *branch);
        for (int c = kNationalId; c <= kGroupName; ++c)
            insert.bindOptional(c + 1, t->get(static_cast<std::size_t>(c)));
        insert.bind(10, importId_).bind(11, t->line());
        if (insert.tryExecute() == SQLITE_OK) {
            ++out_.counts.clientsAdded;
            wrote();
            continue;
        }
        find.reset();
        find.bind(1, *id);
        if (!find.step())
            throw StorageError("client insert failed for a reason other than a known id", 0);
        if (reportedRepeat(*t, kClientId, "client", *id, find, 9))
            continue;
        std::vector<OptText> next = {std::string(*name), std::string(*branch)};
        bool changed = find.text(1) != *name || find.text(2) != *branch;
        for (int c = kNationalId; c <= kGroupName; ++c) {
            const OptText existing = find.optionalString(c);
            const OptText value =
                t->has(static_cast<std::size_t>(c)) ? optText(t->get(static_cast<std::size_t>(c)))
                                                    : existing;
            changed = changed || value != existing;
            next.push_back(value);
        }
        if (!changed) {
            ++out_.counts.rowsUnchanged;
            continue;
        }
        const std::int64_t pk = find.int64(0);
        saveVersion.bind(1, pk).bind(2, importId_).execute();
        update.bind(1, pk);
        for (std::size_t i = 0; i < next.size(); ++i)
            update.bind(static_cast<int>(i) + 2, next[i]);
        update.bind(10, importId_).bind(11, t->line()).execute();
        ++out_.counts.clientsChanged;
        wrote();
    }
    doneBytes_ += t->totalBytes();
}

void Importer::importLoans() {
    auto t = ImportTable::open(dir_, "loans.csv", kLoanColumns, out_.errors, out_.warnings);
    if (!t)
        return;
    Statement clientPk = db_.prepare("SELECT id FROM clients WHERE client_id = ?");
    Statement insert = db_.prepare(
        "INSERT INTO loans(loan_id, client_pk, product, branch, credit_officer, principal, "
        "disbursed_on, status, written_off_on, annual_interest_rate, interest_method, frequency, "
        "import_id, source_line) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
        "?14)");
    Statement find = db_.prepare(
        "SELECT id, client_pk, product, branch, credit_officer, principal, disbursed_on, status, "
        "written_off_on, annual_interest_rate, interest_method, frequency, import_id, "
        "source_line FROM loans WHERE loan_id = ?");
    Statement saveVersion = db_.prepare(
        "INSERT INTO loan_versions SELECT id, ?2, client_pk, product, branch, credit_officer, "
        "principal, disbursed_on, status, written_off_on, annual_interest_rate, interest_method, "
        "frequency, import_id, source_line FROM loans WHERE id = ?1");
    Statement update = db_.prepare(
        "UPDATE loans SET client_pk = ?2, product = ?3, branch = ?4, credit_officer = ?5, "
        "principal = ?6, disbursed_on = ?7, status = ?8, written_off_on = ?9, "
        "annual_interest_rate = ?10, interest_method = ?11, frequency = ?12, import_id = ?13, "
        "source_line = ?14 WHERE id = ?1");

    while (t->next()) {
        tick(*t);
        const std::size_t errorsBefore = static_cast<std::size_t>(out_.errors.count());
        auto id = required(*t, kLoanId);
        auto client = required(*t, kLoanClientId);
        auto product = required(*t, kProduct);
        auto branch = required(*t, kLoanBranch);
        auto code = required(*t, kCurrency);
        if (code) {
            auto c = parseCurrency(*code);
            if (!c) {
                t->error(kCurrency, c.error().message);
            } else if (!currency_) {
                currency_ = *c;
                db_.setSetting("currency", c->code);
            } else if (*c != *currency_) {
                t->error(kCurrency,
                         fmt::format("\"{}\" is not the portfolio currency {} (a database holds "
                                     "one currency; import {} loans into a database of their own)",
                                     *code, currency_->code, *code));
            }
        }
        std::optional<Amount> principal;
        if (currency_)
            principal = amount(*t, kPrincipal, true);
        auto disbursed = date(*t, kDisbursedOn);
        const std::string_view status = t->get(kStatus);
        std::optional<Date> writtenOff;
        if (status != "active" && status != "written_off") {
            t->error(kStatus, fmt::format("\"{}\" is not a loan status (active or written_off)",
                                          status));
        } else if (status == "written_off") {
            if (t->get(kWrittenOffOn).empty())
                t->error(kWrittenOffOn, "is empty, but the loan is written off (give the date "
                                        "of the write-off)");
            else if ((writtenOff = date(*t, kWrittenOffOn)) && disbursed && *writtenOff < *disbursed)
                t->error(kWrittenOffOn,
                         fmt::format("{} is before the disbursement on {} (a loan is written off "
                                     "on or after disbursement)",
                                     writtenOff->toString(), disbursed->toString()));
        } else if (!t->get(kWrittenOffOn).empty()) {
            t->error(kWrittenOffOn, "must be empty for an active loan (set status to written_off, "
                                    "or clear the date)");
        }
        const std::string_view method = t->get(kMethod);
        if (!method.empty() && method != "flat" && method != "declining")
            t->error(kMethod, fmt::format("\"{}\" is not an interest method (flat or declining)",
                                          method));
        const std::string_view frequency = t->get(kFrequency);
        if (!frequency.empty() && frequency != "weekly" && frequency != "biweekly" &&
            frequency != "monthly")
            t->error(kFrequency, fmt::format("\"{}\" is not a frequency (weekly, biweekly or "
                                             "monthly)",
                                             frequency));
        const std::string_view rate = t->get(kRate);
        if (!rate.empty() && !parseAmount(rate, 6))
            t->error(kRate, fmt::format("\"{}\" is not a rate (a percentage per year such as 24 "
                                        "or 30.5)",
                                        rate));
        std::int64_t clientKey = 0;
        if (client) {
            clientPk.reset();
            clientPk.bind(1, *client);
            if (clientPk.step())
                clientKey = clientPk.int64(0);
            else
                t->error(kLoanClientId, fmt::format("client \"{}\" is not in clients.csv or the "
                                                    "database (add the client to clients.csv)",
                                                    *client));
        }
        if (static_cast<std::size_t>(out_.errors.count()) != errorsBefore) {
            if (id) {
                auto [it, inserted] = loans_.try_emplace(std::string(*id));
                if (inserted)
                    it->second.rejected = true;
            }
            continue;
        }

        const std::vector<OptText> values = {
            std::string(*product), std::string(*branch), optText(t->get(kCreditOfficer)),
            std::string(status), writtenOff ? OptText{writtenOff->toString()} : OptText{},
            optText(rate), optText(method), optText(frequency)};
        insert.bind(1, *id).bind(2, clientKey).bind(3, *product).bind(4, *branch);
        insert.bind(5, values[2]).bind(6, *principal).bind(7, disbursed->toString());
        insert.bind(8, status).bind(9, values[4]).bind(10, values[5]).bind(11, values[6]);
        insert.bind(12, values[7]).bind(13, importId_).bind(14, t->line());
        if (insert.tryExecute() == SQLITE_OK) {
            LoanRef& ref = loans_[std::string(*id)];
            ref.pk = sqlite3_last_insert_rowid(db_.handle());
            ref.principal = *principal;
            ref.disbursedOn = *disbursed;
            ref.added = true;
            ref.touched = true;
            ref.loansLine = t->line();
            ++out_.counts.loansAdded;
            wrote();
            continue;
        }
        find.reset();
        find.bind(1, *id);
        if (!find.step())
            throw StorageError("loan insert failed for a reason other than a known id", 0);
        if (reportedRepeat(*t, kLoanId, "loan", *id, find, 12))
            continue;
        // Optional columns the file does not have keep their stored values.
        auto keep = [&](std::size_t column, int stored, const OptText& value) {
            return t->has(column) ? value : find.optionalString(stored);
        };
        const OptText officer = keep(kCreditOfficer, 4, values[2]);
        const OptText wo = keep(kWrittenOffOn, 8, values[4]);
        const OptText r = keep(kRate, 9, values[5]);
        const OptText m = keep(kMethod, 10, values[6]);
        const OptText f = keep(kFrequency, 11, values[7]);
        const bool changed =
            find.int64(1) != clientKey || find.text(2) != *product || find.text(3) != *branch ||
            find.optionalString(4) != officer || find.int64(5) != *principal ||
            find.text(6) != disbursed->toString() || find.text(7) != status ||
            find.optionalString(8) != wo || find.optionalString(9) != r ||
            find.optionalString(10) != m || find.optionalString(11) != f;
        LoanRef& ref = loans_[std::string(*id)];
        ref.loansLine = t->line();
        if (!changed) {
            ++out_.counts.rowsUnchanged;
            continue;
        }
        const std::int64_t pk = find.int64(0);
        saveVersion.bind(1, pk).bind(2, importId_).execute();
        update.bind(1, pk).bind(2, clientKey).bind(3, *product).bind(4, *branch).bind(5, officer);
        update.bind(6, *principal).bind(7, disbursed->toString()).bind(8, status).bind(9, wo);
        update.bind(10, r).bind(11, m).bind(12, f).bind(13, importId_).bind(14, t->line());
        update.execute();
        ref.principal = *principal;
        ref.disbursedOn = *disbursed;
        ref.fullCheck = true;
        ref.touched = true;
        ++out_.counts.loansChanged;
        wrote();
    }
    doneBytes_ += t->totalBytes();
}

void Importer::importSchedule() {
    // First pass: how many rows each loan has, so that a loan's schedule is handled as
    // one complete set even when its rows are spread over the file.
    {
        auto counting = ImportTable::open(dir_, "schedule.csv", kScheduleColumns, scratchErrors_,
                                          scratchErrors_);
        if (!counting || !counting->usable())
            return importScheduleRows(); // reports the file's problems
        while (counting->next()) {
            auto it = loans_.find(std::string(counting->get(kSLoanId)));
            if (it != loans_.end())
                ++it->second.scheduleRowsInFile;
        }
    }
    importScheduleRows();
}

void Importer::importScheduleRows() {
    auto t = ImportTable::open(dir_, "schedule.csv", kScheduleColumns, out_.errors, out_.warnings);
    if (!t)
        return;
    insertInstallment_.emplace(db_.handle(),
                               "INSERT INTO installments(loan_pk, installment_no, due_date, "
                               "principal_due, interest_due, fee_due, import_id, source_line) "
                               "VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    existingSchedule_.emplace(db_.handle(),
                              "SELECT installment_no, due_date, principal_due, interest_due, "
                              "fee_due FROM installments WHERE loan_pk = ? ORDER BY "
                              "installment_no");
    // Rows wait here until their loan's last row has been read; in the usual file, where a
    // loan's rows come together, that holds one loan at a time.
    std::unordered_map<std::string, std::vector<StagedInstallment>> pending;
    std::string lastUnknown;
    while (t->next()) {
        tick(*t);
        auto loanId = required(*t, kSLoanId);
        auto number = installmentNumber(*t, kInstallmentNo);
        auto due = date(*t, kDueDate);
        auto principal = amount(*t, kPrincipalDue, false);
        auto interest = amount(*t, kInterestDue, false);
        std::optional<Amount> fee = Amount{0};
        if (!t->get(kFeeDue).empty())
            fee = amount(*t, kFeeDue, false);
        if (!loanId || *loanId == lastUnknown)
            continue;
        LoanRef* ref = loanFor(*t, kSLoanId, *loanId);
        if (!ref) {
            lastUnknown = *loanId; // reported once per run of its rows
            continue;
        }
        std::vector<StagedInstallment>& rows = pending[std::string(*loanId)];
        ++ref->scheduleRowsRead;
        if (number && due && principal && interest && fee)
            rows.push_back({t->line(), {*number, *due, *principal, *interest, *fee}});
        if (ref->scheduleRowsRead == ref->scheduleRowsInFile) {
            if (ref->scheduleRowsRead == static_cast<int>(rows.size()))
                writeSchedule(std::string(*loanId), *ref, rows);
            else
                ref->scheduleChecked = ref->scheduleRefused = true; // reported already
            pending.erase(std::string(*loanId));
        }
    }
    doneBytes_ += t->totalBytes();
}

void Importer::writeSchedule(const std::string& loanId, LoanRef& ref,
                             std::vector<StagedInstallment>& rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return a.installment.number < b.installment.number;
    });
    std::size_t errorsBefore = static_cast<std::size_t>(out_.errors.count());
    Amount principalSum = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Installment& in = rows[i].installment;
        principalSum += in.principalDue;
        if (i > 0 && in.number == rows[i - 1].installment.number) {
            out_.errors.add({"schedule.csv", rows[i].line, "installment_no",
                             fmt::format("installment {} of loan {} appears again (first at line "
                                         "{}); each installment once per loan",
                                         in.number, loanId, rows[i - 1].line)});
            continue;
        }
        if (i == 0 && in.dueDate <= ref.disbursedOn)
            out_.errors.add({"schedule.csv", rows[i].line, "due_date",
                             fmt::format("{} is not after the disbursement of loan {} on {} (due "
                                         "dates come after disbursement)",
                                         in.dueDate.toString(), loanId,
                                         ref.disbursedOn.toString())});
        if (i > 0 && in.dueDate <= rows[i - 1].installment.dueDate)
            out_.errors.add({"schedule.csv", rows[i].line, "due_date",
                             fmt::format("{} is not after the due date of installment {} ({}) (due "
                                         "dates must be strictly increasing)",
                                         in.dueDate.toString(), rows[i - 1].installment.number,
                                         rows[i - 1].installment.dueDate.toString())});
    }
    const int n = static_cast<int>(rows.size());
    if (rows.front().installment.number != 1 || rows.back().installment.number != n)
        out_.errors.add({"schedule.csv", rows.front().line, "installment_no",
                         fmt::format("installments of loan {} are not numbered 1 to {} without "
                                     "gaps (its {} rows run from {} to {})",
                                     loanId, n, n, rows.front().installment.number,
                                     rows.back().installment.number)});
    if (principalSum != ref.principal)
        out_.errors.add({"schedule.csv", rows.front().line, "principal_due",
                         fmt::format("principal_due of loan {} sums to {}, but the loan's "
                                     "principal is {} (the parts must add up to the principal)",
                                     loanId, formatAmount(principalSum, currency_->exponent),
                                     formatAmount(ref.principal, currency_->exponent))});
    ref.scheduleLine = rows.front().line;
    ref.scheduleChecked = true;
    if (static_cast<std::size_t>(out_.errors.count()) != errorsBefore) {
        ref.scheduleRefused = true; // the import fails; don't cascade into its charges
        return;
    }

    if (!ref.added) {
        Statement& existing = *existingSchedule_;
        existing.reset();
        existing.bind(1, ref.pk);
        bool same = true;
        std::size_t i = 0;
        while (existing.step()) {
            same = same && i < rows.size();
            if (same) {
                const Installment& in = rows[i].installment;
                same = existing.int32(0) == in.number &&
                       existing.text(1) == in.dueDate.toString() &&
                       existing.int64(2) == in.principalDue && existing.int64(3) == in.interestDue &&
                       existing.int64(4) == in.feeDue;
            }
            ++i;
        }
        if (same && i == rows.size()) {
            out_.counts.rowsUnchanged += static_cast<std::int64_t>(rows.size());
            return;
        }
        // Replacements are rare (a reschedule in the core banking system): the old
        // schedule becomes history, with statements prepared on demand.
        Statement save = db_.prepare(
            "INSERT INTO installment_versions SELECT loan_pk, ?2, installment_no, due_date, "
            "principal_due, interest_due, fee_due, import_id, source_line FROM installments "
            "WHERE loan_pk = ?1");
        save.bind(1, ref.pk).bind(2, importId_).execute();
        Statement remove = db_.prepare("DELETE FROM installments WHERE loan_pk = ?");
        remove.bind(1, ref.pk).execute();
        ++out_.counts.schedulesReplaced;
        ref.fullCheck = true; // existing charges must fit the new schedule
    } else {
        ++out_.counts.schedulesAdded;
    }
    ref.scheduleWritten = true;
    ref.touched = true;
    Statement& ins = *insertInstallment_;
    for (const StagedInstallment& s : rows) {
        const Installment& in = s.installment;
        const std::string due = in.dueDate.toString();
        ins.bind(1, ref.pk).bind(2, in.number).bindStatic(3, due);
        ins.bind(4, in.principalDue).bind(5, in.interestDue).bind(6, in.feeDue);
        ins.bind(7, importId_).bind(8, s.line);
        ins.execute();
        ++out_.counts.installmentsWritten;
        wrote();
    }
}

void Importer::importCharges() {
    auto t = ImportTable::open(dir_, "charges.csv", kChargeColumns, out_.errors, out_.warnings);
    if (!t)
        return;
    Statement hasInstallment =
        db_.prepare("SELECT 1 FROM installments WHERE loan_pk = ? AND installment_no = ?");
    Statement insert = db_.prepare(
        "INSERT INTO charges(loan_pk, charge_id, installment_no, charged_on, kind, amount, "
        "import_id, source_line) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    Statement find = db_.prepare(
        "SELECT c.loan_pk, c.installment_no, c.charged_on, c.kind, c.amount, c.import_id, "
        "c.source_line, l.loan_id FROM charges c JOIN loans l ON l.id = c.loan_pk "
        "WHERE c.charge_id = ?");
    while (t->next()) {
        tick(*t);
        auto id = required(*t, kChargeId);
        auto loanId = required(*t, kCLoanId);
        auto number = installmentNumber(*t, kCInstallmentNo);
        auto chargedOn = date(*t, kChargedOn);
        auto value = amount(*t, kChargeAmount, true);
        const auto kind = chargeKindFromString(t->get(kKind));
        if (!kind)
            t->error(kKind, fmt::format("\"{}\" is not a charge kind (fee or penalty)",
                                        t->get(kKind)));
        LoanRef* ref = loanId ? loanFor(*t, kCLoanId, *loanId) : nullptr;
        if (!id || !ref || !number || !chargedOn || !value || !kind)
            continue;
        if (*chargedOn < ref->disbursedOn) {
            t->error(kChargedOn, fmt::format("{} is before the disbursement of loan {} on {} "
                                             "(charges come on or after disbursement)",
                                             chargedOn->toString(), *loanId,
                                             ref->disbursedOn.toString()));
            continue;
        }
        if (ref->scheduleRefused)
            continue; // its schedule's problems are reported; installments are unknown
        hasInstallment.reset();
        hasInstallment.bind(1, ref->pk).bind(2, *number);
        if (!hasInstallment.step()) {
            t->error(kCInstallmentNo, fmt::format("loan {} has no installment {} (charges belong "
                                                  "to an installment of the loan's schedule)",
                                                  *loanId, *number));
            continue;
        }
        insert.bind(1, ref->pk).bind(2, *id).bind(3, *number).bind(4, chargedOn->toString());
        insert.bind(5, toString(*kind)).bind(6, *value).bind(7, importId_).bind(8, t->line());
        if (insert.tryExecute() == SQLITE_OK) {
            ref->touched = true;
            ++out_.counts.chargesAdded;
            wrote();
            continue;
        }
        find.reset();
        find.bind(1, *id);
        if (!find.step())
            throw StorageError("charge insert failed for a reason other than a known id", 0);
        if (reportedRepeat(*t, kChargeId, "charge", *id, find, 5))
            continue;
        const bool same = find.int64(0) == ref->pk && find.int64(1) == *number &&
                          find.text(2) == chargedOn->toString() && find.text(3) == toString(*kind) &&
                          find.int64(4) == *value;
        if (same) {
            ++out_.counts.rowsUnchanged;
            continue;
        }
        t->error(kChargeId,
                 fmt::format("charge \"{}\" was imported before as {} {} on {} for loan {} "
                             "installment {}; a charge never changes (give a correction a new "
                             "charge_id)",
                             *id, find.text(3), formatAmount(find.int64(4), currency_->exponent),
                             find.text(2), find.text(7), find.int64(1)));
    }
    doneBytes_ += t->totalBytes();
}

void Importer::importPayments() {
    auto t = ImportTable::open(dir_, "payments.csv", kPaymentColumns, out_.errors, out_.warnings);
    if (!t)
        return;
    Statement insert = db_.prepare(
        "INSERT INTO payments(loan_pk, payment_id, paid_on, amount, method, reference, "
        "reversed_on, import_id, source_line, reversal_import_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, "
        "?7, ?8, ?9, CASE WHEN ?7 IS NULL THEN NULL ELSE ?8 END)");
    Statement find = db_.prepare(
        "SELECT p.loan_pk, p.paid_on, p.amount, p.method, p.reference, p.reversed_on, "
        "p.import_id, p.source_line, l.loan_id FROM payments p JOIN loans l ON l.id = p.loan_pk "
        "WHERE p.payment_id = ?");
    Statement reverse = db_.prepare(
        "UPDATE payments SET reversed_on = ?3, reversal_import_id = ?4 "
        "WHERE loan_pk = ?1 AND payment_id = ?2");
    while (t->next()) {
        tick(*t);
        auto id = required(*t, kPaymentId);
        auto loanId = required(*t, kPLoanId);
        auto paidOn = date(*t, kPaidOn);
        auto value = amount(*t, kPaymentAmount, true);
        std::optional<PaymentMethod> method = PaymentMethod::Cash;
        if (!t->get(kMethodCol).empty()) {
            method = paymentMethodFromString(t->get(kMethodCol));
            if (!method)
                t->error(kMethodCol, fmt::format("\"{}\" is not a payment method (cash, cheque, "
                                                 "bank_transfer, mobile_money or other)",
                                                 t->get(kMethodCol)));
        }
        std::optional<Date> reversedOn;
        bool reversalOk = true;
        if (!t->get(kReversedOn).empty()) {
            reversedOn = date(*t, kReversedOn);
            reversalOk = reversedOn.has_value();
            if (reversedOn && paidOn && *reversedOn < *paidOn) {
                t->error(kReversedOn, fmt::format("{} is before the payment date {} (a payment is "
                                                  "reversed on or after the day it was paid)",
                                                  reversedOn->toString(), paidOn->toString()));
                reversalOk = false;
            }
        }
        LoanRef* ref = loanId ? loanFor(*t, kPLoanId, *loanId) : nullptr;
        if (!id || !ref || !paidOn || !value || !method || !reversalOk)
            continue;
        if (*paidOn < ref->disbursedOn) {
            t->error(kPaidOn, fmt::format("{} is before the disbursement of loan {} on {} "
                                          "(payments come on or after disbursement)",
                                          paidOn->toString(), *loanId,
                                          ref->disbursedOn.toString()));
            continue;
        }
        const std::string_view reference = t->get(kReference);
        const OptText reversal = reversedOn ? OptText{reversedOn->toString()} : OptText{};
        const std::string paid = paidOn->toString();
        insert.bind(1, ref->pk).bindStatic(2, *id).bindStatic(3, paid).bind(4, *value);
        insert.bindStatic(5, toString(*method)).bindOptional(6, reference).bind(7, reversal);
        insert.bind(8, importId_).bind(9, t->line());
        if (insert.tryExecute() == SQLITE_OK) {
            ref->touched = true;
            ++out_.counts.paymentsAdded;
            wrote();
            continue;
        }
        find.reset();
        find.bind(1, *id);
        if (!find.step())
            throw StorageError("payment insert failed for a reason other than a known id", 0);
        if (reportedRepeat(*t, kPaymentId, "payment", *id, find, 6))
            continue;
        // Optional columns the file does not have keep their stored values.
        const bool same = find.int64(0) == ref->pk && find.text(1) == paidOn->toString() &&
                          find.int64(2) == *value &&
                          (!t->has(kMethodCol) || find.text(3) == toString(*method)) &&
                          (!t->has(kReference) || find.optionalString(4) == optText(reference));
        if (!same) {
            t->error(kPaymentId,
                     fmt::format("payment \"{}\" was imported before as {} on {} for loan {} "
                                 "({}); a payment never changes: only reversed_on may be filled "
                                 "in later",
                                 *id, formatAmount(find.int64(2), currency_->exponent),
                                 find.text(1), find.text(8), find.text(3)));
            continue;
        }
        const OptText storedReversal = find.optionalString(5);
        if (storedReversal == reversal || !t->has(kReversedOn)) {
            ++out_.counts.rowsUnchanged;
        } else if (!storedReversal) {
            reverse.bind(1, ref->pk).bind(2, *id).bind(3, reversal).bind(4, importId_).execute();
            ref->touched = true;
            ++out_.counts.paymentsReversed;
            wrote();
        } else {
            t->error(kReversedOn,
                     fmt::format("payment \"{}\" was reversed on {}; a reversal is never changed "
                                 "or undone (record a new payment instead)",
                                 *id, *storedReversal));
        }
    }
    doneBytes_ += t->totalBytes();
}

void Importer::finalChecks() {
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

void Importer::refreshLedgerCache() {
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

void Importer::record() {
    const auto& c = out_.counts;
    const std::string summary = fmt::format(
        "{{\"clients_added\": {}, \"clients_changed\": {}, \"loans_added\": {}, "
        "\"loans_changed\": {}, \"schedules_added\": {}, \"schedules_replaced\": {}, "
        "\"installments_written\": {}, \"charges_added\": {}, \"payments_added\": {}, "
        "\"payments_reversed\": {}, \"rows_unchanged\": {}}}",
        c.clientsAdded, c.clientsChanged, c.loansAdded, c.loansChanged, c.schedulesAdded,
        c.schedulesReplaced, c.installmentsWritten, c.chargesAdded, c.paymentsAdded,
        c.paymentsReversed, c.rowsUnchanged);
    Statement finish =
        db_.prepare("UPDATE imports SET finished_at = ?2, summary = ?3 WHERE id = ?1");
    finish.bind(1, importId_).bind(2, nowTimestamp()).bind(3, summary).execute();
    Statement audit = db_.prepare(
        "INSERT INTO audit_log(at, actor, action, entity, entity_key, before, after) "
        "VALUES(?, ?, 'import', 'portfolio', ?, NULL, ?)");
    audit.bind(1, nowTimestamp()).bind(2, options_.actor).bind(3, dir_.string()).bind(4, summary);
    audit.execute();
}

void Importer::run() {
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
                         "payments.csv (check the folder name)"});
        return;
    }

    Transaction tx(db_);
    db_.exec("CREATE TEMP TABLE IF NOT EXISTS import_seen(file TEXT, id TEXT, line INTEGER, "
             "PRIMARY KEY(file, id)) WITHOUT ROWID; DELETE FROM temp.import_seen;");
    db_.exec("PRAGMA cache_size = -262144");
    Statement start =
        db_.prepare("INSERT INTO imports(started_at, source, actor) VALUES(?, ?, ?)");
    start.bind(1, nowTimestamp()).bind(2, dir_.string()).bind(3, options_.actor).execute();
    importId_ = sqlite3_last_insert_rowid(db_.handle());
    currency_ = db_.currency();

    loadLoans();
    importClients();
    importLoans();
    if (!currency_) {
        // Clients alone need no currency; amounts do.
        for (const char* name : {"schedule.csv", "charges.csv", "payments.csv"}) {
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
    importSchedule();
    importCharges();
    importPayments();
    finalChecks();
    if (!out_.errors.empty())
        return; // the transaction rolls back
    if (out_.counts.changes() == 0 || options_.dryRun) {
        // Nothing to write (the same files again) or only a check: leave the file untouched.
        tx.rollback();
        return;
    }
    refreshLedgerCache();
    record();
    tx.commit();
    out_.committed = true;
}

} // namespace

ImportOutcome importFolder(Database& db, const std::filesystem::path& dir,
                           const ImportOptions& options) {
    ImportOutcome outcome;
    try {
        Importer(db, dir, options, outcome).run();
    } catch (const Cancelled&) {
        outcome.cancelled = true;
        outcome.errors.add({dir.string(), 0, "(import)", "cancelled; nothing was imported"});
    }
    outcome.ok = outcome.errors.empty();
    spdlog::info("import of {}: {} error(s), {} change(s), committed={}", dir.string(),
                 outcome.errors.count(), outcome.counts.changes(), outcome.committed);
    return outcome;
}

} // namespace rd::storage

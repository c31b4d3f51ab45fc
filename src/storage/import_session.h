#pragma once

// The importer's working state, shared by the files that import each CSV file
// (import_parties.cpp, import_schedule.cpp, import_events.cpp) and run it
// (import_session.cpp). Internal to storage.

#include "core/currency.h"
#include "core/loan.h"
#include "database.h"
#include "folder_importer.h"
#include "import_table.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rd::storage::detail {

struct Cancelled {};

enum ClientColumn {
    kClientId,
    kFullName,
    kClientBranch,
    kNationalId,
    kPhone,
    kAltPhone,
    kEmail,
    kAddress,
    kGroupName
};
inline const std::vector<ColumnSpec> kClientColumns = {
    {"client_id", true},    {"full_name", true}, {"branch", true},
    {"national_id", false}, {"phone", false},    {"alt_phone", false},
    {"email", false},       {"address", false},  {"group_name", false}};

enum LoanColumn {
    kLoanId,
    kLoanClientId,
    kProduct,
    kLoanBranch,
    kCreditOfficer,
    kCurrency,
    kPrincipal,
    kDisbursedOn,
    kStatus,
    kWrittenOffOn,
    kRate,
    kMethod,
    kFrequency,
    kRestructuredOn
};
inline const std::vector<ColumnSpec> kLoanColumns = {{"loan_id", true},
                                                     {"client_id", true},
                                                     {"product", true},
                                                     {"branch", true},
                                                     {"credit_officer", false},
                                                     {"currency", true},
                                                     {"principal", true},
                                                     {"disbursed_on", true},
                                                     {"status", true},
                                                     {"written_off_on", false},
                                                     {"annual_interest_rate", false},
                                                     {"interest_method", false},
                                                     {"frequency", false},
                                                     {"restructured_on", false}};

enum ScheduleColumn { kSLoanId, kInstallmentNo, kDueDate, kPrincipalDue, kInterestDue, kFeeDue };
inline const std::vector<ColumnSpec> kScheduleColumns = {
    {"loan_id", true},       {"installment_no", true}, {"due_date", true},
    {"principal_due", true}, {"interest_due", true},   {"fee_due", false}};

enum ChargeColumn { kChargeId, kCLoanId, kCInstallmentNo, kChargedOn, kKind, kChargeAmount };
inline const std::vector<ColumnSpec> kChargeColumns = {
    {"charge_id", true},  {"loan_id", true}, {"installment_no", true},
    {"charged_on", true}, {"kind", true},    {"amount", true}};

enum PaymentColumn {
    kPaymentId,
    kPLoanId,
    kPaidOn,
    kPaymentAmount,
    kMethodCol,
    kReference,
    kReversedOn
};
inline const std::vector<ColumnSpec> kPaymentColumns = {
    {"payment_id", true}, {"loan_id", true},    {"paid_on", true},     {"amount", true},
    {"method", false},    {"reference", false}, {"reversed_on", false}};

enum GuarantorColumn {
    kGuarantorId,
    kGLoanId,
    kGFullName,
    kGPhone,
    kGNationalId,
    kRelationship,
    kGAddress
};
inline const std::vector<ColumnSpec> kGuarantorColumns = {
    {"guarantor_id", true}, {"loan_id", true},       {"full_name", true}, {"phone", false},
    {"national_id", false}, {"relationship", false}, {"address", false}};

enum CollateralColumn {
    kCollateralId,
    kKLoanId,
    kCollateralKind,
    kDescription,
    kMarketValue,
    kForcedSaleValue,
    kValuedOn,
    kRegistration
};
inline const std::vector<ColumnSpec> kCollateralColumns = {
    {"collateral_id", true}, {"loan_id", true},       {"kind", true},
    {"description", true},   {"market_value", false}, {"forced_sale_value", false},
    {"valued_on", false},    {"registration", false}};

inline const char* const kFileNames[] = {"clients.csv",   "loans.csv",    "schedule.csv",
                                         "charges.csv",   "payments.csv", "guarantors.csv",
                                         "collateral.csv"};

using OptText = std::optional<std::string>;
inline OptText optText(std::string_view v) {
    return v.empty() ? OptText{} : OptText{std::string(v)};
}

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

// Loans by loan_id, looked up by the string_view of a CSV field without a copy. Hashes as
// std::hash<std::string> does.
struct LoanIdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
};
using LoanMap = std::unordered_map<std::string, LoanRef, LoanIdHash, std::equal_to<>>;

// Rows are inserted this many at a time with one multi-row INSERT: SQLite's per-statement
// work (opening the statement's journal, the CHECK(method IN (...)) list it builds into
// a temporary table, halting) is then done once per batch instead of once per row.
inline constexpr int kBatchRows = 64;
// "INSERT INTO t(c1, ..., cN) VALUES (?, ..., ?), ... " for `rows` rows of `columns` values;
// row r's value c is parameter r * columns + c + 1.
std::string multiRowInsert(std::string_view head, int columns, int rows);

// An installment checked and waiting for its batch.
struct PendingInstallment {
    std::int64_t loanPk = 0, line = 0;
    int number = 0;
    std::string dueDate;
    Amount principalDue = 0, interestDue = 0, feeDue = 0;
};

// A payment row that passed its checks, waiting for its batch. Kept whole so that, if the
// batch is refused (a payment_id already stored), the row can be handled on its own with
// the errors at its line.
struct PendingPayment {
    std::int64_t line = 0;
    LoanRef* ref = nullptr;
    std::string id, loanId, paidOn, reference, reversedOn; // reversedOn empty: not reversed
    Amount amount = 0;
    PaymentMethod method = PaymentMethod::Cash;
};

class ImportSession {
public:
    ImportSession(Database& db, std::filesystem::path dir, const ImportOptions& options,
                  ImportOutcome& outcome)
        : db_(db), dir_(std::move(dir)), options_(options), out_(outcome),
          killAfterRows_(options.killAfterRows.value_or(-1)) {}

    void run();

private:
    // Field helpers: each reports its own error and returns nullopt.
    std::optional<std::string_view> required(const ImportTable& t, std::size_t c) const;
    std::optional<Amount> amount(const ImportTable& t, std::size_t c, bool positive) const;
    std::optional<Date> date(const ImportTable& t, std::size_t c) const;
    std::optional<int> installmentNumber(const ImportTable& t, std::size_t c) const;
    LoanRef* loanFor(const ImportTable& t, std::size_t column, std::string_view loanId);
    // The same, remembering the last loan found: rows of one loan usually come together.
    LoanRef* loanForCached(const ImportTable& t, std::size_t column, std::string_view loanId);
    std::optional<std::int64_t> seenLine(std::string_view file, std::string_view id,
                                         std::int64_t line);
    // After an insert refused for a known id: reports and returns true if the id repeats
    // within this file. `found` holds the stored row, with import_id at `importColumn` and
    // source_line right after it.
    // Warns when a replacement schedule arrives for a loan whose reschedule approved here the
    // core banking system has not posted yet (that reschedule stays in force).
    void warnUnpostedReschedule(const LoanRef& ref, std::string_view loanId, std::int64_t line);
    bool reportedRepeat(const ImportTable& t, std::int64_t line, std::size_t column,
                        std::string_view noun, std::string_view id, const Statement& found,
                        int importColumn);
    void tick(const ImportTable& t);
    void wrote();

    void loadLoans();
    bool portfolioHasLoans() const;
    void importClients();
    void importLoans();
    void importSchedule();
    void importScheduleRows();
    void writeSchedule(std::string_view loanId, LoanRef& ref, std::vector<StagedInstallment>& rows);
    void flushInstallments();
    void importCharges();
    void importPayments();
    void flushPayments(ImportTable& t);
    void importPayment(const ImportTable& t, const PendingPayment& p);
    void importGuarantors();
    void importCollateral();
    void finalChecks();
    void refreshLedgerCache();
    void record();

    Database& db_;
    std::filesystem::path dir_;
    const ImportOptions& options_;
    ImportOutcome& out_;
    std::int64_t importId_ = 0;
    std::optional<Currency> currency_;
    LoanMap loans_;
    std::string cachedLoanId_;
    LoanRef* cachedLoan_ = nullptr;
    std::optional<Statement> insertInstallment_, insertInstallments_, existingSchedule_;
    std::vector<PendingInstallment> pendingInstallments_; // the first pendingInstallmentCount_
    std::size_t pendingInstallmentCount_ = 0;
    std::optional<Statement> insertPayment_, insertPayments_, findPayment_, reversePayment_;
    std::vector<PendingPayment> pendingPayments_; // the first pendingPaymentCount_
    std::size_t pendingPaymentCount_ = 0;
    ProblemList scratchErrors_{0}; // the counting pass's findings; the real pass reports them
    std::int64_t totalBytes_ = 0, doneBytes_ = 0, rows_ = 0, written_ = 0;
    long long killAfterRows_ = -1;
};

} // namespace rd::storage::detail

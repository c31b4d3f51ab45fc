#include "core/money.h"
#include "csv/csv_writer.h"
#include "demo/demo_generator.h"
#include "demo/demo_security.h"

#include <array>
#include <cstring>
#include <fmt/format.h>
#include <memory>
#include <string_view>
#include <system_error>

namespace rd::demo {
namespace {

namespace fs = std::filesystem;

// Date::toString() of every day around the as-of date, computed once: a million loans
// print some fifty million dates.
class DateTexts {
public:
    explicit DateTexts(Date asOf) : first_(asOf.addDays(-kBefore)) {
        text_.resize(static_cast<std::size_t>(kDays) * 10);
        for (int i = 0; i < kDays; ++i) {
            const std::string s = first_.addDays(i).toString();
            std::memcpy(&text_[static_cast<std::size_t>(i) * 10], s.data(), 10);
        }
    }

    // The view stays valid until four more dates outside the table have been asked for.
    std::string_view operator()(Date d) {
        const std::int32_t i = d - first_;
        if (i >= 0 && i < kDays)
            return {&text_[static_cast<std::size_t>(i) * 10], 10};
        std::string& slot = fallback_[next_++ % fallback_.size()];
        slot = d.toString();
        return slot;
    }

private:
    static constexpr int kBefore = 1000;
    static constexpr int kDays = 2600;
    Date first_;
    std::string text_;
    std::array<std::string, 4> fallback_;
    std::size_t next_ = 0;
};

enum FileIndex { Clients, Loans, Schedule, Charges, Payments, Guarantors, Collateral, FileCount };
constexpr std::array<const char*, FileCount> kFileNames = {
    "clients.csv",  "loans.csv",      "schedule.csv",  "charges.csv",
    "payments.csv", "guarantors.csv", "collateral.csv"};

// The files being written, under temporary names until all of them are complete.
class OutputFiles {
public:
    explicit OutputFiles(const fs::path& dir) : dir_(dir) {
        for (std::size_t f = 0; f < FileCount; ++f)
            writers_[f] = std::make_unique<csv::Writer>(partialPath(f));
    }
    ~OutputFiles() {
        if (!committed_)
            discard();
    }

    csv::Writer& operator[](std::size_t f) { return *writers_[f]; }
    bool ok() const {
        for (const auto& w : writers_)
            if (!w->ok())
                return false;
        return true;
    }
    Result<bool> commit() {
        bool closed = true;
        for (auto& w : writers_)
            closed = w->close() && closed;
        if (!closed)
            return Error{fmt::format("could not write the demo files in {} (is the disk full?)",
                                     dir_.string())};
        for (std::size_t f = 0; f < FileCount; ++f) {
            std::error_code ec;
            fs::rename(partialPath(f), dir_ / kFileNames[f], ec);
            if (ec)
                return Error{fmt::format("could not create {}: {} (check the folder's permissions)",
                                         (dir_ / kFileNames[f]).string(), ec.message())};
        }
        committed_ = true;
        return true;
    }

private:
    fs::path partialPath(std::size_t f) const {
        return dir_ / (std::string(kFileNames[f]) + ".partial");
    }
    void discard() {
        for (std::size_t f = 0; f < FileCount; ++f) {
            writers_[f]->close();
            std::error_code ec;
            fs::remove(partialPath(f), ec);
        }
    }

    fs::path dir_;
    std::array<std::unique_ptr<csv::Writer>, FileCount> writers_;
    bool committed_ = false;
};

Result<DemoSummary> writeAll(const DemoOptions& o, OutputFiles& files,
                             const ProgressCallback& progress) {
    if (!files.ok())
        return Error{"could not create the demo files (check the folder's permissions)"};
    const int exponent = o.currency.exponent;
    files[Clients].row({"client_id", "full_name", "branch", "national_id", "phone", "alt_phone",
                        "email", "address", "group_name"});
    files[Loans].row({"loan_id", "client_id", "product", "branch", "credit_officer", "currency",
                      "principal", "disbursed_on", "status", "written_off_on",
                      "annual_interest_rate", "interest_method", "frequency"});
    files[Schedule].row(
        {"loan_id", "installment_no", "due_date", "principal_due", "interest_due", "fee_due"});
    files[Charges].row({"charge_id", "loan_id", "installment_no", "charged_on", "kind", "amount"});
    files[Payments].row(
        {"payment_id", "loan_id", "paid_on", "amount", "method", "reference", "reversed_on"});
    files[Guarantors].row({"guarantor_id", "loan_id", "full_name", "phone", "national_id",
                           "relationship", "address"});
    files[Collateral].row({"collateral_id", "loan_id", "kind", "description", "market_value",
                           "forced_sale_value", "valued_on", "registration"});

    DemoSummary summary;
    DateTexts date(o.asOf);
    DemoGenerator generator(o);
    DemoLoan loan;
    constexpr std::int64_t kProgressEvery = 1000;
    while (generator.next(loan)) {
        if (loan.newClient) {
            const DemoClient& c = *loan.newClient;
            files[Clients].row({c.clientId, c.fullName, c.branch, c.nationalId, c.phone, c.altPhone,
                                c.email, c.address, c.groupName});
            ++summary.clients;
        }
        const LoanLedger& l = loan.ledger;
        const LoanTerms& t = l.terms;
        files[Loans].row({t.loanId, t.clientId, t.product, t.branch, t.creditOfficer,
                          o.currency.code, formatAmount(t.principal, exponent), date(t.disbursedOn),
                          t.writtenOffOn ? "written_off" : "active",
                          t.writtenOffOn ? date(*t.writtenOffOn) : std::string_view(),
                          loan.annualInterestRate, loan.interestMethod, loan.frequency});
        for (const Installment& i : l.schedule)
            files[Schedule].row({t.loanId, fmt::format_int(i.number).c_str(), date(i.dueDate),
                                 formatAmount(i.principalDue, exponent),
                                 formatAmount(i.interestDue, exponent),
                                 formatAmount(i.feeDue, exponent)});
        for (const Charge& c : l.charges)
            files[Charges].row({c.id, t.loanId, fmt::format_int(c.installmentNumber).c_str(),
                                date(c.chargedOn), toString(c.kind),
                                formatAmount(c.amount, exponent)});
        for (const Payment& p : l.payments)
            files[Payments].row({p.id, t.loanId, date(p.paidOn), formatAmount(p.amount, exponent),
                                 toString(p.method), p.reference,
                                 p.reversedOn ? date(*p.reversedOn) : std::string_view()});
        const DemoSecurity security =
            makeSecurity(o.seed, static_cast<std::uint64_t>(summary.loans), t, exponent);
        for (const DemoGuarantor& g : security.guarantors)
            files[Guarantors].row({g.guarantorId, t.loanId, g.fullName, g.phone, g.nationalId,
                                   g.relationship, g.address});
        for (const DemoCollateral& c : security.collateral)
            files[Collateral].row({c.collateralId, t.loanId, c.kind, c.description,
                                   formatAmount(c.marketValue, exponent),
                                   formatAmount(c.forcedSaleValue, exponent), date(c.valuedOn),
                                   c.registration});
        summary.guarantors += static_cast<std::int64_t>(security.guarantors.size());
        summary.collateral += static_cast<std::int64_t>(security.collateral.size());
        ++summary.loans;
        summary.installments += static_cast<std::int64_t>(l.schedule.size());
        summary.charges += static_cast<std::int64_t>(l.charges.size());
        summary.payments += static_cast<std::int64_t>(l.payments.size());

        if (progress && (summary.loans % kProgressEvery == 0 || summary.loans == o.loans) &&
            !progress(summary.loans, o.loans))
            return Error{"writing the demo files was cancelled; no file was written"};
        if (!files.ok())
            return Error{"could not write the demo files (is the disk full?)"};
    }
    if (progress && o.loans == 0 && !progress(0, 0))
        return Error{"writing the demo files was cancelled; no file was written"};
    return summary;
}

} // namespace

Result<DemoSummary> writeDemoFiles(const DemoOptions& o, const fs::path& dir,
                                   const ProgressCallback& progress) {
    if (o.loans < 0)
        return Error{fmt::format("the number of demo loans must be 0 or more, not {}", o.loans)};
    if (o.currency.code.size() != 3 || o.currency.exponent < 0 || o.currency.exponent > 4)
        return Error{fmt::format("\"{}\" with {} decimals is not a currency the demo can use "
                                 "(an ISO 4217 code such as UGX, KES or USD)",
                                 o.currency.code, o.currency.exponent)};

    std::error_code ec;
    const bool existed = fs::is_directory(dir, ec);
    if (!existed) {
        fs::create_directories(dir, ec);
        if (ec)
            return Error{fmt::format("could not create the folder {}: {} (check the path and "
                                     "its permissions)",
                                     dir.string(), ec.message())};
    }
    const auto removeCreatedDir = [&] {
        std::error_code ignored;
        if (!existed && fs::is_empty(dir, ignored))
            fs::remove(dir, ignored);
    };

    Result<DemoSummary> result = DemoSummary{};
    {
        OutputFiles files(dir);
        result = writeAll(o, files, progress);
        if (result.ok()) {
            Result<bool> committed = files.commit();
            if (!committed.ok())
                result = committed.error();
        }
    } // an uncommitted OutputFiles removes its partial files here
    if (!result.ok())
        removeCreatedDir();
    return result;
}

} // namespace rd::demo

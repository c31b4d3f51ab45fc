#pragma once

#include "core/currency.h"
#include "core/date.h"
#include "core/loan.h"
#include "core/progress.h"
#include "core/result.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace rd::demo {

// A deterministic, realistic demo portfolio of a Ugandan micro-credit institution.
// The same options give the same portfolio, byte for byte, on every platform.
struct DemoOptions {
    std::int64_t loans = 2000;
    std::uint64_t seed = 1;
    Date asOf; // the business date the portfolio is "as of"; the caller sets it
    Currency currency{"UGX", 0};
};

struct DemoClient {
    std::string clientId, fullName, branch, nationalId, phone, altPhone, email, address, groupName;
};

struct DemoLoan {
    std::optional<DemoClient> newClient; // set the first time a client appears
    LoanLedger ledger;
    std::string annualInterestRate; // e.g. "24" or "30.5"
    std::string interestMethod;     // "flat" | "declining"
    std::string frequency;          // "weekly" | "biweekly" | "monthly"
};

// Produces the loans one at a time, in loan id order (which is also disbursement order),
// keeping no per-loan state: memory does not grow with the number of loans.
//
// What the portfolio looks like as of options.asOf:
// - disbursements over the two years before asOf, growing with time, and ~1% of the
//   loans (the highest ids) approved but disbursed only after asOf;
// - about 20% of the loans go to returning clients (their earlier loan has a lower id);
// - payment behaviour: good payers (on time or a few days early), late payers (with
//   penalties), partial payers, prepayers (paying ahead or closing early), overpayers
//   (small credit balance left), cheque payers whose cheques sometimes bounce, and
//   defaulters who stop paying at a point chosen so that every delinquency bucket is
//   filled with a thinning tail; long defaults are often written off (at least 180
//   days after the missed installment), sometimes with small recoveries afterwards.
class DemoGenerator {
public:
    explicit DemoGenerator(DemoOptions o);
    ~DemoGenerator();
    DemoGenerator(DemoGenerator&&) noexcept;
    DemoGenerator& operator=(DemoGenerator&&) noexcept;

    // Fills `out` with the next loan (reusing its buffers); false after options.loans loans.
    bool next(DemoLoan& out);

    const DemoOptions& options() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct DemoSummary {
    std::int64_t clients = 0, loans = 0, installments = 0, charges = 0, payments = 0;
    std::int64_t guarantors = 0, collateral = 0;
};

// Writes clients.csv, loans.csv, schedule.csv, charges.csv and payments.csv (the import
// files of interchange.md section 1) into `dir`, created if missing. Streams: memory
// does not grow with the number of loans. The files appear only when all are complete;
// on an error or a cancelled progress callback none of them is left behind.
Result<DemoSummary> writeDemoFiles(const DemoOptions& o, const std::filesystem::path& dir,
                                   const ProgressCallback& progress = {});

} // namespace rd::demo

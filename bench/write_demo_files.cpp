// Writes a portfolio as import files without importing it (the benchmark's input).
// Run: write_demo_files [--shape demo|heavy] LOANS DIR [AS_OF] [SEED]
//
// --shape demo (the default) writes the demo portfolio exactly as `recoverydesk-cli demo
// --export` does. --shape heavy keeps the demo's clients, loan ids, branches, officers,
// principals and disbursement dates, but gives every loan a long weekly schedule (104 to
// 156 installments, two to three years) and a busy repayment history: installments often
// paid in two or three parts, many late payments with penalties, mobile-money and cheque
// payments that are reversed and paid again (bounce fees), some defaulters written off.
// Deterministic: the same arguments give the same files.
#include "core/money.h"
#include "csv/csv_writer.h"
#include "demo/demo_amounts.h"
#include "demo/demo_generator.h"
#include "demo/demo_random.h"
#include "demo/demo_schedule.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <string>

namespace {

using namespace rd;
using namespace rd::demo;

constexpr std::uint64_t kHeavyStream = 0x4EA7;

// Replaces the demo loan's schedule and history with the heavy shape's.
class HeavyShape {
public:
    HeavyShape(Date asOf, std::uint64_t seed) : asOf_(asOf), seed_(seed) {}

    void reshape(std::int64_t index, LoanLedger& l, std::string& rate, std::string& method,
                 std::string& frequency) {
        Rng rng(mixSeed(seed_, kHeavyStream, static_cast<std::uint64_t>(index)));
        LoanTerms& t = l.terms;
        l.clearEvents();
        t.writtenOffOn.reset();

        ScheduleTerms terms;
        terms.principal = t.principal;
        terms.disbursedOn = t.disbursedOn;
        terms.frequency = Frequency::Weekly;
        terms.installments = rng.rangeInt(104, 156);
        terms.method = rng.permille(600) ? InterestMethod::Flat : InterestMethod::Declining;
        static constexpr int kRates[] = {2400, 2700, 3000, 3300, 3600};
        terms.annualRateBasisPoints = rng.pick(kRates);
        if (rng.permille(500))
            terms.feePerInstallment = 500;
        buildSchedule(terms, l.schedule);
        rate = formatRate(terms.annualRateBasisPoints);
        method = toString(terms.method);
        frequency = toString(terms.frequency);

        // The borrower: how often an installment is paid in parts, late, by cheque; when
        // (if ever) they stop paying.
        const int splitPermille = rng.pick(kSplit);
        const int latePermille = rng.pick(kLate);
        const bool cheque = rng.permille(150);
        const int n = static_cast<int>(l.schedule.size());
        int stopAt = n + 1;
        if (rng.permille(100))
            stopAt = rng.rangeInt(1, n);

        for (int i = 1; i <= n; ++i) {
            const Installment& in = l.schedule[static_cast<std::size_t>(i - 1)];
            const Date due = in.dueDate;
            if (due > asOf_)
                break;
            if (i >= stopAt) {
                // Stopped paying: a collection fee, then perhaps a write-off 180 days on
                // and small recoveries after it.
                if (i == stopAt) {
                    charge(l, i, due.addDays(30), ChargeKind::Fee, 20'000);
                    const Date writeOff = due.addDays(rng.rangeInt(180, 240));
                    if (writeOff <= asOf_) {
                        t.writtenOffOn = writeOff;
                        for (Date d = writeOff.addDays(rng.rangeInt(20, 60)); d <= asOf_;
                             d = d.addDays(rng.rangeInt(30, 90)))
                            pay(rng, l, d, 10'000 * rng.range(1, 5), PaymentMethod::Cash);
                    }
                }
                break;
            }
            Amount owed = in.principalDue + in.interestDue + in.feeDue;
            Date first = due.addDays(-rng.rangeInt(0, 3));
            if (rng.permille(latePermille)) {
                first = due.addDays(rng.rangeInt(8, 35));
                const Amount penalty =
                    std::max<Amount>(1'000, roundToStep(applyBasisPoints(owed, 300), 500));
                charge(l, i, due.addDays(7), ChargeKind::Penalty, penalty);
                owed += penalty;
            }
            const int parts = rng.permille(splitPermille) ? rng.rangeInt(2, 3) : 1;
            Date d = first;
            for (int p = 0; p < parts && owed > 0; ++p) {
                Amount part = p + 1 == parts ? owed : roundToStep(owed / parts, 1'000);
                part = std::min(std::max<Amount>(part, 1), owed);
                owed -= part;
                payWithReversals(rng, l, d, part, cheque, i);
                d = d.addDays(rng.rangeInt(1, 4));
            }
        }
        std::stable_sort(l.payments.begin(), l.payments.end(),
                         [](const Payment& a, const Payment& b) { return a.paidOn < b.paidOn; });
        std::stable_sort(l.charges.begin(), l.charges.end(), [](const Charge& a, const Charge& b) {
            return a.chargedOn < b.chargedOn;
        });
        for (Charge& c : l.charges)
            c.id = fmt::format("CH{:07}", nextCharge_++);
        for (Payment& p : l.payments)
            p.id = fmt::format("PY{:08}", nextPayment_++);
    }

private:
    static constexpr int kSplit[] = {0, 100, 300, 500, 700};
    static constexpr int kLate[] = {20, 80, 150, 300};

    void payWithReversals(Rng& rng, LoanLedger& l, Date d, Amount amount, bool cheque, int inst) {
        // A payment that is reversed (a bounced cheque, a failed mobile-money transfer)
        // is paid again a few days later, up to three times.
        for (int attempt = 0; attempt < 3 && d <= asOf_; ++attempt) {
            const PaymentMethod m =
                cheque ? PaymentMethod::Cheque
                       : (rng.permille(650) ? PaymentMethod::MobileMoney : PaymentMethod::Cash);
            Payment& p = pay(rng, l, d, amount, m);
            const int reversePermille = m == PaymentMethod::Cheque        ? 250
                                        : m == PaymentMethod::MobileMoney ? 120
                                                                          : 20;
            if (!rng.permille(reversePermille))
                return;
            const Date reversed = d.addDays(rng.rangeInt(1, 7));
            if (reversed > asOf_)
                return;
            p.reversedOn = reversed;
            if (m == PaymentMethod::Cheque)
                charge(l, inst, reversed, ChargeKind::Fee, 25'000);
            d = reversed.addDays(rng.rangeInt(0, 5));
        }
    }

    Payment& pay(Rng& rng, LoanLedger& l, Date d, Amount amount, PaymentMethod m) {
        Payment& p = l.payments.emplace_back();
        p.paidOn = d;
        p.amount = amount;
        p.method = m;
        switch (m) {
        case PaymentMethod::MobileMoney:
            p.reference = fmt::format("MP{:010}", rng.below(10'000'000'000ULL));
            break;
        case PaymentMethod::Cheque:
            p.reference = fmt::format("CHQ {:06}", rng.below(1'000'000));
            break;
        default:
            p.reference.clear();
        }
        return p;
    }

    void charge(LoanLedger& l, int inst, Date d, ChargeKind kind, Amount amount) {
        if (d > asOf_)
            return;
        Charge& c = l.charges.emplace_back();
        c.installmentNumber = inst;
        c.chargedOn = d;
        c.kind = kind;
        c.amount = amount;
    }

    Date asOf_;
    std::uint64_t seed_;
    std::uint64_t nextCharge_ = 1, nextPayment_ = 1;
};

namespace fs = std::filesystem;

int writeHeavy(const DemoOptions& o, const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    static constexpr std::array<const char*, 5> kNames = {
        "clients.csv", "loans.csv", "schedule.csv", "charges.csv", "payments.csv"};
    std::array<std::unique_ptr<csv::Writer>, 5> files;
    for (std::size_t f = 0; f < files.size(); ++f)
        files[f] = std::make_unique<csv::Writer>(dir / (std::string(kNames[f]) + ".partial"));
    csv::Writer& clients = *files[0];
    csv::Writer& loans = *files[1];
    csv::Writer& schedule = *files[2];
    csv::Writer& charges = *files[3];
    csv::Writer& payments = *files[4];
    clients.row({"client_id", "full_name", "branch", "national_id", "phone", "alt_phone", "email",
                 "address", "group_name"});
    loans.row({"loan_id", "client_id", "product", "branch", "credit_officer", "currency",
               "principal", "disbursed_on", "status", "written_off_on", "annual_interest_rate",
               "interest_method", "frequency"});
    schedule.row(
        {"loan_id", "installment_no", "due_date", "principal_due", "interest_due", "fee_due"});
    charges.row({"charge_id", "loan_id", "installment_no", "charged_on", "kind", "amount"});
    payments.row(
        {"payment_id", "loan_id", "paid_on", "amount", "method", "reference", "reversed_on"});

    const int e = o.currency.exponent;
    DemoGenerator generator(o);
    HeavyShape shape(o.asOf, o.seed);
    DemoLoan loan;
    std::int64_t index = 0, nClients = 0, nInstallments = 0, nCharges = 0, nPayments = 0,
                 nReversed = 0;
    std::string d1, d2;
    while (generator.next(loan)) {
        if (loan.newClient) {
            const DemoClient& c = *loan.newClient;
            clients.row({c.clientId, c.fullName, c.branch, c.nationalId, c.phone, c.altPhone,
                         c.email, c.address, c.groupName});
            ++nClients;
        }
        LoanLedger& l = loan.ledger;
        shape.reshape(index++, l, loan.annualInterestRate, loan.interestMethod, loan.frequency);
        const LoanTerms& t = l.terms;
        d1 = t.disbursedOn.toString();
        d2 = t.writtenOffOn ? t.writtenOffOn->toString() : std::string();
        loans.row({t.loanId, t.clientId, t.product, t.branch, t.creditOfficer, o.currency.code,
                   formatAmount(t.principal, e), d1, t.writtenOffOn ? "written_off" : "active", d2,
                   loan.annualInterestRate, loan.interestMethod, loan.frequency});
        for (const Installment& i : l.schedule)
            schedule.row({t.loanId, fmt::format_int(i.number).c_str(), i.dueDate.toString(),
                          formatAmount(i.principalDue, e), formatAmount(i.interestDue, e),
                          formatAmount(i.feeDue, e)});
        for (const Charge& c : l.charges)
            charges.row({c.id, t.loanId, fmt::format_int(c.installmentNumber).c_str(),
                         c.chargedOn.toString(), toString(c.kind), formatAmount(c.amount, e)});
        for (const Payment& p : l.payments) {
            payments.row({p.id, t.loanId, p.paidOn.toString(), formatAmount(p.amount, e),
                          toString(p.method), p.reference,
                          p.reversedOn ? p.reversedOn->toString() : std::string()});
            nReversed += p.reversedOn ? 1 : 0;
        }
        nInstallments += static_cast<std::int64_t>(l.schedule.size());
        nCharges += static_cast<std::int64_t>(l.charges.size());
        nPayments += static_cast<std::int64_t>(l.payments.size());
    }
    bool ok = true;
    for (auto& f : files)
        ok = f->close() && ok;
    for (std::size_t f = 0; ok && f < files.size(); ++f) {
        fs::rename(dir / (std::string(kNames[f]) + ".partial"), dir / kNames[f], ec);
        ok = !ec;
    }
    if (!ok) {
        std::fprintf(stderr, "could not write the files in %s\n", dir.c_str());
        return 1;
    }
    std::printf("%lld loans, %lld clients, %lld installments, %lld charges, %lld payments "
                "(%lld reversed) in %s\n",
                static_cast<long long>(index), static_cast<long long>(nClients),
                static_cast<long long>(nInstallments), static_cast<long long>(nCharges),
                static_cast<long long>(nPayments), static_cast<long long>(nReversed), dir.c_str());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::string shape = "demo";
    if (argc > 2 && std::strcmp(argv[1], "--shape") == 0) {
        shape = argv[2];
        argv += 2;
        argc -= 2;
    }
    if (argc < 3 || (shape != "demo" && shape != "heavy")) {
        std::fprintf(stderr, "usage: write_demo_files [--shape demo|heavy] LOANS DIR [AS_OF] "
                             "[SEED]\n");
        return 2;
    }
    rd::demo::DemoOptions options;
    options.loans = std::atoll(argv[1]);
    options.asOf = rd::Date::parse(argc > 3 ? argv[3] : "2026-11-28").value();
    options.seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 7;
    if (shape == "heavy")
        return writeHeavy(options, argv[2]);
    const auto written = rd::demo::writeDemoFiles(options, argv[2]);
    if (!written) {
        std::fprintf(stderr, "%s\n", written.error().message.c_str());
        return 1;
    }
    std::printf("%lld loans, %lld installments, %lld payments in %s\n",
                static_cast<long long>(written->loans),
                static_cast<long long>(written->installments),
                static_cast<long long>(written->payments), argv[2]);
    return 0;
}

#pragma once

// Small helpers to build loan ledgers by hand in the core tests.

#include "core/date.h"
#include "core/loan.h"
#include "core/loan_position.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <fmt/format.h>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rdtest {

// A date from a literal the test knows is valid; throws (fails the test) otherwise.
inline rd::Date day(std::string_view text) {
    auto parsed = rd::Date::parse(text);
    if (!parsed)
        throw std::invalid_argument(parsed.error().message);
    return *parsed;
}

// Builds a LoanLedger; installments are numbered in the order they are added and the
// principal is the sum of the principal parts unless set explicitly.
class LedgerBuilder {
public:
    explicit LedgerBuilder(std::string loanId, std::string_view disbursedOn = "2026-01-01") {
        ledger_.terms.loanId = std::move(loanId);
        ledger_.terms.clientId = "C1";
        ledger_.terms.product = "Business Loan";
        ledger_.terms.branch = "Kampala";
        ledger_.terms.creditOfficer = "okello";
        ledger_.terms.disbursedOn = day(disbursedOn);
    }

    LedgerBuilder& installment(std::string_view dueDate, rd::Amount principal,
                               rd::Amount interest = 0, rd::Amount fee = 0) {
        rd::Installment in;
        in.number = static_cast<int>(ledger_.schedule.size()) + 1;
        in.dueDate = day(dueDate);
        in.principalDue = principal;
        in.interestDue = interest;
        in.feeDue = fee;
        ledger_.schedule.push_back(in);
        ledger_.terms.principal += principal;
        return *this;
    }

    LedgerBuilder& penalty(std::string id, int installmentNumber, std::string_view chargedOn,
                           rd::Amount amount) {
        return charge(std::move(id), installmentNumber, chargedOn, rd::ChargeKind::Penalty, amount);
    }
    LedgerBuilder& fee(std::string id, int installmentNumber, std::string_view chargedOn,
                       rd::Amount amount) {
        return charge(std::move(id), installmentNumber, chargedOn, rd::ChargeKind::Fee, amount);
    }
    LedgerBuilder& charge(std::string id, int installmentNumber, std::string_view chargedOn,
                          rd::ChargeKind kind, rd::Amount amount) {
        rd::Charge c;
        c.id = std::move(id);
        c.installmentNumber = installmentNumber;
        c.chargedOn = day(chargedOn);
        c.kind = kind;
        c.amount = amount;
        ledger_.charges.push_back(std::move(c));
        return *this;
    }

    LedgerBuilder& payment(std::string id, std::string_view paidOn, rd::Amount amount,
                           std::optional<std::string_view> reversedOn = std::nullopt,
                           rd::PaymentMethod method = rd::PaymentMethod::Cash) {
        rd::Payment p;
        p.id = std::move(id);
        p.paidOn = day(paidOn);
        p.amount = amount;
        p.method = method;
        if (method != rd::PaymentMethod::Cash)
            p.reference = "REF-" + p.id;
        if (reversedOn)
            p.reversedOn = day(*reversedOn);
        ledger_.payments.push_back(std::move(p));
        return *this;
    }

    LedgerBuilder& principal(rd::Amount amount) {
        ledger_.terms.principal = amount;
        return *this;
    }
    LedgerBuilder& writtenOff(std::string_view on) {
        ledger_.terms.writtenOffOn = day(on);
        return *this;
    }
    LedgerBuilder& product(std::string value) {
        ledger_.terms.product = std::move(value);
        return *this;
    }
    LedgerBuilder& branch(std::string value) {
        ledger_.terms.branch = std::move(value);
        return *this;
    }
    LedgerBuilder& officer(std::string value) {
        ledger_.terms.creditOfficer = std::move(value);
        return *this;
    }

    const rd::LoanLedger& ledger() const { return ledger_; }
    rd::LoanLedger build() const { return ledger_; }
    operator const rd::LoanLedger&() const { return ledger_; }

private:
    rd::LoanLedger ledger_;
};

// Component amounts in the order principal, interest, fees, penalties.
inline rd::ComponentAmounts components(rd::Amount principal, rd::Amount interest = 0,
                                       rd::Amount fees = 0, rd::Amount penalties = 0) {
    rd::ComponentAmounts c;
    c.principal = principal;
    c.interest = interest;
    c.fees = fees;
    c.penalties = penalties;
    return c;
}

// The worked example of domain.md section 4 (spec/examples/worked, KES, amounts in cents):
// L1, and L2 whose 2026-03-15 payment (a cheque) is reversed on 2026-03-18. L2 has no
// credit officer.
inline std::vector<rd::LoanLedger> workedLedgers() {
    auto l1 = LedgerBuilder("L1", "2026-01-01")
                  .branch("Kampala Central")
                  .product("Business Loan")
                  .officer("okello")
                  .installment("2026-02-01", 10000, 1000)
                  .installment("2026-03-01", 10000, 1000)
                  .installment("2026-04-01", 10000, 1000)
                  .penalty("CH1", 2, "2026-03-10", 500)
                  .payment("P1", "2026-02-01", 11000)
                  .payment("P2", "2026-03-15", 5000, std::nullopt, rd::PaymentMethod::MobileMoney)
                  .build();
    auto l2 = LedgerBuilder("L2", "2026-01-01")
                  .branch("Kampala Central")
                  .product("Business Loan")
                  .officer("")
                  .installment("2026-02-01", 10000, 1000)
                  .installment("2026-03-01", 10000, 1000)
                  .installment("2026-04-01", 10000, 1000)
                  .penalty("CH2", 2, "2026-03-10", 500)
                  .payment("P3", "2026-02-01", 11000)
                  .payment("P4", "2026-03-15", 5000, "2026-03-18", rd::PaymentMethod::Cheque)
                  .build();
    return {l1, l2};
}

// spec/examples/edge (UGX, exponent 0), row for row.
inline std::vector<rd::LoanLedger> edgeLedgers() {
    std::vector<rd::LoanLedger> loans;
    loans.push_back(LedgerBuilder("PRE", "2025-01-01")
                        .product("Business Loan")
                        .branch("Gulu")
                        .officer("atim")
                        .installment("2025-02-01", 100000, 5000)
                        .installment("2025-03-01", 100000, 5000)
                        .installment("2025-04-01", 100000, 5000)
                        .payment("A1", "2025-01-25", 210000)
                        .build());
    loans.push_back(
        LedgerBuilder("OVER", "2025-01-01")
            .product("Business Loan")
            .branch("Gulu")
            .officer("atim")
            .installment("2025-02-01", 100000, 0, 1000)
            .installment("2025-03-01", 100000, 0, 1000)
            .payment("B1", "2025-02-01", 101000, std::nullopt, rd::PaymentMethod::MobileMoney)
            .payment("B2", "2025-02-27", 105000, std::nullopt, rd::PaymentMethod::MobileMoney)
            .build());
    loans.push_back(LedgerBuilder("SAME", "2025-01-01")
                        .product("Group Loan")
                        .branch("Jinja")
                        .officer("kato")
                        .installment("2025-02-01", 100000, 10000)
                        .installment("2025-03-01", 100000, 10000)
                        .penalty("K1", 1, "2025-02-20", 5000)
                        .payment("S1", "2025-02-20", 110000)
                        .build());
    loans.push_back(
        LedgerBuilder("ORDER", "2025-01-01")
            .product("Group Loan")
            .branch("Jinja")
            .officer("")
            .installment("2025-02-01", 50000)
            .installment("2025-03-01", 50000)
            .fee("K2", 2, "2025-03-05", 2000)
            .payment("O10", "2025-03-05", 30000, "2025-03-09", rd::PaymentMethod::Cheque)
            .payment("O9", "2025-03-05", 60000)
            .build());
    loans.push_back(LedgerBuilder("WO", "2024-01-01")
                        .product("Agri Loan")
                        .branch("Jinja")
                        .officer("kato")
                        .installment("2024-02-01", 50000, 5000)
                        .installment("2024-03-01", 50000, 5000)
                        .payment("W1", "2024-02-01", 55000)
                        .payment("W2", "2025-08-15", 20000)
                        .writtenOff("2025-06-30")
                        .build());
    loans.push_back(LedgerBuilder("LATER", "2025-12-01")
                        .product("School Fees")
                        .branch("Gulu")
                        .officer("atim")
                        .installment("2026-01-01", 100000)
                        .build());
    loans.push_back(LedgerBuilder("LEAP", "2024-01-29")
                        .product("Group Loan")
                        .branch("Jinja")
                        .officer("kato")
                        .installment("2024-02-29", 50000)
                        .installment("2024-03-29", 50000)
                        .payment("E1", "2024-03-01", 50000)
                        .build());
    return loans;
}

// A deterministic generator of random but valid ledgers (checkLedger finds no problem in
// them): 1-12 installments weekly, biweekly or monthly, charges and payments on random
// dates, some payments reversed, some loans written off. Amounts are plain integers, so the
// same ledgers stand for any currency exponent.
class RandomLedgers {
public:
    explicit RandomLedgers(std::uint64_t seed) : rng_(seed) {}

    // A uniformly drawn integer in [lo, hi] (portable: no std distribution).
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
        return lo + static_cast<std::int64_t>(rng_() % span);
    }
    bool chance(int percent) { return between(1, 100) <= percent; }
    std::mt19937_64& engine() { return rng_; }

    rd::LoanLedger next() {
        rd::LoanLedger loan;
        const int serial = ++serial_;
        loan.terms.loanId = fmt::format("R{}", serial);
        loan.terms.clientId = fmt::format("C{}", between(1, 500));
        static const char* const kProducts[] = {"Business Loan", "Group Loan", "Agri Loan",
                                                "School Fees"};
        static const char* const kBranches[] = {"Gulu", "Jinja", "Kampala Central", "Mbale"};
        static const char* const kOfficers[] = {"",       "atim",   "kato",
                                                "okello", "Zawadi", "\xc3\x89mile"};
        loan.terms.product = kProducts[between(0, 3)];
        loan.terms.branch = kBranches[between(0, 3)];
        loan.terms.creditOfficer = kOfficers[between(0, 5)];
        loan.terms.disbursedOn = day("2020-01-01").addDays(static_cast<int>(between(0, 2200)));

        const int count = static_cast<int>(between(1, 12));
        const int frequency = static_cast<int>(between(0, 2)); // weekly, biweekly, monthly
        const bool bigAmounts = chance(50); // UGX-like magnitudes, else KES/KWD-like
        for (int k = 1; k <= count; ++k) {
            rd::Installment in;
            in.number = k;
            in.dueDate = frequency == 2 ? loan.terms.disbursedOn.addMonths(k)
                                        : loan.terms.disbursedOn.addDays(k * 7 * (frequency + 1));
            in.principalDue = bigAmounts ? between(1, 2000) * 500 : between(0, 50000);
            in.interestDue = chance(85) ? between(0, in.principalDue / 5 + 1) : 0;
            in.feeDue = chance(20) ? between(1, 3000) : 0;
            loan.terms.principal += in.principalDue;
            loan.schedule.push_back(in);
        }
        if (loan.terms.principal == 0) { // principal must be > 0
            loan.schedule.back().principalDue = 1;
            loan.terms.principal = 1;
        }
        const rd::Date last = loan.schedule.back().dueDate;
        const int span = (last - loan.terms.disbursedOn) + 200;
        rd::Amount totalDue = 0;
        for (const rd::Installment& in : loan.schedule)
            totalDue += in.principalDue + in.interestDue + in.feeDue;

        const int charges = static_cast<int>(between(0, 4));
        for (int c = 0; c < charges; ++c) {
            rd::Charge charge;
            charge.id = fmt::format("K{}-{}", serial, c * 10 + between(1, 10));
            charge.installmentNumber = static_cast<int>(between(1, count));
            charge.chargedOn = loan.terms.disbursedOn.addDays(static_cast<int>(between(0, span)));
            charge.kind = chance(50) ? rd::ChargeKind::Fee : rd::ChargeKind::Penalty;
            charge.amount = between(1, 5000);
            loan.charges.push_back(std::move(charge));
        }
        const int payments = static_cast<int>(between(0, 8));
        for (int p = 0; p < payments; ++p) {
            rd::Payment payment;
            // Unique within the loan, and a mix of ids like P9 and P10 (byte order).
            payment.id = fmt::format("P{}", p * 15 + between(1, 15));
            payment.paidOn = loan.terms.disbursedOn.addDays(static_cast<int>(between(0, span)));
            const rd::Amount typical = totalDue / (count + 1) + 1;
            payment.amount = chance(10) ? between(1, totalDue + 5000) : between(1, typical * 2);
            payment.method = chance(70) ? rd::PaymentMethod::Cash : rd::PaymentMethod::Cheque;
            if (payment.method != rd::PaymentMethod::Cash)
                payment.reference = fmt::format("CHQ-{}", between(1, 99999));
            if (chance(15))
                payment.reversedOn = payment.paidOn.addDays(static_cast<int>(between(0, 30)));
            loan.payments.push_back(std::move(payment));
        }
        if (chance(10))
            loan.terms.writtenOffOn =
                loan.terms.disbursedOn.addDays(static_cast<int>(between(0, span)));
        return loan;
    }

    // An as-of date from a little before disbursement to well after the last due date.
    rd::Date asOfFor(const rd::LoanLedger& loan) {
        const rd::Date last = loan.schedule.back().dueDate;
        const int span = (last - loan.terms.disbursedOn) + 460;
        return loan.terms.disbursedOn.addDays(static_cast<int>(between(-30, span)));
    }

private:
    std::mt19937_64 rng_;
    int serial_ = 0;
};

} // namespace rdtest

// Readable values in failure messages.
namespace Catch {
template <> struct StringMaker<rd::Date> {
    static std::string convert(const rd::Date& d) { return d.toString(); }
};
template <> struct StringMaker<rd::ComponentAmounts> {
    static std::string convert(const rd::ComponentAmounts& c) {
        return fmt::format("{{principal {}, interest {}, fees {}, penalties {}}}", c.principal,
                           c.interest, c.fees, c.penalties);
    }
};
template <> struct StringMaker<rd::LoanStatus> {
    static std::string convert(rd::LoanStatus s) { return rd::toString(s); }
};
} // namespace Catch

#include "core/loan_position.h"
#include "demo/demo_generator.h"

#include <catch2/catch.hpp>
#include <set>

using namespace rd;
using namespace rd::demo;

namespace {

Date d(const char* text) {
    return Date::parse(text).value();
}

DemoOptions options(std::int64_t loans, std::uint64_t seed, Currency currency = {"UGX", 0}) {
    DemoOptions o;
    o.loans = loans;
    o.seed = seed;
    o.asOf = d("2026-11-28");
    o.currency = std::move(currency);
    return o;
}

bool startsWith(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

// Every rule of interchange.md section 1 that one loan can break on its own.
void checkLoan(const DemoLoan& loan, Date asOf) {
    const LoanLedger& l = loan.ledger;
    const LoanTerms& t = l.terms;
    INFO(t.loanId);
    REQUIRE(startsWith(t.loanId, "LN"));
    REQUIRE(startsWith(t.clientId, "CL"));
    REQUIRE_FALSE(t.product.empty());
    REQUIRE_FALSE(t.branch.empty());
    REQUIRE(t.principal > 0);
    REQUIRE((loan.interestMethod == "flat" || loan.interestMethod == "declining"));
    REQUIRE((loan.frequency == "weekly" || loan.frequency == "biweekly" ||
             loan.frequency == "monthly"));
    REQUIRE_FALSE(loan.annualInterestRate.empty());
    REQUIRE(loan.annualInterestRate.find_first_not_of("0123456789.") == std::string::npos);

    REQUIRE_FALSE(l.schedule.empty());
    Amount principal = 0;
    Date previous = t.disbursedOn;
    for (std::size_t i = 0; i < l.schedule.size(); ++i) {
        const Installment& inst = l.schedule[i];
        REQUIRE(inst.number == static_cast<int>(i) + 1);
        REQUIRE(inst.dueDate > previous);
        previous = inst.dueDate;
        REQUIRE(inst.principalDue >= 0);
        REQUIRE(inst.interestDue >= 0);
        REQUIRE(inst.feeDue >= 0);
        principal += inst.principalDue;
    }
    REQUIRE(principal == t.principal);

    if (t.writtenOffOn) {
        REQUIRE(*t.writtenOffOn >= t.disbursedOn);
        REQUIRE(*t.writtenOffOn <= asOf);
    }
    if (t.disbursedOn > asOf) {
        REQUIRE(l.payments.empty());
        REQUIRE(l.charges.empty());
        REQUIRE_FALSE(t.writtenOffOn);
    }
    for (const Charge& c : l.charges) {
        REQUIRE(startsWith(c.id, "CH"));
        REQUIRE(c.amount > 0);
        REQUIRE(c.chargedOn >= t.disbursedOn);
        REQUIRE(c.chargedOn <= asOf);
        REQUIRE(c.installmentNumber >= 1);
        REQUIRE(c.installmentNumber <= static_cast<int>(l.schedule.size()));
    }
    for (const Payment& p : l.payments) {
        REQUIRE(startsWith(p.id, "PY"));
        REQUIRE(p.amount > 0);
        REQUIRE(p.paidOn >= t.disbursedOn);
        REQUIRE(p.paidOn <= asOf);
        if (p.reversedOn) {
            REQUIRE(*p.reversedOn >= p.paidOn);
            REQUIRE(*p.reversedOn <= asOf);
        }
        switch (p.method) {
        case PaymentMethod::Cash:
            break;
        case PaymentMethod::MobileMoney:
            REQUIRE(startsWith(p.reference, "MM-"));
            break;
        case PaymentMethod::Cheque:
            REQUIRE(startsWith(p.reference, "CHQ-"));
            break;
        default:
            REQUIRE_FALSE(p.reference.empty());
        }
    }
}

struct Portfolio {
    std::int64_t loans = 0, clients = 0;
    std::set<LoanStatus> statuses;
    std::vector<int> activeByBucket = std::vector<int>(BucketScheme::standard().size(), 0);
    bool creditBalance = false, reversal = false, recoveryAfterWriteOff = false;
    bool decimalPrincipal = false, noOfficer = false, groupName = false;
    std::set<std::string> products, frequencies, methods, branches;
};

Portfolio walk(const DemoOptions& o) {
    Portfolio p;
    DemoGenerator generator(o);
    DemoLoan loan;
    PositionCalculator calc;
    std::set<std::string> loanIds, clientIds, paymentIds, chargeIds;
    Amount minorPerMajor = 1;
    for (int i = 0; i < o.currency.exponent; ++i)
        minorPerMajor *= 10;
    while (generator.next(loan)) {
        ++p.loans;
        checkLoan(loan, o.asOf);
        const LoanLedger& l = loan.ledger;
        REQUIRE(loanIds.insert(l.terms.loanId).second);
        if (loan.newClient) {
            ++p.clients;
            REQUIRE(loan.newClient->clientId == l.terms.clientId);
            REQUIRE(clientIds.insert(loan.newClient->clientId).second);
            REQUIRE(loan.newClient->branch == l.terms.branch);
            REQUIRE_FALSE(loan.newClient->fullName.empty());
            REQUIRE(startsWith(loan.newClient->phone, "+2567"));
            REQUIRE(loan.newClient->phone.size() == 13);
            p.groupName = p.groupName || !loan.newClient->groupName.empty();
        } else {
            REQUIRE(clientIds.count(l.terms.clientId) == 1); // a client seen before
        }
        if (l.terms.product == "Group Loan")
            REQUIRE(l.terms.branch.size() > 0);
        for (const Payment& pay : l.payments) {
            REQUIRE(paymentIds.insert(pay.id).second);
            p.methods.insert(toString(pay.method));
            p.reversal = p.reversal || pay.reversedOn.has_value();
            if (l.terms.writtenOffOn && pay.paidOn > *l.terms.writtenOffOn)
                p.recoveryAfterWriteOff = true;
        }
        for (const Charge& c : l.charges)
            REQUIRE(chargeIds.insert(c.id).second);
        p.decimalPrincipal = p.decimalPrincipal || l.terms.principal % minorPerMajor != 0;
        p.noOfficer = p.noOfficer || l.terms.creditOfficer.empty();
        p.products.insert(l.terms.product);
        p.frequencies.insert(loan.frequency);
        p.branches.insert(l.terms.branch);

        const LoanPosition pos = calc.compute(l, o.asOf);
        REQUIRE(pos.daysPastDue >= 0);
        REQUIRE(pos.outstandingPrincipal >= 0);
        REQUIRE(pos.outstandingPrincipal <= l.terms.principal);
        REQUIRE(pos.arrears.principal >= 0);
        REQUIRE(pos.arrears.interest >= 0);
        REQUIRE(pos.arrears.fees >= 0);
        REQUIRE(pos.arrears.penalties >= 0);
        REQUIRE(pos.creditBalance >= 0);
        REQUIRE(pos.paymentsCounted >= 0);
        for (const InstallmentState& s : calc.installments()) {
            REQUIRE(s.unpaid().principal >= 0);
            REQUIRE(s.unpaid().interest >= 0);
            REQUIRE(s.unpaid().fees >= 0);
            REQUIRE(s.unpaid().penalties >= 0);
        }
        p.statuses.insert(pos.status);
        if (pos.status == LoanStatus::Active)
            ++p.activeByBucket[*pos.bucketIndex];
        if (pos.creditBalance > 0) {
            p.creditBalance = true;
            REQUIRE(pos.status != LoanStatus::Active); // only left once all is paid
        }
        if (l.terms.writtenOffOn)
            REQUIRE(pos.status == LoanStatus::WrittenOff); // written_off_on <= asOf
    }
    return p;
}

} // namespace

TEST_CASE("a 2000-loan portfolio fills every bucket and every status", "[demo][generator]") {
    const std::uint64_t seed = GENERATE(1, 2, 3);
    INFO("seed " << seed);
    const Portfolio p = walk(options(2000, seed));
    CHECK(p.loans == 2000);
    CHECK(p.clients > 1500); // some clients have two loans or more
    CHECK(p.clients < 2000);

    const BucketScheme scheme = BucketScheme::standard();
    const auto& buckets = scheme.buckets();
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        INFO("bucket " << buckets[b].name);
        CHECK(p.activeByBucket[b] > 0);
    }
    // Believable shape: most active loans current, 1-30 the largest of the others.
    int active = 0;
    for (int n : p.activeByBucket)
        active += n;
    CHECK(p.activeByBucket[0] * 10 > active * 7);
    for (std::size_t b = 2; b < buckets.size(); ++b)
        CHECK(p.activeByBucket[1] > p.activeByBucket[b]);

    for (LoanStatus s : {LoanStatus::Active, LoanStatus::PaidOff, LoanStatus::WrittenOff,
                         LoanStatus::NotDisbursed})
        CHECK(p.statuses.count(s) == 1);
    CHECK(p.creditBalance);
    CHECK(p.reversal);
    CHECK(p.recoveryAfterWriteOff);
    CHECK(p.noOfficer);
    CHECK(p.groupName);
    CHECK(p.products.size() == 5);
    CHECK(p.frequencies.size() == 3);
    CHECK(p.methods == std::set<std::string>{"bank_transfer", "cash", "cheque", "mobile_money"});
    CHECK(p.branches.size() >= 8);
    CHECK_FALSE(p.decimalPrincipal); // UGX has no minor unit
}

TEST_CASE("the generator works in currencies with 2 and 3 decimals", "[demo][generator]") {
    for (const Currency& c : {Currency{"KES", 2}, Currency{"KWD", 3}, Currency{"USD", 2}}) {
        INFO(c.code);
        const Portfolio p = walk(options(1500, 5, c));
        CHECK(p.loans == 1500);
        CHECK(p.decimalPrincipal); // some principals keep their cents
        CHECK(p.statuses.size() == 4);
        CHECK(p.creditBalance);
    }
}

TEST_CASE("sizes are sensible for the product and the currency", "[demo][generator]") {
    DemoGenerator ugx(options(3000, 11));
    DemoLoan loan;
    while (ugx.next(loan)) {
        const Amount p = loan.ledger.terms.principal;
        INFO(loan.ledger.terms.loanId << " " << p);
        CHECK(p % 1000 == 0);
        CHECK(p >= 300'000);
        CHECK(p <= 15'000'000);
        if (loan.ledger.terms.product == "Group Loan")
            CHECK(p <= 3'000'000);
        if (loan.ledger.terms.product == "Asset Finance")
            CHECK(p >= 3'000'000);
        if (loan.ledger.terms.product == "Agricultural Loan")
            CHECK(loan.frequency == "monthly");
    }

    DemoGenerator kes(options(500, 11, {"KES", 2}));
    while (kes.next(loan)) { // KES 10,000 to KES 550,000 or so
        CHECK(loan.ledger.terms.principal >= 10'000'00);
        CHECK(loan.ledger.terms.principal <= 600'000'00);
    }
}

TEST_CASE("the same seed gives the same loans, another seed other loans", "[demo][generator]") {
    DemoGenerator a(options(300, 77)), b(options(300, 77)), c(options(300, 78));
    DemoLoan la, lb, lc;
    int differences = 0;
    while (a.next(la)) {
        REQUIRE(b.next(lb));
        REQUIRE(c.next(lc));
        CHECK(la.ledger.terms.principal == lb.ledger.terms.principal);
        CHECK(la.ledger.terms.clientId == lb.ledger.terms.clientId);
        CHECK(la.ledger.payments.size() == lb.ledger.payments.size());
        CHECK(la.newClient.has_value() == lb.newClient.has_value());
        if (la.newClient && lb.newClient)
            CHECK(la.newClient->fullName == lb.newClient->fullName);
        if (la.ledger.terms.principal != lc.ledger.terms.principal)
            ++differences;
    }
    CHECK_FALSE(b.next(lb));
    CHECK(differences > 200);
}

TEST_CASE("zero loans gives nothing", "[demo][generator]") {
    DemoGenerator g(options(0, 1));
    DemoLoan loan;
    CHECK_FALSE(g.next(loan));
}

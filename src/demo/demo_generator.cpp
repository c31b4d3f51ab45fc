#include "demo/demo_generator.h"

#include "demo/demo_amounts.h"
#include "demo/demo_behaviour.h"
#include "demo/demo_clients.h"
#include "demo/demo_names.h"
#include "demo/demo_random.h"
#include "demo/demo_schedule.h"
#include "demo/demo_timeline.h"

#include <fmt/format.h>

namespace rd::demo {
namespace {

constexpr std::uint64_t kLoanStream = 0x10A4;

enum class Product { Individual, Group, Agricultural, SchoolFees, AssetFinance };

const char* productName(Product p) {
    switch (p) {
    case Product::Individual:
        return "Individual Business Loan";
    case Product::Group:
        return "Group Loan";
    case Product::Agricultural:
        return "Agricultural Loan";
    case Product::SchoolFees:
        return "School Fees Loan";
    case Product::AssetFinance:
        return "Asset Finance";
    }
    return "Individual Business Loan";
}

// A principal between lo and hi shillings, small loans more common than large ones.
std::int64_t principalUgx(Rng& rng, std::int64_t lo, std::int64_t hi) {
    const auto u = static_cast<WideAmount>(rng.below(1'000'000));
    return lo + static_cast<std::int64_t>(static_cast<WideAmount>(hi - lo) * u * u /
                                          (static_cast<WideAmount>(1'000'000) * 1'000'000));
}

template <std::size_t N> int pickRate(Rng& rng, const int (&rates)[N]) {
    // Mostly whole percentages, sometimes a half.
    return rng.pick(rates) + (rng.permille(150) ? 50 : 0);
}

} // namespace

struct DemoGenerator::Impl {
    explicit Impl(DemoOptions o)
        : options(std::move(o)), scale(options.currency),
          timeline(options.loans, options.asOf, options.seed) {}

    void generate(std::int64_t index, DemoLoan& out);
    Product chooseProduct(Rng& rng, const ClientProfile& client) const;
    Behaviour chooseBehaviour(Rng& rng, Product product) const;

    DemoOptions options;
    AmountScale scale;
    Timeline timeline;
    std::int64_t nextLoan = 0;
    std::uint64_t nextPayment = 1;
    std::uint64_t nextCharge = 1;
    BehaviourSimulator simulator;
    BehaviourSetup setup;
};

DemoGenerator::DemoGenerator(DemoOptions o) : impl_(std::make_unique<Impl>(std::move(o))) {}
DemoGenerator::~DemoGenerator() = default;
DemoGenerator::DemoGenerator(DemoGenerator&&) noexcept = default;
DemoGenerator& DemoGenerator::operator=(DemoGenerator&&) noexcept = default;

const DemoOptions& DemoGenerator::options() const {
    return impl_->options;
}

bool DemoGenerator::next(DemoLoan& out) {
    if (impl_->nextLoan >= impl_->timeline.loans())
        return false;
    impl_->generate(impl_->nextLoan++, out);
    return true;
}

Product DemoGenerator::Impl::chooseProduct(Rng& rng, const ClientProfile& client) const {
    if (client.groupMember && rng.permille(880))
        return Product::Group;
    const bool rural = branches()[client.branch].rural;
    static constexpr Product kOthers[] = {Product::Individual, Product::Agricultural,
                                          Product::SchoolFees, Product::AssetFinance};
    return kOthers[rng.weighted({40, rural ? 30 : 10, 22, 14})];
}

Behaviour DemoGenerator::Impl::chooseBehaviour(Rng& rng, Product product) const {
    // OnTime, Late, Partial, PayAhead, CloseEarly, RoundUp, BouncedCheque, Defaulter.
    int weights[kBehaviourCount] = {635, 75, 40, 30, 35, 55, 25, 85};
    if (product == Product::Group) { // peer guarantee; nobody pays a group loan by cheque
        weights[0] += 25 + 20;
        weights[6] = 0;
        weights[7] -= 20;
    } else if (product == Product::Agricultural) { // weather and prices
        weights[0] -= 30;
        weights[7] += 30;
    }
    return static_cast<Behaviour>(rng.weighted(weights));
}

void DemoGenerator::Impl::generate(std::int64_t index, DemoLoan& out) {
    Rng rng(mixSeed(options.seed, kLoanStream, static_cast<std::uint64_t>(index)));
    const Date disbursedOn = timeline.disbursedOn(index);

    ClientProfile client;
    if (timeline.isRepeat(index)) {
        const std::int64_t first = timeline.earlierLoan(index, rng);
        makeClient(options.seed, timeline.clientNumber(first), client, nullptr);
        out.newClient.reset();
    } else {
        if (!out.newClient)
            out.newClient.emplace();
        makeClient(options.seed, timeline.clientNumber(index), client, &*out.newClient);
    }
    const Branch& branch = branches()[client.branch];

    // Product and contract.
    const Product product = chooseProduct(rng, client);
    ScheduleTerms terms;
    std::int64_t ugx = 0;
    switch (product) {
    case Product::Group: {
        ugx = principalUgx(rng, 300'000, 3'000'000);
        static constexpr int kWeekly[] = {16, 20, 24, 26};
        static constexpr int kBiweekly[] = {8, 10, 12, 13};
        static constexpr int kRates[] = {2400, 2700, 3000, 3300, 3600};
        if (rng.permille(700)) {
            terms.frequency = Frequency::Weekly;
            terms.installments = rng.pick(kWeekly);
        } else {
            terms.frequency = Frequency::Biweekly;
            terms.installments = rng.pick(kBiweekly);
        }
        terms.method = rng.permille(850) ? InterestMethod::Flat : InterestMethod::Declining;
        terms.annualRateBasisPoints = pickRate(rng, kRates);
        break;
    }
    case Product::Individual: {
        ugx = principalUgx(rng, 1'000'000, 10'000'000);
        static constexpr int kRates[] = {2400, 2800, 3000, 3200, 3600, 4200};
        const std::size_t f = rng.weighted({75, 10, 15});
        if (f == 0) {
            terms.frequency = Frequency::Monthly;
            terms.installments = rng.rangeInt(3, 12);
        } else if (f == 1) {
            terms.frequency = Frequency::Weekly;
            terms.installments = rng.rangeInt(12, 26);
        } else {
            terms.frequency = Frequency::Biweekly;
            terms.installments = rng.rangeInt(6, 13);
        }
        terms.method = rng.permille(600) ? InterestMethod::Declining : InterestMethod::Flat;
        terms.annualRateBasisPoints = pickRate(rng, kRates);
        break;
    }
    case Product::Agricultural: {
        ugx = principalUgx(rng, 500'000, 6'000'000);
        static constexpr int kRates[] = {1800, 2000, 2200, 2400, 2600, 3000};
        terms.frequency = Frequency::Monthly;
        terms.installments = rng.rangeInt(4, 12);
        terms.firstDueAfterPeriods = static_cast<int>(rng.weighted({40, 35, 25})) + 1; // harvest
        terms.method = rng.permille(700) ? InterestMethod::Declining : InterestMethod::Flat;
        terms.annualRateBasisPoints = pickRate(rng, kRates);
        break;
    }
    case Product::SchoolFees: {
        ugx = principalUgx(rng, 300'000, 4'000'000);
        static constexpr int kRates[] = {2400, 2700, 3000, 3600};
        terms.frequency = Frequency::Monthly;
        terms.installments = rng.rangeInt(3, 6);
        terms.method = rng.permille(600) ? InterestMethod::Flat : InterestMethod::Declining;
        terms.annualRateBasisPoints = pickRate(rng, kRates);
        break;
    }
    case Product::AssetFinance: {
        ugx = principalUgx(rng, 3'000'000, 15'000'000);
        static constexpr int kTerms[] = {12, 18, 24, 30, 36};
        static constexpr int kRates[] = {2000, 2200, 2400, 2600, 2800, 3000};
        terms.frequency = Frequency::Monthly;
        terms.installments = rng.pick(kTerms);
        terms.method = rng.permille(800) ? InterestMethod::Declining : InterestMethod::Flat;
        terms.annualRateBasisPoints = pickRate(rng, kRates);
        break;
    }
    }

    // Round amounts, mostly in steps of UGX 50,000; in currencies with decimals some
    // principals keep their cents (a top-up, a refinanced balance).
    const Amount raw = scale.fromUgx(ugx);
    Amount principal = raw;
    if (scale.exponent() == 0 || !rng.permille(80)) {
        static constexpr std::int64_t kSteps[] = {50'000, 10'000, 1'000};
        principal = roundToStep(raw, scale.stepFor(kSteps[rng.weighted({70, 20, 10})]));
    }
    terms.principal = principal;
    terms.disbursedOn = disbursedOn;
    if (product == Product::AssetFinance) // insurance, 0.15% of the principal a month
        terms.feePerInstallment = std::max<Amount>(1, applyBasisPoints(principal, 15));
    else if (product == Product::Individual && rng.permille(150)) // ledger fee
        terms.feePerInstallment = roundToStep(scale.fromUgx(5'000), scale.stepFor(1'000));

    LoanLedger& ledger = out.ledger;
    ledger.clearEvents();
    LoanTerms& t = ledger.terms;
    t.loanId = fmt::format("LN{:07}", index + 1);
    t.clientId = clientId(client.number);
    t.product = productName(product);
    t.branch = std::string(branch.name);
    t.creditOfficer =
        rng.permille(20) ? std::string() : std::string(branch.officers[client.officer]);
    t.principal = principal;
    t.disbursedOn = disbursedOn;
    t.writtenOffOn.reset();
    buildSchedule(terms, ledger.schedule);

    out.annualInterestRate = formatRate(terms.annualRateBasisPoints);
    out.interestMethod = toString(terms.method);
    out.frequency = toString(terms.frequency);

    // How the client pays.
    setup.behaviour = chooseBehaviour(rng, product);
    setup.asOf = options.asOf;
    setup.disbursedOn = disbursedOn;
    setup.frequency = terms.frequency;
    setup.paymentStep = scale.stepFor(1'000);
    setup.bounceFee = roundToStep(scale.fromUgx(rng.range(4, 10) * 5'000), setup.paymentStep);
    setup.collectionFee = roundToStep(scale.fromUgx(rng.range(2, 6) * 5'000), setup.paymentStep);
    setup.statementFee =
        rng.permille(30) ? roundToStep(scale.fromUgx(rng.range(5, 10) * 1'000), setup.paymentStep)
                         : 0;
    setup.penaltyBasisPoints =
        rng.permille(product == Product::Group ? 500 : 800) ? rng.rangeInt(2, 5) * 100 : 0;
    static constexpr PaymentMethod kMethods[] = {PaymentMethod::MobileMoney, PaymentMethod::Cash,
                                                 PaymentMethod::BankTransfer};
    const bool business = product == Product::Individual || product == Product::AssetFinance;
    setup.preferredMethod =
        kMethods[business ? rng.weighted({40, 25, 35}) : rng.weighted({58, 32, 10})];
    setup.chequePayer =
        setup.behaviour == Behaviour::BouncedCheque || (business && rng.permille(60));
    simulator.run(rng, setup, ledger.schedule, ledger.charges, ledger.payments, t.writtenOffOn);

    for (Charge& c : ledger.charges)
        c.id = fmt::format("CH{:07}", nextCharge++);
    for (Payment& p : ledger.payments)
        p.id = fmt::format("PY{:08}", nextPayment++);
}

} // namespace rd::demo

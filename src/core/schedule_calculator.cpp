#include "schedule_calculator.h"

#include <algorithm>
#include <fmt/format.h>
#include <gmp.h>
#include <numeric>
#include <utility>

namespace rd {
namespace {

__extension__ typedef unsigned __int128 Wide;

static_assert(sizeof(unsigned long) == 8, "GMP's ui functions must take 64 bits");

constexpr int kMaxEveryMonths = 120;
constexpr int kMaxEveryWeeks = 520;
constexpr int kMaxExponent = 4;
// actual/actual counts each day over 365 or 366: both are whole multiples of this.
constexpr std::int64_t kActualActualBase = 365 * 366;

Error invalid(std::string message, const char* field) {
    return Error{std::move(message), ErrorKind::Invalid, Hint::None, {{"field", field}}};
}

Wide gcd(Wide a, Wide b) {
    if (a >> 64 == 0 && b >> 64 == 0) // far quicker than 128-bit division
        return std::gcd(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
    while (b != 0) {
        a %= b;
        std::swap(a, b);
    }
    return a;
}

// An mpz_t that frees itself.
class Big {
public:
    Big() { mpz_init(value_); }
    ~Big() { mpz_clear(value_); }
    Big(const Big&) = delete;
    Big& operator=(const Big&) = delete;
    operator mpz_ptr() { return value_; }
    operator mpz_srcptr() const { return value_; }
    void reserve(mp_bitcnt_t bits) { mpz_realloc2(value_, bits); }

private:
    mpz_t value_;
};

void assign(mpz_ptr z, Wide v) {
    mpz_set_ui(z, static_cast<unsigned long>(v >> 64));
    mpz_mul_2exp(z, z, 64);
    mpz_add_ui(z, z, static_cast<unsigned long>(v));
}

void multiply(mpz_ptr z, Wide v, mpz_ptr scratch) {
    if (v >> 64 == 0) {
        mpz_mul_ui(z, z, static_cast<unsigned long>(v));
    } else {
        assign(scratch, v);
        mpz_mul(z, z, scratch);
    }
}

int bitLength(Wide v) {
    int bits = 0;
    for (; v != 0; v >>= 1)
        ++bits;
    return bits;
}

// quotient = numerator / denominator rounded half to even (denominator > 0).
void divideHalfEven(mpz_ptr quotient, mpz_srcptr numerator, mpz_srcptr denominator,
                    mpz_ptr scratch) {
    mpz_fdiv_qr(quotient, scratch, numerator, denominator);
    mpz_mul_2exp(scratch, scratch, 1);
    const int c = mpz_cmp(scratch, denominator);
    if (c > 0 || (c == 0 && mpz_odd_p(quotient)))
        mpz_add_ui(quotient, quotient, 1);
}

// The amount in `value`, or nullopt when it is beyond kMaxAmount.
std::optional<Amount> toAmount(mpz_srcptr value) {
    if (mpz_sgn(value) < 0 || mpz_cmp_si(value, kMaxAmount) > 0)
        return std::nullopt;
    return static_cast<Amount>(mpz_get_si(value));
}

// r_i = num / den exactly, reduced.
struct PeriodRate {
    Wide num = 0;
    Wide den = 1;
};

struct Scratch {
    Big product, divisor, quotient, rest, spare;
};

// base x rate rounded half to even, or nullopt beyond kMaxAmount.
std::optional<Amount> interestOn(Amount base, const PeriodRate& rate, Scratch& s) {
    // base < 2^50 (kMaxAmount), so with num < 2^77 the product stays below 2^127.
    if (rate.num >> 77 == 0) {
        const Wide product = static_cast<Wide>(base) * rate.num;
        Wide quotient = product / rate.den;
        const Wide twice = (product % rate.den) * 2;
        if (twice > rate.den || (twice == rate.den && (quotient & 1) != 0))
            ++quotient;
        if (quotient > static_cast<Wide>(kMaxAmount))
            return std::nullopt;
        return static_cast<Amount>(quotient);
    }
    mpz_set_si(s.product, base);
    multiply(s.product, rate.num, s.spare);
    assign(s.divisor, rate.den);
    divideHalfEven(s.quotient, s.product, s.divisor, s.rest);
    return toAmount(s.quotient);
}

Date addPeriods(Date from, const ScheduleInput& in, int count) {
    return in.unit == PeriodUnit::Months ? from.addMonths(in.every * count)
                                         : from.addDays(7 * in.every * count);
}

Date dueDate(const ScheduleInput& in, int i) {
    return in.firstDue ? addPeriods(*in.firstDue, in, i - 1) : addPeriods(in.start, in, i);
}

// The 30E/360 day count: each day of month past 30 counts as 30.
std::int64_t days30E(Date from, Date to) {
    const auto day = [](Date d) { return static_cast<std::int64_t>(std::min(d.day(), 30u)); };
    return 360 * static_cast<std::int64_t>(to.year() - from.year()) +
           30 * (static_cast<std::int64_t>(to.month()) - static_cast<std::int64_t>(from.month())) +
           day(to) - day(from);
}

bool isLeapYear(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// The period's year fraction t = numerator / denominator.
struct YearFraction {
    std::int64_t numerator = 0;
    std::int64_t denominator = 1;
};

YearFraction yearFraction(const ScheduleInput& in, Date from, Date to, bool irregularFirst) {
    switch (in.dayCount) {
    case DayCount::Thirty360:
        if (irregularFirst)
            return {in.unit == PeriodUnit::Months ? days30E(from, to) : to - from, 360};
        return {(in.unit == PeriodUnit::Months ? 30 : 7) * static_cast<std::int64_t>(in.every),
                360};
    case DayCount::Actual365:
        return {to - from, 365};
    case DayCount::ActualActual: {
        // The days after `from` up to and including `to`, each over its own year's length.
        YearFraction t{0, kActualActualBase};
        for (int y = from.year(); y <= to.year(); ++y) {
            const Date yearBefore = Date::fromCivil(y - 1, 12, 31);
            const Date yearEnd = Date::fromCivil(y, 12, 31);
            const std::int64_t days = std::min(to, yearEnd) - std::max(from, yearBefore);
            if (days > 0)
                t.numerator += days * (kActualActualBase / (isLeapYear(y) ? 366 : 365));
        }
        return t;
    }
    }
    return {};
}

Result<void> checkInput(const ScheduleInput& in) {
    if (in.amount <= 0)
        return invalid("the amount must be more than 0", "amount");
    if (in.amount > kMaxAmount)
        return invalid(fmt::format("the amount is more than the largest amount RecoveryDesk "
                                   "accepts ({})",
                                   formatAmount(kMaxAmount, in.exponent)),
                       "amount");
    if (in.ratePercent.units < 0)
        return invalid("the rate must not be negative (0 for a loan without interest)", "rate");
    if (in.ratePercent.scale < 0 || in.ratePercent.scale > kMaxDecimalDigits)
        return invalid(fmt::format("the rate has more than {} decimals", kMaxDecimalDigits),
                       "rate");
    if (in.exponent < 0 || in.exponent > kMaxExponent)
        return invalid(
            fmt::format("the currency's minor-unit exponent must be 0 to {}", kMaxExponent),
            "exponent");
    const bool months = in.unit == PeriodUnit::Months;
    const int maxEvery = months ? kMaxEveryMonths : kMaxEveryWeeks;
    if (in.every < 1 || in.every > maxEvery)
        return invalid(fmt::format("installments fall due every 1 to {} {}, not every {}", maxEvery,
                                   months ? "months" : "weeks", in.every),
                       "every");
    if (in.installments < 1)
        return invalid("there must be at least 1 installment", "installments");
    if (in.installments > kMaxScheduleInstallments)
        return invalid(
            fmt::format("a schedule has at most {} installments", kMaxScheduleInstallments),
            "installments");
    if (in.principalGrace < 0)
        return invalid("the principal grace must be 0 or more installments", "principal_grace");
    if (in.principalGrace >= in.installments)
        return invalid(fmt::format("a principal grace of {} leaves none of the {} installments "
                                   "to repay the principal: make the grace less than the "
                                   "number of installments",
                                   in.principalGrace, in.installments),
                       "principal_grace");
    if (in.firstDue && *in.firstDue <= in.start)
        return invalid(fmt::format("the first due date {} must be after the start date {}",
                                   in.firstDue->toString(), in.start.toString()),
                       "first_due");
    if (dueDate(in, in.installments) > Date::fromCivil(9999, 12, 31))
        return invalid("the last installment would fall due after the year 9999: use fewer "
                       "installments or a shorter period",
                       "installments");
    return {};
}

// 1 + r_i = (den + num) / den, multiplied into prod(1 + r_i) and the annuity sum; returns E
// = P x prod(1 + r_i) / sum_k prod_(i>k)(1 + r_i) over the amortising periods, rounded.
std::optional<Amount> equalInstallment(Amount amount, const std::vector<PeriodRate>& rates,
                                       std::size_t firstAmortising, Scratch& s) {
    const PeriodRate& first = rates[firstAmortising];
    const std::size_t count = rates.size() - firstAmortising;
    const bool sameAfterFirst =
        std::all_of(rates.begin() + static_cast<std::ptrdiff_t>(firstAmortising) + 1, rates.end(),
                    [&](const PeriodRate& r) {
                        return r.num == rates.back().num && r.den == rates.back().den;
                    });
    if (count > 1 && sameAfterFirst) {
        // The sum does not involve r_first; with every later 1 + r = a / b it is the geometric
        // series (a^m - b^m) / (b^(m-1) (a - b)), so E = P a_first a^(m-1) (a - b) /
        // (b_first (a^m - b^m)); with r = 0 it is m, so E = P a_first / (b_first m).
        const PeriodRate& later = rates.back();
        Big power;
        mpz_set_si(s.product, amount);
        multiply(s.product, first.den + first.num, s.spare);
        assign(s.divisor, first.den);
        if (later.num == 0) {
            mpz_mul_ui(s.divisor, s.divisor, static_cast<unsigned long>(count));
        } else {
            const auto m = static_cast<unsigned long>(count);
            assign(s.spare, later.den + later.num);
            mpz_pow_ui(power, s.spare, m - 1);
            mpz_mul(s.product, s.product, power);
            multiply(s.product, later.num, s.spare); // a - b
            mpz_mul(power, power, s.spare);          // a^m
            assign(s.rest, later.den);
            mpz_pow_ui(s.rest, s.rest, m);
            mpz_sub(power, power, s.rest);
            mpz_mul(s.divisor, s.divisor, power);
        }
        divideHalfEven(s.quotient, s.product, s.divisor, s.rest);
        return toAmount(s.quotient);
    }

    // With h = N / M: h = 1 for the first amortising period, then h = 1 + (1 + r_i) h; and
    // A = prod (den_i + num_i). Then E = P x A / (den_first x N).
    Big a, n, m;
    mp_bitcnt_t bits = 64;
    for (std::size_t i = firstAmortising; i < rates.size(); ++i)
        bits += static_cast<mp_bitcnt_t>(bitLength(rates[i].den + rates[i].num) + 1);
    a.reserve(bits);
    n.reserve(bits);
    m.reserve(bits);
    s.product.reserve(bits + 64);
    mpz_set_ui(a, 1);
    mpz_set_ui(n, 1);
    mpz_set_ui(m, 1);
    for (std::size_t i = firstAmortising; i < rates.size(); ++i) {
        const Wide onePlus = rates[i].den + rates[i].num;
        multiply(a, onePlus, s.spare);
        if (i > firstAmortising) {
            multiply(n, onePlus, s.spare);
            multiply(m, rates[i].den, s.spare);
            mpz_add(n, n, m);
        }
    }
    mpz_mul_si(s.product, a, amount);
    mpz_set(s.divisor, n);
    multiply(s.divisor, first.den, s.spare);
    divideHalfEven(s.quotient, s.product, s.divisor, s.rest);
    return toAmount(s.quotient);
}

} // namespace

Result<ComputedSchedule> computeSchedule(const ScheduleInput& in) {
    if (auto checked = checkInput(in); !checked)
        return checked.error();
    const int n = in.installments;
    const int g = in.principalGrace;
    const std::int64_t multiplier = in.ratePer == RatePer::Month ? 12 : 1;
    Wide scale = 100; // percent
    for (int i = 0; i < in.ratePercent.scale; ++i)
        scale *= 10;

    ComputedSchedule out;
    out.installments.reserve(static_cast<std::size_t>(n));
    std::vector<PeriodRate> rates;
    rates.reserve(static_cast<std::size_t>(n));
    const bool irregularFirst = in.firstDue && *in.firstDue != addPeriods(in.start, in, 1);
    Date from = in.start;
    YearFraction previous{-1, 1};
    for (int i = 1; i <= n; ++i) {
        const Date to = dueDate(in, i);
        const YearFraction t = yearFraction(in, from, to, i == 1 && irregularFirst);
        if (t.numerator == previous.numerator && t.denominator == previous.denominator) {
            rates.push_back(rates.back());
        } else {
            PeriodRate r;
            r.num = static_cast<Wide>(in.ratePercent.units) * static_cast<Wide>(multiplier) *
                    static_cast<Wide>(t.numerator);
            r.den = scale * static_cast<Wide>(t.denominator);
            const Wide common = r.num == 0 ? r.den : gcd(r.num, r.den);
            r.num /= common;
            r.den /= common;
            rates.push_back(r);
            previous = t;
        }
        out.installments.push_back(ScheduleLine{i, to, 0, 0, 0, 0});
        from = to;
    }

    Scratch scratch;
    const bool equalInstallments = in.method == InterestMethod::Declining &&
                                   in.amortization == Amortization::EqualInstallments;
    Amount installment = 0;
    std::vector<Amount> principalParts;
    if (equalInstallments) {
        const auto e = equalInstallment(in.amount, rates, static_cast<std::size_t>(g), scratch);
        if (!e)
            return invalid("the installment would be more than the largest amount RecoveryDesk "
                           "accepts: check the rate",
                           "rate");
        installment = *e;
    } else {
        principalParts = splitEvenly(in.amount, n - g);
    }

    Amount balance = in.amount;
    for (int i = 1; i <= n; ++i) {
        ScheduleLine& line = out.installments[static_cast<std::size_t>(i - 1)];
        const PeriodRate& rate = rates[static_cast<std::size_t>(i - 1)];
        const auto interest =
            interestOn(in.method == InterestMethod::Flat ? in.amount : balance, rate, scratch);
        if (!interest)
            return invalid(fmt::format("the interest of installment {} would be more than the "
                                       "largest amount RecoveryDesk accepts: check the rate",
                                       i),
                           "rate");
        line.interest = *interest;
        if (i <= g) {
            line.principal = 0;
        } else if (i == n) {
            line.principal = balance;
        } else if (equalInstallments) {
            if (line.interest > installment)
                return invalid(
                    fmt::format("the interest of installment {} ({}) is more than the "
                                "installment ({}), so the balance would grow: use a first due "
                                "date nearer the start, fewer installments or a lower rate",
                                i, formatAmount(line.interest, in.exponent),
                                formatAmount(installment, in.exponent)),
                    "installments");
            // Rounding can overshoot a tiny balance: the principal never exceeds it.
            line.principal = std::min(installment - line.interest, balance);
        } else {
            line.principal = principalParts[static_cast<std::size_t>(i - g - 1)];
        }
        balance -= line.principal;
        line.total = line.principal + line.interest;
        line.balance = balance;
        out.interest += line.interest;
    }
    out.principal = in.amount;
    out.total = out.principal + out.interest;
    return out;
}

std::optional<InterestMethod> interestMethodFromText(std::string_view text) {
    if (text == "declining")
        return InterestMethod::Declining;
    if (text == "flat")
        return InterestMethod::Flat;
    return std::nullopt;
}

std::optional<Amortization> amortizationFromText(std::string_view text) {
    if (text == "equal_installments")
        return Amortization::EqualInstallments;
    if (text == "equal_principal")
        return Amortization::EqualPrincipal;
    return std::nullopt;
}

std::optional<DayCount> dayCountFromText(std::string_view text) {
    if (text == "30/360")
        return DayCount::Thirty360;
    if (text == "actual/365")
        return DayCount::Actual365;
    if (text == "actual/actual")
        return DayCount::ActualActual;
    return std::nullopt;
}

std::optional<PeriodUnit> periodUnitFromText(std::string_view text) {
    if (text == "weeks")
        return PeriodUnit::Weeks;
    if (text == "months")
        return PeriodUnit::Months;
    return std::nullopt;
}

std::optional<RatePer> ratePerFromText(std::string_view text) {
    if (text == "year")
        return RatePer::Year;
    if (text == "month")
        return RatePer::Month;
    return std::nullopt;
}

} // namespace rd

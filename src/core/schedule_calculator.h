#pragma once

#include "date.h"
#include "decimal.h"
#include "money.h"
#include "result.h"

#include <optional>
#include <string_view>
#include <vector>

namespace rd {

// The repayment schedule calculator of domain.md section 9a (docs/plan-calculator.md).

enum class InterestMethod { Declining, Flat };
enum class Amortization { EqualInstallments, EqualPrincipal };
enum class DayCount { Thirty360, Actual365, ActualActual };
enum class PeriodUnit { Weeks, Months };
enum class RatePer { Year, Month };

struct ScheduleInput {
    Amount amount = 0;               // P, in minor units
    Decimal ratePercent;             // nominal rate in percent, exact
    RatePer ratePer = RatePer::Year; // per month means 12 times that per year
    InterestMethod method = InterestMethod::Declining;
    Amortization amortization = Amortization::EqualInstallments; // declining only
    DayCount dayCount = DayCount::Thirty360;
    int every = 1; // k
    PeriodUnit unit = PeriodUnit::Months;
    int installments = 0;         // n
    Date start;                   // S: interest runs from here
    std::optional<Date> firstDue; // D1; default S plus one period
    int principalGrace = 0;       // g: the first g installments pay interest only
    int exponent = 2;             // the currency's minor-unit exponent
};

struct ScheduleLine {
    int n = 0;
    Date dueDate;
    Amount principal = 0;
    Amount interest = 0;
    Amount total = 0;
    Amount balance = 0; // principal outstanding after this installment
};

struct ComputedSchedule {
    std::vector<ScheduleLine> installments;
    Amount principal = 0; // always the input amount
    Amount interest = 0;
    Amount total = 0;
};

inline constexpr int kMaxScheduleInstallments = 1200;

// The schedule, or an Invalid error saying what is wrong and what to do. The error's fact
// "field" names the input concerned (amount, rate, every, installments, first_due,
// principal_grace, exponent) so that a face can name its own field or option.
Result<ComputedSchedule> computeSchedule(const ScheduleInput& input);

// The words of interchange.md section 4 ("declining", "equal_principal", "30/360",
// "weeks", "month", ...).
std::optional<InterestMethod> interestMethodFromText(std::string_view text);
std::optional<Amortization> amortizationFromText(std::string_view text);
std::optional<DayCount> dayCountFromText(std::string_view text);
std::optional<PeriodUnit> periodUnitFromText(std::string_view text);
std::optional<RatePer> ratePerFromText(std::string_view text);

} // namespace rd

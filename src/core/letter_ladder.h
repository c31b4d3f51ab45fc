#pragma once

#include "date.h"
#include "result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd {

// One rung of the letter ladder (domain.md section 12, docs/letters.md): the kind of letter
// and what makes it due, a number of days past due or the deadline of an earlier letter
// passing while the loan is still in arrears.
struct LadderRung {
    std::string kind;
    int daysPastDue = 0;         // due from this DPD (when afterDeadlineOf is empty)
    std::string afterDeadlineOf; // due once this kind's latest deadline passed unpaid
    friend bool operator==(const LadderRung&, const LadderRung&) = default;
};

// The rungs from the lowest to the highest, and how long a kind is not due again after it
// was sent.
struct LetterLadder {
    std::vector<LadderRung> rungs;
    int repeatDays = 30;
};

inline constexpr const char* kLetterLadderDefault =
    "reminder:7,first_demand:30,final_demand:60,pre_legal_notice:after_final_demand";
inline constexpr int kLetterRepeatDaysDefault = 30;

// "reminder:7,first_demand:30,final_demand:60,pre_legal_notice:after_final_demand": each
// rung KIND:DPD (1-3650, higher than the rungs before it) or KIND:after_KIND (an earlier
// rung's kind); a kind once. `repeatDays` 1-365.
Result<LetterLadder> parseLetterLadder(std::string_view text, int repeatDays);
std::string letterLadderText(const LetterLadder& ladder);

// A letter the case was sent, as the ladder reads it.
struct LadderLetter {
    std::string kind;
    Date date;
    std::optional<Date> deadline;
};

// What the ladder needs to know of a case on the day.
struct LadderCase {
    int daysPastDue = 0;
    bool planKept = false;          // a plan is active and kept
    std::vector<LadderLetter> sent; // any order
};

struct LetterDue {
    std::string kind;
    int rung = 0;                 // index into LetterLadder::rungs
    std::string reason;           // "62 days past due (final demand from 60)"
    std::optional<Date> lastSent; // the last letter of this kind, when one was sent
};

// The letter a case needs on `date`, if any: only the highest rung the case has reached is
// due; a letter of that kind or of a higher rung sent within the repeat interval satisfies
// it; nothing is due while a plan is active and kept or when the loan is not in arrears.
// Letters dated after `date` are not counted.
std::optional<LetterDue> letterDue(const LetterLadder& ladder, const LadderCase& c, Date date);

} // namespace rd

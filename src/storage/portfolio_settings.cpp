#include "portfolio_settings.h"

#include "core/letter_deadlines.h"
#include "core/letter_ladder.h"
#include "core/text_trim.h"
#include "core/time_zone_name.h"

#include <charconv>
#include <fmt/format.h>
#include <set>

namespace rd::storage {
namespace {

constexpr const char* kWeightsDefault =
    "broken_plan=1000,broken_promise=1000,promise_due=500,hearing_due=500,plan_due=500,"
    "letter_due=400,follow_up_due=300,action_due=300,new_case=200,early_warning=100,"
    "money_at_stake=400,bucket_roll=300";

// A whole number of plain digits (no sign, no spaces inside).
std::optional<int> parseCount(std::string_view text) {
    text = trimView(text);
    if (text.empty() || text.size() > 9)
        return std::nullopt;
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.front() == '-' ||
        text.front() == '+')
        return std::nullopt;
    return value;
}

Result<int> parseRange(const std::string& key, const std::string& text, int lo, int hi,
                       const char* unit) {
    const auto n = parseCount(text);
    if (!n || *n < lo || *n > hi)
        return Error{fmt::format("\"{}\" is not a valid {}: give a whole number of {} from {} "
                                 "to {}",
                                 text, key, unit, lo, hi)};
    return *n;
}

std::optional<int> parseClock(std::string_view hhmm) {
    if (hhmm.size() != 5 || hhmm[2] != ':')
        return std::nullopt;
    const auto h = parseCount(hhmm.substr(0, 2));
    const auto m = parseCount(hhmm.substr(3, 2));
    if (!h || !m || *h > 23 || *m > 59)
        return std::nullopt;
    return *h * 60 + *m;
}

struct WeightKey {
    const char* name;
    int PriorityWeights::*field;
};
constexpr WeightKey kWeightKeys[] = {
    {"broken_plan", &PriorityWeights::brokenPlan},
    {"broken_promise", &PriorityWeights::brokenPromise},
    {"promise_due", &PriorityWeights::promiseDue},
    {"hearing_due", &PriorityWeights::hearingDue},
    {"plan_due", &PriorityWeights::planDue},
    {"letter_due", &PriorityWeights::letterDue},
    {"follow_up_due", &PriorityWeights::followUpDue},
    {"action_due", &PriorityWeights::actionDue},
    {"new_case", &PriorityWeights::newCase},
    {"early_warning", &PriorityWeights::earlyWarningPerFlag},
    {"money_at_stake", &PriorityWeights::moneyAtStake},
    {"bucket_roll", &PriorityWeights::bucketRoll},
};

std::string weightKeyNames() {
    std::string names;
    for (const auto& k : kWeightKeys)
        names += fmt::format("{}{}", names.empty() ? "" : ", ", k.name);
    return names;
}

template <typename T>
void readSetting(const Database& db, const char* key, T& target,
                 Result<T> (*parse)(const std::string&)) {
    if (auto text = db.setting(key))
        if (auto value = parse(*text))
            target = *value;
}

// The letterhead printed on receipts: one line of printable text each (empty leaves it off).
Result<std::string> validateLetterhead(const std::string& key, const std::string& value) {
    const std::string v(trimView(value));
    const std::size_t limit = key == "institution_name"      ? 80
                              : key == "institution_address" ? 120
                              : key == "institution_phone"   ? 40
                                                             : 40;
    for (const unsigned char c : v)
        if (c < 0x20 || c == 0x7f)
            return Error{
                fmt::format("{} must be one line of text without control characters", key)};
    if (v.size() > limit)
        return Error{fmt::format("{} is {} characters long; at most {} fit on a receipt", key,
                                 v.size(), limit)};
    if (key == "institution_phone")
        for (const char c : v)
            if (!(c >= '0' && c <= '9') && c != ' ' && c != '+' && c != '-' && c != '(' && c != ')')
                return Error{fmt::format("\"{}\" is not a valid institution_phone: give digits, "
                                         "spaces, +, - and parentheses only, e.g. +256 414 123456",
                                         value)};
    return v;
}

} // namespace

const std::vector<SettingInfo>& knownSettings() {
    static const std::vector<SettingInfo> settings = {
        {"buckets", "upper bounds in days past due of the buckets after `current`",
         "30,60,90,180,365"},
        {"arrears_tolerance",
         "an installment is overdue only when more than this amount is unpaid on it", "0"},
        {"contact_hours",
         "calls, SMS and visits only between these times, both included (HH:MM-HH:MM)",
         "08:00-20:00"},
        {"max_attempts_per_day",
         "outbound calls, SMS and visits on one loan a day; more needs a written reason (1-20)",
         "3"},
        {"promise_grace_days",
         "days after a promise's date that a payment still counts towards it (0-30)", "2"},
        {"case_open_dpd", "a case opens when a loan's days past due reach this (1-365)", "1"},
        {"case_cure_days",
         "a case closes as cured after the loan has been current this many days (1-365)", "30"},
        {"case_assignment",
         "who gets a new case: fewest_open_cases, credit_officer (the loan's credit officer "
         "if an enabled officer of the branch, else fewest) or unassigned",
         kAssignFewestOpenCases},
        {"max_payment_multiple",
         "a desk payment larger than this many times the loan's principal is refused as a "
         "typing mistake (1-1000)",
         "100"},
        {"idle_lock_minutes",
         "the workstation locks after this many minutes without a key press or click and asks "
         "for the password again (1-240)",
         "10"},
        {"time_zone",
         "the institution's time zone (a tz database name such as Africa/Kampala): contact "
         "hours and every time shown are in it",
         kDefaultTimeZone},
        {"institution_name",
         "the institution's name, printed at the head of receipts and day "
         "sheets (at most 80 characters)",
         ""},
        {"institution_address",
         "the institution's postal address on receipts (at most 120 "
         "characters)",
         ""},
        {"institution_phone",
         "the institution's telephone number on receipts (digits, spaces, "
         "+, - and parentheses)",
         ""},
        {"institution_licence",
         "the institution's licence number on receipts (at most 40 "
         "characters)",
         ""},
        {"payment_instructions",
         "how and where a client pays, printed in letters (at most 200 characters), e.g. at "
         "any branch or by mobile money to merchant code 123456 quoting the loan number",
         ""},
        {"letter_deadlines",
         "the days each letter kind gives the client to act, as KIND:DAYS (calendar days; a "
         "deadline on a weekend or holiday moves to the next working day) or KIND:DAYSw "
         "(working days)",
         kLetterDeadlinesDefault},
        {"holidays",
         "public holidays the working days skip: MM-DD for every year, YYYY-MM-DD for one day "
         "(Easter and Eid move each year: add them as dates)",
         kHolidaysDefault},
        {"letter_ladder",
         "which letter is due when: KIND:DPD (due from that many days past due) or "
         "KIND:after_KIND (due once that kind's deadline passed unpaid), lowest rung first; "
         "only the highest rung a case reached is due",
         kLetterLadderDefault},
        {"letter_repeat_days",
         "a letter kind is not due again within this many days of the last one (1-365)", "30"},
        {"restructure_watch_installments",
         "a restructured loan stays in watch (bucket `restructured`, in PAR30+R) until this "
         "many installments due after the restructure were paid in full on time (1-24)",
         "3"},
        {"plan_waiver_limit_percent",
         "a settlement or reschedule that waives more than this percent of the balance needs "
         "two different supervisors (0-100)",
         "25"},
        {"plan_max_share_of_surplus",
         "a plan whose monthly amount is above this percent of the client's monthly budget "
         "surplus (or with no budget) needs a written reason (1-100)",
         "50"},
        {"priority_weights",
         "call-list score of each reason (early_warning counts once per sign), of the most "
         "money at stake on the list (money_at_stake) and of rolling into a worse bucket "
         "tomorrow (bucket_roll, less each day further, none after 7 days); keys left out keep "
         "their default",
         kWeightsDefault},
    };
    return settings;
}

DelinquencyPolicy loadDelinquencyPolicy(const Database& db) {
    DelinquencyPolicy policy;
    if (auto text = db.setting("buckets"))
        if (auto scheme = BucketScheme::parse(*text))
            policy.buckets = *scheme;
    if (auto text = db.setting("arrears_tolerance"))
        if (auto c = db.currency())
            if (auto amount = parseAmount(*text, c->exponent))
                policy.arrearsTolerance = *amount;
    if (auto text = db.setting("restructure_watch_installments"))
        if (auto n = parseRange("restructure_watch_installments", *text, 1, 24, ""))
            policy.watchInstallments = *n;
    return policy;
}

Result<ContactRules> parseContactHours(const std::string& text) {
    const std::string_view t = trimView(text);
    const auto dash = t.find('-');
    const auto from = dash == std::string_view::npos ? std::nullopt : parseClock(t.substr(0, dash));
    const auto until =
        dash == std::string_view::npos ? std::nullopt : parseClock(t.substr(dash + 1));
    if (!from || !until)
        return Error{fmt::format("\"{}\" is not a valid contact_hours: give two times of day "
                                 "as HH:MM-HH:MM, e.g. 08:00-20:00",
                                 text)};
    if (*from >= *until)
        return Error{fmt::format("contact_hours \"{}\" ends before it starts: give the earlier "
                                 "time first, e.g. 08:00-20:00",
                                 text)};
    ContactRules rules;
    rules.callsFrom = *from;
    rules.callsUntil = *until;
    return rules;
}

std::string contactHoursText(const ContactRules& rules) {
    return fmt::format("{:02}:{:02}-{:02}:{:02}", rules.callsFrom / 60, rules.callsFrom % 60,
                       rules.callsUntil / 60, rules.callsUntil % 60);
}

Result<PriorityWeights> parsePriorityWeights(const std::string& text) {
    PriorityWeights weights;
    std::set<std::string> seen;
    std::string_view rest = trimView(text);
    if (rest.empty())
        return Error{fmt::format("priority_weights is empty: give KEY=NUMBER pairs separated "
                                 "by commas, e.g. {}",
                                 kWeightsDefault)};
    while (true) {
        const auto comma = rest.find(',');
        const std::string_view item = trimView(rest.substr(0, comma));
        const auto eq = item.find('=');
        if (eq == std::string_view::npos)
            return Error{fmt::format("priority_weights: \"{}\" is not KEY=NUMBER (e.g. "
                                     "broken_promise=1000)",
                                     item)};
        const std::string key(trimView(item.substr(0, eq)));
        const WeightKey* known = nullptr;
        for (const auto& k : kWeightKeys)
            if (key == k.name)
                known = &k;
        if (!known)
            return Error{fmt::format("priority_weights: unknown key \"{}\" (known: {})", key,
                                     weightKeyNames())};
        if (!seen.insert(key).second)
            return Error{
                fmt::format("priority_weights: {} is given twice; give each key once", key)};
        const auto value = parseCount(item.substr(eq + 1));
        if (!value || *value > 1000000)
            return Error{fmt::format("priority_weights: the weight of {} must be a whole number "
                                     "from 0 to 1000000, not \"{}\"",
                                     key, trimView(item.substr(eq + 1)))};
        weights.*(known->field) = *value;
        if (comma == std::string_view::npos)
            break;
        rest = rest.substr(comma + 1);
    }
    return weights;
}

std::string priorityWeightsText(const PriorityWeights& weights) {
    std::string out;
    for (const auto& k : kWeightKeys)
        out += fmt::format("{}{}={}", out.empty() ? "" : ",", k.name, weights.*(k.field));
    return out;
}

DeskSettings loadDeskSettings(const Database& db) {
    DeskSettings s;
    readSetting<PriorityWeights>(db, "priority_weights", s.weights, parsePriorityWeights);
    ContactRules hours = s.contactRules;
    readSetting<ContactRules>(db, "contact_hours", hours, parseContactHours);
    s.contactRules.callsFrom = hours.callsFrom;
    s.contactRules.callsUntil = hours.callsUntil;
    const auto number = [&db](const char* key, int lo, int hi, int& target) {
        if (auto text = db.setting(key))
            if (auto n = parseRange(key, *text, lo, hi, ""))
                target = *n;
    };
    number("max_attempts_per_day", 1, 20, s.contactRules.maxAttemptsPerDay);
    number("promise_grace_days", 0, 30, s.promiseGraceDays);
    number("case_open_dpd", 1, 365, s.casePolicy.openAtDpd);
    number("case_cure_days", 1, 365, s.casePolicy.cureDays);
    number("max_payment_multiple", 1, 1000, s.maxPaymentMultiple);
    number("idle_lock_minutes", 1, 240, s.idleLockMinutes);
    number("plan_waiver_limit_percent", 0, 100, s.planWaiverLimitPercent);
    number("plan_max_share_of_surplus", 1, 100, s.planMaxShareOfSurplus);
    if (auto text = db.setting("time_zone"))
        if (isKnownTimeZone(*text))
            s.timeZone = *text;
    if (auto text = db.setting("case_assignment"))
        if (*text == kAssignFewestOpenCases || *text == kAssignCreditOfficer ||
            *text == kAssignUnassigned)
            s.caseAssignment = *text;
    return s;
}

Result<std::string> validateSetting(const Database& db, const std::string& key,
                                    const std::string& value) {
    if (key == "buckets") {
        auto scheme = BucketScheme::parse(value);
        if (!scheme)
            return scheme.error();
        return scheme->toText();
    }
    if (key == "arrears_tolerance") {
        auto currency = db.currency();
        if (!currency)
            return Error{"the portfolio currency is not set yet, so the tolerance cannot be read "
                         "in its minor units",
                         ErrorKind::Conflict, Hint::SetCurrency};
        auto amount = parseAmount(value, currency->exponent);
        if (!amount)
            return amount.error();
        return formatAmount(*amount, currency->exponent);
    }
    if (key == "contact_hours") {
        auto rules = parseContactHours(value);
        if (!rules)
            return rules.error();
        return contactHoursText(*rules);
    }
    const auto number = [&](int lo, int hi, const char* unit) -> Result<std::string> {
        auto n = parseRange(key, value, lo, hi, unit);
        if (!n)
            return n.error();
        return std::to_string(*n);
    };
    if (key == "max_attempts_per_day")
        return number(1, 20, "attempts");
    if (key == "promise_grace_days")
        return number(0, 30, "days");
    if (key == "case_open_dpd")
        return number(1, 365, "days past due");
    if (key == "case_cure_days")
        return number(1, 365, "days");
    if (key == "max_payment_multiple")
        return number(1, 1000, "times the principal");
    if (key == "idle_lock_minutes")
        return number(1, 240, "minutes");
    if (key == "restructure_watch_installments")
        return number(1, 24, "installments");
    if (key == "letter_repeat_days")
        return number(1, 365, "days");
    if (key == "letter_ladder") {
        auto ladder = parseLetterLadder(value, kLetterRepeatDaysDefault);
        if (!ladder)
            return ladder.error();
        return letterLadderText(*ladder);
    }
    if (key == "plan_waiver_limit_percent")
        return number(0, 100, "percent");
    if (key == "plan_max_share_of_surplus")
        return number(1, 100, "percent");
    if (key == "case_assignment") {
        const std::string v(trimView(value));
        if (v == kAssignFewestOpenCases || v == kAssignCreditOfficer || v == kAssignUnassigned)
            return v;
        return Error{fmt::format("\"{}\" is not a valid case_assignment: give fewest_open_cases, "
                                 "credit_officer or unassigned",
                                 value)};
    }
    if (key == "time_zone") {
        const std::string v(trimView(value));
        if (!isKnownTimeZone(v))
            return Error{fmt::format("\"{}\" is not a time zone this computer knows: give a tz "
                                     "database name such as Africa/Kampala or Africa/Nairobi",
                                     value)};
        return v;
    }
    if (key == "institution_name" || key == "institution_address" || key == "institution_licence" ||
        key == "institution_phone")
        return validateLetterhead(key, value);
    if (key == "payment_instructions") {
        const std::string v(trimView(value));
        if (v.size() > 200)
            return Error{fmt::format("payment_instructions is {} characters long: give at most "
                                     "200",
                                     v.size())};
        return v;
    }
    if (key == "letter_deadlines") {
        auto deadlines = parseLetterDeadlines(value);
        if (!deadlines)
            return deadlines.error();
        return letterDeadlinesText(*deadlines);
    }
    if (key == "holidays") {
        auto holidays = parseHolidays(value);
        if (!holidays)
            return holidays.error();
        return std::string(trimView(value));
    }
    if (key == "priority_weights") {
        auto weights = parsePriorityWeights(value);
        if (!weights)
            return weights.error();
        return priorityWeightsText(*weights);
    }
    std::string known;
    for (const auto& s : knownSettings())
        known += (known.empty() ? "" : ", ") + s.key;
    return Error{fmt::format("unknown setting \"{}\" (known: {})", key, known)};
}

Result<std::string> changeSetting(Database& db, const std::string& key, const std::string& value,
                                  const std::string& actor, const std::string& at) {
    auto stored = validateSetting(db, key, value);
    if (!stored)
        return stored;
    Transaction tx(db);
    const auto before = db.setting(key);
    db.setSetting(key, *stored);
    Statement audit =
        db.prepare("INSERT INTO audit_log(at, actor, action, entity, entity_key, before, after) "
                   "VALUES(?, ?, 'change_setting', 'setting', ?, ?, ?)");
    audit.bind(1, at).bind(2, actor).bind(3, key).bind(4, before).bind(5, *stored);
    audit.execute();
    tx.commit();
    return stored;
}

} // namespace rd::storage

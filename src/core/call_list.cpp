#include "call_list.h"

#include "money_text.h"
#include "plan_standing.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <unordered_map>

namespace rd {

namespace {

constexpr std::pair<CallReason, const char*> kReasonCodes[] = {
    {CallReason::BrokenPlan, "broken_plan"},    {CallReason::BrokenPromise, "broken_promise"},
    {CallReason::PromiseDue, "promise_due"},    {CallReason::HearingDue, "hearing_due"},
    {CallReason::PlanDue, "plan_due"},          {CallReason::LetterDue, "letter_due"},
    {CallReason::FollowUpDue, "follow_up_due"}, {CallReason::ActionDue, "action_due"},
    {CallReason::NewCase, "new_case"},          {CallReason::EarlyWarning, "early_warning"},
};

} // namespace

const char* toString(CallReason reason) {
    for (const auto& [r, code] : kReasonCodes)
        if (r == reason)
            return code;
    return "early_warning";
}

std::optional<CallReason> callReasonFromString(std::string_view code) {
    for (const auto& [r, name] : kReasonCodes)
        if (code == name)
            return r;
    return std::nullopt;
}

namespace {

bool letterDeadlinePassed(const CallListCase& c, Date date) {
    if (!c.letterDeadline || !(c.letterDeadline->deadline < date) || c.position.daysPastDue <= 0)
        return false;
    return !(c.lastContactAt && c.lastContactAt->date > c.letterDeadline->deadline);
}

bool promiseNotKept(const CallListCase& c) {
    return c.latestPromise && c.latestPromiseEvaluation &&
           (c.latestPromiseEvaluation->status == PromiseStatus::Broken ||
            c.latestPromiseEvaluation->status == PromiseStatus::Partial);
}

bool promisePending(const CallListCase& c, Date date) {
    return c.latestPromise && c.latestPromiseEvaluation &&
           c.latestPromiseEvaluation->status == PromiseStatus::Pending &&
           date <= c.latestPromiseEvaluation->deadline;
}

bool planBroken(const CallListCase& c) {
    return c.plan && c.plan->status == PlanStatus::Broken && c.plan->score.brokenOn;
}

// The plan installment falling due tomorrow that is not paid yet, with what is still owed
// on it (the plan's amounts through it less what was paid since the start).
struct PlanDueTomorrow {
    const PlanInstallment* installment = nullptr;
    Amount owed = 0;
};
std::optional<PlanDueTomorrow> planDueTomorrow(const CallListCase& c, Date date) {
    if (!planBeingKept(c))
        return std::nullopt;
    Amount through = 0;
    for (const PlanInstallment& i : c.plan->installments) {
        through += i.amount;
        if (i.dueDate == date.addDays(1)) {
            if (through > c.plan->score.paid)
                return PlanDueTomorrow{&i, through - c.plan->score.paid};
            return std::nullopt;
        }
    }
    return std::nullopt;
}

// "today", "yesterday", "3 days ago" for a day on or before `date`.
std::string daysAgo(Date day, Date date) {
    const int n = date - day;
    if (n <= 0)
        return "today";
    if (n == 1)
        return "yesterday";
    return fmt::format("{} days ago", n);
}

std::string reasonText(CallReason reason, const CallListCase& c, Date date,
                       const CallListOptions& o) {
    auto money = [&](Amount a) { return formatMoneyText(o.currencyCode, a, o.currencyExponent); };
    switch (reason) {
    case CallReason::BrokenPromise: {
        const PromiseEvaluation& e = *c.latestPromiseEvaluation;
        // The promise was broken when its last day (the deadline) ended.
        if (e.status == PromiseStatus::Partial)
            return fmt::format("Promise of {} partly kept ({} paid), deadline passed {}",
                               money(c.latestPromise->amount), money(e.paid),
                               daysAgo(e.deadline, date));
        return fmt::format("Promise of {} broken {}", money(c.latestPromise->amount),
                           daysAgo(e.deadline, date));
    }
    case CallReason::PromiseDue:
        return fmt::format("Promise of {} due today", money(c.latestPromise->amount));
    case CallReason::BrokenPlan: {
        const CallListPlan& p = *c.plan;
        std::size_t broken = 0;
        while (broken < p.score.installments.size() &&
               p.score.installments[broken] != PlanInstallmentStatus::Broken)
            ++broken;
        const Date brokeOn = *p.score.brokenOn;
        return fmt::format("Plan {} ({}) broken {}: installment {} not paid in full", p.planId,
                           toString(p.kind), daysAgo(brokeOn, date), broken + 1);
    }
    case CallReason::PlanDue: {
        const auto due = planDueTomorrow(c, date);
        return fmt::format("Plan installment {} due tomorrow: {} to pay", due->installment->n,
                           money(due->owed));
    }
    case CallReason::HearingDue: {
        std::string text;
        for (const CallListHearing& h : c.hearings) {
            if (!text.empty())
                text += "; ";
            const char* what = h.mediation ? "Mediation" : "Hearing";
            const std::string at = h.time.empty() ? std::string() : " at " + h.time;
            const std::string where = h.place.empty() ? std::string() : ", " + h.place;
            text += h.date == date
                        ? fmt::format("{} today{}{}", what, at, where)
                        : fmt::format("{} on {}{}{}", what, h.date.toString(), at, where);
        }
        return text;
    }
    case CallReason::LetterDue: {
        const CallListLetterDeadline& l = *c.letterDeadline;
        std::string kind = l.kind;
        std::replace(kind.begin(), kind.end(), '_', ' ');
        if (!kind.empty())
            kind[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(kind[0])));
        return fmt::format("{} (letter {}): deadline {} passed unpaid", kind, l.letterNo,
                           l.deadline.toString());
    }
    case CallReason::FollowUpDue: {
        std::string text;
        for (const CallListFollowUp& f : c.followUps) {
            if (!text.empty())
                text += "; ";
            const int n = date - f.due;
            text += n == 0 ? fmt::format("Referral to {}: follow-up due today", f.organisation)
                           : fmt::format("Referral to {}: follow-up due since {}", f.organisation,
                                         f.due.toString());
        }
        return text;
    }
    case CallReason::ActionDue: {
        const int n = date - *c.nextActionOn;
        if (n == 0)
            return "Next action due today";
        if (n == 1)
            return "Next action overdue since yesterday";
        return fmt::format("Next action overdue by {} days (due {})", n,
                           c.nextActionOn->toString());
    }
    case CallReason::NewCase: {
        const int dpd = c.position.daysPastDue;
        return fmt::format("New: {} day{} past due, not yet contacted", dpd, dpd == 1 ? "" : "s");
    }
    case CallReason::EarlyWarning: {
        std::string text;
        for (const EarlyWarningFlag& f : c.flags) {
            if (!text.empty())
                text += "; ";
            text += f.text;
        }
        return text;
    }
    }
    return {};
}

ScorePart reasonPart(CallReason reason, const CallListCase& c, const PriorityWeights& w) {
    switch (reason) {
    case CallReason::BrokenPlan:
        return {"broken plan", w.brokenPlan};
    case CallReason::PlanDue:
        return {"plan installment due tomorrow", w.planDue};
    case CallReason::FollowUpDue:
        return {"referral follow-up due", w.followUpDue};
    case CallReason::HearingDue:
        return {"hearing due", w.hearingDue};
    case CallReason::LetterDue:
        return {"letter deadline passed", w.letterDue};
    case CallReason::BrokenPromise:
        return {"broken promise", w.brokenPromise};
    case CallReason::PromiseDue:
        return {"promise due today", w.promiseDue};
    case CallReason::ActionDue:
        return {"action due", w.actionDue};
    case CallReason::NewCase:
        return {"new case", w.newCase};
    case CallReason::EarlyWarning: {
        const int n = static_cast<int>(c.flags.size());
        return {n == 1 ? std::string("early warning") : fmt::format("early warning ({} signs)", n),
                w.earlyWarningPerFlag * n};
    }
    }
    return {};
}

int rollPoints(const BucketRoll& roll, int weight) {
    if (roll.days < 1 || roll.days > kRollWindowDays)
        return 0;
    return static_cast<int>(divideRoundHalfEven(
        static_cast<WideAmount>(weight) * (kRollWindowDays + 1 - roll.days), kRollWindowDays));
}

void addPart(CallListItem& item, ScorePart part) {
    if (part.points <= 0)
        return;
    item.score += part.points;
    item.scoreParts.push_back(std::move(part));
}

std::string clientKey(const CallListCase& c) {
    if (!c.clientId.empty())
        return "id:" + c.clientId;
    return "name:" + c.clientName + "\n" + c.phone;
}

} // namespace

std::optional<CallListPlan> callListPlan(const std::vector<PlanRecord>& plans,
                                         const std::vector<Payment>& payments, Date date) {
    const auto current = currentPlan(plans, payments, date);
    if (!current)
        return std::nullopt;
    return CallListPlan{current->plan->id, current->plan->kind, current->standing.status,
                        current->plan->installments, current->standing.score};
}

bool planBeingKept(const CallListCase& c) {
    return c.plan && c.plan->status == PlanStatus::Active;
}

std::vector<CallReason> callReasons(const CallListCase& c, Date date) {
    std::vector<CallReason> reasons;
    if (planBeingKept(c)) {
        if (!c.hearings.empty())
            reasons.push_back(CallReason::HearingDue);
        if (planDueTomorrow(c, date))
            reasons.push_back(CallReason::PlanDue);
        if (!c.followUps.empty())
            reasons.push_back(CallReason::FollowUpDue);
        return reasons;
    }
    if (planBroken(c) && !(c.lastContactAt && c.lastContactAt->date >= *c.plan->score.brokenOn))
        reasons.push_back(CallReason::BrokenPlan);
    if (promiseNotKept(c)) {
        const Date deadline = c.latestPromiseEvaluation->deadline;
        if (!(c.lastContactAt && c.lastContactAt->date > deadline))
            reasons.push_back(CallReason::BrokenPromise);
    }
    if (promisePending(c, date) && c.latestPromise->promisedFor == date)
        reasons.push_back(CallReason::PromiseDue);
    if (!c.hearings.empty())
        reasons.push_back(CallReason::HearingDue);
    if (letterDeadlinePassed(c, date))
        reasons.push_back(CallReason::LetterDue);
    if (!c.followUps.empty())
        reasons.push_back(CallReason::FollowUpDue);
    if (c.nextActionOn && *c.nextActionOn <= date)
        reasons.push_back(CallReason::ActionDue);
    if (c.newNotContacted)
        reasons.push_back(CallReason::NewCase);
    if (!c.flags.empty())
        reasons.push_back(CallReason::EarlyWarning);
    return reasons;
}

bool onCallList(const CallListCase& c, Date date) {
    const std::vector<CallReason> reasons = callReasons(c, date);
    if (reasons.empty())
        return false;
    if (promisePending(c, date))
        return std::any_of(reasons.begin(), reasons.end(),
                           [](CallReason r) { return r != CallReason::EarlyWarning; });
    return true;
}

std::vector<CallListItem> buildCallList(const std::vector<CallListCase>& cases, Date date,
                                        const CallListOptions& options) {
    const PriorityWeights& w = options.weights;
    std::vector<CallListItem> items;
    Amount mostAtStake = 0;
    for (const CallListCase& c : cases) {
        if (options.officer && c.officer != *options.officer)
            continue;
        if (!onCallList(c, date))
            continue;
        CallListItem item;
        item.reasons = callReasons(c, date);
        for (CallReason r : item.reasons) {
            addPart(item, reasonPart(r, c, w));
            const std::string text = reasonText(r, c, date, options);
            if (!item.why.empty())
                item.why += "; ";
            item.why += text;
        }
        item.entry = c;
        mostAtStake = std::max(mostAtStake, moneyAtStake(c.position));
        items.push_back(std::move(item));
    }
    // The money and the roll come after the reasons, so a tooltip reads reasons first.
    for (CallListItem& item : items) {
        const Amount stake = moneyAtStake(item.entry.position);
        if (mostAtStake > 0 && stake > 0)
            addPart(item, {"money at stake",
                           static_cast<int>(divideRoundHalfEven(
                               static_cast<WideAmount>(w.moneyAtStake) * stake, mostAtStake))});
        if (const auto& roll = item.entry.roll)
            addPart(item, {fmt::format("rolls into {} {}", roll->bucket,
                                       roll->days == 1 ? std::string("tomorrow")
                                                       : fmt::format("in {} days", roll->days)),
                           rollPoints(*roll, w.bucketRoll)});
    }
    // Tier 0: a broken plan; 1: a broken promise; 2: the rest (reasons are most urgent first).
    auto tier = [](const CallListItem& i) {
        if (i.reasons.empty())
            return 2;
        if (i.reasons.front() == CallReason::BrokenPlan)
            return 0;
        if (i.reasons.front() == CallReason::BrokenPromise)
            return 1;
        return 2;
    };
    std::sort(items.begin(), items.end(), [&](const CallListItem& a, const CallListItem& b) {
        if (tier(a) != tier(b))
            return tier(a) < tier(b);
        if (a.score != b.score)
            return a.score > b.score;
        if (a.entry.position.daysPastDue != b.entry.position.daysPastDue)
            return a.entry.position.daysPastDue > b.entry.position.daysPastDue;
        const Amount aa = a.entry.position.arrears.total(), ba = b.entry.position.arrears.total();
        if (aa != ba)
            return aa > ba;
        return a.entry.loanId < b.entry.loanId;
    });
    for (std::size_t i = 0; i < items.size(); ++i)
        items[i].rank = static_cast<int>(i) + 1;
    return items;
}

std::optional<BucketRoll> nextBucketRoll(const LoanPosition& position, const BucketScheme& scheme) {
    if (position.daysPastDue <= 0 || !position.bucketIndex)
        return std::nullopt;
    const auto& buckets = scheme.buckets();
    const std::size_t at = *position.bucketIndex;
    if (at + 1 >= buckets.size() || !buckets[at].maxDpd)
        return std::nullopt;
    return BucketRoll{*buckets[at].maxDpd + 1 - position.daysPastDue, buckets[at + 1].name};
}

Amount moneyAtStake(const LoanPosition& position) {
    const ComponentAmounts& a = position.arrears;
    return std::max<Amount>(0, position.outstandingPrincipal) + a.interest + a.fees + a.penalties;
}

std::string scoreText(const CallListItem& item) {
    std::string text = fmt::format("Score {}", item.score);
    for (std::size_t i = 0; i < item.scoreParts.size(); ++i)
        text += fmt::format("{}{} {}", i == 0 ? " = " : " + ", item.scoreParts[i].what,
                            item.scoreParts[i].points);
    return text;
}

Amount CallListGroup::arrears() const {
    Amount sum = 0;
    for (const CallListItem& i : items)
        sum += i.entry.position.arrears.total();
    return sum;
}

int CallListGroup::daysPastDue() const {
    int dpd = 0;
    for (const CallListItem& i : items)
        dpd = std::max(dpd, i.entry.position.daysPastDue);
    return dpd;
}

bool CallListGroup::hasLoan(const std::string& loanId) const {
    return std::any_of(items.begin(), items.end(),
                       [&](const CallListItem& i) { return i.entry.loanId == loanId; });
}

std::vector<CallListGroup> groupByClient(const std::vector<CallListItem>& items) {
    std::vector<CallListGroup> groups;
    std::unordered_map<std::string, std::size_t> byClient;
    for (const CallListItem& item : items) {
        const auto [at, added] = byClient.try_emplace(clientKey(item.entry), groups.size());
        if (added)
            groups.emplace_back();
        groups[at->second].items.push_back(item);
    }
    return groups;
}

} // namespace rd

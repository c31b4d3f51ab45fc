#include "call_list.h"

#include "money_text.h"

#include <algorithm>
#include <fmt/format.h>

namespace rd {

const char* toString(CallReason reason) {
    switch (reason) {
    case CallReason::BrokenPromise:
        return "broken_promise";
    case CallReason::PromiseDue:
        return "promise_due";
    case CallReason::ActionDue:
        return "action_due";
    case CallReason::NewCase:
        return "new_case";
    case CallReason::EarlyWarning:
        return "early_warning";
    }
    return "early_warning";
}

namespace {

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

int weightOf(CallReason reason, const CallListCase& c, const PriorityWeights& w) {
    switch (reason) {
    case CallReason::BrokenPromise:
        return w.brokenPromise;
    case CallReason::PromiseDue:
        return w.promiseDue;
    case CallReason::ActionDue:
        return w.actionDue;
    case CallReason::NewCase:
        return w.newCase;
    case CallReason::EarlyWarning:
        return w.earlyWarningPerFlag * static_cast<int>(c.flags.size());
    }
    return 0;
}

} // namespace

std::vector<CallReason> callReasons(const CallListCase& c, Date date) {
    std::vector<CallReason> reasons;
    if (promiseNotKept(c)) {
        const Date deadline = c.latestPromiseEvaluation->deadline;
        if (!(c.lastContactAt && c.lastContactAt->date > deadline))
            reasons.push_back(CallReason::BrokenPromise);
    }
    if (promisePending(c, date) && c.latestPromise->promisedFor == date)
        reasons.push_back(CallReason::PromiseDue);
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
    std::vector<CallListItem> items;
    for (const CallListCase& c : cases) {
        if (options.officer && c.officer != *options.officer)
            continue;
        if (!onCallList(c, date))
            continue;
        CallListItem item;
        item.reasons = callReasons(c, date);
        for (CallReason r : item.reasons) {
            item.score += weightOf(r, c, options.weights);
            const std::string text = reasonText(r, c, date, options);
            if (!item.why.empty())
                item.why += "; ";
            item.why += text;
        }
        item.entry = c;
        items.push_back(std::move(item));
    }
    auto broken = [](const CallListItem& i) {
        return !i.reasons.empty() && i.reasons.front() == CallReason::BrokenPromise;
    };
    std::sort(items.begin(), items.end(), [&](const CallListItem& a, const CallListItem& b) {
        if (broken(a) != broken(b))
            return broken(a);
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

} // namespace rd

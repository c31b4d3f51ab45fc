#include "contact_rules.h"

#include "text_trim.h"

#include <fmt/format.h>
#include <set>

namespace rd {

namespace {

const char* channelNoun(ContactChannel c) {
    switch (c) {
    case ContactChannel::Call:
        return "Calls";
    case ContactChannel::Sms:
        return "SMS messages";
    case ContactChannel::Visit:
        return "Visits";
    default:
        return "Contacts";
    }
}

} // namespace

bool isBoundByHours(const ContactAttempt& contact) {
    return contact.direction == ContactDirection::Outbound &&
           (contact.channel == ContactChannel::Call || contact.channel == ContactChannel::Sms ||
            contact.channel == ContactChannel::Visit);
}

bool countsAsAttempt(const ContactAttempt& contact) {
    return isBoundByHours(contact);
}

std::vector<RuleBreach> checkContactRules(const ContactAttempt& proposed,
                                          const std::vector<ContactAttempt>& madeThatDay,
                                          const ContactRules& rules) {
    std::vector<RuleBreach> breaches;
    if (isBoundByHours(proposed) &&
        (proposed.at.minuteOfDay < rules.callsFrom || proposed.at.minuteOfDay > rules.callsUntil))
        breaches.push_back(
            {"outside_hours",
             fmt::format("{} are allowed {}-{}; this one is at {}", channelNoun(proposed.channel),
                         formatTimeOfDay(rules.callsFrom), formatTimeOfDay(rules.callsUntil),
                         formatTimeOfDay(proposed.at.minuteOfDay))});
    if (countsAsAttempt(proposed)) {
        int made = 0;
        for (const ContactAttempt& c : madeThatDay)
            if (c.at.date == proposed.at.date && countsAsAttempt(c))
                ++made;
        if (made >= rules.maxAttemptsPerDay)
            breaches.push_back(
                {"too_many_attempts",
                 fmt::format("At most {} contact attempt{} a day are allowed; this would be "
                             "attempt {} on {}",
                             rules.maxAttemptsPerDay, rules.maxAttemptsPerDay == 1 ? "" : "s",
                             made + 1, proposed.at.date.toString())});
    }
    return breaches;
}

Result<std::string> requireOverrideReason(const std::vector<RuleBreach>& breaches,
                                          std::string_view reason) {
    const std::string_view kept = trimView(reason);
    if (!breaches.empty() && kept.empty()) {
        std::string list;
        for (const RuleBreach& b : breaches) {
            if (!list.empty())
                list += " ";
            list += b.message + ".";
        }
        return Error{fmt::format("This contact breaks the contact rules: {} Write the reason "
                                 "for the exception to save it anyway.",
                                 list)};
    }
    return std::string(kept);
}

std::vector<ContactAttempt> attemptsOnRecord(const std::vector<ContactRecord>& contacts,
                                             std::optional<std::int64_t> replacing) {
    std::set<std::int64_t> superseded;
    if (replacing)
        superseded.insert(*replacing);
    for (const auto& c : contacts)
        if (c.correctsContactId)
            superseded.insert(*c.correctsContactId);
    std::vector<ContactAttempt> out;
    for (const auto& c : contacts)
        if (!superseded.count(c.id))
            out.push_back({c.at, c.channel, c.direction});
    return out;
}

} // namespace rd

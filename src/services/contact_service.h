#pragma once

#include "core/clock.h"
#include "core/contact.h"
#include "core/contact_rules.h"
#include "core/money.h"
#include "core/result.h"
#include "core/user.h"
#include "storage_fwd.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::services {

// A contact an officer logs on a loan's open case (domain.md section 7), optionally with a
// promise made in it (section 8).
struct NewContact {
    std::string loanId;
    DateTime at;
    ContactChannel channel = ContactChannel::Call;
    ContactDirection direction = ContactDirection::Outbound;
    PersonReached person = PersonReached::Client;
    ContactOutcome outcome = ContactOutcome::Reached;
    std::string note;
    std::optional<Date> nextActionOn;              // sets the case's next action; none clears it
    std::string nextActionKind;                    // defaults to "follow_up" when a date is given
    std::string overrideReason;                    // needed when a client-protection rule is broken
    std::optional<std::int64_t> correctsContactId; // a contact of the same loan
    std::optional<Amount> promiseAmount;           // both or neither
    std::optional<Date> promiseDate;
};

struct ContactSaved {
    std::int64_t contactId = 0;
    std::optional<std::int64_t> promiseId;
    std::vector<RuleBreach> breaches; // the rules broken (and overridden with the reason)
    std::string overrideReason;
};

// Contacts and promises on cases. The actor must be allowed to work the case: their own
// (WorkOwnCases) or any case of the branch (WorkBranchCases, supervisors). Each save is one
// transaction with an audit_log row; contacts and promises are append-only.
class ContactService {
public:
    // The contact rules are the stored settings (contact_hours, max_attempts_per_day), read
    // at each call; `rules` replaces them (tests).
    explicit ContactService(storage::Database& db, Clock clock = {},
                            std::optional<ContactRules> rules = {});

    // Checks the contact-hours and attempts-per-day rules against the loan's contacts of
    // that day; a broken rule needs an override reason, which is kept with the contact.
    // A promise is validated (amount > 0, date not before the contact's day) and saved in
    // the same transaction, created on the contact's day.
    Result<ContactSaved> addContact(const User& actor, const NewContact& contact);

    // A promise without a contact (e.g. agreed at the counter), created on `createdOn`.
    Result<std::int64_t> addPromise(const User& actor, std::string_view loanId, Amount amount,
                                    Date promisedFor, Date createdOn);

private:
    storage::Database& db_;
    Clock clock_;
    std::optional<ContactRules> rules_;
};

} // namespace rd::services

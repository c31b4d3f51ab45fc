#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "core/user.h"
#include "storage_fwd.h"

#include <string>
#include <vector>

namespace rd::services {

// One setting as the administrator's settings page shows it.
struct SettingView {
    std::string key;
    std::string description;
    std::string defaultValue;
    std::string value;     // the value in force (the default when never set)
    bool isDefault = true; // never set, or set to the default
};

// The portfolio's settings: delinquency (buckets, arrears tolerance) and the desk rules
// (contact hours, attempts a day, promise grace, case thresholds and assignment, call-list
// weights). Services read them at each call, so a change applies at once.
class SettingsService {
public:
    explicit SettingsService(storage::Database& db, Clock clock = {})
        : db_(db), clock_(std::move(clock)) {}

    // Needs ManageSettings (an administrator, or the command line's local operator).
    // Validates the value (the error says what is expected), stores its normalised text in
    // one transaction with an audit record (entity 'setting', before and after), and returns
    // the stored text.
    Result<std::string> change(const User& actor, const std::string& key, const std::string& value);

    // What `change` would store, without storing anything (the settings dialog checks as the
    // administrator types); needs ManageSettings.
    Result<std::string> validate(const User& actor, const std::string& key,
                                 const std::string& value) const;

    // Every known setting in a fixed order; any enabled user (or the local operator) may
    // read them.
    Result<std::vector<SettingView>> list(const User& actor) const;

private:
    storage::Database& db_;
    Clock clock_;
};

} // namespace rd::services

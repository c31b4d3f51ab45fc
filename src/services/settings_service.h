#pragma once

#include "core/result.h"
#include "core/user.h"
#include "storage/database.h"

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

// The portfolio's settings (storage/portfolio_settings.h): delinquency (buckets, arrears
// tolerance) and the desk rules (contact hours, attempts a day, promise grace, case
// thresholds and assignment, call-list weights). Services read them at each call, so a
// change applies at once.
class SettingsService {
public:
    explicit SettingsService(storage::Database& db) : db_(db) {}

    // Needs ManageSettings (an administrator). Validates the value (the error says what is
    // expected), stores its normalised text in one transaction with an audit record (entity
    // 'setting', before and after), and returns the stored text.
    Result<std::string> change(const User& actor, const std::string& key, const std::string& value);

    // Every known setting in a fixed order; reading needs no permission.
    std::vector<SettingView> list() const;

private:
    storage::Database& db_;
};

} // namespace rd::services

#include "settings_service.h"

#include "case_access.h"
#include "case_service.h"
#include "storage/portfolio_settings.h"

namespace rd::services {

Result<std::string> SettingsService::change(const User& actor, const std::string& key,
                                            const std::string& value) {
    const auto current = currentUser(db_, actor);
    const User& who = current ? *current : actor;
    if (!current || !allows(who, Permission::ManageSettings))
        return permissionDenied(who, Permission::ManageSettings);
    return storage::changeSetting(db_, key, value, who.username);
}

std::vector<SettingView> SettingsService::list() const {
    std::vector<SettingView> out;
    for (const auto& s : storage::knownSettings()) {
        SettingView v{s.key, s.description, s.defaultValue, s.defaultValue, true};
        if (auto stored = db_.setting(s.key)) {
            v.value = *stored;
            v.isDefault = *stored == s.defaultValue;
        }
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace rd::services

#include "settings_service.h"

#include "case_access.h"
#include "service_edge.h"
#include "storage/database.h"
#include "storage/portfolio_settings.h"

namespace rd::services {

namespace {

Result<User> settingsManager(storage::Database& db, const User& actor) {
    const auto current = currentUser(db, actor);
    const User& who = current ? *current : actor;
    if (!current || !allows(who, Permission::ManageSettings))
        return permissionDenied(who, Permission::ManageSettings);
    return who;
}

} // namespace

Result<std::string> SettingsService::change(const User& actor, const std::string& key,
                                            const std::string& value) {
    return atEdge([&]() -> Result<std::string> {
        auto who = settingsManager(db_, actor);
        if (!who)
            return who.error();
        return storage::changeSetting(db_, key, value, who->username, clock_.isoNow());
    });
}

Result<std::string> SettingsService::validate(const User& actor, const std::string& key,
                                              const std::string& value) const {
    return atEdge([&]() -> Result<std::string> {
        auto who = settingsManager(db_, actor);
        if (!who)
            return who.error();
        return storage::validateSetting(db_, key, value);
    });
}

Result<std::vector<SettingView>> SettingsService::list(const User& actor) const {
    return atEdge([&]() -> Result<std::vector<SettingView>> {
        const auto who = currentUser(db_, actor);
        if (!who || who->disabled)
            return permissionDenied(who.value_or(actor), Permission::ReadBranch);
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
    });
}

} // namespace rd::services

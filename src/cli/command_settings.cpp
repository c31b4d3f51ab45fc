#include "commands.h"
#include "storage/portfolio_settings.h"

#include <fmt/format.h>

namespace rd::cli {

void addSettingsCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("settings", "show or change the portfolio's delinquency "
                                               "settings");
    auto* show = cmd->add_subcommand("show", "list the settings and their values");
    auto* set = cmd->add_subcommand("set", "change a setting (audited)");
    cmd->require_subcommand(1);
    auto key = std::make_shared<std::string>();
    auto value = std::make_shared<std::string>();
    set->add_option("KEY", *key, "buckets or arrears_tolerance")->required();
    set->add_option("VALUE", *value, "new value, e.g. 30,60,90,180,365 or 500")->required();
    show->callback([&global] {
        auto db = global.open();
        for (const auto& s : storage::knownSettings())
            fmt::print("{:<18} {:<20} {}\n", s.key, db->setting(s.key).value_or(s.defaultValue),
                       s.description);
    });
    set->callback([&global, key, value] {
        auto db = global.open();
        auto stored = storage::changeSetting(*db, *key, *value, "recoverydesk-cli");
        if (!stored)
            throw UserError(fmt::format("{}: {}", *key, stored.error().message));
        fmt::print("{} = {}\n", *key, *stored);
    });
}

} // namespace rd::cli

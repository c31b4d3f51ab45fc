#include "command_cases.h"
#include "commands.h"
#include "services/settings_service.h"
#include "storage/portfolio_settings.h"

#include <fmt/format.h>

namespace rd::cli {

void addSettingsCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("settings", "show or change the portfolio's settings "
                                               "(delinquency and desk rules)");
    auto* show = cmd->add_subcommand("show", "list the settings, their values and what they do");
    auto* set = cmd->add_subcommand("set", "change a setting (audited)");
    cmd->require_subcommand(1);
    auto key = std::make_shared<std::string>();
    auto value = std::make_shared<std::string>();
    auto actor = std::make_shared<ActorOptions>();
    set->add_option("KEY", *key,
                    "buckets, arrears_tolerance, contact_hours, max_attempts_per_day, "
                    "promise_grace_days, case_open_dpd, case_cure_days, case_assignment or "
                    "priority_weights")
        ->required();
    set->add_option("VALUE", *value,
                    "new value, e.g. 30,60,90,180,365 or 500 or 08:00-20:00 or "
                    "broken_promise=1000,new_case=200")
        ->required();
    set->add_option("--as", actor->as,
                    "act as this administrator (signs in; the audit trail names them)");
    set->add_flag("--password-stdin", actor->passwordStdin,
                  "read the password from standard input instead of the terminal");
    show->callback([&global] {
        auto db = global.open();
        for (const auto& s : services::SettingsService(*db).list())
            fmt::print("{:<20} {:<22} {}\n", s.key, s.value, s.description);
    });
    set->callback([&global, key, value, actor] {
        auto db = global.open();
        Result<std::string> stored = std::string();
        if (actor->as.empty()) {
            stored = storage::changeSetting(*db, *key, *value, "recoverydesk-cli");
        } else {
            const User user = signInActor(*db, *actor);
            stored = services::SettingsService(*db).change(user, *key, *value);
        }
        if (!stored)
            throw UserError(fmt::format("{}: {}", *key, stored.error().message));
        fmt::print("{} = {}\n", *key, *stored);
    });
}

} // namespace rd::cli

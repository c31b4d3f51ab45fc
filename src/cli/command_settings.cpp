#include "commands.h"
#include "services/settings_service.h"
#include "sign_in.h"

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
    addActor(set, *actor, false,
             "act as this administrator (signs in; the audit trail names them); without --as "
             "the change is recorded as recoverydesk-cli, the local operator");
    show->callback([&global] {
        auto desk = global.open();
        for (const auto& s : valueOr(desk->settings().list(localOperator())))
            fmt::print("{:<20} {:<22} {}\n", s.key, s.value, s.description);
    });
    set->callback([&global, key, value, actor] {
        auto desk = global.open();
        const User user = actorOrOperator(*desk, *actor);
        const auto stored = valueOr(desk->settings().change(user, *key, *value), *key);
        fmt::print("{} = {}\n", *key, stored);
    });
}

} // namespace rd::cli

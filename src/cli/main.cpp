#include "cli_environment.h"
#include "command_cases.h"
#include "command_counselling.h"
#include "command_legal.h"
#include "command_letters.h"
#include "command_payments.h"
#include "command_plan.h"
#include "command_users.h"
#include "commands.h"
#include "services/portfolio_service.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

using namespace rd::cli;

namespace rd::cli {

void fail(const Error& error, const std::string& context, const HintWords& ownWords) {
    const std::string text = cliMessage(error, ownWords);
    throw ServiceFailure(context.empty() ? text : fmt::format("{}: {}", context, text), error.kind);
}

std::filesystem::path GlobalOptions::databasePath() const {
    return db.empty() ? defaultDatabasePath() : std::filesystem::path(db);
}

std::unique_ptr<services::Services>
GlobalOptions::open(const services::OpenRequest& request) const {
    auto services = valueOr(services::Services::open(databasePath(), request));
    // Local times (the default --at, today's date) are the institution's, not the machine's.
    if (const auto info = services->portfolio().info(); info && !info->timeZone.empty()) {
        setenv("TZ", info->timeZone.c_str(), 1);
        tzset();
    }
    return services;
}

Date parseDateOption(const std::string& text, const char* option) {
    auto parsed = Date::parse(text);
    if (!parsed)
        throw UserError(fmt::format("{}: {}", option, parsed.error().message));
    return *parsed;
}

} // namespace rd::cli

int main(int argc, char** argv) {
    CLI::App app{"RecoveryDesk command line: portfolio import, loan positions and reports.\n"
                 "Errors go to stderr; the exit status is 0 on success, 1 for a problem with the "
                 "input or data, 2 for a usage error, 3 for a storage failure."};
    app.set_version_flag("--version", "recoverydesk-cli 0.1.0");
    GlobalOptions global;
    app.add_option("--db", global.db,
                   "database file (default: ~/.local/share/RecoveryDesk/recoverydesk.db)");
    app.add_flag("--verbose", global.verbose, "also log to stderr");
    app.require_subcommand(1);

    addInitCommand(app, global);
    addImportCommand(app, global);
    addDemoCommand(app, global);
    addLoanCommand(app, global);
    addReportCommand(app, global);
    addSettingsCommand(app, global);
    addUsersCommand(app, global);
    addCaseCommands(app, global);
    addPaymentCommands(app, global);
    addDeskCommands(app, global);
    addPlanActionCommands(addPlanCommands(app, global), app, global);
    addCounsellingCommands(app, global);
    addLetterCommands(app, global);
    addLegalCommands(app, global);

    app.parse_complete_callback([&] { setUpLogging(global.verbose); });
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    } catch (const UserError& e) {
        std::fprintf(stderr, "recoverydesk-cli: %s\n", e.what());
        spdlog::warn("{}", e.what());
        return 1;
    } catch (const ServiceFailure& e) {
        std::fprintf(stderr, "recoverydesk-cli: %s\n", e.what());
        if (e.kind() == rd::ErrorKind::Storage) {
            spdlog::error("{}", e.what());
            return 3;
        }
        spdlog::warn("{}", e.what());
        return 1;
    } catch (const std::exception& e) {
        // A failure outside the services' edge (the disk, the file system): nothing the
        // command could finish was saved.
        std::fprintf(stderr, "recoverydesk-cli: unexpected failure: %s\n", e.what());
        spdlog::critical("{}", e.what());
        return 3;
    }
    return 0;
}

#include "cli_environment.h"
#include "commands.h"
#include "demo/demo_generator.h"
#include "demo/demo_names.h"
#include "demo_desk_history.h"
#include "import_runner.h"
#include "services/portfolio_service.h"
#include "services/settings_service.h"
#include "services/user_service.h"

#include <cctype>
#include <chrono>
#include <fmt/format.h>
#include <unistd.h>

namespace rd::cli {
namespace {

// The password of every demo user; printed by `demo`, for demo databases only.
constexpr const char* kDemoPassword = "demo1234";

std::string slug(std::string_view branch) {
    std::string out;
    for (char c : branch)
        out.push_back(c == ' ' ? '-'
                               : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

// An administrator, a supervisor for every two branches and a recovery officer for every
// branch (usernames unlike the credit officers' of the portfolio), all with kDemoPassword.
// Returns the administrator; none when the database already had users.
std::optional<User> addDemoUsers(services::Services& desk) {
    auto& service = desk.users();
    if (!valueOr(service.needsFirstAdmin())) {
        fmt::print("The database already has users; no demo users were added.\n");
        return std::nullopt;
    }
    auto admin = service.createFirstAdmin({"admin", "Demo Administrator", Role::Admin, {}},
                                          std::string(kDemoPassword));
    if (!admin)
        fail(admin.error());
    std::vector<std::pair<std::string, std::string>> rows = {{"admin", "admin (all branches)"}};
    const auto branches = demo::branches();
    std::vector<services::NewUser> users;
    for (std::size_t i = 0; i < branches.size(); i += 2) {
        services::NewUser sup{"sup." + slug(branches[i].name), "", Role::Supervisor, {}};
        sup.branches.emplace_back(branches[i].name);
        if (i + 1 < branches.size())
            sup.branches.emplace_back(branches[i + 1].name);
        sup.fullName = fmt::format("Supervisor {}", fmt::join(sup.branches, " and "));
        users.push_back(std::move(sup));
    }
    for (const auto& b : branches)
        users.push_back({"rec." + slug(b.name),
                         fmt::format("Recovery officer {}", b.name),
                         Role::Officer,
                         {std::string(b.name)}});
    for (const auto& u : users) {
        auto added = service.addUser(admin->user, u, std::string(kDemoPassword), false);
        if (!added)
            fail(added.error());
        rows.emplace_back(u.username,
                          fmt::format("{} ({})", roleCode(u.role), fmt::join(u.branches, ", ")));
    }
    fmt::print("Demo users (password \"{}\" for all; demo databases only, never use these "
               "in production):\n",
               kDemoPassword);
    for (const auto& [name, what] : rows)
        fmt::print("  {:<24} {}\n", name, what);
    return admin->user;
}

} // namespace

void addDemoCommand(CLI::App& app, GlobalOptions& global) {
    auto* cmd = app.add_subcommand("demo", "fill a new database with a realistic demo portfolio");
    auto loans = std::make_shared<std::int64_t>(2000);
    auto seed = std::make_shared<std::uint64_t>(1);
    auto asOf = std::make_shared<std::string>();
    auto exportDir = std::make_shared<std::string>();
    auto currency = std::make_shared<std::string>("UGX");
    auto noHistory = std::make_shared<bool>(false);
    cmd->add_option("--loans", *loans, "number of loans (default 2000)")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}));
    cmd->add_option("--seed", *seed, "random seed; the same seed gives the same portfolio");
    cmd->add_option("--as-of", *asOf, "the portfolio's business date (default: today)");
    cmd->add_option("--export", *exportDir, "also keep the portfolio as import files in DIR");
    cmd->add_option("--currency", *currency, "portfolio currency (default UGX)");
    cmd->add_flag("--no-history", *noHistory,
                  "the imported portfolio only: no desk history (contacts, promises, desk "
                  "payments, plans, budgets, counselling, referrals) and no recompute");
    cmd->callback([&global, loans, seed, asOf, exportDir, currency, noHistory] {
        demo::DemoOptions options;
        options.loans = *loans;
        options.seed = *seed;
        options.asOf = asOf->empty() ? today() : parseDateOption(*asOf, "--as-of");
        auto c = parseCurrency(*currency);
        if (!c)
            throw UserError(fmt::format("--currency: {}", c.error().message));
        options.currency = *c;

        const auto path = global.databasePath();
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) {
            const auto info = valueOr(global.open()->portfolio().info());
            if (const auto& existing = info.currency; existing && *existing != options.currency)
                throw UserError(fmt::format("{} is a {} database; give --currency {} or another "
                                            "--db",
                                            path.string(), existing->code, existing->code));
            if (info.loans > 0)
                throw UserError(fmt::format("{} already holds a portfolio; the demo goes into a "
                                            "new database (give another --db)",
                                            path.string()));
        }
        std::filesystem::path dir;
        bool temporary = false;
        if (!exportDir->empty()) {
            dir = *exportDir;
        } else {
            dir = std::filesystem::temp_directory_path() /
                  fmt::format("recoverydesk-demo-{}", ::getpid());
            temporary = true;
        }
        auto written = demo::writeDemoFiles(options, dir);
        if (!written)
            throw UserError(written.error().message);
        services::ImportReport report;
        try {
            report = runImport(path, dir, false);
        } catch (...) {
            if (temporary)
                std::filesystem::remove_all(dir, ec);
            throw;
        }
        if (temporary)
            std::filesystem::remove_all(dir, ec);
        if (!report.ok)
            throw UserError("the demo portfolio could not be imported (see above); this is a bug, "
                            "please report it with the command line you used");
        fmt::print("Demo portfolio in {}: {} clients, {} loans, {} installments, {} charges, {} "
                   "payments ({}, as of {}, seed {})\n",
                   path.string(), written->clients, written->loans, written->installments,
                   written->charges, written->payments, options.currency.code,
                   options.asOf.toString(), options.seed);
        if (!temporary)
            fmt::print("Import files written to {}\n", dir.string());
        auto desk = global.open();
        // Marks a demo database: the GUI's sign-in then lists the demo users and password.
        check(desk->portfolio().markDemoPortfolio(localOperator()));
        // The letterhead of the demo institution's receipts and letters, and how its clients pay.
        for (const auto& [key, value] : {std::pair{"institution_name", "Pearl Microfinance Ltd"},
                                         {"institution_address",
                                          "Plot 24 Kampala Road, P.O. Box 10234, Kampala"},
                                         {"institution_phone", "+256 414 230500"},
                                         {"institution_licence", "MDI/2019/0042"},
                                         {"payment_instructions",
                                          "Pay at any Pearl branch, or by MTN Mobile Money or "
                                          "Airtel Money to merchant code 402400, quoting your "
                                          "loan number."}})
            valueOr(desk->settings().change(localOperator(), key, value));
        const auto admin = addDemoUsers(*desk);
        if (*noHistory)
            return;
        if (!admin) {
            fmt::print("No desk history was added (it needs the demo users).\n");
            return;
        }
        desk.reset();
        const auto started = std::chrono::steady_clock::now();
        const auto h = replayDeskHistory(path, *admin, options.asOf, options.seed);
        const auto seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        fmt::print("Desk history of the 6 weeks to {} ({:.1f} s): {} contacts, {} promises, {} "
                   "desk payments, {} plans ({} decisions), {} budgets, {} counselling sessions, "
                   "{} referrals ({} updates), {} notes, {} stage changes, {} legal requests ({} "
                   "taken to court); "
                   "cases recomputed as of {}\n",
                   options.asOf.toString(), seconds, h.contacts, h.promises, h.payments, h.plans,
                   h.decisions, h.budgets, h.sessions, h.referrals, h.referralUpdates, h.notes,
                   h.stageChanges, h.legalRequests, h.legalCases, options.asOf.toString());
        if (h.notApplied > 0)
            fmt::print("({} planned events were left out: their case had closed or the loan was "
                       "paid off by then)\n",
                       h.notApplied);
    });
}

} // namespace rd::cli

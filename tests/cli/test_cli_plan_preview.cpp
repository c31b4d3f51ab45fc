// `plan preview` (interchange.md section 4) through the real CLI: the JSON form of the
// interchange example, the text table, the portfolio currency of --db, no database at all
// with --currency, and bad option values.
#include "cli_runner.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

using namespace rd::test;
using Json = nlohmann::json;

namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

// The interchange example: EUR 100.00 at 9.4822% a year, 30/360, 6 months from 2024-01-01;
// `changes` replace its options or add others ("--rate=-1" form, so that values may start
// with '-').
std::vector<std::string> example(const Options& changes = {}) {
    Options options{{"--amount", "100"},       {"--rate", "9.4822"},     {"--method", "declining"},
                    {"--day-count", "30/360"}, {"--every", "1"},         {"--unit", "months"},
                    {"--installments", "6"},   {"--start", "2024-01-01"}};
    for (const auto& [option, value] : changes) {
        auto it = std::find_if(options.begin(), options.end(),
                               [&](const auto& o) { return o.first == option; });
        if (it != options.end())
            it->second = value;
        else
            options.emplace_back(option, value);
    }
    std::vector<std::string> args{"plan", "preview"};
    for (const auto& [option, value] : options)
        args.push_back(option + "=" + value);
    return args;
}

struct Cli {
    TempDir tmp;
    std::string db = (tmp / "rd.db").string();

    CliResult run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", db});
        return runCli(args, {}, {"XDG_DATA_HOME=" + (tmp / "xdg").string()});
    }
};

} // namespace

TEST_CASE("plan preview --format json is the interchange form", "[cli][plan]") {
    Cli cli;
    const auto r = cli.run(example({{"--currency", "EUR"}, {"--format", "json"}}));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const Json j = Json::parse(r.out);
    CHECK(j["currency"] == "EUR");
    CHECK(j["amount"] == "100.00");
    REQUIRE(j["installments"].size() == 6);
    CHECK(j["installments"][0] == Json::parse(R"({"n": 1, "due_date": "2024-02-01",
        "principal": "16.34", "interest": "0.79", "total": "17.13", "balance": "83.66"})"));
    CHECK(j["installments"][5] == Json::parse(R"({"n": 6, "due_date": "2024-07-01",
        "principal": "17.00", "interest": "0.13", "total": "17.13", "balance": "0.00"})"));
    CHECK(j["totals"] ==
          Json::parse(R"({"principal": "100.00", "interest": "2.78", "total": "102.78"})"));
    // The keys in the interchange order.
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items())
        keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"amount", "currency", "installments", "totals"});
    CHECK(r.out.find("\"currency\"") < r.out.find("\"amount\""));
    CHECK(r.out.find("\"amount\"") < r.out.find("\"installments\""));
    // With --currency no database is opened, so none is created.
    CHECK_FALSE(std::filesystem::exists(cli.db));
}

TEST_CASE("plan preview prints a table", "[cli][plan]") {
    Cli cli;
    const auto r = cli.run(example({{"--currency", "EUR"}}));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out ==
          "EUR 100.00 at 9.4822% a year, declining, equal installments, 30/360, every month, 6 "
          "installments from 2024-01-01\n"
          "#  Due date    Principal   Interest      Total    Balance\n"
          "1  2024-02-01      16.34       0.79      17.13      83.66\n"
          "2  2024-03-01      16.47       0.66      17.13      67.19\n"
          "3  2024-04-01      16.60       0.53      17.13      50.59\n"
          "4  2024-05-01      16.73       0.40      17.13      33.86\n"
          "5  2024-06-01      16.86       0.27      17.13      17.00\n"
          "6  2024-07-01      17.00       0.13      17.13       0.00\n"
          "   Total          100.00       2.78     102.78\n");
}

TEST_CASE("plan preview takes the options of section 4", "[cli][plan]") {
    Cli cli;
    // UGX 1,000,000 flat at 2% a month every 2 weeks, 30/360, first due 2024-01-10, one
    // installment of principal grace: t = 14/360 (9/360 for the irregular first period).
    const auto r = cli.run({"plan",
                            "preview",
                            "--amount",
                            "1000000",
                            "--rate",
                            "2",
                            "--rate-per",
                            "month",
                            "--method",
                            "flat",
                            "--amortization",
                            "equal_principal",
                            "--day-count",
                            "30/360",
                            "--every",
                            "2",
                            "--unit",
                            "weeks",
                            "--installments",
                            "3",
                            "--start",
                            "2024-01-01",
                            "--first-due",
                            "2024-01-10",
                            "--principal-grace",
                            "1",
                            "--currency",
                            "UGX",
                            "--format",
                            "json"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const Json j = Json::parse(r.out);
    // 1: 1,000,000 x 0.24 x 9/360 = 6000, interest only; 2 and 3: 1,000,000 x 0.24 x 14/360
    // = 9333.33 -> 9333, principal 500,000 each.
    CHECK(j["installments"][0]["due_date"] == "2024-01-10");
    CHECK(j["installments"][0]["principal"] == "0");
    CHECK(j["installments"][0]["interest"] == "6000");
    CHECK(j["installments"][1]["due_date"] == "2024-01-24");
    CHECK(j["installments"][1]["principal"] == "500000");
    CHECK(j["installments"][1]["interest"] == "9333");
    CHECK(j["installments"][2]["due_date"] == "2024-02-07");
    CHECK(j["totals"]["interest"] == "24666");
}

TEST_CASE("plan preview without --currency uses the portfolio currency", "[cli][plan]") {
    Cli cli;
    SECTION("of an existing database") {
        REQUIRE(cli.run({"init", "--currency", "KWD"}).exitCode == 0);
        const auto r = cli.run(example({{"--format", "json"}}));
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        const Json j = Json::parse(r.out);
        CHECK(j["currency"] == "KWD");
        CHECK(j["amount"] == "100.000");
        CHECK(j["installments"][0]["interest"] == "0.790");
    }
    SECTION("a database that does not exist is an error") {
        const auto r = cli.run(example());
        CHECK(r.exitCode == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find("does not exist") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(cli.db));
    }
}

TEST_CASE("plan preview refuses bad option values, naming the option", "[cli][plan]") {
    Cli cli;
    struct Case {
        Options more;
        int exitCode;
        std::string option;
    };
    // Words and numbers CLI11 checks are usage errors (2), like the other commands' --format;
    // values read afterwards (rate, dates, amounts) and the calculator's refusals are 1.
    const std::vector<Case> cases{
        {{{"--rate", "abc"}}, 1, "--rate: \"abc\" is not a decimal number"},
        {{{"--rate", "-1"}}, 1, "--rate: the rate must not be negative"},
        {{{"--day-count", "actual/360"}}, 2, "--day-count"},
        {{{"--method", "balloon"}}, 2, "--method"},
        {{{"--unit", "days"}}, 2, "--unit"},
        {{{"--installments", "abc"}}, 2, "--installments"},
        {{{"--start", "2024-02-30"}}, 1, "--start: \"2024-02-30\" is not a date"},
        {{{"--first-due", "2024-01-01"}},
         1,
         "--first-due: the first due date 2024-01-01 must be after"},
        {{{"--installments", "0"}}, 1, "--installments: there must be at least 1 installment"},
        {{{"--principal-grace", "6"}}, 1, "--principal-grace: a principal grace of 6"},
        {{{"--every", "0"}}, 1, "--every: "},
        {{{"--amount", "100.505"}}, 1, "--amount: "},
        {{{"--amount", "0"}}, 1, "--amount: the amount must be more than 0"},
    };
    for (const auto& c : cases) {
        auto changes = c.more;
        changes.emplace_back("--currency", "EUR");
        const auto r = cli.run(example(changes));
        INFO(c.more[0].first << ": " << r.err);
        CHECK(r.exitCode == c.exitCode);
        CHECK(r.out.empty());
        CHECK(r.err.find(c.option) != std::string::npos);
    }
    SECTION("an unknown currency") {
        const auto r = cli.run(example({{"--currency", "XYZ"}}));
        CHECK(r.exitCode == 1);
        CHECK(r.err.find("--currency: \"XYZ\" is not an ISO 4217 currency code") !=
              std::string::npos);
    }
    SECTION("a required option left out") {
        auto args = example({{"--currency", "EUR"}});
        args.erase(args.begin() + 2); // --amount=100
        const auto r = cli.run(args);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("--amount") != std::string::npos);
    }
    SECTION("plan alone needs a subcommand") {
        CHECK(cli.run({"plan"}).exitCode == 2);
    }
}

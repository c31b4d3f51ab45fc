// How recoverydesk-cli behaves on mistakes (exit status 1 for input or data, 2 for usage,
// messages on stderr that say what to do), plus init, settings and the report formats.
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

using namespace rd::test;
using Json = nlohmann::json;

namespace {

CliResult cli(const TempDir& tmp, std::vector<std::string> args) {
    return runCli(args, {}, {"XDG_DATA_HOME=" + (tmp / "xdg").string()});
}

bool fileExists(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::exists(p, ec);
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        out.push_back(line);
    return out;
}

// A database holding the worked example.
std::string workedDb(const TempDir& tmp) {
    const std::string db = (tmp / "rd.db").string();
    const auto r = cli(tmp, {"--db", db, "import", (examplesDir() / "worked").string()});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return db;
}

// True when one line of `text` matches `pattern` as a whole.
bool anyLine(const std::string& text, const std::string& pattern) {
    const std::regex re(pattern);
    for (const auto& line : lines(text))
        if (std::regex_match(line, re))
            return true;
    return false;
}

// Splits one line of the aging CSV (no quoted fields in these fixtures' values except
// where asked for).
std::vector<std::string> csvFields(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.push_back(field);
    return fields;
}

// A KES portfolio whose branch, product and officer names sort differently by bytes than
// by a case-insensitive or locale order: "Zeta" < "alpha" < "Éldoret" in byte order.
std::filesystem::path groupsFolder(const TempDir& tmp) {
    const auto dir = tmp / "groups";
    std::string clients = "client_id,full_name,branch\n";
    std::string loans = "loan_id,client_id,product,branch,credit_officer,currency,principal,"
                        "disbursed_on,status\n";
    std::string schedule = "loan_id,installment_no,due_date,principal_due,interest_due\n";
    struct Row {
        const char *branch, *product, *officer;
    };
    const Row rows[] = {{"alpha", "agri", "zoe"},
                        {"Zeta", "Business, Large", ""},
                        {"\xC3\x89ldoret", "agri", "Ben"},
                        {"Beta", "School Fees", "ben"},
                        {"alpha", "Business, Large", "zoe"}};
    int i = 0;
    for (const Row& r : rows) {
        ++i;
        clients += fmt::format("C{},Client {},\"{}\"\n", i, i, r.branch);
        loans += fmt::format("L{},C{},\"{}\",\"{}\",{},KES,100.00,2026-01-01,active\n", i, i,
                             r.product, r.branch, r.officer);
        schedule += fmt::format("L{},1,2026-02-01,100.00,10.00\n", i);
    }
    writeFile(dir / "clients.csv", clients);
    writeFile(dir / "loans.csv", loans);
    writeFile(dir / "schedule.csv", schedule);
    return dir;
}

// The group names of the aging CSV's `all` rows, in output order.
std::vector<std::string> csvGroups(const std::string& csv) {
    std::vector<std::string> groups;
    for (const auto& line : lines(csv)) {
        const auto f = csvFields(line);
        if (f.size() == 11 && f[3] == "all")
            groups.push_back(f[2]);
    }
    return groups;
}

} // namespace

TEST_CASE("loan and report on a database that does not exist", "[cli][errors]") {
    TempDir tmp;
    const std::string db = (tmp / "missing.db").string();
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"loan", "L1", "--as-of", "2026-03-20"},
          std::vector<std::string>{"report", "aging", "--as-of", "2026-03-20"},
          std::vector<std::string>{"settings", "show"}}) {
        std::vector<std::string> args = {"--db", db};
        args.insert(args.end(), command.begin(), command.end());
        const auto r = cli(tmp, args);
        INFO(command[0]);
        CHECK(r.exitCode == 1);
        CHECK(r.out.empty());
        CHECK(r.err == fmt::format("recoverydesk-cli: database {} does not exist (create it with "
                                   "`recoverydesk-cli --db {} init --currency CODE` or by "
                                   "importing a folder)\n",
                                   db, db));
        CHECK_FALSE(fileExists(db));
    }
}

TEST_CASE("an unknown loan id", "[cli][errors]") {
    TempDir tmp;
    const auto db = workedDb(tmp);
    const auto r = cli(tmp, {"--db", db, "loan", "L9", "--as-of", "2026-03-20"});
    CHECK(r.exitCode == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::StartsWith("recoverydesk-cli: no loan \"L9\" in " + db));
    // Loan ids are exact: no case folding, no trimming.
    CHECK(cli(tmp, {"--db", db, "loan", "l1", "--as-of", "2026-03-20"}).exitCode == 1);
    CHECK(cli(tmp, {"--db", db, "loan", "L1 ", "--as-of", "2026-03-20"}).exitCode == 1);
}

TEST_CASE("a bad --as-of date says why", "[cli][errors]") {
    TempDir tmp;
    const auto db = workedDb(tmp);
    for (const std::string date : {"2026-13-01", "2026-02-29", "20260301", "today"}) {
        for (const std::vector<std::string>& command :
             {std::vector<std::string>{"loan", "L1"},
              std::vector<std::string>{"report", "aging"}}) {
            std::vector<std::string> args = {"--db", db};
            args.insert(args.end(), command.begin(), command.end());
            args.insert(args.end(), {"--as-of", date});
            const auto r = cli(tmp, args);
            INFO(command[0] << " --as-of " << date);
            CHECK(r.exitCode == 1);
            CHECK(r.out.empty());
            CHECK(r.err == "recoverydesk-cli: --as-of: \"" + date +
                               "\" is not a date (YYYY-MM-DD, a day that exists)\n");
        }
    }
}

TEST_CASE("usage errors exit with status 2", "[cli][errors]") {
    TempDir tmp;
    const auto db = workedDb(tmp);
    const std::vector<std::vector<std::string>> mistakes = {
        {"frobnicate"},
        {},
        {"--db", db, "--colour", "report", "aging"},
        {"--db", db, "report", "aging", "--format", "xml"},
        {"--db", db, "report", "aging", "--by", "region"},
        {"--db", db, "report"},
        {"--db", db, "report", "rolls"},
        {"--db", db, "loan"},
        {"--db", db, "loan", "L1", "--format", "csv"},
        {"--db", db, "import"},
        {"--db", db, "settings", "set", "buckets"},
    };
    for (const auto& args : mistakes) {
        std::string shown;
        for (const auto& a : args)
            shown += a + " ";
        INFO(shown);
        const auto r = cli(tmp, args);
        CHECK(r.exitCode == 2);
        CHECK_FALSE(r.err.empty());
    }
}

TEST_CASE("the --help option exits 0 and lists the commands", "[cli][errors]") {
    TempDir tmp;
    const auto r = cli(tmp, {"--help"});
    CHECK(r.exitCode == 0);
    for (const char* command : {"init", "import", "demo", "loan", "report", "settings"})
        CHECK(anyLine(r.out, fmt::format("  {} +[a-z].*", command)));
    CHECK_THAT(r.out, Catch::Contains("--db"));
    const auto sub = cli(tmp, {"report", "aging", "--help"});
    CHECK(sub.exitCode == 0);
    CHECK_THAT(sub.out, Catch::Contains("--as-of"));
    CHECK_THAT(sub.out, Catch::Contains("--by"));
}

TEST_CASE("init: currency codes and one currency per database", "[cli][init]") {
    TempDir tmp;
    const std::string db = (tmp / "rd.db").string();
    SECTION("an unknown currency is refused before a file is made") {
        const auto r = cli(tmp, {"--db", db, "init", "--currency", "XYZ"});
        CHECK(r.exitCode == 1);
        CHECK(r.err == "recoverydesk-cli: --currency: \"XYZ\" is not an ISO 4217 currency code "
                       "(three capital letters such as UGX, KES, USD)\n");
        CHECK_FALSE(fileExists(db));
        CHECK(cli(tmp, {"--db", db, "init", "--currency", "kes"}).exitCode == 1);
    }
    SECTION("init creates, init again is fine, another currency is refused") {
        const auto first = cli(tmp, {"--db", db, "init", "--currency", "KES"});
        CHECK(first.exitCode == 0);
        CHECK(std::regex_match(first.out, std::regex(".*: schema version [0-9]+, currency KES\n")));
        CHECK_THAT(first.out, Catch::StartsWith(db + ": schema version "));
        const std::string bytes = readFile(db);
        const auto again = cli(tmp, {"--db", db, "init", "--currency", "KES"});
        CHECK(again.exitCode == 0);
        CHECK(again.out == first.out);
        const auto other = cli(tmp, {"--db", db, "init", "--currency", "UGX"});
        CHECK(other.exitCode == 1);
        CHECK(other.err == fmt::format("recoverydesk-cli: {} already holds a KES portfolio; a "
                                       "database holds one currency (use another --db for UGX)\n",
                                       db));
        CHECK((readFile(db) == bytes)); // byte for byte
    }
    SECTION("a database whose currency came from an import") {
        workedDb(tmp);
        const auto other = cli(tmp, {"--db", db, "init", "--currency", "UGX"});
        CHECK(other.exitCode == 1);
        CHECK_THAT(other.err, Catch::Contains("already holds a KES portfolio"));
        const auto plain = cli(tmp, {"--db", db, "init"});
        CHECK(plain.exitCode == 0);
        CHECK(std::regex_match(plain.out, std::regex(".*: schema version [0-9]+, currency KES\n")));
    }
    SECTION("an empty 0-byte file becomes a database") {
        writeFile(db, "");
        const auto loan = cli(tmp, {"--db", db, "loan", "L1", "--as-of", "2026-03-20"});
        CHECK(loan.exitCode == 1);
        CHECK_THAT(loan.err, Catch::Contains("is an empty file"));
        const auto r = cli(tmp, {"--db", db, "init"});
        CHECK(r.exitCode == 0);
        CHECK(std::regex_match(
            r.out, std::regex(".*: schema version [0-9]+, currency \\(not set yet\\)\n")));
        CHECK(readFile(db).compare(0, 16, std::string("SQLite format 3\0", 16)) == 0);
        const auto report = cli(tmp, {"--db", db, "report", "aging", "--as-of", "2026-03-20"});
        CHECK(report.exitCode == 1);
        CHECK_THAT(report.err, Catch::Contains("holds no portfolio yet (import one first)"));
    }
    SECTION("a file that is not a database is refused and left alone") {
        writeFile(db, "name,amount\nAmina,100\n");
        const auto r = cli(tmp, {"--db", db, "init", "--currency", "KES"});
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::Contains("is not a RecoveryDesk database"));
        CHECK(readFile(db) == "name,amount\nAmina,100\n");
    }
}

TEST_CASE("settings set: validated, and the aging report uses the new buckets", "[cli][settings]") {
    TempDir tmp;
    const auto db = workedDb(tmp);
    const auto refused = cli(tmp, {"--db", db, "settings", "set", "buckets", "30,20"});
    CHECK(refused.exitCode == 1);
    CHECK(refused.err == "recoverydesk-cli: buckets: bucket bound 20 must be greater than 30 "
                         "(bounds are days past due in increasing order, e.g. "
                         "30,60,90,180,365)\n");
    CHECK(cli(tmp, {"--db", db, "settings", "set", "colour", "blue"}).exitCode == 1);
    CHECK(cli(tmp, {"--db", db, "settings", "set", "arrears_tolerance", "1.005"}).exitCode == 1);

    auto bucketNames = [&] {
        const auto r =
            cli(tmp, {"--db", db, "report", "aging", "--as-of", "2026-03-20", "--format", "json"});
        REQUIRE(r.exitCode == 0);
        const Json report = Json::parse(r.out);
        std::vector<std::string> names;
        for (const auto& b : report["total"]["buckets"])
            names.push_back(b["bucket"].get<std::string>());
        return names;
    };
    CHECK(bucketNames() == std::vector<std::string>{"current", "restructured", "1-30", "31-60",
                                                    "61-90", "91-180", "181-365", "366+"});
    const auto set = cli(tmp, {"--db", db, "settings", "set", "buckets", "30,60,90"});
    CHECK(set.exitCode == 0);
    CHECK(set.out == "buckets = 30,60,90\n");
    CHECK(bucketNames() ==
          std::vector<std::string>{"current", "restructured", "1-30", "31-60", "61-90", "91+"});
    const auto show = cli(tmp, {"--db", db, "settings", "show"});
    CHECK(show.exitCode == 0);
    CHECK(anyLine(show.out, "buckets +30,60,90 .*"));
    CHECK(anyLine(show.out, "arrears_tolerance +0 .*"));
    // The text report shows them too.
    const auto text = cli(tmp, {"--db", db, "report", "aging", "--as-of", "2026-03-20"});
    CHECK_THAT(text.out, Catch::Contains("\n  91+ "));
    CHECK_THAT(text.out, !Catch::Contains("366+"));
}

TEST_CASE("report aging --format csv: header, one `all` row for the total, then buckets",
          "[cli][report]") {
    TempDir tmp;
    const auto db = workedDb(tmp);
    const auto r =
        cli(tmp, {"--db", db, "report", "aging", "--as-of", "2026-03-20", "--format", "csv"});
    REQUIRE(r.exitCode == 0);
    const auto rows = lines(r.out);
    REQUIRE(rows.size() == 1 + 1 + 8);
    CHECK(rows[0] == "as_of,currency,group,bucket,loans,outstanding_principal,arrears,par1,par30,"
                     "par90,par30r");
    CHECK(rows[1] == "2026-03-20,KES,(all),all,2,365.00,180.00,1,0,0,0");
    CHECK(rows[2] == "2026-03-20,KES,(all),current,0,0.00,0.00,,,,");
    CHECK(rows[3] == "2026-03-20,KES,(all),restructured,0,0.00,0.00,,,,");
    CHECK(rows[4] == "2026-03-20,KES,(all),1-30,2,365.00,180.00,,,,");
    CHECK(rows[9] == "2026-03-20,KES,(all),366+,0,0.00,0.00,,,,");
    int allRows = 0;
    for (const auto& line : rows)
        allRows += csvFields(line)[3] == "all";
    CHECK(allRows == 1);
}

TEST_CASE("report aging --by groups in byte order of the name", "[cli][report]") {
    TempDir tmp;
    const std::string db = (tmp / "rd.db").string();
    const auto imported = cli(tmp, {"--db", db, "import", groupsFolder(tmp).string()});
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
        {"branch", {"Beta", "Zeta", "alpha", "\xC3\x89ldoret"}},
        {"product", {"Business, Large", "School Fees", "agri"}},
        {"officer", {"(none)", "Ben", "ben", "zoe"}},
    };
    for (const auto& [by, groups] : expected) {
        DYNAMIC_SECTION("--by " << by) {
            const auto csv = cli(tmp, {"--db", db, "report", "aging", "--as-of", "2026-03-20",
                                       "--by", by, "--format", "csv"});
            INFO(csv.err);
            REQUIRE(csv.exitCode == 0);
            std::vector<std::string> all = {"(all)"};
            all.insert(all.end(), groups.begin(), groups.end());
            CHECK(csvGroups(csv.out) == all);
            // Each group has its `all` row and one row per bucket.
            CHECK(lines(csv.out).size() == 1 + all.size() * 9);

            const auto text =
                cli(tmp, {"--db", db, "report", "aging", "--as-of", "2026-03-20", "--by", by});
            REQUIRE(text.exitCode == 0);
            std::vector<std::string> headings;
            for (const auto& line : lines(text.out))
                if (line.rfind(by + " ", 0) == 0)
                    headings.push_back(line.substr(by.size() + 1));
            CHECK(headings == groups);
        }
    }
}

TEST_CASE("report aging --by --format json lists the groups in byte order", "[cli][report]") {
    TempDir tmp;
    const std::string db = (tmp / "rd.db").string();
    REQUIRE(cli(tmp, {"--db", db, "import", groupsFolder(tmp).string()}).exitCode == 0);
    const auto r = cli(tmp, {"--db", db, "report", "aging", "--as-of", "2026-03-20", "--by",
                             "branch", "--format", "json"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const Json j = Json::parse(r.out);
    CHECK(j["group_by"] == "branch");
    std::vector<std::string> groups;
    for (const auto& g : j["groups"]) {
        groups.push_back(g["group"].get<std::string>());
        CHECK(g["buckets"].size() == 8);
        CHECK(g.contains("par30"));
    }
    CHECK(groups == std::vector<std::string>{"Beta", "Zeta", "alpha", "\xC3\x89ldoret"});
    CHECK(j["groups"][2]["active_loans"] == 2);
    CHECK(j["groups"][2]["gross_portfolio"] == "200.00");
}

TEST_CASE("the text formats read sensibly", "[cli][report]") {
    TempDir tmp;
    const auto db = workedDb(tmp);
    const auto aging = cli(tmp, {"--db", db, "report", "aging", "--as-of", "2026-03-20"});
    REQUIRE(aging.exitCode == 0);
    const auto a = lines(aging.out);
    REQUIRE(a.size() >= 5);
    CHECK(a[0] == "Aging as of 2026-03-20 (KES)");
    CHECK(a[2] == "  Active loans 2   Gross portfolio 365.00   Arrears 180.00");
    CHECK(a[3] == "  PAR1 100.00%   PAR30 0.00%   PAR90 0.00%   PAR30+R 0.00%");
    CHECK(anyLine(aging.out, "  1-30 +2 +365\\.00 +180\\.00"));

    const auto loan = cli(tmp, {"--db", db, "loan", "L2", "--as-of", "2026-03-20"});
    REQUIRE(loan.exitCode == 0);
    const auto l = lines(loan.out);
    REQUIRE_FALSE(l.empty());
    CHECK(l[0] == "Loan L2 of client C1 as of 2026-03-20 (KES)");
    CHECK_THAT(loan.out, Catch::Contains("credit officer (none)"));
    CHECK_THAT(loan.out, Catch::Contains("Days past due         19 (bucket 1-30), oldest overdue "
                                         "installment due 2026-03-01"));
    CHECK_THAT(loan.out, Catch::Contains("Arrears               115.00 (principal 100.00, "
                                         "interest 10.00, fees 0.00, penalties 5.00)"));
    CHECK(anyLine(loan.out, " +2 2026-03-01 +115\\.00 +0\\.00 +115\\.00  overdue"));

    const auto json =
        cli(tmp, {"--db", db, "loan", "L2", "--as-of", "2026-03-17", "--format", "json"});
    REQUIRE(json.exitCode == 0);
    const Json j = Json::parse(json.out);
    CHECK(j["dpd"] == 16);
    CHECK(j["arrears"]["total"] == "65.00");
    CHECK(j["bucket"] == "1-30");
}

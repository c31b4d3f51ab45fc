// `recoverydesk-cli import` end to end: what it prints, what it leaves on disk, all or
// nothing, incremental and dry runs (interchange.md sections 1 and 2).
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace rd::test;
using Json = nlohmann::json;

namespace {

// Runs the CLI with its log folder inside `tmp`.
CliResult cli(const TempDir& tmp, const std::vector<std::string>& args) {
    return runCli(args, {}, {"XDG_DATA_HOME=" + (tmp / "xdg").string()});
}

CliResult importInto(const TempDir& tmp, const std::filesystem::path& db,
                     const std::filesystem::path& dir, bool dryRun = false) {
    std::vector<std::string> args = {"--db", db.string(), "import", dir.string()};
    if (dryRun)
        args.push_back("--dry-run");
    return cli(tmp, args);
}

bool fileExists(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::exists(p, ec);
}

// No database file, and no -wal or -shm next to it.
void checkNoDatabase(const std::filesystem::path& db) {
    CHECK_FALSE(fileExists(db));
    CHECK_FALSE(fileExists(db.string() + "-wal"));
    CHECK_FALSE(fileExists(db.string() + "-shm"));
}

// A copy of the worked example in `dir`.
std::filesystem::path copyWorked(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    for (const char* f :
         {"clients.csv", "loans.csv", "schedule.csv", "charges.csv", "payments.csv"})
        writeFile(dir / f, readFile(examplesDir() / "worked" / f));
    return dir;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        out.push_back(line);
    return out;
}

// What the database says about the worked portfolio, through the CLI.
std::string positions(const TempDir& tmp, const std::filesystem::path& db) {
    std::string out;
    for (const char* loan : {"L1", "L2"}) {
        const auto r = cli(
            tmp, {"--db", db.string(), "loan", loan, "--as-of", "2026-03-26", "--format", "json"});
        out += r.out + r.err;
    }
    const auto aging = cli(
        tmp, {"--db", db.string(), "report", "aging", "--as-of", "2026-03-26", "--format", "csv"});
    return out + aging.out + aging.err;
}

const std::string kRefusalTail =
    "problem(s); the database is unchanged (fix the lines above and import again)";

} // namespace

TEST_CASE("import prints each problem as FILE:LINE: COLUMN: message on stderr", "[cli][import]") {
    TempDir tmp;
    const auto in = copyWorked(tmp / "in");
    std::string loans = readFile(in / "loans.csv");
    loans.replace(loans.find("300.00"), 6, "\"12,500\"");
    writeFile(in / "loans.csv", loans);
    writeFile(in / "payments.csv", readFile(in / "payments.csv") + "P9,L2,2026-02-30,1.00,,,\n");

    const auto r = importInto(tmp, tmp / "rd.db", in);
    CHECK(r.exitCode == 1);
    CHECK(r.out.empty());
    const auto err = lines(r.err);
    REQUIRE(err.size() == 3);
    CHECK(err[0] ==
          "loans.csv:2: principal: \"12,500\" is not an amount (digits with at most 2 decimals)");
    CHECK(err[1] ==
          "payments.csv:6: paid_on: \"2026-02-30\" is not a date (YYYY-MM-DD, a day that exists)");
    CHECK(err[2] ==
          fmt::format("recoverydesk-cli: import of {} refused: 2 {}", in.string(), kRefusalTail));
    // The database did not exist: nothing is left behind.
    checkNoDatabase(tmp / "rd.db");
}

TEST_CASE("a problem with a value that holds a line break is still one line",
          "[cli][import]") {
    // Quoted fields may hold line breaks; the report is "one a line" all the same.
    TempDir tmp;
    const auto in = copyWorked(tmp / "in");
    std::string loans = readFile(in / "loans.csv");
    loans.replace(loans.find("300.00"), 6, "\"300\n.00\"");
    writeFile(in / "loans.csv", loans);
    const auto r = importInto(tmp, tmp / "rd.db", in);
    CHECK(r.exitCode == 1);
    const auto err = lines(r.err);
    CHECK(err.size() == 2);
    CHECK_THAT(r.err, Catch::StartsWith("loans.csv:2: principal: "));
}

TEST_CASE("an unknown column is a warning: the import goes ahead", "[cli][import]") {
    TempDir tmp;
    const auto in = copyWorked(tmp / "in");
    writeFile(in / "clients.csv", "client_id,full_name,branch,phone,shoe_size\n"
                                  "C1,Amina Nakato,Kampala Central,+256772000001,38\n");
    const auto r = importInto(tmp, tmp / "rd.db", in);
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(lines(r.err) ==
          std::vector<std::string>{"warning: clients.csv:1: shoe_size: unknown column, ignored"});
    CHECK_THAT(r.out, Catch::Contains("clients   1 new, 0 changed"));
}

TEST_CASE("at most 200 problems are listed, then how many more", "[cli][import]") {
    TempDir tmp;
    const auto in = copyWorked(tmp / "in");
    std::string payments = "payment_id,loan_id,paid_on,amount\n";
    for (int i = 1; i <= 250; ++i)
        payments += fmt::format("X{},L1,2026-02-01,{}\n", i, i % 2 ? "0" : "1.001");
    writeFile(in / "payments.csv", payments);
    const auto r = importInto(tmp, tmp / "rd.db", in);
    CHECK(r.exitCode == 1);
    const auto err = lines(r.err);
    REQUIRE(err.size() == 202);
    for (int i = 0; i < 200; ++i)
        CHECK_THAT(err[static_cast<std::size_t>(i)],
                   Catch::StartsWith(fmt::format("payments.csv:{}: amount: ", i + 2)));
    CHECK(err[200] == "... and 50 more problem(s)");
    CHECK_THAT(err[201], Catch::EndsWith("refused: 250 " + kRefusalTail));
    checkNoDatabase(tmp / "rd.db");
}

TEST_CASE("all or nothing through the CLI", "[cli][import]") {
    TempDir tmp;
    // Many good rows in clients, loans and schedule, then one bad payment at the end.
    const auto in = tmp / "in";
    std::string clients = "client_id,full_name,branch\n",
                loans = "loan_id,client_id,product,branch,currency,principal,disbursed_on,status\n",
                schedule = "loan_id,installment_no,due_date,principal_due,interest_due\n",
                payments = "payment_id,loan_id,paid_on,amount\n";
    for (int i = 1; i <= 400; ++i) {
        clients += fmt::format("N{},Client {},Mbale\n", i, i);
        loans += fmt::format("NL{},N{},Group Loan,Mbale,KES,200.00,2026-01-05,active\n", i, i);
        schedule +=
            fmt::format("NL{},1,2026-02-05,100.00,5.00\nNL{},2,2026-03-05,100.00,5.00\n", i, i);
        payments += fmt::format("NP{},NL{},2026-02-05,105.00\n", i, i);
    }
    payments += "NP-BAD,NL400,2026-02-06,105.00.00\n";
    writeFile(in / "clients.csv", clients);
    writeFile(in / "loans.csv", loans);
    writeFile(in / "schedule.csv", schedule);
    writeFile(in / "payments.csv", payments);
    const std::string badLine = "payments.csv:402: amount: \"105.00.00\" is not an amount";

    SECTION("into a new file: no file is left behind") {
        const auto r = importInto(tmp, tmp / "new.db", in);
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::StartsWith(badLine));
        checkNoDatabase(tmp / "new.db");
    }
    SECTION("into an existing portfolio: the file is byte for byte the same") {
        REQUIRE(importInto(tmp, tmp / "rd.db", examplesDir() / "worked").exitCode == 0);
        const std::string bytes = readFile(tmp / "rd.db");
        const std::string before = positions(tmp, tmp / "rd.db");
        const auto r = importInto(tmp, tmp / "rd.db", in);
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::StartsWith(badLine));
        CHECK((readFile(tmp / "rd.db") == bytes)); // byte for byte
        CHECK(positions(tmp, tmp / "rd.db") == before);
        CHECK_FALSE(fileExists(tmp / "rd.db-wal"));
    }
}

TEST_CASE("importing the same folder twice: nothing to change, file untouched", "[cli][import]") {
    TempDir tmp;
    const auto first = importInto(tmp, tmp / "rd.db", examplesDir() / "worked");
    REQUIRE(first.exitCode == 0);
    CHECK(lines(first.out) ==
          std::vector<std::string>{
              fmt::format("Imported {} (KES):", (examplesDir() / "worked").string()),
              "  clients   1 new, 0 changed", "  loans     2 new, 0 changed",
              "  schedules 2 new, 0 replaced (6 installments written)", "  charges   2 new",
              "  payments  4 new, 0 reversed", "  unchanged rows 0"});
    const std::string bytes = readFile(tmp / "rd.db");
    const auto again = importInto(tmp, tmp / "rd.db", examplesDir() / "worked");
    CHECK(again.exitCode == 0);
    CHECK(again.err.empty());
    CHECK(again.out == fmt::format("Nothing to change: the database already holds everything in "
                                   "{} (15 rows checked)\n",
                                   (examplesDir() / "worked").string()));
    CHECK((readFile(tmp / "rd.db") == bytes)); // byte for byte
}

TEST_CASE("later imports: new payments and a reversal change the positions", "[cli][import]") {
    TempDir tmp;
    REQUIRE(importInto(tmp, tmp / "rd.db", examplesDir() / "worked").exitCode == 0);
    const auto before = Json::parse(cli(tmp, {"--db", (tmp / "rd.db").string(), "loan", "L1",
                                              "--as-of", "2026-03-26", "--format", "json"})
                                        .out);
    CHECK(before["arrears"]["total"] == "65.00");
    writeFile(tmp / "day2" / "payments.csv",
              "payment_id,loan_id,paid_on,amount,method,reference,reversed_on\n"
              "P5,L1,2026-03-25,65.00,cash,,\n"
              "P2,L1,2026-03-15,50.00,mobile_money,MM-88123,2026-03-24\n");
    const auto r = importInto(tmp, tmp / "rd.db", tmp / "day2");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("payments  1 new, 1 reversed"));
    const auto after = Json::parse(cli(tmp, {"--db", (tmp / "rd.db").string(), "loan", "L1",
                                             "--as-of", "2026-03-26", "--format", "json"})
                                       .out);
    // P2 (50.00) no longer counts; P5 (65.00) pays the rest of #2's principal: 50.00 left.
    CHECK(after["arrears"]["total"] == "50.00");
    CHECK(after["dpd"] == 25);
    const auto earlier = Json::parse(cli(tmp, {"--db", (tmp / "rd.db").string(), "loan", "L1",
                                               "--as-of", "2026-03-20", "--format", "json"})
                                         .out);
    CHECK(earlier["arrears"]["total"] == "65.00");

    SECTION("a payment that comes back changed is refused") {
        const std::string bytes = readFile(tmp / "rd.db");
        writeFile(tmp / "day3" / "payments.csv", "payment_id,loan_id,paid_on,amount\n"
                                                 "P5,L1,2026-03-25,56.00\n");
        const auto changed = importInto(tmp, tmp / "rd.db", tmp / "day3");
        CHECK(changed.exitCode == 1);
        CHECK_THAT(changed.err, Catch::StartsWith("payments.csv:2: payment_id: payment \"P5\" "
                                                  "was imported before as 65.00 on 2026-03-25"));
        CHECK((readFile(tmp / "rd.db") == bytes)); // byte for byte
    }
}

TEST_CASE("a second import in another currency is refused", "[cli][import]") {
    TempDir tmp;
    SECTION("currency set by the first import") {
        REQUIRE(importInto(tmp, tmp / "rd.db", examplesDir() / "worked").exitCode == 0);
    }
    SECTION("currency fixed by init") {
        REQUIRE(
            cli(tmp, {"--db", (tmp / "rd.db").string(), "init", "--currency", "KES"}).exitCode ==
            0);
    }
    const std::string bytes = readFile(tmp / "rd.db");
    const auto r = importInto(tmp, tmp / "rd.db", examplesDir() / "edge");
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::StartsWith("loans.csv:2: currency: \"UGX\" is not the portfolio "
                                        "currency KES"));
    CHECK_THAT(r.err, Catch::Contains("refused: 7 " + kRefusalTail));
    CHECK((readFile(tmp / "rd.db") == bytes)); // byte for byte
}

TEST_CASE("import --dry-run reports the counts and writes nothing", "[cli][import][dry-run]") {
    TempDir tmp;
    SECTION("into a new file: the file is not created") {
        const auto r = importInto(tmp, tmp / "rd.db", examplesDir() / "worked", true);
        INFO(r.err);
        CHECK(r.exitCode == 0);
        CHECK(lines(r.out) ==
              std::vector<std::string>{
                  fmt::format("Dry run, nothing written; the import would make {} (KES):",
                              (examplesDir() / "worked").string()),
                  "  clients   1 new, 0 changed", "  loans     2 new, 0 changed",
                  "  schedules 2 new, 0 replaced (6 installments written)", "  charges   2 new",
                  "  payments  4 new, 0 reversed", "  unchanged rows 0"});
        checkNoDatabase(tmp / "rd.db");
    }
    SECTION("into an existing file: the file is unchanged") {
        REQUIRE(importInto(tmp, tmp / "rd.db", examplesDir() / "edge").exitCode == 0);
        const std::string bytes = readFile(tmp / "rd.db");
        writeFile(tmp / "later" / "payments.csv", "payment_id,loan_id,paid_on,amount\n"
                                                  "Z1,PRE,2025-03-01,1000\n");
        const auto r = importInto(tmp, tmp / "rd.db", tmp / "later", true);
        CHECK(r.exitCode == 0);
        CHECK_THAT(r.out, Catch::StartsWith("Dry run, nothing written"));
        CHECK_THAT(r.out, Catch::Contains("payments  1 new, 0 reversed"));
        CHECK((readFile(tmp / "rd.db") == bytes)); // byte for byte
        CHECK_FALSE(fileExists(tmp / "rd.db-wal"));
    }
    SECTION("with problems: listed, exit status 1, nothing written") {
        const auto in = copyWorked(tmp / "in");
        writeFile(in / "charges.csv", readFile(in / "charges.csv") + "CH3,L1,9,2026-03-10,fee,1\n");
        const auto r = importInto(tmp, tmp / "rd.db", in, true);
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::StartsWith("charges.csv:4: installment_no: loan L1 has no "
                                            "installment 9"));
        checkNoDatabase(tmp / "rd.db");
    }
}

TEST_CASE("import --dry-run into a folder that does not exist creates nothing",
          "[cli][import][dry-run]") {
    TempDir tmp;
    const auto r = importInto(tmp, tmp / "new" / "place" / "rd.db", examplesDir() / "worked", true);
    CHECK(r.exitCode == 0);
    CHECK_FALSE(fileExists(tmp / "new"));
}

TEST_CASE("a folder with only clients.csv can start a new database", "[cli][import]") {
    // Any subset of the files is a valid folder; with no loans the data names no currency
    // yet, so the new database has none, as after `init` without --currency.
    TempDir tmp;
    writeFile(tmp / "in" / "clients.csv", readFile(examplesDir() / "worked" / "clients.csv"));
    const auto r = importInto(tmp, tmp / "rd.db", tmp / "in");
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(fileExists(tmp / "rd.db"));
    const auto loans = importInto(tmp, tmp / "rd.db", examplesDir() / "worked");
    CHECK(loans.exitCode == 0);
}

TEST_CASE("import of a missing or empty folder", "[cli][import]") {
    TempDir tmp;
    SECTION("missing") {
        const auto r = importInto(tmp, tmp / "rd.db", tmp / "nowhere");
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::Contains((tmp / "nowhere").string() + " is not a folder"));
        checkNoDatabase(tmp / "rd.db");
    }
    SECTION("empty") {
        std::filesystem::create_directories(tmp / "empty");
        const auto r = importInto(tmp, tmp / "rd.db", tmp / "empty");
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::Contains("holds none of clients.csv, loans.csv, schedule.csv, "
                                          "charges.csv, payments.csv"));
        checkNoDatabase(tmp / "rd.db");
    }
    SECTION("a file instead of a folder") {
        writeFile(tmp / "clients.csv", "client_id,full_name,branch\n");
        const auto r = importInto(tmp, tmp / "rd.db", tmp / "clients.csv");
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::Contains("is not a folder"));
        checkNoDatabase(tmp / "rd.db");
    }
}

TEST_CASE("import refuses a --db that is not a RecoveryDesk file and leaves it alone",
          "[cli][import]") {
    TempDir tmp;
    const auto db = tmp / "notes.txt";
    writeFile(db, std::string(3000, 'x') + "\nmy notes, not a database\n");
    const std::string bytes = readFile(db);
    const auto r = importInto(tmp, db, examplesDir() / "worked");
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("is not a RecoveryDesk database"));
    CHECK((readFile(db) == bytes)); // byte for byte
}

TEST_CASE("a file from a newer RecoveryDesk is refused by every command and left alone",
          "[cli][import]") {
    TempDir tmp;
    const auto db = tmp / "rd.db";
    REQUIRE(importInto(tmp, db, examplesDir() / "worked").exitCode == 0);
    REQUIRE_FALSE(fileExists(db.string() + "-wal"));
    // user_version is the big-endian 32-bit integer at offset 60 of the SQLite header.
    std::string bytes = readFile(db);
    REQUIRE(bytes.compare(0, 16, std::string("SQLite format 3\0", 16)) == 0);
    REQUIRE(bytes.substr(60, 3) == std::string("\0\0\0", 3));
    REQUIRE(bytes[63] > 0);
    REQUIRE(bytes[63] < 0x60);
    bytes[63] = static_cast<char>(bytes[63] + 0x20); // a version from far in the future
    writeFile(db, bytes);
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"import", (examplesDir() / "worked").string()},
          std::vector<std::string>{"init"},
          std::vector<std::string>{"loan", "L1", "--as-of", "2026-03-20"},
          std::vector<std::string>{"report", "aging", "--as-of", "2026-03-20"}}) {
        std::vector<std::string> args = {"--db", db.string()};
        args.insert(args.end(), command.begin(), command.end());
        const auto r = cli(tmp, args);
        INFO(command[0]);
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::Contains("newer RecoveryDesk"));
        CHECK_THAT(r.err, Catch::Contains("install the newer version"));
        CHECK((readFile(db) == bytes)); // byte for byte
    }
}

#include "demo/demo_generator.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace rd;
using namespace rd::demo;
namespace fs = std::filesystem;

namespace {

// A fresh folder per test case and process (ctest may run test cases in parallel).
struct TempDir {
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() /
               ("rd-demo-test-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path path;
};

DemoOptions options(std::int64_t loans, std::uint64_t seed, Currency currency = {"UGX", 0}) {
    DemoOptions o;
    o.loans = loans;
    o.seed = seed;
    o.asOf = Date::parse("2026-11-28").value();
    o.currency = std::move(currency);
    return o;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Minimal RFC 4180 reader, enough for these files (quoted fields may hold commas).
std::vector<std::vector<std::string>> readCsv(const fs::path& p) {
    const std::string text = slurp(p);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
        } else {
            field.push_back(c);
        }
    }
    REQUIRE(field.empty()); // every row ends with a line feed
    REQUIRE(row.empty());
    return rows;
}

std::string header(const std::vector<std::vector<std::string>>& rows) {
    REQUIRE_FALSE(rows.empty());
    std::string h;
    for (const std::string& f : rows[0])
        h += (h.empty() ? "" : ",") + f;
    return h;
}

const char* const kFiles[] = {"clients.csv",  "loans.csv",      "schedule.csv",  "charges.csv",
                              "payments.csv", "guarantors.csv", "collateral.csv"};

bool isAmount(const std::string& s, int exponent) {
    const auto dot = s.find('.');
    if (exponent == 0)
        return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
    return dot != std::string::npos && dot > 0 &&
           s.size() - dot - 1 == static_cast<std::size_t>(exponent) &&
           s.find_first_not_of("0123456789.") == std::string::npos;
}

} // namespace

TEST_CASE("demo files follow the import format and match the summary", "[demo][files]") {
    const auto [code, exponent] =
        GENERATE(std::make_pair("UGX", 0), std::make_pair("KES", 2), std::make_pair("KWD", 3));
    INFO(code);
    TempDir dir(std::string("format-") + code);
    const fs::path out = dir.path / "nested" / "export"; // created if missing
    const DemoOptions o = options(1200, 4, {code, exponent});
    const Result<DemoSummary> r = writeDemoFiles(o, out);
    REQUIRE(r.ok());
    const DemoSummary& s = r.value();
    CHECK(s.loans == 1200);

    const auto clients = readCsv(out / "clients.csv");
    const auto loans = readCsv(out / "loans.csv");
    const auto schedule = readCsv(out / "schedule.csv");
    const auto charges = readCsv(out / "charges.csv");
    const auto payments = readCsv(out / "payments.csv");
    CHECK(header(clients) ==
          "client_id,full_name,branch,national_id,phone,alt_phone,email,address,group_name");
    CHECK(header(loans) == "loan_id,client_id,product,branch,credit_officer,currency,principal,"
                           "disbursed_on,status,written_off_on,annual_interest_rate,"
                           "interest_method,frequency");
    CHECK(header(schedule) == "loan_id,installment_no,due_date,principal_due,interest_due,fee_due");
    CHECK(header(charges) == "charge_id,loan_id,installment_no,charged_on,kind,amount");
    CHECK(header(payments) == "payment_id,loan_id,paid_on,amount,method,reference,reversed_on");
    CHECK(static_cast<std::int64_t>(clients.size()) - 1 == s.clients);
    CHECK(static_cast<std::int64_t>(loans.size()) - 1 == s.loans);
    CHECK(static_cast<std::int64_t>(schedule.size()) - 1 == s.installments);
    CHECK(static_cast<std::int64_t>(charges.size()) - 1 == s.charges);
    CHECK(static_cast<std::int64_t>(payments.size()) - 1 == s.payments);
    CHECK(s.charges > 0);
    CHECK(s.payments > s.loans);

    // Clients once each, in id order; loans refer to clients already listed.
    std::set<std::string> clientIds;
    std::string previous;
    for (std::size_t i = 1; i < clients.size(); ++i) {
        REQUIRE(clients[i].size() == 9);
        CHECK(clients[i][0] > previous);
        previous = clients[i][0];
        clientIds.insert(clients[i][0]);
        CHECK_FALSE(clients[i][1].empty());
    }
    std::map<std::string, std::size_t> installmentsOf;
    previous.clear();
    for (std::size_t i = 1; i < loans.size(); ++i) {
        const auto& l = loans[i];
        REQUIRE(l.size() == 13);
        CHECK(l[0] > previous);
        previous = l[0];
        CHECK(clientIds.count(l[1]) == 1);
        CHECK(l[5] == code);
        CHECK(isAmount(l[6], exponent));
        CHECK(Date::parse(l[7]).ok());
        CHECK(l[8] == (l[9].empty() ? "active" : "written_off"));
        if (!l[9].empty())
            CHECK(Date::parse(l[9]).ok());
        installmentsOf[l[0]] = 0;
    }
    for (std::size_t i = 1; i < schedule.size(); ++i) {
        const auto& row = schedule[i];
        REQUIRE(row.size() == 6);
        REQUIRE(installmentsOf.count(row[0]) == 1);
        CHECK(std::stoul(row[1]) == ++installmentsOf[row[0]]); // 1..n in order
        CHECK(Date::parse(row[2]).ok());
        CHECK(isAmount(row[3], exponent));
        CHECK(isAmount(row[4], exponent));
        CHECK(isAmount(row[5], exponent));
    }
    for (std::size_t i = 1; i < charges.size(); ++i) {
        const auto& row = charges[i];
        REQUIRE(row.size() == 6);
        REQUIRE(installmentsOf.count(row[1]) == 1);
        CHECK(std::stoul(row[2]) >= 1);
        CHECK(std::stoul(row[2]) <= installmentsOf[row[1]]);
        CHECK((row[4] == "fee" || row[4] == "penalty"));
        CHECK(isAmount(row[5], exponent));
    }
    std::set<std::string> paymentIds;
    for (std::size_t i = 1; i < payments.size(); ++i) {
        const auto& row = payments[i];
        REQUIRE(row.size() == 7);
        CHECK(paymentIds.insert(row[0]).second);
        REQUIRE(installmentsOf.count(row[1]) == 1);
        CHECK(isAmount(row[3], exponent));
        CHECK((row[4] == "cash" || row[4] == "cheque" || row[4] == "bank_transfer" ||
               row[4] == "mobile_money"));
        if (row[4] != "cash")
            CHECK_FALSE(row[5].empty());
        if (!row[6].empty())
            CHECK(row[6] >= row[2]); // ISO dates compare as text
    }
    const auto guarantors = readCsv(out / "guarantors.csv");
    const auto collateral = readCsv(out / "collateral.csv");
    CHECK(header(guarantors) ==
          "guarantor_id,loan_id,full_name,phone,national_id,relationship,address");
    CHECK(header(collateral) == "collateral_id,loan_id,kind,description,market_value,"
                                "forced_sale_value,valued_on,registration");
    CHECK(static_cast<std::int64_t>(guarantors.size()) - 1 == s.guarantors);
    CHECK(static_cast<std::int64_t>(collateral.size()) - 1 == s.collateral);
    // Most loans have a guarantor, about half have collateral.
    CHECK(s.guarantors > s.loans * 3 / 4);
    CHECK(s.collateral > s.loans / 3);
    std::set<std::string> securityIds;
    for (std::size_t i = 1; i < guarantors.size(); ++i) {
        const auto& row = guarantors[i];
        REQUIRE(row.size() == 7);
        CHECK(securityIds.insert(row[0]).second);
        CHECK(installmentsOf.count(row[1]) == 1);
        CHECK_FALSE(row[2].empty());
    }
    std::set<std::string> kinds;
    for (std::size_t i = 1; i < collateral.size(); ++i) {
        const auto& row = collateral[i];
        REQUIRE(row.size() == 8);
        CHECK(securityIds.insert(row[0]).second);
        CHECK(installmentsOf.count(row[1]) == 1);
        kinds.insert(row[2]);
        CHECK(isAmount(row[4], exponent));
        CHECK(isAmount(row[5], exponent));
        CHECK(Date::parse(row[6]).ok());
        if (row[2] == "vehicle" || row[2] == "land")
            CHECK_FALSE(row[7].empty());
    }
    CHECK(kinds == std::set<std::string>{"household", "land", "savings", "vehicle"});
    for (const char* f : kFiles) // no temporary file left behind
        CHECK_FALSE(fs::exists(out / (std::string(f) + ".partial")));
}

TEST_CASE("same seed, byte-identical files, another seed, other files", "[demo][files]") {
    TempDir dir("identical");
    REQUIRE(writeDemoFiles(options(800, 21), dir.path / "a").ok());
    REQUIRE(writeDemoFiles(options(800, 21), dir.path / "b").ok());
    REQUIRE(writeDemoFiles(options(800, 22), dir.path / "c").ok());
    for (const char* f : kFiles) {
        INFO(f);
        const std::string a = slurp(dir.path / "a" / f);
        CHECK(a == slurp(dir.path / "b" / f));
        CHECK(a != slurp(dir.path / "c" / f));
    }
}

TEST_CASE("progress is reported and a cancelled export leaves nothing", "[demo][files]") {
    TempDir dir("progress");
    std::vector<std::int64_t> seen;
    const auto counting = [&](std::int64_t done, std::int64_t total) {
        CHECK(total == 2500);
        seen.push_back(done);
        return true;
    };
    REQUIRE(writeDemoFiles(options(2500, 3), dir.path / "done", counting).ok());
    CHECK(seen == std::vector<std::int64_t>{1000, 2000, 2500});

    const auto cancel = [](std::int64_t done, std::int64_t) { return done < 1000; };
    const Result<DemoSummary> r = writeDemoFiles(options(2500, 3), dir.path / "cancelled", cancel);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("cancelled") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path / "cancelled")); // the folder it created is gone too

    // Into an existing folder: earlier files stay as they were.
    fs::create_directories(dir.path / "kept");
    std::ofstream(dir.path / "kept" / "loans.csv") << "old\n";
    REQUIRE_FALSE(writeDemoFiles(options(2500, 3), dir.path / "kept", cancel).ok());
    CHECK(slurp(dir.path / "kept" / "loans.csv") == "old\n");
    CHECK(std::distance(fs::directory_iterator(dir.path / "kept"), fs::directory_iterator()) == 1);
}

TEST_CASE("bad options and unusable folders are errors", "[demo][files]") {
    TempDir dir("errors");
    CHECK_FALSE(writeDemoFiles(options(-1, 1), dir.path / "x").ok());
    CHECK_FALSE(writeDemoFiles(options(10, 1, {"", 0}), dir.path / "x").ok());
    fs::create_directories(dir.path);
    std::ofstream(dir.path / "file") << "not a folder\n";
    const Result<DemoSummary> r = writeDemoFiles(options(10, 1), dir.path / "file");
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(r.error().message.empty());

    const Result<DemoSummary> empty = writeDemoFiles(options(0, 1), dir.path / "empty");
    REQUIRE(empty.ok());
    CHECK(empty.value().loans == 0);
    CHECK(slurp(dir.path / "empty" / "payments.csv") ==
          "payment_id,loan_id,paid_on,amount,method,reference,reversed_on\n");
}

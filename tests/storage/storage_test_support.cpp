#include "storage_test_support.h"

#include <array>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <poll.h>
#include <random>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace rdst {

namespace {
// The storage library logs at info level; keep the test output readable.
const bool quietLog = [] {
    spdlog::set_level(spdlog::level::warn);
    return true;
}();
} // namespace

TempDir::TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            fmt::format("rd-storage-test-{}-{}", ::getpid(), static_cast<unsigned>(rd()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path.string());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeFile(const fs::path& path, const std::string& bytes) {
    if (path.has_parent_path())
        fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

bool fileExists(const fs::path& path) {
    std::error_code ec;
    return fs::exists(path, ec);
}

fs::path examplesDir() {
    return fs::path(RD_TEST_DATA_DIR) / "examples";
}
fs::path workedDir() {
    return examplesDir() / "worked";
}
fs::path edgeDir() {
    return examplesDir() / "edge";
}

Folder Folder::copyOf(const fs::path& example, const fs::path& dir) {
    Folder f(dir);
    for (const auto& entry : fs::directory_iterator(example))
        if (entry.is_regular_file() && entry.path().extension() == ".csv")
            fs::copy_file(entry.path(), dir / entry.path().filename(),
                          fs::copy_options::overwrite_existing);
    return f;
}

Folder& Folder::setLine(const std::string& file, int line, const std::string& text) {
    std::istringstream in(readFile(dir_ / file));
    std::string out, current;
    int n = 0;
    bool found = false;
    while (std::getline(in, current)) {
        ++n;
        if (n == line) {
            current = text;
            found = true;
        }
        out += current + "\n";
    }
    if (!found)
        throw std::runtime_error(fmt::format("{} has no line {}", file, line));
    writeFile(dir_ / file, out);
    return *this;
}

Folder& Folder::appendLine(const std::string& file, const std::string& text) {
    std::string bytes = fileExists(dir_ / file) ? readFile(dir_ / file) : std::string{};
    if (!bytes.empty() && bytes.back() != '\n')
        bytes += '\n';
    writeFile(dir_ / file, bytes + text + "\n");
    return *this;
}

Folder& Folder::write(const std::string& file, const std::string& bytes) {
    writeFile(dir_ / file, bytes);
    return *this;
}

Folder& Folder::remove(const std::string& file) {
    fs::remove(dir_ / file);
    return *this;
}

Folder seedFolder(const fs::path& dir) {
    Folder f(dir);
    f.write("clients.csv", "client_id,full_name,branch\n"
                           "C0,Seed Client,Nairobi West\n");
    f.write("loans.csv", "loan_id,client_id,product,branch,currency,principal,disbursed_on,status\n"
                         "L0,C0,Seed Loan,Nairobi West,KES,100.00,2025-06-01,active\n");
    f.write("schedule.csv", "loan_id,installment_no,due_date,principal_due,interest_due\n"
                            "L0,1,2025-07-01,100.00,5.00\n");
    f.write("charges.csv", "charge_id,loan_id,installment_no,charged_on,kind,amount\n"
                           "K0,L0,1,2025-07-05,fee,1.00\n");
    f.write("payments.csv", "payment_id,loan_id,paid_on,amount\n"
                            "P0,L0,2025-07-01,105.00\n");
    return f;
}

std::unique_ptr<rd::storage::Database> openDb(const fs::path& path,
                                              std::optional<std::string> currency) {
    rd::storage::OpenOptions options;
    options.createIfMissing = true;
    if (currency)
        options.currency = rd::findCurrency(*currency).value();
    auto opened = rd::storage::Database::open(path, options);
    if (!opened)
        FAIL("cannot open " << path << ": " << opened.error().message);
    return std::move(opened).value();
}

rd::storage::ImportOutcome importDir(rd::storage::Database& db, const fs::path& dir, bool dryRun) {
    rd::storage::ImportOptions options;
    options.dryRun = dryRun;
    options.actor = "test";
    return rd::storage::importFolder(db, dir, options);
}

rd::storage::ImportOutcome importOk(rd::storage::Database& db, const fs::path& dir) {
    auto outcome = importDir(db, dir);
    INFO("import of " << dir << ":\n" << joined(problemLines(outcome.errors)));
    REQUIRE(outcome.ok);
    REQUIRE(outcome.errors.count() == 0);
    return outcome;
}

std::vector<std::string> problemLines(const rd::storage::ProblemList& list) {
    std::vector<std::string> lines;
    for (const auto& p : list.kept())
        lines.push_back(p.toString());
    return lines;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines)
        out += l + "\n";
    return out;
}

bool hasProblem(const rd::storage::ProblemList& list, const std::string& prefix,
                const std::string& part) {
    for (const auto& line : problemLines(list))
        if (line.rfind(prefix, 0) == 0 && line.find(part, prefix.size()) != std::string::npos)
            return true;
    return false;
}

namespace {

std::string rowsOf(sqlite3* db, const std::string& select) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, select.c_str(), -1, &st, nullptr) != SQLITE_OK)
        throw std::runtime_error(fmt::format("{}: {}", select, sqlite3_errmsg(db)));
    std::string out;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            if (c)
                out += '|';
            const int type = sqlite3_column_type(st, c);
            if (type == SQLITE_NULL) {
                out += "<null>";
            } else if (type == SQLITE_BLOB) {
                const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(st, c));
                const int size = sqlite3_column_bytes(st, c);
                out += "x'";
                for (int i = 0; i < size; ++i)
                    out += fmt::format("{:02x}", bytes[i]);
                out += "'";
            } else {
                out += reinterpret_cast<const char*>(sqlite3_column_text(st, c));
            }
        }
        out += '\n';
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        throw std::runtime_error(fmt::format("{}: {}", select, sqlite3_errmsg(db)));
    return out;
}

} // namespace

std::string snapshot(sqlite3* db) {
    std::string out = rowsOf(db, "PRAGMA application_id") + rowsOf(db, "PRAGMA user_version");
    std::vector<std::string> tables;
    {
        std::istringstream names(
            rowsOf(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"));
        std::string name;
        while (std::getline(names, name))
            tables.push_back(name);
    }
    for (const auto& table : tables) {
        sqlite3_stmt* st = nullptr;
        const std::string select = fmt::format("SELECT * FROM \"{}\"", table);
        if (sqlite3_prepare_v2(db, select.c_str(), -1, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db));
        const int columns = sqlite3_column_count(st);
        sqlite3_finalize(st);
        std::string order;
        for (int c = 1; c <= columns; ++c)
            order += fmt::format("{}{}", c > 1 ? "," : "", c);
        out += "== " + table + "\n" + rowsOf(db, select + " ORDER BY " + order);
    }
    return out;
}

std::string snapshot(const rd::storage::Database& db) {
    return snapshot(db.handle());
}

std::string portfolio(sqlite3* db) {
    std::string out;
    out += "== settings\n" + rowsOf(db, "SELECT key, value FROM settings ORDER BY key");
    out += "== clients\n" +
           rowsOf(db, "SELECT client_id, full_name, branch, national_id, phone, alt_phone, "
                      "email, address, group_name, source_line FROM clients ORDER BY client_id");
    out += "== loans\n" +
           rowsOf(db, "SELECT l.loan_id, c.client_id, l.product, l.branch, l.credit_officer, "
                      "l.principal, l.disbursed_on, l.status, l.written_off_on, "
                      "l.annual_interest_rate, l.interest_method, l.frequency, l.source_line "
                      "FROM loans l JOIN clients c ON c.id = l.client_pk ORDER BY l.loan_id");
    out += "== installments\n" +
           rowsOf(db, "SELECT l.loan_id, i.installment_no, i.due_date, i.principal_due, "
                      "i.interest_due, i.fee_due, i.source_line FROM installments i "
                      "JOIN loans l ON l.id = i.loan_pk ORDER BY l.loan_id, i.installment_no");
    out += "== charges\n" +
           rowsOf(db, "SELECT l.loan_id, c.charge_id, c.installment_no, c.charged_on, c.kind, "
                      "c.amount, c.source_line FROM charges c JOIN loans l ON l.id = c.loan_pk "
                      "ORDER BY c.charge_id");
    out += "== payments\n" +
           rowsOf(db, "SELECT l.loan_id, p.payment_id, p.paid_on, p.amount, p.method, "
                      "p.reference, p.reversed_on, p.source_line FROM payments p "
                      "JOIN loans l ON l.id = p.loan_pk ORDER BY p.payment_id");
    for (const char* t : {"client_versions", "loan_versions", "installment_versions"})
        out += fmt::format("== {} {}\n", t, rowCount(db, t));
    return out;
}

std::int64_t queryInt(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
        throw std::runtime_error(fmt::format("{}: {}", sql, sqlite3_errmsg(db)));
    std::int64_t value = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        value = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return value;
}

std::string queryText(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
        throw std::runtime_error(fmt::format("{}: {}", sql, sqlite3_errmsg(db)));
    std::string value = "<no row>";
    if (sqlite3_step(st) == SQLITE_ROW)
        value = sqlite3_column_type(st, 0) == SQLITE_NULL
                    ? "<null>"
                    : reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return value;
}

std::int64_t rowCount(sqlite3* db, const std::string& table) {
    return queryInt(db, fmt::format("SELECT count(*) FROM {}", table));
}

std::string execError(sqlite3* db, const std::string& sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string message = rc == SQLITE_OK ? "" : (err ? err : sqlite3_errstr(rc));
    sqlite3_free(err);
    return message;
}

rd::Date day(const std::string& text) {
    auto parsed = rd::Date::parse(text);
    if (!parsed)
        throw std::invalid_argument(parsed.error().message);
    return *parsed;
}

rd::LoanPosition position(rd::storage::Database& db, const std::string& loanId,
                          const std::string& asOf) {
    const auto ledger = rd::storage::LoanRepository(db).findLoan(loanId);
    if (!ledger)
        throw std::runtime_error("no loan " + loanId);
    rd::PositionCalculator calculator(rd::storage::loadDelinquencyPolicy(db));
    return calculator.compute(*ledger, day(asOf));
}

namespace {

struct Spawned {
    pid_t pid = 0;
    int outFd = -1, errFd = -1;
};

Spawned spawn(const std::vector<std::string>& args, const fs::path& dataHome,
              const std::vector<std::string>& env, bool capture, const char* binary = nullptr) {
    int outPipe[2] = {-1, -1}, errPipe[2] = {-1, -1};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (capture) {
        if (pipe(outPipe) || pipe(errPipe))
            throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
        for (int fd : {outPipe[0], outPipe[1], errPipe[0], errPipe[1]})
            posix_spawn_file_actions_addclose(&actions, fd);
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    }
    // A run with a test hook needs the test build of the command line (the shipped one has no
    // hooks).
    bool hooked = false;
    for (const auto& e : env)
        hooked = hooked || e.rfind("RECOVERYDESK_", 0) == 0;
    const char* cli = binary ? binary : hooked ? RD_CLI_TEST_PATH : RD_CLI_PATH;
    std::vector<std::string> argStrings = {cli};
    argStrings.insert(argStrings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argStrings)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> envStrings = {"XDG_DATA_HOME=" + dataHome.string()};
    envStrings.insert(envStrings.end(), env.begin(), env.end());
    for (char** e = environ; *e; ++e)
        if (std::string_view(*e).rfind("XDG_DATA_HOME=", 0) != 0 &&
            std::string_view(*e).rfind("RECOVERYDESK_TEST_", 0) != 0)
            envStrings.emplace_back(*e);
    std::vector<char*> envp;
    for (auto& e : envStrings)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    Spawned s;
    const int rc = posix_spawn(&s.pid, cli, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (capture) {
        close(outPipe[1]);
        close(errPipe[1]);
        s.outFd = outPipe[0];
        s.errFd = errPipe[0];
    }
    if (rc != 0)
        throw std::runtime_error(std::string("cannot start ") + cli);
    return s;
}

} // namespace

int waitCli(int pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            throw std::runtime_error("waitpid failed");
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

CliRun runCli(const std::vector<std::string>& args, const fs::path& dataHome,
              const std::vector<std::string>& env) {
    return runShippedCli(args, dataHome, env, nullptr);
}

CliRun runShippedCli(const std::vector<std::string>& args, const fs::path& dataHome,
                     const std::vector<std::string>& env, const char* binary) {
    Spawned s = spawn(args, dataHome, env, true, binary);
    CliRun result;
    std::array<pollfd, 2> fds = {pollfd{s.outFd, POLLIN, 0}, pollfd{s.errFd, POLLIN, 0}};
    int open = 2;
    char buf[65536];
    while (open > 0) {
        if (poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            } else {
                (i == 0 ? result.out : result.err).append(buf, static_cast<std::size_t>(n));
            }
        }
    }
    result.exitCode = waitCli(s.pid);
    return result;
}

int spawnCli(const std::vector<std::string>& args, const fs::path& dataHome,
             const std::vector<std::string>& env) {
    return spawn(args, dataHome, env, false).pid;
}

BigFolderRows writeBigFolder(const fs::path& dir, int loans, const std::string& prefix) {
    BigFolderRows rows;
    std::string clients = "client_id,full_name,branch,phone\n";
    std::string loansCsv = "loan_id,client_id,product,branch,credit_officer,currency,principal,"
                           "disbursed_on,status,written_off_on\n";
    std::string schedule = "loan_id,installment_no,due_date,principal_due,interest_due,fee_due\n";
    std::string charges = "charge_id,loan_id,installment_no,charged_on,kind,amount\n";
    std::string payments = "payment_id,loan_id,paid_on,amount,method,reference,reversed_on\n";
    const char* branches[] = {"Kisumu", "Nakuru", "Eldoret", "Thika"};
    const char* officers[] = {"wanjiru", "otieno", "", "kamau", "achieng"};
    for (int i = 1; i <= loans; ++i) {
        const std::string client = fmt::format("{}-C{:06}", prefix, i);
        const std::string loan = fmt::format("{}-L{:06}", prefix, i);
        const char* branch = branches[i % 4];
        clients += fmt::format("{},Borrower {},{},+2547{:08}\n", client, i, branch, i);
        ++rows.clients;
        const rd::Date disbursed = day("2025-01-01").addDays(i % 28);
        loansCsv += fmt::format("{},{},Business Loan,{},{},KES,1200.00,{},active,\n", loan, client,
                                branch, officers[i % 5], disbursed.toString());
        ++rows.loans;
        for (int n = 1; n <= 12; ++n) {
            schedule += fmt::format("{},{},{},100.00,10.00,0\n", loan, n,
                                    disbursed.addMonths(n).toString());
            ++rows.installments;
        }
        if (i % 10 == 0) {
            charges += fmt::format("{}-K{:06},{},3,{},penalty,5.00\n", prefix, i, loan,
                                   disbursed.addMonths(3).addDays(5).toString());
            ++rows.charges;
        }
        for (int n = 1; n <= 2; ++n) {
            payments += fmt::format("{}-P{:06}-{},{},{},110.00,mobile_money,MM{}{},\n", prefix, i,
                                    n, loan, disbursed.addMonths(n).toString(), i, n);
            ++rows.payments;
        }
    }
    writeFile(dir / "clients.csv", clients);
    writeFile(dir / "loans.csv", loansCsv);
    writeFile(dir / "schedule.csv", schedule);
    writeFile(dir / "charges.csv", charges);
    writeFile(dir / "payments.csv", payments);
    return rows;
}

} // namespace rdst

namespace rdst {

// Takes a database back to schema version 7 (the contacts table keeps its version 8 rules,
// which accept every version 7 row).
void dropSchemaV8(rd::storage::Database& raw) {
    for (const char* table :
         {"recovery_costs", "legal_enforcements", "legal_judgments", "legal_session_outcomes",
          "legal_sessions", "legal_case_updates", "letter_prints", "letters", "legal_cases",
          "legal_request_feasibility", "feasibility_guarantors", "feasibility_collateral",
          "feasibility_assessments", "letter_logos", "letter_templates", "collateral_versions",
          "collateral", "guarantor_versions", "guarantors"})
        raw.exec(fmt::format("DROP TABLE {}", table).c_str());
    raw.exec("ALTER TABLE users DROP COLUMN phone");
    raw.exec("PRAGMA user_version = 7");
}

void dropSchemaV7(rd::storage::Database& raw) {
    dropSchemaV8(raw);
    raw.exec("DROP VIEW plan_decision_state");
    for (const char* table :
         {"referral_updates", "referrals", "counselling_attendees", "counselling_sessions",
          "plan_waivers", "plan_schedule_rows", "plan_decisions", "plan_installments", "plans",
          "budget_lines", "budgets"})
        raw.exec(fmt::format("DROP TABLE {}", table).c_str());
    raw.exec("ALTER TABLE loans DROP COLUMN restructured_on");
    raw.exec("ALTER TABLE loan_versions DROP COLUMN restructured_on");
    raw.exec("PRAGMA user_version = 6");
}

} // namespace rdst

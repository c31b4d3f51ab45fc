#include "ui_fixture.h"

#include "services/legal_service.h"
#include "services/portfolio_service.h"

#include <QApplication>
#include <QDialog>
#include <QTest>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <sqlite3.h>
#include <unistd.h>

namespace rd::uitest {
namespace {

// Runs `sql` on a connection of its own and hands each row to `row`.
void query(const std::filesystem::path& path, const std::string& sql,
           const std::function<void(sqlite3_stmt*)>& row) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + path.string() + ": " + message);
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        const std::string message = sqlite3_errmsg(db);
        sqlite3_close(db);
        throw std::runtime_error("bad test SQL \"" + sql + "\": " + message);
    }
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        row(stmt);
    const std::string message = sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    if (rc != SQLITE_DONE)
        throw std::runtime_error("test SQL \"" + sql + "\" failed: " + message);
}

std::string columnText(sqlite3_stmt* stmt, int column) {
    const auto* text = sqlite3_column_text(stmt, column);
    return text ? reinterpret_cast<const char*>(text) : std::string();
}

void runCliOrThrow(const std::vector<std::string>& args) {
    const auto result = test::runCli(args);
    if (result.exitCode != 0)
        throw std::runtime_error("recoverydesk-cli failed (" + std::to_string(result.exitCode) +
                                 "): " + result.err + result.out);
}

} // namespace

Date businessDate() {
    return Date::parse(kBusinessDate).value();
}

Clock deskClock() {
    return ui::fixedLocalClock(businessDate(), kHalfPastTen);
}

std::int64_t countRows(const std::filesystem::path& db, const std::string& sql) {
    std::int64_t value = 0;
    bool first = true;
    query(db, sql, [&](sqlite3_stmt* stmt) {
        if (first)
            value = sqlite3_column_int64(stmt, 0);
        first = false;
    });
    return value;
}

DatabaseLock::DatabaseLock(const std::filesystem::path& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
        sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::runtime_error("cannot lock " + path.string() + ": " + message);
    }
}

DatabaseLock::~DatabaseLock() {
    release();
}

void DatabaseLock::release() {
    if (!db_)
        return;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
    db_ = nullptr;
}

// Making the demo takes seconds (every demo user's password is hashed with Argon2id) and
// ctest runs each test case in a process of its own: the database is made once per build
// of the CLI and kept in the build tree, named after the CLI binary's time and size.
const std::filesystem::path& demoTemplate() {
    namespace fs = std::filesystem;
    static const fs::path path = [] {
        const fs::path cli = RD_CLI_PATH;
        const auto stamp = fs::last_write_time(cli).time_since_epoch().count();
        const fs::path cacheDir = RD_UI_CACHE_DIR;
        fs::create_directories(cacheDir);
        const fs::path cached = cacheDir / ("demo-300-" + std::to_string(stamp) + "-" +
                                            std::to_string(fs::file_size(cli)) + ".db");
        if (fs::exists(cached))
            return cached;
        static test::TempDir dir;
        const auto db = dir / "demo.db";
        runCliOrThrow({"--db", db.string(), "demo", "--loans", "300", "--as-of", kBusinessDate,
                       "--no-history"});
        runCliOrThrow({"--db", db.string(), "recompute", "--as-of", kBusinessDate});
        for (const char* suffix : {"-wal", "-shm"})
            if (fs::exists(db.string() + suffix))
                throw std::runtime_error("the CLI left " + db.string() + suffix + " behind");
        // Another test process may be making it too: each writes its own file and renames
        // it into place, which is atomic.
        const fs::path partial = cacheDir / ("partial-" + std::to_string(::getpid()) + ".db");
        fs::copy_file(db, partial, fs::copy_options::overwrite_existing);
        fs::rename(partial, cached);
        return cached;
    }();
    return path;
}

DemoDesk::DemoDesk() : dbPath_(tmp_ / "desk.db") {
    const auto& source = demoTemplate();
    std::filesystem::copy_file(source, dbPath_);
    // As src/app/main.cpp opens it, with the tests' clock.
    auto opened = services::Services::open(dbPath_, {}, deskClock());
    if (!opened)
        throw std::runtime_error("cannot open the demo copy: " + opened.error().message);
    services_ = std::move(opened).value();
    desk_ = ui::deskServices(*services_);
}

DemoDesk::~DemoDesk() = default;

ui::DeskSession DemoDesk::session(const User& user) const {
    ui::DeskSession s;
    s.user = user;
    s.businessDate = businessDate();
    const auto info = services_->portfolio().info().value();
    s.demoDatabase = info.demoPortfolio;
    s.timeZone = ui::institutionTimeZone(info.timeZone);
    s.idleLockMinutes = info.idleLockMinutes;
    if (info.currency)
        s.currency = *info.currency;
    s.clock = services_->clock();
    return s;
}

User DemoDesk::signIn(const std::string& username) {
    auto signedIn =
        services_->users().authenticate(username, kDemoPassword, services_->clock().now());
    if (!signedIn)
        throw std::runtime_error("cannot sign in " + username + ": " + signedIn.error().message);
    return signedIn->user;
}

std::int64_t DemoDesk::count(const std::string& sql) const {
    return countRows(dbPath_, sql);
}

std::string DemoDesk::text(const std::string& sql) const {
    const auto values = column(sql);
    return values.empty() ? std::string() : values.front();
}

std::vector<std::string> DemoDesk::column(const std::string& sql) const {
    std::vector<std::string> values;
    query(dbPath_, sql, [&](sqlite3_stmt* stmt) { values.push_back(columnText(stmt, 0)); });
    return values;
}

std::string DemoDesk::busiestOfficer() const {
    return text("SELECT u.username FROM cases c JOIN users u ON u.id = c.assigned_to "
                "WHERE c.status = 'open' AND u.role = 'officer' "
                "GROUP BY u.username ORDER BY count(*) DESC, u.username LIMIT 1");
}

std::string DemoDesk::supervisorOf(const std::string& officer) const {
    return text("SELECT s.username FROM users s JOIN user_branches sb ON sb.user_id = s.id "
                "JOIN user_branches ob ON ob.branch = sb.branch JOIN users o ON o.id = "
                "ob.user_id WHERE s.role = 'supervisor' AND o.username = '" +
                officer + "' ORDER BY s.username LIMIT 1");
}

std::string DemoDesk::officerOfLoan(const std::string& loanId) const {
    return text("SELECT coalesce(u.username, '') FROM cases c JOIN loans l ON l.id = c.loan_pk "
                "LEFT JOIN users u ON u.id = c.assigned_to WHERE c.status = 'open' AND "
                "l.loan_id = '" +
                loanId + "'");
}

ModalDriver::ModalDriver(const char* className, std::function<void(QWidget*)> action, int timeoutMs)
    : className_(className), action_(std::move(action)), timeoutMs_(timeoutMs) {
    timer_.setInterval(10);
    QObject::connect(&timer_, &QTimer::timeout, [this] { poll(); });
    elapsed_.start();
    timer_.start();
}

void ModalDriver::poll() {
    QWidget* modal = QApplication::activeModalWidget();
    if (!modal || !modal->inherits(className_.c_str()) || !modal->isVisible()) {
        if (elapsed_.elapsed() > timeoutMs_) {
            timer_.stop();
            failure_ = "no modal " + className_ + " appeared";
        }
        return;
    }
    timer_.stop();
    ran_ = true;
    try {
        action_(modal);
    } catch (const std::exception& e) {
        failure_ = e.what();
    } catch (...) {
        failure_ = "unknown exception";
    }
    if (modal->isVisible()) {
        leftOpen_ = true;
        if (auto* dialog = qobject_cast<QDialog*>(modal))
            dialog->reject();
        else
            modal->close();
    }
}

bool activate(QWidget* widget) {
    QWidget* window = widget->window();
    window->activateWindow();
    QApplication::setActiveWindow(window);
    return QTest::qWaitForWindowActive(window, 2000);
}

void expect(bool condition, const std::string& what) {
    if (!condition)
        throw std::runtime_error("expected: " + what);
}

std::string readBytes(const std::filesystem::path& path, std::size_t count) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(count, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(count));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

OfficerCase officerCase(DemoDesk& desk) {
    OfficerCase c;
    c.officer = desk.signIn(desk.busiestOfficer());
    const auto list = desk.callList().forOfficer(c.officer, c.officer.username, businessDate());
    REQUIRE(list);
    REQUIRE(!list->items.empty());
    c.loan = list->items.front().entry.loanId;
    auto file = desk.cases().caseFile(c.officer, c.loan, businessDate());
    REQUIRE(file);
    c.file = std::move(*file);
    return c;
}

void assessForLegal(services::Services& desk, const User& who, const std::string& loan) {
    services::FeasibilityRequest r;
    r.chancePercent = 40;
    r.costs.court = 15000000; // 150,000.00 in the demo's UGX
    const auto a = desk.legal().assessFeasibility(who, loan, r, businessDate());
    INFO("assess " << loan << ": " << (a ? "" : a.error().message));
    REQUIRE(a.ok());
}

} // namespace rd::uitest

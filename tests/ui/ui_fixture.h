#pragma once

// The fixture of the GUI tests: a real demo database made by the real CLI (300 loans as of
// 2026-11-27, cases recomputed), copied for each test and opened with services::Services::open
// as src/app/main.cpp opens it (with the desk's clock fixed at 10:30 on the business date);
// helpers to drive modal dialogs and to read (or lock) the database through a separate
// SQLite connection.

#include "../cli/cli_runner.h"
#include "core/user.h"
#include "desk_session.h"
#include "services/call_list_service.h"
#include "services/case_actions_service.h"
#include "services/case_query_service.h"
#include "services/case_service.h"
#include "services/contact_service.h"
#include "services/desk_services.h"
#include "services/payment_service.h"
#include "services/settings_service.h"
#include "services/user_service.h"

#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <QWidget>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace rd::uitest {

inline constexpr const char* kBusinessDate = "2026-11-27";
inline constexpr int kHalfPastTen = 10 * 60 + 30;
inline constexpr const char* kDemoPassword = "demo1234";

Date businessDate();

// The demo database made once per test process by the CLI: `demo --loans 300 --as-of
// 2026-11-27`, then `recompute --as-of 2026-11-27`.
const std::filesystem::path& demoTemplate();

// The desk's clock in the tests: 10:30 (local time) on the business date.
Clock deskClock();

// Through a connection of its own: the first column of the first row of `sql` (0 when none).
std::int64_t countRows(const std::filesystem::path& db, const std::string& sql);

// Holds the database file's write lock from a second connection (BEGIN EXCLUSIVE) while it
// lives, as another program would: a service's write then fails after its busy timeout.
class DatabaseLock {
public:
    explicit DatabaseLock(const std::filesystem::path& db);
    ~DatabaseLock();
    DatabaseLock(const DatabaseLock&) = delete;
    DatabaseLock& operator=(const DatabaseLock&) = delete;
    void release();

private:
    ::sqlite3* db_ = nullptr;
};

// A private copy of the demo database, opened with the workstation's services.
class DemoDesk {
public:
    DemoDesk();
    ~DemoDesk();
    DemoDesk(const DemoDesk&) = delete;
    DemoDesk& operator=(const DemoDesk&) = delete;

    const std::filesystem::path& dbPath() const { return dbPath_; }
    const std::filesystem::path& tempDir() const { return tmp_.path(); }
    services::Services& all() { return *services_; }
    ui::DeskServices services() const { return desk_; }
    services::UserService& users() { return services_->users(); }
    services::CaseService& cases() { return services_->cases(); }
    services::ContactService& contacts() { return services_->contacts(); }
    services::CallListService& callList() { return services_->callList(); }
    services::PaymentService& payments() { return services_->payments(); }
    services::CaseActionsService& actions() { return services_->actions(); }
    services::CaseQueryService& queries() { return services_->queries(); }
    services::SettingsService& settings() { return services_->settings(); }

    // The session of a signed-in user on the business date at 10:30 (inside contact hours).
    ui::DeskSession session(const User& user) const;
    // Signs a demo user in through the service (the GUI sign-in is tested on its own).
    User signIn(const std::string& username);

    // Through a separate connection: the first column of the first row (0 / "" when none).
    std::int64_t count(const std::string& sql) const;
    std::string text(const std::string& sql) const;
    std::vector<std::string> column(const std::string& sql) const;

    // The officer with the most open cases, and the supervisor of that officer's branch.
    std::string busiestOfficer() const;
    std::string supervisorOf(const std::string& officer) const;
    std::string officerOfLoan(const std::string& loanId) const;

private:
    test::TempDir tmp_;
    std::filesystem::path dbPath_;
    std::unique_ptr<services::Services> services_;
    ui::DeskServices desk_;
};

// Drives the next modal dialog: once a modal widget that inherits `className` is active,
// runs `action` on it (inside the dialog's own event loop), then rejects the dialog if the
// action left it open. Exceptions thrown by the action are caught and kept: assert
// ran()/failure()/leftOpen() after the call that opened the dialog has returned.
class ModalDriver {
public:
    ModalDriver(const char* className, std::function<void(QWidget*)> action, int timeoutMs = 15000);
    bool ran() const { return ran_; }
    bool leftOpen() const { return leftOpen_; }
    const std::string& failure() const { return failure_; }

private:
    void poll();

    std::string className_;
    std::function<void(QWidget*)> action_;
    int timeoutMs_;
    QTimer timer_;
    QElapsedTimer elapsed_;
    bool ran_ = false;
    bool leftOpen_ = false;
    std::string failure_;
};

// A named child widget, or an exception saying which is missing (usable inside a driver).
template <class W> W* child(QWidget* parent, const char* name) {
    auto* w = parent->findChild<W*>(QString::fromLatin1(name));
    if (!w)
        throw std::runtime_error(std::string("no child widget named ") + name + " in " +
                                 parent->metaObject()->className());
    return w;
}

// Makes the widget's window active (shortcuts only fire in the active window).
bool activate(QWidget* widget);

// Throws (inside drivers) when a condition does not hold.
void expect(bool condition, const std::string& what);

std::string readBytes(const std::filesystem::path& path, std::size_t count);

// The first case of the busiest officer's call list, signed in as that officer, with its
// case file as of the business date (fails the test when there is none).
struct OfficerCase {
    User officer;
    std::string loan;
    services::CaseFile file;
};
OfficerCase officerCase(DemoDesk& desk);

// Records a feasibility assessment of the loan's open case by `who` (what a request to move
// the case to legal carries); fails the test unless it is recorded.
void assessForLegal(services::Services& desk, const User& who, const std::string& loan);

} // namespace rd::uitest

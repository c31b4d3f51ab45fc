// The permission matrix of every service call the faces can make, reads included: who may
// call it, checked in the service (a face hiding a button is only a courtesy). Each cell runs
// the call as one actor on a fresh copy of one prepared database, so a write allowed for one
// actor never changes what the next one sees.
//
// The portfolio: the worked example (L1 and L2 of client C1 in Kampala Central) and N1 of C2
// in Nairobi. Cases are opened as of 2026-03-20 and L1's is assigned to akello; akello has
// taken receipt 000001 on L1 and asked for L1 to move to legal (a pending approval).
#include "core/case_stage.h"
#include "services/call_list_service.h"
#include "services/case_actions_service.h"
#include "services/case_query_service.h"
#include "services/case_service.h"
#include "services/contact_service.h"
#include "services/day_close_service.h"
#include "services/desk_services.h"
#include "services/import_service.h"
#include "services/legal_service.h"
#include "services/payment_service.h"
#include "services/portfolio_service.h"
#include "services/settings_service.h"
#include "services/user_service.h"
#include "storage_test_support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <set>
#include <sqlite3.h>

using namespace rd;
using namespace rd::services;

namespace {

const Date kDay = rdst::day("2026-03-20");
const std::chrono::sys_seconds kNow =
    std::chrono::sys_days{std::chrono::year{2026} / 3 / 20} + std::chrono::hours{9};

// A plain SQLite connection of the test's own (another program, as the desk sees it).
class Raw {
public:
    explicit Raw(const rdst::fs::path& path) {
        REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    }
    ~Raw() { sqlite3_close(db_); }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
};

// The actors of the matrix.
enum Actor { Admin, Akello, Bosco, Sarah, Nadia, Zawadi, Gone, Operator, kActors };
const char* const kActorNames[] = {"admin", "akello", "bosco", "sarah",
                                   "nadia", "zawadi", "gone",  "operator"};

using Allowed = std::set<Actor>;
const Allowed kEveryone = {Admin, Akello, Bosco, Sarah, Nadia, Zawadi, Operator};
const Allowed kReadsKampala = {Admin, Akello, Bosco, Sarah, Operator};
const Allowed kWorksL1 = {Akello, Sarah};
const Allowed kPortfolioWide = {Admin, Operator};

std::unique_ptr<Services> openServices(const rdst::fs::path& path) {
    auto opened = Services::open(path, {}, Clock::fixed(kNow));
    REQUIRE(opened.ok());
    return std::move(opened).value();
}

// The prepared database, made once; each cell works on a copy.
struct Template {
    rdst::TempDir tmp;
    rdst::fs::path path = tmp / "template.db";
    std::map<Actor, User> users;
    std::int64_t approvalId = 0;

    Template() {
        auto folder = rdst::Folder::copyOf(rdst::workedDir(), tmp / "in");
        folder.appendLine("clients.csv", "C2,Juma Otieno,Nairobi,+254700000002");
        folder.appendLine("loans.csv",
                          "N1,C2,Business Loan,Nairobi,,KES,300.00,2026-01-01,active,");
        for (int i = 1; i <= 3; ++i)
            folder.appendLine("schedule.csv",
                              fmt::format("N1,{},2026-{:02}-01,100.00,10.00,0", i, i + 1));
        OpenRequest create;
        create.createIfMissing = true;
        auto opened = Services::open(path, create, Clock::fixed(kNow));
        REQUIRE(opened.ok());
        Services& s = **opened;
        ImportRequest request;
        request.folder = folder.path();
        auto imported = s.imports().run(localOperator(), request);
        REQUIRE(imported.ok());
        REQUIRE(imported->committed);
        users[Admin] =
            s.users()
                .createFirstAdmin({"admin", "", Role::Admin, {}}, std::string("admin-pass-1"))
                ->user;
        const auto add = [&](Actor a, Role role, const char* branch) {
            auto added = s.users().addUser(users[Admin], {kActorNames[a], "", role, {branch}},
                                           std::string("pass-word-1"), false);
            REQUIRE(added.ok());
            users[a] = added->user;
        };
        add(Akello, Role::Officer, "Kampala Central");
        add(Bosco, Role::Officer, "Kampala Central");
        add(Sarah, Role::Supervisor, "Kampala Central");
        add(Nadia, Role::Supervisor, "Nairobi");
        add(Zawadi, Role::Officer, "Nairobi");
        add(Gone, Role::Officer, "Kampala Central");
        REQUIRE(s.users().disable(users[Admin], "gone").ok());
        users[Gone].disabled = true;
        users[Operator] = localOperator();

        REQUIRE(s.cases().recompute(localOperator(), kDay).ok());
        auto file = s.cases().caseFile(users[Admin], "L1", kDay);
        REQUIRE(file.ok());
        REQUIRE(file->caseRecord);
        REQUIRE(file->caseRecord->open);
        if (file->caseRecord->assignedUsername != "akello")
            REQUIRE(s.cases().reassign(users[Sarah], "L1", "akello", kDay).ok());
        auto receipt = s.payments().takePayment(users[Akello],
                                                {"L1", 1000, PaymentMethod::Cash, "", kDay}, kDay);
        REQUIRE(receipt.ok());
        REQUIRE(receipt->receiptNo == 1);
        FeasibilityRequest assessment;
        assessment.chancePercent = 40;
        REQUIRE(s.legal().assessFeasibility(users[Akello], "L1", assessment, kDay).ok());
        auto legal = s.actions().requestLegal(users[Akello], "L1", "no payment since March", kDay);
        REQUIRE(legal.ok());
        approvalId = *legal;
    }
};

Template& prepared() {
    static Template t;
    return t;
}

struct Call {
    const char* name;
    Allowed allowed;
    // Runs the call as `actor`; returns its outcome as ok or the error.
    std::function<Result<void>(Services&, const User&, const Template&)> run;
    // Brings the copy into the state the call needs, before the "changes nothing" snapshot.
    std::function<void(Services&, const Template&)> prepare = {};
};

template <typename T> Result<void> outcome(const Result<T>& r) {
    if (r.ok())
        return {};
    return r.error();
}

std::vector<Call> calls() {
    using S = Services;
    using T = Template;
    return {
        {"users.addUser",
         {Admin},
         [](S& s, const User& u, const T&) {
             return outcome(s.users().addUser(u, {"newbie", "", Role::Officer, {"Kampala Central"}},
                                              std::string("pass-word-2")));
         }},
        {"users.list", kEveryone,
         [](S& s, const User& u, const T&) { return outcome(s.users().list(u)); }},
        {"users.disable",
         {Admin},
         [](S& s, const User& u, const T&) { return outcome(s.users().disable(u, "bosco")); }},
        {"users.resetPassword",
         {Admin},
         [](S& s, const User& u, const T&) {
             return outcome(s.users().resetPassword(u, "bosco", std::nullopt));
         }},
        {"cases.recompute", kEveryone,
         [](S& s, const User& u, const T&) { return outcome(s.cases().recompute(u, kDay)); }},
        {"cases.reassign",
         {Sarah},
         [](S& s, const User& u, const T&) {
             return outcome(s.cases().reassign(u, "L1", "bosco", kDay));
         }},
        {"cases.caseFile", kReadsKampala,
         [](S& s, const User& u, const T&) { return outcome(s.cases().caseFile(u, "L1", kDay)); }},
        {"contacts.addContact", kWorksL1,
         [](S& s, const User& u, const T&) {
             NewContact c;
             c.loanId = "L1";
             c.at = DateTime::parse("2026-03-20T10:00").value();
             c.outcome = ContactOutcome::NoAnswer;
             return outcome(s.contacts().addContact(u, c));
         }},
        {"contacts.addPromise", kWorksL1,
         [](S& s, const User& u, const T&) {
             return outcome(s.contacts().addPromise(u, "L1", 5000, rdst::day("2026-03-25"), kDay));
         }},
        {"callList.forOfficer",
         {Admin, Akello, Sarah, Operator},
         [](S& s, const User& u, const T&) {
             return outcome(s.callList().forOfficer(u, "akello", kDay));
         }},
        {"payments.preview", kReadsKampala,
         [](S& s, const User& u, const T&) {
             return outcome(s.payments().preview(u, "L1", 1000, kDay));
         }},
        {"payments.takePayment", kWorksL1,
         [](S& s, const User& u, const T&) {
             return outcome(
                 s.payments().takePayment(u, {"L1", 1000, PaymentMethod::Cash, "", kDay}, kDay));
         }},
        {"payments.reverse",
         {Sarah},
         [](S& s, const User& u, const T&) {
             return outcome(s.payments().reverse(u, 1, "cheque bounced", kDay));
         }},
        {"payments.receipt", kReadsKampala,
         [](S& s, const User& u, const T&) { return outcome(s.payments().receipt(u, 1)); }},
        {"payments.receiptsForLoan", kReadsKampala,
         [](S& s, const User& u, const T&) {
             return outcome(s.payments().receiptsForLoan(u, "L1"));
         }},
        {"payments.takenSince", kPortfolioWide,
         [](S& s, const User& u, const T&) { return outcome(s.payments().takenSince(u, kDay)); }},
        {"payments.recordPrint",
         {Akello, Bosco, Sarah},
         [](S& s, const User& u, const T&) { return outcome(s.payments().recordPrint(u, 1)); }},
        {"payments.prints", kReadsKampala,
         [](S& s, const User& u, const T&) { return outcome(s.payments().prints(u, 1)); }},
        // Each actor closes their own day (akello's holds receipt 000001 in cash).
        {"days.close",
         {Akello, Bosco, Sarah, Nadia, Zawadi},
         [](S& s, const User& u, const T&) {
             return outcome(s.days().close(u, kDay, 1000, "counted with the float"));
         }},
        {"days.day",
         {Admin, Akello, Sarah, Operator},
         [](S& s, const User& u, const T&) { return outcome(s.days().day(u, "akello", kDay)); }},
        {"days.branchDays",
         {Admin, Sarah, Nadia, Operator},
         [](S& s, const User& u, const T&) { return outcome(s.days().branchDays(u, kDay)); }},
        {"days.signOff",
         {Sarah},
         [](S& s, const User& u, const T&) { return outcome(s.days().signOff(u, "akello", kDay)); },
         [](S& s, const T& t) {
             REQUIRE(s.days().close(t.users.at(Akello), kDay, 1000, "").ok());
         }},
        {"days.reopen",
         {Sarah},
         [](S& s, const User& u, const T&) {
             return outcome(s.days().reopen(u, "akello", kDay, "a cheque was found"));
         },
         [](S& s, const T& t) {
             REQUIRE(s.days().close(t.users.at(Akello), kDay, 1000, "").ok());
         }},
        {"actions.changeStage", kWorksL1,
         [](S& s, const User& u, const T&) {
             return outcome(s.actions().changeStage(u, "L1", CaseStage::PreLegal, "", kDay));
         }},
        {"actions.requestLegal", kWorksL1,
         [](S& s, const User& u, const T&) {
             return outcome(s.actions().requestLegal(u, "L1", "still no payment", kDay));
         },
         // The template's pending request is decided first, so that a new one may be filed.
         [](S& s, const T& t) {
             REQUIRE(s.actions()
                         .decideApproval(t.users.at(Sarah), t.approvalId, false, "not yet", kDay)
                         .ok());
         }},
        {"actions.decideApproval",
         {Sarah},
         [](S& s, const User& u, const T& t) {
             return outcome(s.actions().decideApproval(u, t.approvalId, true, "agreed", kDay));
         }},
        {"actions.approvals", kEveryone,
         [](S& s, const User& u, const T&) { return outcome(s.actions().approvals(u, true)); }},
        {"actions.addNote", kWorksL1,
         [](S& s, const User& u, const T&) {
             return outcome(s.actions().addNote(u, "L1", "called twice", std::nullopt, kDay));
         }},
        {"actions.signOffReview",
         {Sarah},
         [](S& s, const User& u, const T&) {
             return outcome(s.actions().signOffReview(u, "L1", "file in order", kDay));
         }},
        {"actions.reviews", kReadsKampala,
         [](S& s, const User& u, const T&) { return outcome(s.actions().reviews(u, "L1")); }},
        {"actions.auditTrail",
         {Admin, Akello, Sarah, Operator},
         [](S& s, const User& u, const T&) { return outcome(s.actions().auditTrail(u, "L1")); }},
        {"legal.assessFeasibility", kWorksL1,
         [](S& s, const User& u, const T&) {
             FeasibilityRequest r;
             r.chancePercent = 30;
             return outcome(s.legal().assessFeasibility(u, "L1", r, kDay));
         }},
        {"legal.addCost", kWorksL1,
         [](S& s, const User& u, const T&) {
             return outcome(
                 s.legal().addCost(u, "L1", {CostKind::Transport, kDay, 500, "", "", {}}, kDay));
         }},
        {"legal.legalOfLoan", kReadsKampala,
         [](S& s, const User& u, const T&) { return outcome(s.legal().legalOfLoan(u, "L1")); }},
        {"legal.calendar", kEveryone,
         [](S& s, const User& u, const T&) {
             return outcome(s.legal().calendar(u, kDay, kDay.addDays(30)));
         }},
        {"queries.cases", kEveryone,
         [](S& s, const User& u, const T&) { return outcome(s.queries().cases(u, {}, kDay)); }},
        {"queries.searchLoans", kEveryone,
         [](S& s, const User& u, const T&) {
             return outcome(s.queries().searchLoans(u, "1", 10));
         }},
        {"queries.promisesDue", kEveryone,
         [](S& s, const User& u, const T&) {
             return outcome(s.queries().promisesDue(u, kDay, kDay, kDay));
         }},
        {"queries.team", kEveryone,
         [](S& s, const User& u, const T&) { return outcome(s.queries().team(u, kDay)); }},
        {"queries.otherLoans", kReadsKampala,
         [](S& s, const User& u, const T&) {
             return outcome(s.queries().otherLoans(u, "L1", kDay));
         }},
        {"queries.branches", kEveryone,
         [](S& s, const User& u, const T&) { return outcome(s.queries().branches(u)); }},
        {"settings.change", kPortfolioWide,
         [](S& s, const User& u, const T&) {
             return outcome(s.settings().change(u, "promise_grace_days", "3"));
         }},
        {"settings.validate", kPortfolioWide,
         [](S& s, const User& u, const T&) {
             return outcome(s.settings().validate(u, "promise_grace_days", "3"));
         }},
        {"settings.list", kEveryone,
         [](S& s, const User& u, const T&) { return outcome(s.settings().list(u)); }},
        {"imports.run (dry run)", kPortfolioWide,
         [](S& s, const User& u, const T&) {
             ImportRequest r;
             r.folder = rdst::workedDir();
             r.dryRun = true;
             return outcome(s.imports().run(u, r));
         }},
        {"imports.run", kPortfolioWide,
         [](S& s, const User& u, const T&) {
             ImportRequest r;
             r.folder = rdst::workedDir();
             r.recomputeAsOf = kDay;
             return outcome(s.imports().run(u, r));
         }},
        {"portfolio.loan", kReadsKampala,
         [](S& s, const User& u, const T&) { return outcome(s.portfolio().loan(u, "L1", kDay)); }},
        {"portfolio.aging", kPortfolioWide,
         [](S& s, const User& u, const T&) {
             return outcome(s.portfolio().aging(u, kDay, AgingGroupBy::None));
         }},
        {"portfolio.rebuildLedgerCache", kPortfolioWide,
         [](S& s, const User& u, const T&) {
             return outcome(s.portfolio().rebuildLedgerCache(u));
         }},
        {"portfolio.markDemoPortfolio", kPortfolioWide,
         [](S& s, const User& u, const T&) { return outcome(s.portfolio().markDemoPortfolio(u)); }},
    };
}

} // namespace

TEST_CASE("service matrix: every service call is allowed exactly for those who may make it",
          "[service-matrix]") {
    Template& t = prepared();
    rdst::TempDir work;
    int cell = 0;
    for (const auto& call : calls()) {
        for (int a = 0; a < kActors; ++a) {
            const auto actor = static_cast<Actor>(a);
            const auto copy = work / fmt::format("cell-{}.db", ++cell);
            rdst::fs::copy_file(t.path, copy);
            auto services = openServices(copy);
            if (call.prepare)
                call.prepare(*services, t);
            const auto before = rdst::snapshot(Raw(copy).handle());
            const Result<void> r = call.run(*services, t.users.at(actor), t);
            const bool expected = call.allowed.count(actor) > 0;
            INFO(call.name << " as " << kActorNames[a] << ": "
                           << (r.ok() ? std::string("allowed") : r.error().message));
            if (expected) {
                CHECK(r.ok());
            } else {
                REQUIRE_FALSE(r.ok());
                CHECK(r.error().kind == ErrorKind::Denied);
                CHECK(r.error().message.find("permission denied") != std::string::npos);
                // A refused call changes nothing (beyond what the check itself reads).
                CHECK(rdst::snapshot(Raw(copy).handle()) == before);
            }
        }
    }
}

TEST_CASE("service matrix: an officer cannot import by calling the service", "[service-matrix]") {
    Template& t = prepared();
    rdst::TempDir work;
    const auto copy = work / "officer-import.db";
    rdst::fs::copy_file(t.path, copy);
    auto services = openServices(copy);
    auto folder = rdst::Folder::copyOf(rdst::workedDir(), work / "in");
    folder.appendLine("payments.csv", "P9,L1,2026-03-19,10.00,cash,,");
    const auto before = rdst::snapshot(Raw(copy).handle());
    for (const Actor a : {Akello, Sarah, Zawadi, Gone}) {
        ImportRequest r;
        r.folder = folder.path();
        auto refused = services->imports().run(t.users.at(a), r);
        INFO(kActorNames[a]);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == ErrorKind::Denied);
        CHECK(refused.error().message ==
              fmt::format("permission denied for {} ({}): only an administrator may import the "
                          "portfolio",
                          kActorNames[a], a == Sarah ? "supervisor" : "officer"));
    }
    CHECK(rdst::snapshot(Raw(copy).handle()) == before);
    ImportRequest r;
    r.folder = folder.path();
    auto done = services->imports().run(t.users.at(Admin), r);
    REQUIRE(done.ok());
    CHECK(done->committed);
    CHECK(done->changes.paymentsAdded == 1);
    CHECK(rdst::queryText(Raw(copy).handle(),
                          "SELECT actor FROM imports ORDER BY id DESC LIMIT 1") == "admin");
}

TEST_CASE("service matrix: a storage failure is an error, and the write is rolled back",
          "[service-matrix]") {
    Template& t = prepared();
    rdst::TempDir work;
    const auto copy = work / "locked.db";
    rdst::fs::copy_file(t.path, copy);
    auto services = openServices(copy);
    const auto before = rdst::snapshot(Raw(copy).handle());
    // Another program holds the write lock: the note cannot be written (after the busy
    // timeout), and the caller gets an error, not an exception.
    Raw other(copy);
    REQUIRE(rdst::execError(other.handle(), "BEGIN EXCLUSIVE") == "");
    auto note = services->actions().addNote(t.users.at(Akello), "L1", "called", std::nullopt, kDay);
    REQUIRE_FALSE(note.ok());
    CHECK(note.error().kind == ErrorKind::Storage);
    CHECK(note.error().hint == Hint::Retry);
    CHECK(note.error().message.find("nothing was saved") != std::string::npos);
    REQUIRE(rdst::execError(other.handle(), "ROLLBACK") == "");
    CHECK(rdst::snapshot(Raw(copy).handle()) == before);
    // The same call succeeds once the lock is gone: nothing was left half-done.
    CHECK(services->actions().addNote(t.users.at(Akello), "L1", "called", std::nullopt, kDay).ok());
}

// Recovery cases, contacts and promises (domain.md sections 6-8) through the services:
// schema version 3, the recompute that opens, assigns and closes cases, contacts with the
// client-protection rules, promises, permissions and the append-only tables.
#include "services/call_list_service.h"
#include "services/case_service.h"
#include "services/contact_service.h"
#include "services/user_service.h"
#include "storage/case_repository.h"
#include "storage/migrations.h"
#include "storage_test_support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace rd;
using namespace rd::services;
using namespace rd::storage;
using rdst::day;

namespace {

const std::chrono::sys_seconds kT0 =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} + std::chrono::hours{8};

const std::string kPaymentsHeader =
    "payment_id,loan_id,paid_on,amount,method,reference,reversed_on\n";

// The worked example (L1, L2 in Kampala Central) plus L3: six monthly installments of
// 100.00 from 2026-02-01, nothing paid (DPD 47 on 2026-03-20). Users: officers akello and
// bosco and supervisor sarah in Kampala Central, officer zawadi in Nairobi.
struct Desk {
    rdst::TempDir tmp;
    std::unique_ptr<Database> db = rdst::openDb(tmp / "rd.db");
    std::chrono::sys_seconds clock = kT0;
    UserService users{*db, [this] { return clock; }};
    CaseService cases{*db, [this] { return clock; }};
    ContactService contacts{*db, [this] { return clock; }};
    User admin, akello, bosco, sarah, zawadi;

    Desk() {
        auto folder = rdst::Folder::copyOf(rdst::workedDir(), tmp / "in");
        folder.appendLine("loans.csv", "L3,C1,Business Loan,Kampala Central,,KES,600.00,"
                                       "2026-01-01,active,");
        for (int i = 1; i <= 6; ++i)
            folder.appendLine("schedule.csv",
                              fmt::format("L3,{},2026-{:02}-01,100.00,0,0", i, i + 1));
        rdst::importOk(*db, folder.path());
        admin = users.createFirstAdmin({"boss", "", Role::Admin, {}}, std::string("admin-pass-1"))
                    ->user;
        akello = add("akello", Role::Officer, "Kampala Central");
        bosco = add("bosco", Role::Officer, "Kampala Central");
        sarah = add("sarah", Role::Supervisor, "Kampala Central");
        zawadi = add("zawadi", Role::Officer, "Nairobi");
    }
    User add(const std::string& name, Role role, const std::string& branch) {
        auto added =
            users.addUser(admin, {name, "", role, {branch}}, std::string("pass-word-1"), false);
        REQUIRE(added.ok());
        return added->user;
    }
    // The nightly recompute as the command line's local operator runs it (any enabled user
    // may); fails the test unless it ran.
    RecomputeSummary recompute(Date asOf) {
        auto done = cases.recompute(localOperator(), asOf);
        INFO("recompute " << asOf.toString() << ": " << (done ? "" : done.error().message));
        REQUIRE(done.ok());
        return *done;
    }
    std::string officerOf(const std::string& loan) {
        auto c = CaseRepository(*db).openCase(loan);
        return c ? c->assignedUsername : "(no open case)";
    }
    void importPayments(const std::string& lines) {
        rdst::Folder later(tmp / fmt::format("pay{}", ++imports));
        later.write("payments.csv", kPaymentsHeader + lines);
        rdst::importOk(*db, later.path());
    }
    std::int64_t count(const std::string& sql) { return rdst::queryInt(db->handle(), sql); }
    NewContact call(const std::string& loan, const std::string& at) {
        NewContact c;
        c.loanId = loan;
        c.at = DateTime::parse(at).value();
        c.outcome = ContactOutcome::NoAnswer;
        return c;
    }
    int imports = 0;
};

} // namespace

TEST_CASE("cases: a schema version 1 file migrates to version 3 and keeps its loans",
          "[cases][migration]") {
    rdst::TempDir tmp;
    const auto path = tmp / "old.db";
    std::filesystem::copy_file(std::filesystem::path(RD_TEST_DATA_DIR) / "schema/v1-worked.db",
                               path);
    auto opened = Database::open(path, {});
    REQUIRE(opened.ok());
    auto& db = **opened;
    CHECK(latestSchemaVersion() >= 3);
    CHECK(db.schemaVersion() == latestSchemaVersion());
    CHECK(rdst::rowCount(db.handle(), "loans") == 2);
    CHECK(rdst::rowCount(db.handle(), "cases") == 0);
    CHECK(LoanRepository(db).findLoan("L1"));
    CaseService service(db);
    // No users in a version 1 file: the command line's local operator runs it.
    const auto s = service.recompute(localOperator(), day("2026-03-20"));
    REQUIRE(s.ok());
    CHECK(s->opened == 2);
    CHECK(s->unassigned == 2); // no users in a version 1 file
}

TEST_CASE("cases: recompute opens cases for delinquent loans, assigns by fewest open cases, "
          "and a second run the same day changes nothing",
          "[cases][recompute]") {
    Desk d;
    // On 2026-01-15 nothing is due yet.
    CHECK(d.recompute(day("2026-01-15")).opened == 0);
    const auto s = d.recompute(day("2026-03-20"));
    CHECK(s.loans == 3);
    CHECK(s.opened == 3);
    CHECK(s.unassigned == 0);
    // L1 -> akello (tie, username order), L2 -> bosco (fewest), L3 -> akello (tie again).
    CHECK(d.officerOf("L1") == "akello");
    CHECK(d.officerOf("L2") == "bosco");
    CHECK(d.officerOf("L3") == "akello");
    const auto c3 = CaseRepository(*d.db).openCase("L3");
    REQUIRE(c3);
    CHECK(c3->stage == CaseStage::Collection); // DPD 47
    CHECK(c3->openedBy == "system");
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'recompute_cases' AND actor = "
                  "'system'") == 1);
    // The audit record names who asked for the run.
    CHECK(rdst::queryText(d.db->handle(),
                          "SELECT json_extract(after, '$.requested_by') FROM audit_log WHERE "
                          "action = 'recompute_cases'") == kLocalOperatorName);

    const std::string before = rdst::snapshot(*d.db);
    const auto again = d.recompute(day("2026-03-20"));
    CHECK(again.changedNothing());
    CHECK(rdst::snapshot(*d.db) == before);

    // Any enabled user may ask for it (it decides nothing); a disabled or unknown one may not.
    auto byOfficer = d.cases.recompute(d.akello, day("2026-03-20"));
    REQUIRE(byOfficer.ok());
    CHECK(byOfficer->changedNothing());
    REQUIRE(d.users.disable(d.admin, "bosco").ok());
    auto byDisabled = d.cases.recompute(d.bosco, day("2026-03-20"));
    REQUIRE_FALSE(byDisabled.ok());
    CHECK(byDisabled.error().kind == ErrorKind::Denied);
    User stranger;
    stranger.username = "stranger";
    CHECK(d.cases.recompute(stranger, day("2026-03-20")).error().kind == ErrorKind::Denied);
}

TEST_CASE("cases: a payment that pays a loan off closes its case as paid, curing needs 30 "
          "days current",
          "[cases][recompute]") {
    Desk d;
    d.recompute(day("2026-03-20"));
    // L1 owes 175.00 in all on 2026-03-21; L3 catches up (and prepays April) on 2026-03-25.
    d.importPayments("P10,L1,2026-03-21,175.00,cash,,\nP11,L3,2026-03-25,300.00,cash,,\n");
    auto s = d.recompute(day("2026-03-21"));
    CHECK(s.closedPaid == 1);
    CHECK(s.closedCured == 0);
    CHECK_FALSE(CaseRepository(*d.db).openCase("L1"));
    CHECK(CaseRepository(*d.db).latestCase("L1")->closeReason == "paid");

    s = d.recompute(day("2026-04-23")); // 29 days current
    CHECK(s.closedCured == 0);
    CHECK(CaseRepository(*d.db).openCase("L3"));
    s = d.recompute(day("2026-04-24")); // 30 days
    CHECK(s.closedCured == 1);
    const auto closed = CaseRepository(*d.db).latestCase("L3");
    REQUIRE(closed);
    CHECK_FALSE(closed->open);
    CHECK(closed->closeReason == "cured");
    CHECK(closed->closedOn == day("2026-04-24"));
    CHECK(d.count("SELECT count(*) FROM case_events WHERE kind = 'closed'") == 2);
}

TEST_CASE("cases: contact rules need an override reason, which is kept, the fourth attempt "
          "of a day is refused",
          "[cases][contacts]") {
    Desk d;
    d.recompute(day("2026-03-20"));
    auto late = d.call("L1", "2026-03-20T21:10");
    auto refused = d.contacts.addContact(d.akello, late);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message, Catch::Contains("08:00-20:00"));
    CHECK(d.count("SELECT count(*) FROM contacts") == 0);
    late.overrideReason = "client asked to be called after work";
    auto accepted = d.contacts.addContact(d.akello, late);
    REQUIRE(accepted.ok());
    CHECK(d.count("SELECT count(*) FROM contacts WHERE override_reason = 'client asked to be "
                  "called after work'") == 1);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'add_contact'") == 1);

    REQUIRE(d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T10:00")).ok());
    // The overridden 21:10 call counts as an attempt too: 12:00 is the third, 14:00 the fourth.
    REQUIRE(d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T12:00")).ok());
    auto fourth = d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T14:00"));
    REQUIRE_FALSE(fourth.ok());
    CHECK_THAT(fourth.error().message, Catch::Contains("attempt"));
    // An inbound call does not count.
    auto inbound = d.call("L1", "2026-03-20T15:00");
    inbound.direction = ContactDirection::Inbound;
    inbound.outcome = ContactOutcome::Reached;
    CHECK(d.contacts.addContact(d.akello, inbound).ok());
}

TEST_CASE("cases: a promise through a contact, evaluated on read", "[cases][promises]") {
    Desk d;
    d.recompute(day("2026-03-20"));
    auto c = d.call("L1", "2026-03-20T10:00");
    c.outcome = ContactOutcome::Promised;
    c.promiseAmount = 6500;
    c.promiseDate = day("2026-03-25");
    auto saved = d.contacts.addContact(d.akello, c);
    REQUIRE(saved.ok());
    REQUIRE(saved->promiseId);
    auto file = d.cases.caseFile(d.akello, "L1", day("2026-03-26"));
    REQUIRE(file.ok());
    REQUIRE(file->promises.size() == 1);
    CHECK(file->promises[0].evaluation.status == PromiseStatus::Pending);
    CHECK(file->promises[0].promise.contactId == std::to_string(saved->contactId));
    const auto later = d.cases.caseFile(d.akello, "L1", day("2026-03-28"));
    REQUIRE(later.ok());
    CHECK(later->promises[0].evaluation.status == PromiseStatus::Broken);
    // Reading the case file needs ReadBranch in the loan's branch.
    const auto otherBranch = d.cases.caseFile(d.zawadi, "L1", day("2026-03-28"));
    REQUIRE_FALSE(otherBranch.ok());
    CHECK(otherBranch.error().kind == ErrorKind::Denied);
    // A standalone promise; one dated before it is made is refused.
    CHECK_FALSE(
        d.contacts.addPromise(d.akello, "L1", 1000, day("2026-03-19"), day("2026-03-20")).ok());
    CHECK(d.contacts.addPromise(d.akello, "L1", 1000, day("2026-03-30"), day("2026-03-20")).ok());
    CHECK(d.count("SELECT count(*) FROM promises") == 2);
}

TEST_CASE("cases: officers work their own cases, a supervisor reassigns", "[cases][permissions]") {
    Desk d;
    d.recompute(day("2026-03-20"));
    REQUIRE(d.officerOf("L2") == "bosco");
    auto refused = d.contacts.addContact(d.akello, d.call("L2", "2026-03-20T10:00"));
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message, Catch::Contains("permission denied for akello") &&
                                            Catch::Contains("assigned to bosco"));
    CHECK(refused.error().kind == ErrorKind::Denied);
    CHECK_FALSE(d.contacts.addContact(d.zawadi, d.call("L1", "2026-03-20T10:00")).ok());
    CHECK_FALSE(
        d.contacts.addPromise(d.akello, "L2", 100, day("2026-03-25"), day("2026-03-20")).ok());
    // A supervisor works every case of the branch.
    CHECK(d.contacts.addContact(d.sarah, d.call("L2", "2026-03-20T10:00")).ok());

    CHECK_FALSE(d.cases.reassign(d.akello, "L2", "akello", day("2026-03-20")).ok());
    CHECK_FALSE(d.cases.reassign(d.sarah, "L2", "zawadi", day("2026-03-20")).ok());
    auto moved = d.cases.reassign(d.sarah, "L2", "akello", day("2026-03-20"));
    REQUIRE(moved.ok());
    CHECK(d.officerOf("L2") == "akello");
    CHECK(d.contacts.addContact(d.akello, d.call("L2", "2026-03-20T11:00")).ok());
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'reassign_case' AND actor = "
                  "'sarah'") == 1);
}

TEST_CASE("cases: the call list of an officer", "[cases][call-list]") {
    Desk d;
    d.recompute(day("2026-03-20"));
    CallListService lists(*d.db);
    auto list = lists.forOfficer(d.akello, "akello", day("2026-03-20"));
    REQUIRE(list.ok());
    REQUIRE(list->items.size() == 2);
    // Both new; L3 has the higher DPD (47 against 19).
    CHECK(list->items[0].entry.loanId == "L3");
    CHECK(list->items[1].entry.loanId == "L1");
    CHECK(list->items[0].reasons.front() == CallReason::NewCase);
    auto nobody = lists.forOfficer(d.admin, "nobody", day("2026-03-20"));
    REQUIRE_FALSE(nobody.ok());
    CHECK(nobody.error().kind == ErrorKind::NotFound);
    // An officer reads their own list only; a supervisor of the branch and an administrator
    // (or the local operator) read anyone's.
    auto others = lists.forOfficer(d.bosco, "akello", day("2026-03-20"));
    REQUIRE_FALSE(others.ok());
    CHECK(others.error().kind == ErrorKind::Denied);
    CHECK_FALSE(lists.forOfficer(d.zawadi, "akello", day("2026-03-20")).ok());
    for (const User& reader : {d.sarah, d.admin, localOperator()}) {
        INFO(reader.username);
        auto read = lists.forOfficer(reader, "akello", day("2026-03-20"));
        REQUIRE(read.ok());
        CHECK(read->items.size() == 2);
    }
}

TEST_CASE("cases: contacts, promises and the case timeline are append-only", "[cases][schema]") {
    Desk d;
    d.recompute(day("2026-03-20"));
    auto c = d.call("L1", "2026-03-20T10:00");
    c.promiseAmount = 1000;
    c.promiseDate = day("2026-03-22");
    REQUIRE(d.contacts.addContact(d.akello, c).ok());
    sqlite3* h = d.db->handle();
    for (const char* table : {"contacts", "promises", "case_events"}) {
        INFO(table);
        CHECK_THAT(rdst::execError(h, fmt::format("DELETE FROM {}", table)),
                   Catch::Contains("append-only"));
        CHECK_THAT(rdst::execError(h, fmt::format("UPDATE {} SET id = id", table)),
                   Catch::Contains("append-only"));
    }
    CHECK_THAT(rdst::execError(h, "DELETE FROM cases"), Catch::Contains("never deleted"));
    // One open case per loan.
    CHECK_THAT(rdst::execError(h, "INSERT INTO cases(loan_pk, opened_on, opened_by, stage) "
                                  "SELECT loan_pk, '2026-03-21', 'x', 'early' FROM cases LIMIT 1"),
               Catch::Contains("UNIQUE"));
}

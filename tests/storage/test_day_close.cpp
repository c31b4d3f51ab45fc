// The officers' end of day (recovery-rules.md, "End of day") through DayCloseService and
// PaymentService: the day's figures (core/day_close.h), closing with the cash counted,
// a closed day refusing receipts, reversals on a closed day, sign-off and reopening by a
// supervisor of the branch, the audit records, and receipt prints (original, duplicates).
#include "core/day_close.h"
#include "services/case_service.h"
#include "services/day_close_service.h"
#include "services/payment_service.h"
#include "services/user_service.h"
#include "storage/case_repository.h"
#include "storage/migrations.h"
#include "storage/portfolio_settings.h"
#include "storage/user_repository.h"
#include "storage_test_support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace rd;
using namespace rd::services;
using rdst::day;

namespace {

const std::chrono::sys_seconds kT0 =
    std::chrono::sys_days{std::chrono::year{2026} / 3 / 20} + std::chrono::hours{9};
const Date kDay = day("2026-03-20");

// The worked example (L1 and L2 of C1, Kampala Central, KES) plus L3 of C1; officers akello
// and bosco, supervisors sarah and simon in Kampala Central, officer zawadi and supervisor
// nuru in Nairobi. The cases of 2026-03-20: L1 and L3 akello's, L2 bosco's.
struct Desk {
    rdst::TempDir tmp;
    std::unique_ptr<storage::Database> db = rdst::openDb(tmp / "rd.db");
    std::chrono::sys_seconds clock = kT0;
    UserService users{*db, [this] { return clock; }};
    CaseService cases{*db, [this] { return clock; }};
    PaymentService payments{*db, [this] { return clock; }};
    DayCloseService days{*db, [this] { return clock; }};
    User admin, akello, bosco, sarah, simon, zawadi, nuru;

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
        akello = add("akello", "Akello Grace", Role::Officer, "Kampala Central");
        bosco = add("bosco", "", Role::Officer, "Kampala Central");
        sarah = add("sarah", "", Role::Supervisor, "Kampala Central");
        simon = add("simon", "", Role::Supervisor, "Kampala Central");
        zawadi = add("zawadi", "", Role::Officer, "Nairobi");
        nuru = add("nuru", "", Role::Supervisor, "Nairobi");
        REQUIRE(cases.recompute(localOperator(), kDay).ok());
        REQUIRE(officerOf("L1") == "akello");
        REQUIRE(officerOf("L2") == "bosco");
    }
    User add(const std::string& name, const std::string& full, Role role,
             const std::string& branch) {
        auto added =
            users.addUser(admin, {name, full, role, {branch}}, std::string("pass-word-1"), false);
        REQUIRE(added.ok());
        return added->user;
    }
    std::string officerOf(const std::string& loan) {
        auto c = storage::CaseRepository(*db).openCase(loan);
        return c ? c->assignedUsername : "(no open case)";
    }
    DeskReceipt take(const User& who, const std::string& loan, Amount amount,
                     PaymentMethod method = PaymentMethod::Cash, Date on = kDay) {
        NewDeskPayment p{loan, amount, method, method == PaymentMethod::Cash ? "" : "REF-1", on};
        auto r = payments.takePayment(who, p, on);
        INFO((r ? "" : r.error().message));
        REQUIRE(r.ok());
        return *r;
    }
    std::int64_t count(const std::string& sql) { return rdst::queryInt(db->handle(), sql); }
};

} // namespace

TEST_CASE("day close: the figures of a day by method, with reversals and the cash expected",
          "[day][core]") {
    const Date d = kDay;
    const Date before = day("2026-03-19");
    const std::vector<DayReceipt> receipts = {
        {PaymentMethod::Cash, 1000, d, std::nullopt},
        {PaymentMethod::Cash, 500, d, d}, // taken and reversed the same day
        {PaymentMethod::Cheque, 2500, d, std::nullopt},
        {PaymentMethod::MobileMoney, 700, d, day("2026-03-21")},  // reversed later: still today's
        {PaymentMethod::Cash, 300, before, d},                    // yesterday's, reversed today
        {PaymentMethod::BankTransfer, 900, before, std::nullopt}, // not of this day at all
    };
    const DaySummary s = summarizeDay(d, receipts);
    REQUIRE(s.byMethod.size() == 5);
    CHECK(s.byMethod[0].method == PaymentMethod::Cash);
    CHECK(s.byMethod[0].count == 2);
    CHECK(s.byMethod[0].total == 1500);
    CHECK(s.byMethod[1].method == PaymentMethod::Cheque);
    CHECK(s.byMethod[1].count == 1);
    CHECK(s.byMethod[1].total == 2500);
    CHECK(s.byMethod[2].method == PaymentMethod::BankTransfer);
    CHECK(s.byMethod[2].count == 0);
    CHECK(s.byMethod[3].total == 700);
    CHECK(s.byMethod[4].method == PaymentMethod::Other);
    CHECK(s.receiptCount == 4);
    CHECK(s.received == 4700);
    CHECK(s.reversalCount == 2);
    CHECK(s.reversed == 800);
    // Cash taken today, less the cash taken and reversed today; yesterday's reversed cash
    // was counted yesterday.
    CHECK(s.cashExpected == 1000);

    CHECK_FALSE(checkCashCount(1000, 1000, ""));
    const auto short_ = checkCashCount(1000, 900, "  ");
    REQUIRE(short_);
    CHECK(short_->hint == Hint::GiveReason);
    CHECK(short_->message.find("less than the cash received") != std::string::npos);
    REQUIRE(checkCashCount(1000, 1100, ""));
    CHECK_FALSE(checkCashCount(1000, 1100, "float from the safe"));
    CHECK(checkCashCount(0, -1, "x"));
    CHECK(toString(DayState::SignedOff) == "signed_off");
}

TEST_CASE("day close: an officer closes their day, and it takes no more of their receipts",
          "[day]") {
    Desk d;
    d.take(d.akello, "L1", 5000);
    d.take(d.akello, "L3", 2000, PaymentMethod::MobileMoney);
    d.take(d.bosco, "L2", 1500);

    auto open = d.days.day(d.akello, "akello", kDay);
    REQUIRE(open.ok());
    CHECK(open->state == DayState::Open);
    CHECK(open->officerName == "Akello Grace");
    CHECK(open->receipts.size() == 2);
    CHECK(open->summary.received == 7000);
    CHECK(open->summary.cashExpected == 5000);
    CHECK(open->closes.empty());

    // A difference needs a reason; nothing is saved without one.
    auto refused = d.days.close(d.akello, kDay, 4500, "");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::Invalid);
    CHECK(refused.error().hint == Hint::GiveReason);
    CHECK(d.count("SELECT count(*) FROM desk_day_closes") == 0);

    d.clock += std::chrono::hours{8};
    auto closed = d.days.close(d.akello, kDay, 4500, " paid the boda fare from the drawer ");
    REQUIRE(closed.ok());
    CHECK(closed->state == DayState::Closed);
    REQUIRE(closed->lastClose());
    CHECK(closed->lastClose()->cashExpected == 5000);
    CHECK(closed->lastClose()->cashCounted == 4500);
    CHECK(closed->lastClose()->difference() == -500);
    CHECK(closed->lastClose()->differenceReason == "paid the boda fare from the drawer");
    CHECK(closed->lastClose()->closedAt == "2026-03-20T17:00:00Z");
    CHECK(rdst::queryText(d.db->handle(),
                          "SELECT actor || ' ' || action || ' ' || entity || ' ' || entity_key "
                          "FROM audit_log WHERE entity = 'desk_day'") ==
          "akello close_day desk_day akello/2026-03-20");

    // Closed: no second close, no new receipt of akello's that day (bosco's day is open).
    auto twice = d.days.close(d.akello, kDay, 4500, "again");
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().kind == ErrorKind::Conflict);
    const auto receiptsBefore = d.count("SELECT count(*) FROM desk_receipts");
    auto late = d.payments.takePayment(d.akello, {"L1", 1000, PaymentMethod::Cash, "", kDay}, kDay);
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().kind == ErrorKind::Conflict);
    CHECK(late.error().hint == Hint::ReopenDay);
    CHECK(late.error().fact("officer") == "akello");
    CHECK(late.error().fact("date") == "2026-03-20");
    CHECK(late.error().message ==
          "the day 2026-03-20 of akello is closed: no more payments are taken on it (the cash "
          "of that day has been counted)");
    CHECK(d.count("SELECT count(*) FROM desk_receipts") == receiptsBefore);
    // The next business day is a new day.
    d.take(d.akello, "L1", 1000, PaymentMethod::Cash, day("2026-03-21"));
    d.take(d.bosco, "L2", 500);
    // Closed rows are append-only.
    CHECK_FALSE(
        rdst::execError(d.db->handle(), "UPDATE desk_day_closes SET cash_counted = 5000").empty());
    CHECK_FALSE(rdst::execError(d.db->handle(), "DELETE FROM desk_day_closes").empty());
}

TEST_CASE("day close: a supervisor of the branch signs off or reopens the day, with a reason",
          "[day]") {
    Desk d;
    d.take(d.akello, "L1", 5000);
    REQUIRE(d.days.close(d.akello, kDay, 5000, "").ok());

    // Not the officer, not another branch's supervisor, not an officer colleague.
    for (const User* who : {&d.akello, &d.bosco, &d.nuru, &d.admin}) {
        auto refused = d.days.signOff(*who, "akello", kDay);
        INFO(who->username);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == ErrorKind::Denied);
    }
    // Reopening needs a reason.
    auto noReason = d.days.reopen(d.sarah, "akello", kDay, " ");
    REQUIRE_FALSE(noReason.ok());
    CHECK(noReason.error().hint == Hint::GiveReason);

    auto signedOff = d.days.signOff(d.sarah, "akello", kDay);
    REQUIRE(signedOff.ok());
    CHECK(signedOff->state == DayState::SignedOff);
    CHECK(signedOff->lastClose()->signedBy == "sarah");
    auto again = d.days.signOff(d.simon, "akello", kDay);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().kind == ErrorKind::Conflict);

    // A signed-off day is reopened (audited), takes payments again, and is closed again.
    auto reopened = d.days.reopen(d.simon, "akello", kDay, "cheque found after the close");
    REQUIRE(reopened.ok());
    CHECK(reopened->state == DayState::Open);
    CHECK(reopened->lastClose()->reopenedBy == "simon");
    CHECK(reopened->lastClose()->reopenReason == "cheque found after the close");
    d.take(d.akello, "L3", 2500, PaymentMethod::Cheque);
    auto closedAgain = d.days.close(d.akello, kDay, 5000, "");
    REQUIRE(closedAgain.ok());
    CHECK(closedAgain->closes.size() == 2);
    CHECK(closedAgain->lastClose()->receiptCount == 2);
    CHECK(closedAgain->state == DayState::Closed);
    auto open = d.days.reopen(d.sarah, "bosco", kDay, "why");
    REQUIRE_FALSE(open.ok());
    CHECK(open.error().kind == ErrorKind::Conflict); // bosco's day was never closed
    CHECK(rdst::queryText(d.db->handle(),
                          "SELECT group_concat(actor || ':' || action, ',') FROM (SELECT * FROM "
                          "audit_log WHERE entity = 'desk_day' ORDER BY id)") ==
          "akello:close_day,sarah:sign_off_day,simon:reopen_day,akello:close_day");

    // The branch view: every officer and supervisor of sarah's branch with their state.
    auto branch = d.days.branchDays(d.sarah, kDay);
    REQUIRE(branch.ok());
    std::vector<std::string> names;
    for (const auto& x : *branch)
        names.push_back(x.officer + ":" + std::string(toString(x.state)));
    CHECK(names ==
          std::vector<std::string>{"akello:closed", "bosco:open", "sarah:open", "simon:open"});
    CHECK_FALSE(d.days.branchDays(d.akello, kDay).ok());
    // The day is read by the officer, their supervisors and portfolio-wide; not a colleague.
    CHECK(d.days.day(d.sarah, "akello", kDay).ok());
    CHECK(d.days.day(localOperator(), "akello", kDay).ok());
    CHECK_FALSE(d.days.day(d.bosco, "akello", kDay).ok());
    CHECK(d.days.day(d.sarah, "nobody", kDay).error().kind == ErrorKind::NotFound);
}

TEST_CASE("day close: a reversal is allowed on a closed day and shows on the day it is made",
          "[day]") {
    Desk d;
    const auto cheque = d.take(d.akello, "L1", 5000, PaymentMethod::Cheque);
    const auto cash = d.take(d.akello, "L3", 1000);
    REQUIRE(d.days.close(d.akello, kDay, 1000, "").ok());

    // The same day: reversing a receipt of a closed day would change its cash: refused.
    auto sameDay = d.payments.reverse(d.sarah, cash.receiptNo, "wrong loan", kDay);
    REQUIRE_FALSE(sameDay.ok());
    CHECK(sameDay.error().kind == ErrorKind::Conflict);
    CHECK(sameDay.error().hint == Hint::ReopenDay);

    // The next day the cheque bounces: reversed on the 21st, it stays in the 20th's figures
    // and shows among the 21st's reversals.
    const Date next = day("2026-03-21");
    REQUIRE(d.payments.reverse(d.sarah, cheque.receiptNo, "cheque bounced", next).ok());
    auto closedDay = d.days.day(d.akello, "akello", kDay);
    REQUIRE(closedDay.ok());
    CHECK(closedDay->summary.received == 6000);
    CHECK(closedDay->summary.reversalCount == 0);
    CHECK(closedDay->state == DayState::Closed);
    auto nextDay = d.days.day(d.akello, "akello", next);
    REQUIRE(nextDay.ok());
    CHECK(nextDay->receipts.empty());
    REQUIRE(nextDay->reversals.size() == 1);
    CHECK(nextDay->reversals[0].receiptNo == cheque.receiptNo);
    CHECK(nextDay->summary.reversed == 5000);
    CHECK(nextDay->summary.cashExpected == 0);
}

TEST_CASE("receipt prints: the first is the original, every later print a duplicate, audited",
          "[day][receipts]") {
    Desk d;
    const auto r = d.take(d.akello, "L1", 5000);
    CHECK(r.takenByName == "Akello Grace");
    auto first = d.payments.recordPrint(d.akello, r.receiptNo);
    REQUIRE(first.ok());
    CHECK(first->copy == 1);
    CHECK_FALSE(first->duplicate());
    d.clock += std::chrono::minutes{90};
    auto second = d.payments.recordPrint(d.sarah, r.receiptNo);
    REQUIRE(second.ok());
    CHECK(second->copy == 2);
    CHECK(second->duplicate());
    CHECK(second->printedAt == "2026-03-20T10:30:00Z");
    CHECK(second->printedBy == "sarah");
    auto prints = d.payments.prints(d.akello, r.receiptNo);
    REQUIRE(prints.ok());
    CHECK(prints->size() == 2);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'print_receipt'") == 2);
    // Another branch's desk and an administrator print none of them.
    CHECK(d.payments.recordPrint(d.zawadi, r.receiptNo).error().kind == ErrorKind::Denied);
    CHECK(d.payments.recordPrint(d.admin, r.receiptNo).error().kind == ErrorKind::Denied);
    CHECK(d.payments.recordPrint(d.akello, 99).error().kind == ErrorKind::NotFound);
    CHECK(d.count("SELECT count(*) FROM receipt_prints") == 2);
    CHECK_FALSE(rdst::execError(d.db->handle(), "DELETE FROM receipt_prints").empty());
}

TEST_CASE("day close: a version 5 file migrates to version 6 and keeps its receipts",
          "[day][migration]") {
    rdst::TempDir tmp;
    const auto path = tmp / "old.db";
    {
        Desk d;
        d.take(d.akello, "L1", 5000);
        d.db->backupTo(path);
    }
    {
        // Make it a version 5 file: drop what version 6 added.
        auto raw = rdst::openDb(path);
        rdst::dropSchemaV7(*raw);
        for (const char* sql :
             {"DROP TABLE receipt_prints", "DROP TABLE desk_day_reopenings",
              "DROP TABLE desk_day_sign_offs", "DROP TABLE desk_day_closes",
              "DROP INDEX desk_receipts_by_officer_day", "PRAGMA user_version = 5"})
            raw->exec(sql);
    }
    auto opened = storage::Database::open(path, {});
    REQUIRE(opened.ok());
    auto& db = **opened;
    CHECK(db.schemaVersion() == storage::latestSchemaVersion());
    CHECK(storage::latestSchemaVersion() >= 6);
    REQUIRE(db.migrationBackup());
    CHECK(rdst::rowCount(db.handle(), "desk_receipts") == 1);
    CHECK(rdst::rowCount(db.handle(), "desk_day_closes") == 0);
    DayCloseService days(db, Clock::fixed(kT0));
    const auto akello = storage::UserRepository(db).find("akello")->user;
    auto day = days.day(akello, "akello", kDay);
    REQUIRE(day.ok());
    CHECK(day->summary.cashExpected == 5000);
    CHECK(days.close(akello, kDay, 5000, "").ok());
    CHECK(PaymentService(db).recordPrint(akello, 1).ok());
}

TEST_CASE("letterhead settings: one line each, length-limited, a telephone number",
          "[day][settings]") {
    Desk d;
    const auto valid = [&](const std::string& key, const std::string& value) {
        return storage::validateSetting(*d.db, key, value);
    };
    CHECK(*valid("institution_name", "  Pearl Microfinance Ltd ") == "Pearl Microfinance Ltd");
    CHECK(*valid("institution_address", "Plot 24 Kampala Road, P.O. Box 10234") ==
          "Plot 24 Kampala Road, P.O. Box 10234");
    CHECK(*valid("institution_phone", "+256 (414) 230-500") == "+256 (414) 230-500");
    CHECK(*valid("institution_licence", "MDI/2019/0042") == "MDI/2019/0042");
    CHECK(*valid("institution_name", "") == ""); // left off the receipt
    CHECK_FALSE(valid("institution_phone", "call 0414").ok());
    CHECK_FALSE(valid("institution_name", std::string(81, 'x')).ok());
    CHECK_FALSE(valid("institution_address", "line one\nline two").ok());
    bool listed = false;
    for (const auto& s : storage::knownSettings())
        listed |= s.key == "institution_licence";
    CHECK(listed);
}

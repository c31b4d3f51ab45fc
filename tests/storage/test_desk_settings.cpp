// The desk settings (contact hours, attempts a day, promise grace, case thresholds, case
// assignment, call-list weights): validation of every bad value, the settings service's
// permission and audit, and each setting taking effect at the next call.
#include "desk_fixture.h"
#include "services/call_list_service.h"
#include "storage/portfolio_settings.h"

using namespace rd;
using namespace rd::services;
using namespace rd::storage;
using deskfx::Desk;
using rdst::day;

TEST_CASE("desk settings: every bad value is refused with what is expected", "[settings][desk]") {
    Desk d;
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"contact_hours", ""},
        {"contact_hours", "8-20"},
        {"contact_hours", "08:00"},
        {"contact_hours", "20:00-08:00"},
        {"contact_hours", "08:00-08:00"},
        {"contact_hours", "24:00-25:00"},
        {"contact_hours", "08:60-20:00"},
        {"contact_hours", "ab:cd-ef:gh"},
        {"max_attempts_per_day", "0"},
        {"max_attempts_per_day", "21"},
        {"max_attempts_per_day", "-1"},
        {"max_attempts_per_day", "three"},
        {"max_attempts_per_day", "2.5"},
        {"promise_grace_days", "-1"},
        {"promise_grace_days", "31"},
        {"promise_grace_days", ""},
        {"case_open_dpd", "0"},
        {"case_open_dpd", "366"},
        {"case_open_dpd", "+5"},
        {"case_cure_days", "0"},
        {"case_cure_days", "1000"},
        {"case_assignment", "round_robin"},
        {"case_assignment", ""},
        {"priority_weights", ""},
        {"priority_weights", "broken_promise"},
        {"priority_weights", "broken_promise=-5"},
        {"priority_weights", "broken_promise=1000001"},
        {"priority_weights", "broken_promise=x"},
        {"priority_weights", "urgent=5"},
        {"priority_weights", "new_case=1,new_case=2"},
        {"idle_lock_minutes", "0"},
        {"idle_lock_minutes", "241"},
        {"idle_lock_minutes", "ten"},
        {"time_zone", ""},
        {"time_zone", "Mars/Olympus_Mons"},
        {"time_zone", "../../etc/passwd"},
        {"time_zone", "/etc/passwd"},
        {"time_zone", "Africa/Kampala; rm"},
        {"no_such_setting", "1"},
    };
    for (const auto& [key, value] : bad) {
        INFO(key << " = \"" << value << "\"");
        auto r = d.settings.change(d.admin, key, value);
        REQUIRE_FALSE(r.ok());
        CHECK_FALSE(r.error().message.empty());
        CHECK_FALSE(d.db->setting(key));
    }
    CHECK_THAT(d.settings.change(d.admin, "contact_hours", "20:00-08:00").error().message,
               Catch::Contains("earlier time first"));
    CHECK_THAT(d.settings.change(d.admin, "priority_weights", "urgent=5").error().message,
               Catch::Contains("broken_promise"));
    CHECK_THAT(d.settings.change(d.admin, "time_zone", "Mars/Olympus_Mons").error().message,
               Catch::Contains("Africa/Kampala"));
    CHECK_THAT(d.settings.change(d.admin, "case_assignment", "x").error().message,
               Catch::Contains("fewest_open_cases"));
    CHECK_THAT(d.settings.change(d.admin, "no_such_setting", "1").error().message,
               Catch::Contains("priority_weights"));
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE entity = 'setting'") == 0);
    CHECK(loadDeskSettings(*d.db).timeZone == "Africa/Kampala");
    REQUIRE(d.settings.change(d.admin, "time_zone", " Africa/Nairobi ").ok());
    CHECK(*d.db->setting("time_zone") == "Africa/Nairobi");
    CHECK(loadDeskSettings(*d.db).timeZone == "Africa/Nairobi");
}

TEST_CASE("desk settings: values are normalised, listed with defaults, audited, and only an "
          "administrator changes them",
          "[settings][desk]") {
    Desk d;
    auto denied = d.settings.change(d.sarah, "case_cure_days", "45");
    REQUIRE_FALSE(denied.ok());
    CHECK_THAT(denied.error().message,
               Catch::Contains("permission denied for sarah") && Catch::Contains("administrator"));
    CHECK(denied.error().kind == ErrorKind::Denied);
    CHECK_FALSE(d.settings.change(d.akello, "case_cure_days", "45").ok());
    // Checking a value as the administrator types stores nothing, and needs the same right.
    CHECK(*d.settings.validate(d.admin, "contact_hours", " 07:30-21:00 ") == "07:30-21:00");
    CHECK_THAT(d.settings.validate(d.admin, "contact_hours", "20:00-08:00").error().message,
               Catch::Contains("earlier time first"));
    CHECK(d.settings.validate(d.sarah, "case_cure_days", "45").error().kind == ErrorKind::Denied);
    CHECK_FALSE(d.db->setting("contact_hours"));
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE entity = 'setting'") == 0);
    // The command line's local operator may change settings too.
    CHECK(*d.settings.change(localOperator(), "case_cure_days", "30") == "30");

    CHECK_FALSE(d.settings.change(d.admin, "contact_hours", "7:30-21:00").ok());
    CHECK(*d.settings.change(d.admin, "contact_hours", " 07:30-21:00 ") == "07:30-21:00");
    CHECK(*d.settings.change(d.admin, "priority_weights", "new_case=900") ==
          "broken_plan=1000,broken_promise=1000,promise_due=500,hearing_due=500,plan_due=500,"
          "letter_due=400,follow_up_due=300,action_due=300,new_case=900,early_warning=100,"
          "money_at_stake=400,bucket_roll=300");
    CHECK(*d.settings.change(d.admin, "case_assignment", "credit_officer") == "credit_officer");
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE entity = 'setting' AND actor = 'boss' "
                  "AND action = 'change_setting'") == 3);
    CHECK(rdst::queryText(d.db->handle(), "SELECT after FROM audit_log WHERE entity_key = "
                                          "'contact_hours'") == "07:30-21:00");
    // The audit time is the service's clock.
    CHECK(rdst::queryText(d.db->handle(), "SELECT at FROM audit_log WHERE entity_key = "
                                          "'contact_hours'") == "2026-11-28T08:00:00Z");

    // Any enabled user may read the settings.
    const auto list = d.settings.list(d.akello);
    REQUIRE(list.ok());
    std::map<std::string, SettingView> byKey;
    for (const auto& s : *list)
        byKey[s.key] = s;
    for (const char* key : {"buckets", "arrears_tolerance", "contact_hours", "max_attempts_per_day",
                            "promise_grace_days", "case_open_dpd", "case_cure_days",
                            "case_assignment", "priority_weights"}) {
        INFO(key);
        REQUIRE(byKey.count(key));
        CHECK_FALSE(byKey[key].description.empty());
    }
    CHECK(byKey["contact_hours"].value == "07:30-21:00");
    CHECK_FALSE(byKey["contact_hours"].isDefault);
    CHECK(byKey["contact_hours"].defaultValue == "08:00-20:00");
    CHECK(byKey["case_cure_days"].value == "30");
    CHECK(byKey["case_cure_days"].isDefault);
    REQUIRE(d.users.disable(d.admin, "bosco").ok());
    CHECK(d.settings.list(d.bosco).error().kind == ErrorKind::Denied);

    const DeskSettings s = loadDeskSettings(*d.db);
    CHECK(s.contactRules.callsFrom == 7 * 60 + 30);
    CHECK(s.contactRules.callsUntil == 21 * 60);
    CHECK(s.weights.newCase == 900);
    CHECK(s.weights.brokenPromise == 1000);
    CHECK(s.caseAssignment == "credit_officer");
}

TEST_CASE("desk settings: contact hours and attempts a day change the contact rules at once",
          "[settings][desk][contacts]") {
    Desk d;
    d.recompute(day("2026-03-20"));
    // 20:30 breaks the default hours.
    CHECK_FALSE(d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T20:30")).ok());
    d.set("contact_hours", "07:00-21:00");
    CHECK(d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T20:30")).ok());
    auto early = d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T06:59"));
    REQUIRE_FALSE(early.ok());
    CHECK_THAT(early.error().message, Catch::Contains("07:00-21:00"));

    d.set("max_attempts_per_day", "1");
    auto second = d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T10:00"));
    REQUIRE_FALSE(second.ok());
    CHECK_THAT(second.error().message, Catch::Contains("attempt"));
    d.set("max_attempts_per_day", "5");
    CHECK(d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T10:00")).ok());
}

TEST_CASE("desk settings: the opening threshold and cure days change what recompute does",
          "[settings][desk][recompute]") {
    Desk d;
    // On 2026-03-20 L1 is 19 days past due, L2 19, L3 and N1 47.
    d.set("case_open_dpd", "31");
    auto s = d.recompute(day("2026-03-20"));
    CHECK(s.opened == 2);
    CHECK_FALSE(d.openCase("L1"));
    CHECK(d.openCase("L3"));
    d.set("case_open_dpd", "1");
    CHECK(d.recompute(day("2026-03-20")).opened == 2);
    CHECK(d.openCase("L1"));

    // L3 catches up on 2026-03-25 (and prepays April); cured after 10 days with the setting.
    d.importPayments("P11,L3,2026-03-25,300.00,cash,,\n");
    d.set("case_cure_days", "10");
    CHECK(d.recompute(day("2026-04-03")).closedCured == 0); // 9 days current
    CHECK(d.recompute(day("2026-04-04")).closedCured == 1);
    CHECK_FALSE(d.openCase("L3"));
}

TEST_CASE("desk settings: the assignment rule", "[settings][desk][recompute]") {
    SECTION("credit_officer: the loan's credit officer when an enabled officer of the branch, "
            "else fewest open cases") {
        Desk d;
        d.set("case_assignment", "credit_officer");
        d.recompute(day("2026-03-20"));
        CHECK(d.officerOf("L3") == "bosco");  // its credit officer
        CHECK(d.officerOf("L1") == "akello"); // okello is no user: fewest (tie: username)
        CHECK(d.officerOf("L2") == "bosco");  // akello 1, bosco 0
        CHECK(d.count("SELECT count(*) FROM case_events WHERE kind = 'assigned' AND note = "
                      "'credit officer of the loan'") == 1);
    }
    SECTION("credit_officer falls back when the credit officer is disabled") {
        Desk d;
        REQUIRE(d.users.disable(d.admin, "bosco").ok());
        d.set("case_assignment", "credit_officer");
        d.recompute(day("2026-03-20"));
        CHECK(d.officerOf("L3") == "akello");
    }
    SECTION("unassigned: cases wait for a supervisor") {
        Desk d;
        d.set("case_assignment", "unassigned");
        const auto s = d.recompute(day("2026-03-20"));
        CHECK(s.opened == 4);
        CHECK(s.unassigned == 4);
        CHECK(d.officerOf("L1").empty());
        CHECK(d.cases.reassign(d.sarah, "L1", "bosco", day("2026-03-20")).ok());
    }
}

TEST_CASE("desk settings: weights change the call list order and grace days change promise "
          "status",
          "[settings][desk][call-list]") {
    Desk d;
    d.recompute(day("2026-03-20"));
    // akello holds L1 (DPD 19, 165.00 at stake) and L3 (DPD 47, 600.00 at stake): both new.
    // L1 gets an action due today, but L3 still leads on the money at stake and its early
    // warning (new 200 + sign 100 + money 400 against action 300 + new 200 + money 110)...
    auto c = d.call("L1", "2026-03-19T10:00");
    c.nextActionOn = day("2026-03-20");
    REQUIRE(d.contacts.addContact(d.akello, c).ok());
    CallListService lists(*d.db);
    auto list = lists.forOfficer(d.akello, "akello", day("2026-03-20"));
    REQUIRE(list.ok());
    REQUIRE(list->items.size() == 2);
    CHECK(list->items[0].entry.loanId == "L3");
    // ... until a due action weighs more ...
    d.set("priority_weights", "action_due=600");
    list = lists.forOfficer(d.akello, "akello", day("2026-03-20"));
    REQUIRE(list.ok());
    REQUIRE(list->items.size() == 2);
    CHECK(list->items[0].entry.loanId == "L1");
    // ... and back when new cases weigh more than a due action.
    d.set("priority_weights", "new_case=400,action_due=100");
    list = lists.forOfficer(d.akello, "akello", day("2026-03-20"));
    REQUIRE(list.ok());
    REQUIRE(list->items.size() == 2);
    CHECK(list->items[0].entry.loanId == "L3");

    // A promise for 2026-03-22 is pending on 2026-03-24 with the default grace (2 days) and
    // broken with grace 0.
    REQUIRE(d.contacts.addPromise(d.akello, "L3", 5000, day("2026-03-22"), day("2026-03-20")).ok());
    const auto withGrace = d.cases.caseFile(d.akello, "L3", day("2026-03-24"));
    REQUIRE(withGrace.ok());
    CHECK(withGrace->promises.back().evaluation.status == PromiseStatus::Pending);
    CHECK(withGrace->promiseGraceDays == 2);
    d.set("promise_grace_days", "0");
    const auto file = d.cases.caseFile(d.akello, "L3", day("2026-03-24"));
    REQUIRE(file.ok());
    CHECK(file->promiseGraceDays == 0);
    CHECK(file->promises.back().evaluation.status == PromiseStatus::Broken);
    CHECK(file->promises.back().evaluation.deadline == day("2026-03-22"));
}

// Legal action through LegalService (domain.md section 11): feasibility assessments carried
// by the request to move a case to legal, legal cases with their status history, sessions,
// outcomes, judgments and enforcement, recovery costs and their reversal, the hearing
// calendar and the call list's hearing_due and letter_due, with the permissions and the bad
// input of each.
#include "core/call_list.h"
#include "desk_fixture.h"
#include "services/call_list_service.h"
#include "storage/legal_repository.h"

using namespace rd;
using namespace rd::services;
using deskfx::Desk;
using rdst::day;

namespace {

const Date kDay = day("2026-03-20"); // a Friday

// L3 (akello's after the recompute) moved to legal by supervisor sarah, with an assessment.
struct LegalDesk : Desk {
    LegalDesk() {
        recompute(kDay);
        REQUIRE(officerOf("L3") == "akello");
        assess(akello, "L3", kDay);
        REQUIRE(
            actions.changeStage(sarah, "L3", CaseStage::Legal, "no payment since February", kDay));
    }
    std::int64_t file(const User& who = {}) {
        LegalCaseRequest r;
        r.forum = "Chief Magistrate's Court, Mengo";
        r.caseNumber = "CS 114/2026";
        r.lawyer = "Kato & Co. Advocates";
        r.filedOn = kDay;
        auto id = legal.openLegalCase(who.username.empty() ? akello : who, "L3", r, kDay);
        INFO((id ? "" : id.error().message));
        REQUIRE(id.ok());
        return *id;
    }
};

} // namespace

TEST_CASE("feasibility: balance, lines and expected net recovery are computed and recorded",
          "[legal][feasibility]") {
    Desk d;
    d.recompute(kDay);
    FeasibilityRequest r;
    r.collateral.push_back({std::nullopt, {"Boda boda UBK 123", 350000, 200000}});
    r.guarantors.push_back({std::nullopt, {"Peter Okello", "+256772000222", true, 5000}});
    r.costs = {10000, 20000, 5000, 1000};
    r.chancePercent = 60;
    r.note = "motorcycle still with the client";
    auto a = d.legal.assessFeasibility(d.akello, "L3", r, kDay);
    REQUIRE(a.ok());
    // L3: 600.00 principal, nothing paid; interest and fees none.
    CHECK(a->balance == 60000);
    // min(60000, 200000 + 5000) x 60% - 36000 = 0
    CHECK(a->expectedNetRecovery == 60000 * 60 / 100 - 36000);
    CHECK(a->collateral.size() == 1);
    CHECK(a->guarantors.front().value.reached);
    CHECK(a->assessedBy == "akello");
    CHECK(d.count("SELECT count(*) FROM feasibility_collateral") == 1);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'assess_feasibility' AND "
                  "entity_key = 'L3'") == 1);

    SECTION("bad input records nothing") {
        auto bad = r;
        bad.chancePercent = 101;
        CHECK_THAT(d.legal.assessFeasibility(d.akello, "L3", bad, kDay).error().message,
                   Catch::Contains("0 to 100"));
        bad = r;
        bad.costs.lawyer = -1;
        CHECK_THAT(d.legal.assessFeasibility(d.akello, "L3", bad, kDay).error().message,
                   Catch::Contains("cannot be negative"));
        bad = r;
        bad.collateral.push_back({std::string("K404"), {}});
        CHECK_THAT(d.legal.assessFeasibility(d.akello, "L3", bad, kDay).error().message,
                   Catch::Contains("no collateral \"K404\""));
        bad = r;
        bad.guarantors.push_back({std::nullopt, {" ", "", false, 0}});
        CHECK_THAT(d.legal.assessFeasibility(d.akello, "L3", bad, kDay).error().message,
                   Catch::Contains("guarantor's name"));
        CHECK(d.count("SELECT count(*) FROM feasibility_assessments") == 1);
    }
    SECTION("only who works the case assesses it") {
        CHECK(d.legal.assessFeasibility(d.bosco, "L3", r, kDay).error().kind == ErrorKind::Denied);
        CHECK(d.legal.assessFeasibility(d.zawadi, "L3", r, kDay).error().kind == ErrorKind::Denied);
        CHECK(d.legal.assessFeasibility(d.admin, "L3", r, kDay).error().kind == ErrorKind::Denied);
        CHECK(d.legal.assessFeasibility(d.sarah, "L3", r, kDay).ok()); // supervisor
    }
}

TEST_CASE("feasibility: the request to move to legal carries the newest assessment, and the "
          "supervisor sees it",
          "[legal][feasibility][approval]") {
    Desk d;
    d.recompute(kDay);
    auto none = d.actions.requestLegal(d.akello, "L3", "no payment since February", kDay);
    REQUIRE_FALSE(none.ok());
    CHECK_THAT(none.error().message, Catch::Contains("no feasibility assessment"));
    CHECK(none.error().hint == Hint::AssessFeasibility);
    auto direct = d.actions.changeStage(d.sarah, "L3", CaseStage::Legal, "fraud", kDay);
    REQUIRE_FALSE(direct.ok());
    CHECK(direct.error().hint == Hint::AssessFeasibility);
    CHECK(d.count("SELECT count(*) FROM case_approvals") == 0);

    d.assess(d.akello, "L3", kDay);
    const auto newest = d.assess(d.akello, "L3", kDay);
    auto request = d.actions.requestLegal(d.akello, "L3", "no payment since February", kDay);
    REQUIRE(request.ok());
    auto pending = d.actions.approvals(d.sarah, true);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    REQUIRE(pending->front().feasibility);
    CHECK(pending->front().feasibility->id == newest);
    auto carried = d.legal.requestAssessment(d.sarah, *request);
    REQUIRE(carried.ok());
    REQUIRE(carried->has_value());
    CHECK((*carried)->id == newest);
    CHECK(d.legal.requestAssessment(d.zawadi, *request).error().kind == ErrorKind::Denied);
}

TEST_CASE("legal case: opened only in stage legal, one at a time, with its status history",
          "[legal][case]") {
    Desk d;
    d.recompute(kDay);
    LegalCaseRequest r;
    r.forum = "Chief Magistrate's Court, Mengo";
    r.filedOn = kDay;
    auto early = d.legal.openLegalCase(d.akello, "L3", r, kDay);
    REQUIRE_FALSE(early.ok());
    CHECK_THAT(early.error().message, Catch::Contains("not legal"));
    CHECK(early.error().hint == Hint::RequestLegal);

    d.assess(d.akello, "L3", kDay);
    REQUIRE(d.actions.changeStage(d.sarah, "L3", CaseStage::Legal, "", kDay));
    auto noForum = r;
    noForum.forum = "  ";
    CHECK_THAT(d.legal.openLegalCase(d.akello, "L3", noForum, kDay).error().message,
               Catch::Contains("court or agency"));
    auto future = r;
    future.filedOn = kDay.addDays(1);
    CHECK_THAT(d.legal.openLegalCase(d.akello, "L3", future, kDay).error().message,
               Catch::Contains("after today"));
    CHECK(d.legal.openLegalCase(d.bosco, "L3", r, kDay).error().kind == ErrorKind::Denied);

    auto id = d.legal.openLegalCase(d.akello, "L3", r, kDay);
    REQUIRE(id.ok());
    CHECK_THAT(d.legal.openLegalCase(d.akello, "L3", r, kDay).error().message,
               Catch::Contains("already has legal case"));

    auto same = d.legal.updateStatus(d.akello, *id, LegalStatus::Filed, "", {}, {}, kDay);
    REQUIRE_FALSE(same.ok());
    CHECK_THAT(same.error().message, Catch::Contains("already filed"));
    auto numbered = d.legal.updateStatus(d.akello, *id, LegalStatus::Filed, "number given",
                                         std::string("CS 114/2026"), {}, kDay);
    REQUIRE(numbered.ok());
    CHECK(numbered->caseNumberNow() == "CS 114/2026");
    auto mediation =
        d.legal.updateStatus(d.akello, *id, LegalStatus::Mediation, "court-annexed", {}, {}, kDay);
    REQUIRE(mediation.ok());
    CHECK(mediation->status() == LegalStatus::Mediation);
    CHECK(mediation->updates.size() == 3);
    auto unexplained = d.legal.updateStatus(d.akello, *id, LegalStatus::Closed, "", {}, {}, kDay);
    REQUIRE_FALSE(unexplained.ok());
    CHECK(unexplained.error().hint == Hint::GiveText);
    REQUIRE(d.legal.updateStatus(d.sarah, *id, LegalStatus::Closed, "settled out of court", {}, {},
                                 kDay));
    // Closed is final; a new legal case may follow.
    CHECK_THAT(
        d.legal.updateStatus(d.akello, *id, LegalStatus::Hearing, "", {}, {}, kDay).error().message,
        Catch::Contains("is closed"));
    CHECK(d.legal.openLegalCase(d.akello, "L3", r, kDay).ok());
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'update_legal_case'") == 3);
    // Append-only.
    CHECK_THAT(rdst::execError(d.db->handle(), "UPDATE legal_case_updates SET note = 'x'"),
               Catch::Contains("append-only"));
}

TEST_CASE("legal case: sessions, outcomes with the next date, judgment and enforcement",
          "[legal][sessions]") {
    LegalDesk d;
    const auto id = d.file();
    LegalSessionRequest s;
    s.date = day("2026-03-24");
    s.time = "09:30";
    s.purpose = "mention";
    auto badTime = s;
    badTime.time = "9.30";
    CHECK_THAT(d.legal.addSession(d.akello, id, badTime, kDay).error().message,
               Catch::Contains("HH:MM"));
    auto early = s;
    early.date = day("2026-03-01");
    CHECK_THAT(d.legal.addSession(d.akello, id, early, kDay).error().message,
               Catch::Contains("before the case was filed"));
    auto session = d.legal.addSession(d.akello, id, s, kDay);
    REQUIRE(session.ok());
    // The place defaults to the forum.
    auto stored = d.legal.legalCase(d.akello, id);
    REQUIRE(stored.ok());
    CHECK(stored->sessions.front().place == "Chief Magistrate's Court, Mengo");

    CHECK_THAT(d.legal.recordOutcome(d.akello, *session, "adjourned", {}, kDay).error().message,
               Catch::Contains("after today"));
    const Date hearingDay = day("2026-03-24");
    CHECK_THAT(d.legal.recordOutcome(d.akello, *session, "adjourned", hearingDay, hearingDay)
                   .error()
                   .message,
               Catch::Contains("not after the session"));
    auto outcome = d.legal.recordOutcome(d.akello, *session, "adjourned for the defence",
                                         day("2026-04-14"), hearingDay);
    REQUIRE(outcome.ok());
    CHECK(outcome->outcome->nextDate == day("2026-04-14"));
    CHECK_THAT(d.legal.recordOutcome(d.akello, *session, "again", {}, hearingDay).error().message,
               Catch::Contains("already has its outcome"));
    stored = d.legal.legalCase(d.akello, id);
    REQUIRE(stored->sessions.size() == 2); // the next one scheduled
    CHECK(stored->sessions.back().date == day("2026-04-14"));
    CHECK(stored->sessions.back().purpose == "continued from 2026-03-24");

    const Date judged = day("2026-04-14");
    CHECK_THAT(d.legal.recordJudgment(d.akello, id, judged, -1, 0, "", judged).error().message,
               Catch::Contains("cannot be negative"));
    CHECK_THAT(d.legal.recordJudgment(d.akello, id, judged, 60000, 0, "", kDay).error().message,
               Catch::Contains("after today"));
    REQUIRE(d.legal.recordJudgment(d.akello, id, judged, 60000, 15000, "in full", judged));
    CHECK(d.legal.legalCase(d.akello, id)->status() == LegalStatus::Judgment);
    CHECK_THAT(d.legal
                   .recordEnforcement(d.akello, id, EnforcementKind::Attachment, " ", judged, 0, "",
                                      judged)
                   .error()
                   .message,
               Catch::Contains("items"));
    REQUIRE(d.legal.recordEnforcement(d.akello, id, EnforcementKind::Repossession,
                                      "Motorcycle UBK 123", judged, 180000, "sold at auction",
                                      judged));
    const auto done = d.legal.legalCase(d.akello, id);
    CHECK(done->status() == LegalStatus::Enforcement);
    CHECK(done->enforcements.front().proceeds == 180000);
    CHECK(done->judgments.front().costsAwarded == 15000);
    // Another branch may not read it.
    CHECK(d.legal.legalCase(d.zawadi, id).error().kind == ErrorKind::Denied);
}

TEST_CASE("recovery costs: recorded per case, summed, reversed once by a supervisor",
          "[legal][costs]") {
    LegalDesk d;
    const auto id = d.file();
    CostRequest c;
    c.kind = CostKind::Court;
    c.date = kDay;
    c.amount = 5000;
    c.reference = "URA-PRN 2211";
    c.legalCaseId = id;
    auto zero = c;
    zero.amount = 0;
    CHECK_THAT(d.legal.addCost(d.akello, "L3", zero, kDay).error().message,
               Catch::Contains("more than 0"));
    auto foreign = c;
    foreign.legalCaseId = 999;
    CHECK_THAT(d.legal.addCost(d.akello, "L3", foreign, kDay).error().message,
               Catch::Contains("no legal case 999"));
    CHECK(d.legal.addCost(d.zawadi, "L3", c, kDay).error().kind == ErrorKind::Denied);
    auto first = d.legal.addCost(d.akello, "L3", c, kDay);
    REQUIRE(first.ok());
    c.kind = CostKind::Transport;
    c.amount = 1500;
    c.legalCaseId.reset();
    REQUIRE(d.legal.addCost(d.akello, "L3", c, kDay));

    auto file = d.legal.legalOfLoan(d.akello, "L3");
    REQUIRE(file.ok());
    CHECK(file->costs.size() == 2);
    CHECK(file->costTotal == 6500);
    CHECK(file->assessments.size() == 1);
    CHECK(file->cases.size() == 1);

    CHECK(d.legal.reverseCost(d.akello, *first, "entered twice", kDay).error().kind ==
          ErrorKind::Denied);
    CHECK(d.legal.reverseCost(d.sarah, *first, " ", kDay).error().hint == Hint::GiveReason);
    auto reversal = d.legal.reverseCost(d.sarah, *first, "entered twice", kDay);
    REQUIRE(reversal.ok());
    CHECK_THAT(d.legal.reverseCost(d.sarah, *first, "again", kDay).error().message,
               Catch::Contains("already reversed"));
    CHECK_THAT(d.legal.reverseCost(d.sarah, *reversal, "undo", kDay).error().message,
               Catch::Contains("itself a reversal"));
    file = d.legal.legalOfLoan(d.akello, "L3");
    CHECK(file->costTotal == 1500);
    CHECK(file->costs.front().reversedById == *reversal);
    CHECK(d.count("SELECT count(*) FROM recovery_costs") == 3); // nothing deleted
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action IN ('add_cost', 'reverse_cost')") ==
          3);
}

TEST_CASE("hearing calendar: by date, by branch the actor may read, by officer",
          "[legal][calendar]") {
    LegalDesk d;
    const auto id = d.file();
    for (const char* on : {"2026-03-30", "2026-03-24"}) {
        LegalSessionRequest s;
        s.date = day(on);
        REQUIRE(d.legal.addSession(d.akello, id, s, kDay));
    }
    auto all = d.legal.calendar(d.sarah, kDay, day("2026-04-30"));
    REQUIRE(all.ok());
    REQUIRE(all->size() == 2);
    CHECK(all->front().session.date == day("2026-03-24"));
    CHECK(all->front().loanId == "L3");
    CHECK(all->front().officer == "akello");
    CHECK(all->front().caseNumber == "CS 114/2026");
    CHECK(d.legal.calendar(d.sarah, kDay, day("2026-04-30"), "bosco")->empty());
    CHECK(d.legal.calendar(d.nadia, kDay, day("2026-04-30"))->empty()); // Nairobi
    CHECK(d.legal.calendar(d.sarah, day("2026-03-25"), day("2026-03-29"))->empty());
    CHECK_THAT(d.legal.calendar(d.sarah, day("2026-04-30"), kDay).error().message,
               Catch::Contains("before its start"));
}

TEST_CASE("call list: hearing_due from the working day before the hearing to its day",
          "[legal][call-list]") {
    LegalDesk d;
    const auto id = d.file();
    LegalSessionRequest s;
    s.date = day("2026-03-30"); // a Monday: due from Friday 27th
    s.time = "10:00";
    const auto session = d.legal.addSession(d.akello, id, s, kDay);
    REQUIRE(session.ok());
    CallListService calls(*d.db);
    const auto reasonsOn = [&](const char* date) {
        auto list = calls.forOfficer(d.akello, "akello", day(date));
        REQUIRE(list.ok());
        for (const auto& item : list->items)
            if (item.entry.loanId == "L3")
                return item;
        return CallListItem{};
    };
    const auto has = [](const CallListItem& i, CallReason r) {
        return std::find(i.reasons.begin(), i.reasons.end(), r) != i.reasons.end();
    };
    CHECK_FALSE(has(reasonsOn("2026-03-26"), CallReason::HearingDue));
    const auto friday = reasonsOn("2026-03-27");
    REQUIRE(has(friday, CallReason::HearingDue));
    CHECK_THAT(friday.why, Catch::Contains("Hearing on 2026-03-30 at 10:00"));
    CHECK(has(reasonsOn("2026-03-28"), CallReason::HearingDue)); // the weekend too
    CHECK_THAT(reasonsOn("2026-03-30").why, Catch::Contains("Hearing today at 10:00"));
    CHECK_FALSE(has(reasonsOn("2026-03-31"), CallReason::HearingDue));
    // An outcome takes it off; a holiday before moves the day earlier.
    REQUIRE(d.legal.recordOutcome(d.akello, *session, "heard", {}, day("2026-03-30")));
    CHECK_FALSE(has(reasonsOn("2026-03-30"), CallReason::HearingDue));
    d.set("holidays", "2026-04-03,2026-04-06"); // Good Friday, Easter Monday
    s.date = day("2026-04-07");
    REQUIRE(d.legal.addSession(d.akello, id, s, day("2026-03-30")));
    CHECK(has(reasonsOn("2026-04-02"), CallReason::HearingDue));
    CHECK_FALSE(has(reasonsOn("2026-04-01"), CallReason::HearingDue));
}

TEST_CASE("hearingDueOn: the working day before, skipping weekends and holidays",
          "[legal][call-list][core]") {
    const Holidays none;
    CHECK(workingDayBefore(day("2026-03-30"), none) == day("2026-03-27"));
    CHECK(workingDayBefore(day("2026-03-31"), none) == day("2026-03-30"));
    CHECK(hearingDueOn(day("2026-03-30"), day("2026-03-27"), none));
    CHECK_FALSE(hearingDueOn(day("2026-03-30"), day("2026-03-26"), none));
    CHECK_FALSE(hearingDueOn(day("2026-03-30"), day("2026-03-31"), none));
    const auto easter = parseHolidays("2026-04-03,04-06");
    REQUIRE(easter.ok());
    CHECK(workingDayBefore(day("2026-04-07"), *easter) == day("2026-04-02"));
}

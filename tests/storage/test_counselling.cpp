// Counselling sessions, referrals and their updates (domain.md section 11, schema version 7)
// through CounsellingService on a real SQLite file: the rules, every refusal, who may do
// what, the audit rows, the append-only tables and the follow-ups due.
#include "desk_fixture.h"
#include "services/counselling_service.h"
#include "storage/counselling_repository.h"

#include <nlohmann/json.hpp>

using namespace rd;
using namespace rd::services;
using deskfx::Desk;
using rdst::day;

namespace {

const Date kDay = day("2026-03-20");

struct CounsellingDesk : Desk {
    CounsellingService counselling{*db, [this] { return clock; }};
    User hawa; // a supervisor of both branches

    CounsellingDesk() {
        auto added = users.addUser(
            admin, {"hawa", "Hawa Mrisho", Role::Supervisor, {"Kampala Central", "Nairobi"}},
            std::string("pass-word-1"), false);
        REQUIRE(added.ok());
        hawa = added->user;
        recompute(kDay);
        REQUIRE(officerOf("L1") == "akello");
        REQUIRE(officerOf("N1") == "zawadi");
    }
    std::int64_t session(const User& who, SessionKind kind, std::vector<std::string> clients,
                         std::optional<Date> followUp = {}, Date on = kDay) {
        auto id = counselling.addSession(who, kind, "budgeting", "", std::move(clients), "",
                                         followUp, on);
        INFO((id ? "" : id.error().message));
        REQUIRE(id.ok());
        return *id;
    }
    std::int64_t refer(const User& who, const std::string& loan, std::optional<Date> followUp,
                       Date on = kDay) {
        auto id = counselling.addReferral(who, loan, "Kampala Women's Fund",
                                          ReferralService::SocialWelfare, followUp, "", on);
        INFO((id ? "" : id.error().message));
        REQUIRE(id.ok());
        return *id;
    }
    std::vector<std::int64_t> due(const User& who, Date asOf) {
        auto found = counselling.followUpsDue(who, asOf);
        INFO((found ? "" : found.error().message));
        REQUIRE(found.ok());
        std::vector<std::int64_t> ids;
        for (const auto& f : *found)
            ids.push_back(f.referralId);
        return ids;
    }
};

nlohmann::json lastAudit(Desk& d, const std::string& action) {
    const auto text =
        rdst::queryText(d.db->handle(), "SELECT after FROM audit_log WHERE action = '" + action +
                                            "' ORDER BY id DESC LIMIT 1");
    return nlohmann::json::parse(text);
}

} // namespace

TEST_CASE("counselling: the codes of kinds, services and statuses", "[counselling][codes]") {
    CHECK(toString(SessionKind::OneToOne) == "one_to_one");
    CHECK(parseSessionKind("workshop").value() == SessionKind::Workshop);
    for (const char* code :
         {"social_welfare", "vocational_training", "counselling", "health", "other"})
        CHECK(toString(parseReferralService(code).value()) == code);
    for (const char* code : {"referred", "contacted", "completed", "declined"})
        CHECK(toString(parseReferralStatus(code).value()) == code);
    CHECK_THAT(parseReferralService("legal_aid").error().message,
               Catch::Contains("expected one of: social_welfare"));
    CHECK_FALSE(parseReferralStatus("done").ok());
    CHECK_FALSE(parseSessionKind("group").ok());
    CHECK(isOpen(ReferralStatus::Contacted));
    CHECK_FALSE(isOpen(ReferralStatus::Declined));
}

TEST_CASE("counselling: sessions are recorded with their attendees and audited",
          "[counselling][sessions]") {
    CounsellingDesk d;
    auto id =
        d.counselling.addSession(d.akello, SessionKind::OneToOne, "  household budget  ", "",
                                 {"C1"}, "agreed to keep a cash book", day("2026-04-03"), kDay);
    REQUIRE(id.ok());
    // A workshop across two branches by a supervisor of both; a client named twice attends once.
    const auto workshop = d.session(d.hawa, SessionKind::Workshop, {"C2", "C1", "C2"}, std::nullopt,
                                    day("2026-03-25"));
    CHECK(d.count(fmt::format("SELECT count(*) FROM counselling_attendees WHERE session_id = {}",
                              workshop)) == 2);

    auto sessions = d.counselling.sessionsOfClient(d.sarah, "C1");
    REQUIRE(sessions.ok());
    REQUIRE(sessions->size() == 2);
    // Newest first.
    const auto& w = (*sessions)[0];
    CHECK(w.id == workshop);
    CHECK(w.kind == SessionKind::Workshop);
    CHECK(w.facilitator == "Hawa Mrisho"); // the actor's full name by default
    REQUIRE(w.attendees.size() == 2);
    CHECK(w.attendees[0].clientId == "C1");
    CHECK(w.attendees[0].fullName == "Amina Nakato");
    CHECK(w.attendees[1].clientId == "C2");
    CHECK(w.attendees[1].fullName == "Juma Otieno");
    const auto& s = (*sessions)[1];
    CHECK(s.id == *id);
    CHECK(s.topic == "household budget");
    CHECK(s.facilitator == "akello"); // no full name: the username
    CHECK(s.notes == "agreed to keep a cash book");
    CHECK(s.followUpOn == day("2026-04-03"));
    CHECK(s.sessionDate == kDay);
    CHECK(s.recordedBy == "akello");
    CHECK(s.recordedAt == "2026-11-28T08:00:00Z");
    // A named facilitator is kept.
    auto named = d.counselling.addSession(d.sarah, SessionKind::OneToOne, "debt stress",
                                          "Grace (Mercy Counselling)", {"C1"}, "", {}, kDay);
    REQUIRE(named.ok());
    auto again = d.counselling.sessionsOfClient(d.akello, "C1");
    REQUIRE(again->size() == 3);
    CHECK((*again)[1].id == *named); // the same day as the first: the later recording first
    CHECK((*again)[1].facilitator == "Grace (Mercy Counselling)");

    auto audit = lastAudit(d, "add_counselling");
    CHECK(audit["session_id"] == *named);
    CHECK(audit["kind"] == "one_to_one");
    CHECK(audit["clients"] == nlohmann::json::array({"C1"}));
    CHECK(d.count(fmt::format("SELECT count(*) FROM audit_log WHERE action = 'add_counselling' "
                              "AND entity = 'counselling_session' AND entity_key = '{}' AND "
                              "actor = 'hawa'",
                              workshop)) == 1);
    CHECK(lastAudit(d, "add_counselling")["follow_up_on"].is_null());
    // The Nairobi client's sessions: only the workshop.
    CHECK(d.counselling.sessionsOfClient(d.zawadi, "C2")->size() == 1);
}

TEST_CASE("counselling: every refusal of a session says what is wrong",
          "[counselling][sessions][refusals]") {
    CounsellingDesk d;
    const auto add = [&](const User& who, SessionKind kind, std::string topic,
                         std::vector<std::string> clients, std::optional<Date> followUp = {}) {
        return d.counselling.addSession(who, kind, std::move(topic), "", std::move(clients), "",
                                        followUp, kDay);
    };
    auto noTopic = add(d.akello, SessionKind::OneToOne, "  ", {"C1"});
    REQUIRE_FALSE(noTopic.ok());
    CHECK(noTopic.error().kind == ErrorKind::Invalid);
    CHECK_THAT(noTopic.error().message, Catch::Contains("topic"));
    auto nobody = add(d.akello, SessionKind::Workshop, "budget", {});
    REQUIRE_FALSE(nobody.ok());
    CHECK(nobody.error().kind == ErrorKind::Invalid);
    CHECK_THAT(nobody.error().message, Catch::Contains("client"));
    auto two = add(d.hawa, SessionKind::OneToOne, "budget", {"C1", "C2"});
    REQUIRE_FALSE(two.ok());
    CHECK_THAT(two.error().message,
               Catch::Contains("exactly one client") && Catch::Contains("workshop"));
    // The same client twice is one client, so a one-to-one session.
    CHECK(add(d.akello, SessionKind::OneToOne, "budget", {"C1", "C1"}).ok());
    auto early = add(d.akello, SessionKind::OneToOne, "budget", {"C1"}, day("2026-03-19"));
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().kind == ErrorKind::Invalid);
    CHECK_THAT(early.error().message, Catch::Contains("2026-03-19 is before"));
    CHECK(add(d.akello, SessionKind::OneToOne, "budget", {"C1"}, kDay).ok()); // same day is fine
    auto unknown = add(d.akello, SessionKind::Workshop, "budget", {"C1", "C9"});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().kind == ErrorKind::NotFound);
    CHECK_THAT(unknown.error().message, Catch::Contains("no client \"C9\""));

    // Another branch's client; an administrator, the local operator; a disabled officer.
    auto otherBranch = add(d.akello, SessionKind::Workshop, "budget", {"C1", "C2"});
    REQUIRE_FALSE(otherBranch.ok());
    CHECK(otherBranch.error().kind == ErrorKind::Denied);
    CHECK_THAT(otherBranch.error().message, Catch::Contains("C2 is in branch Nairobi"));
    CHECK(add(d.nadia, SessionKind::OneToOne, "budget", {"C1"}).error().kind == ErrorKind::Denied);
    auto admin = add(d.admin, SessionKind::OneToOne, "budget", {"C1"});
    REQUIRE_FALSE(admin.ok());
    CHECK(admin.error().kind == ErrorKind::Denied);
    CHECK_THAT(admin.error().message, Catch::Contains("permission denied for boss (admin)"));
    CHECK(add(localOperator(), SessionKind::OneToOne, "budget", {"C1"}).error().kind ==
          ErrorKind::Denied);
    REQUIRE(d.users.disable(d.admin, "akello").ok());
    auto disabled = add(d.akello, SessionKind::OneToOne, "budget", {"C1"});
    REQUIRE_FALSE(disabled.ok());
    CHECK(disabled.error().kind == ErrorKind::Denied);
    CHECK_THAT(disabled.error().message, Catch::Contains("disabled"));
    // Nothing refused was written: the two accepted sessions only.
    CHECK(d.count("SELECT count(*) FROM counselling_sessions") == 2);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'add_counselling'") == 2);

    // Reading: another branch's officer may not, an admin may, an unknown client is not found.
    CHECK(d.counselling.sessionsOfClient(d.zawadi, "C1").error().kind == ErrorKind::Denied);
    CHECK(d.counselling.sessionsOfClient(d.admin, "C1")->size() == 2);
    CHECK(d.counselling.sessionsOfClient(d.sarah, "C9").error().kind == ErrorKind::NotFound);
}

TEST_CASE("counselling: referrals, their updates and current status", "[counselling][referrals]") {
    CounsellingDesk d;
    auto id = d.counselling.addReferral(d.akello, "L1", " Kampala Women's Fund ",
                                        ReferralService::SocialWelfare, day("2026-03-27"),
                                        "school fees", kDay);
    REQUIRE(id.ok());
    auto audit = lastAudit(d, "add_referral");
    CHECK(audit["referral_id"] == *id);
    CHECK(audit["organisation"] == "Kampala Women's Fund");
    CHECK(audit["service"] == "social_welfare");
    CHECK(audit["follow_up_on"] == "2026-03-27");
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'add_referral' AND entity = "
                  "'case' AND entity_key = 'L1' AND actor = 'akello'") == 1);

    auto list = d.counselling.referralsOfLoan(d.sarah, "L1");
    REQUIRE(list.ok());
    REQUIRE(list->size() == 1);
    const auto& r = list->front();
    CHECK(r.id == *id);
    CHECK(r.organisation == "Kampala Women's Fund");
    CHECK(r.status() == ReferralStatus::Referred);
    CHECK(r.currentFollowUp() == day("2026-03-27"));
    CHECK(r.caseId == d.openCase("L1")->id);
    CHECK(r.referredBy == "akello");
    CHECK(r.businessDate == kDay);
    CHECK(r.note == "school fees");

    // Contacted, with a new follow-up; then contacted again without one: the date given
    // last stays; then completed by the branch's supervisor.
    auto contacted =
        d.counselling.updateReferral(d.akello, *id, ReferralStatus::Contacted, "meeting booked",
                                     day("2026-04-10"), day("2026-03-27"));
    REQUIRE(contacted.ok());
    CHECK(lastAudit(d, "update_referral")["status"] == "contacted");
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'update_referral' AND "
                  "entity_key = 'L1' AND before = 'referred'") == 1);
    REQUIRE(d.counselling
                .updateReferral(d.akello, *id, ReferralStatus::Contacted, "left a message", {},
                                day("2026-03-30"))
                .ok());
    auto now = d.counselling.referralsOfLoan(d.akello, "L1")->front();
    CHECK(now.status() == ReferralStatus::Contacted);
    CHECK(now.currentFollowUp() == day("2026-04-10"));
    REQUIRE(now.updates.size() == 2);
    CHECK(now.updates[0].note == "meeting booked");
    CHECK(now.updates[0].updatedBy == "akello");
    CHECK(now.updates[1].businessDate == day("2026-03-30"));
    REQUIRE(d.counselling
                .updateReferral(d.sarah, *id, ReferralStatus::Completed, "grant paid", {},
                                day("2026-04-10"))
                .ok());
    CHECK(d.counselling.referralsOfLoan(d.akello, "L1")->front().status() ==
          ReferralStatus::Completed);
    auto closed = d.counselling.updateReferral(d.akello, *id, ReferralStatus::Contacted, "", {},
                                               day("2026-04-11"));
    REQUIRE_FALSE(closed.ok());
    CHECK(closed.error().kind == ErrorKind::Conflict);
    CHECK_THAT(closed.error().message,
               Catch::Contains("completed on 2026-04-10") && Catch::Contains("add a new referral"));
    CHECK(d.count("SELECT count(*) FROM referral_updates") == 3);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'update_referral'") == 3);
}

TEST_CASE("counselling: every refusal of a referral and who may make and update one",
          "[counselling][referrals][refusals]") {
    CounsellingDesk d;
    const auto refer = [&](const User& who, const std::string& loan, std::string organisation,
                           std::optional<Date> followUp = {}) {
        return d.counselling.addReferral(who, loan, std::move(organisation),
                                         ReferralService::Health, followUp, "", kDay);
    };
    auto noOrg = refer(d.akello, "L1", " ");
    REQUIRE_FALSE(noOrg.ok());
    CHECK(noOrg.error().kind == ErrorKind::Invalid);
    CHECK_THAT(noOrg.error().message, Catch::Contains("organisation"));
    auto early = refer(d.akello, "L1", "Mulago clinic", day("2026-03-01"));
    REQUIRE_FALSE(early.ok());
    CHECK_THAT(early.error().message, Catch::Contains("2026-03-01 is before"));
    CHECK(refer(d.akello, "NOPE", "Mulago clinic").error().kind == ErrorKind::NotFound);
    // Someone else's case, another branch, an administrator, the local operator.
    auto notMine = refer(d.bosco, "L1", "Mulago clinic");
    REQUIRE_FALSE(notMine.ok());
    CHECK(notMine.error().kind == ErrorKind::Denied);
    CHECK_THAT(notMine.error().message, Catch::Contains("assigned to akello"));
    CHECK(refer(d.zawadi, "L1", "Mulago clinic").error().kind == ErrorKind::Denied);
    CHECK(refer(d.nadia, "L1", "Mulago clinic").error().kind == ErrorKind::Denied);
    CHECK(refer(d.admin, "L1", "Mulago clinic").error().kind == ErrorKind::Denied);
    CHECK(refer(localOperator(), "L1", "Mulago clinic").error().kind == ErrorKind::Denied);
    // The case's officer and any supervisor of the branch may.
    auto mine = refer(d.akello, "L1", "Mulago clinic");
    REQUIRE(mine.ok());
    auto bySupervisor = refer(d.simon, "L1", "Mulago clinic");
    REQUIRE(bySupervisor.ok());
    CHECK(d.count("SELECT count(*) FROM referrals") == 2);

    const auto update = [&](const User& who, std::int64_t id, ReferralStatus status,
                            std::optional<Date> followUp = {}) {
        return d.counselling.updateReferral(who, id, status, "", followUp, kDay);
    };
    CHECK(update(d.akello, 99, ReferralStatus::Contacted).error().kind == ErrorKind::NotFound);
    CHECK(update(d.bosco, *mine, ReferralStatus::Contacted).error().kind == ErrorKind::Denied);
    CHECK(update(d.zawadi, *mine, ReferralStatus::Contacted).error().kind == ErrorKind::Denied);
    CHECK(update(d.admin, *mine, ReferralStatus::Contacted).error().kind == ErrorKind::Denied);
    auto earlyUpdate = update(d.akello, *mine, ReferralStatus::Contacted, day("2026-03-19"));
    REQUIRE_FALSE(earlyUpdate.ok());
    CHECK(earlyUpdate.error().kind == ErrorKind::Invalid);
    auto closingWithDate = update(d.akello, *mine, ReferralStatus::Declined, day("2026-04-01"));
    REQUIRE_FALSE(closingWithDate.ok());
    CHECK_THAT(closingWithDate.error().message, Catch::Contains("needs no follow-up date"));
    REQUIRE(update(d.akello, *mine, ReferralStatus::Declined).ok());
    CHECK(update(d.sarah, *mine, ReferralStatus::Referred).error().kind == ErrorKind::Conflict);
    CHECK(d.count("SELECT count(*) FROM referral_updates") == 1);

    // Once the case has closed, its officer may no longer update it; a supervisor may.
    d.importPayments("P10,L1,2026-03-21,175.00,cash,,\n");
    REQUIRE(d.recompute(day("2026-03-21")).closedPaid == 1);
    auto afterClose = update(d.akello, *bySupervisor, ReferralStatus::Contacted);
    REQUIRE_FALSE(afterClose.ok());
    CHECK(afterClose.error().kind == ErrorKind::Denied);
    CHECK_THAT(afterClose.error().message, Catch::Contains("no open case"));
    CHECK(update(d.sarah, *bySupervisor, ReferralStatus::Completed).ok());
    // A new referral needs an open case.
    CHECK_FALSE(refer(d.sarah, "L1", "Mulago clinic").ok());
    // A disabled user may do nothing.
    REQUIRE(d.users.disable(d.admin, "simon").ok());
    CHECK(update(d.simon, *bySupervisor, ReferralStatus::Contacted).error().kind ==
          ErrorKind::Denied);

    // Reading: ReadBranch.
    CHECK(d.counselling.referralsOfLoan(d.zawadi, "L1").error().kind == ErrorKind::Denied);
    CHECK(d.counselling.referralsOfLoan(d.admin, "L1")->size() == 2);
    CHECK(d.counselling.referralsOfLoan(d.sarah, "NOPE").error().kind == ErrorKind::NotFound);
}

TEST_CASE("counselling: follow-ups due by date, status and who asks", "[counselling][follow-ups]") {
    CounsellingDesk d;
    const auto a = d.refer(d.akello, "L1", day("2026-03-25"));
    const auto later = d.refer(d.akello, "L1", day("2026-04-15"));
    const auto none = d.refer(d.akello, "L1", std::nullopt);
    const auto nairobi = d.refer(d.zawadi, "N1", day("2026-03-22"));
    (void)none;

    storage::CounsellingRepository repo(*d.db);
    CHECK(repo.followUpsDue(day("2026-03-21")).empty());
    auto due = repo.followUpsDue(day("2026-03-25"));
    REQUIRE(due.size() == 2);
    CHECK(due[0].referralId == nairobi); // by follow-up date
    CHECK(due[0].loanId == "N1");
    CHECK(due[0].branch == "Nairobi");
    CHECK(due[0].assignedUsername == "zawadi");
    CHECK(due[1].referralId == a);
    CHECK(due[1].loanId == "L1");
    CHECK(due[1].followUpOn == day("2026-03-25")); // on the date itself
    CHECK(due[1].status == ReferralStatus::Referred);
    CHECK(due[1].openCaseId == d.openCase("L1")->id);
    CHECK(due[1].organisation == "Kampala Women's Fund");
    CHECK(due[1].service == ReferralService::SocialWelfare);

    // Who asks: the officer their own cases, a supervisor their branches, an admin all.
    CHECK(d.due(d.akello, day("2026-03-25")) == std::vector<std::int64_t>{a});
    CHECK(d.due(d.bosco, day("2026-03-25")).empty());
    CHECK(d.due(d.sarah, day("2026-03-25")) == std::vector<std::int64_t>{a});
    CHECK(d.due(d.nadia, day("2026-03-25")) == std::vector<std::int64_t>{nairobi});
    CHECK(d.due(d.hawa, day("2026-03-25")) == std::vector<std::int64_t>{nairobi, a});
    CHECK(d.due(d.admin, day("2026-03-25")).size() == 2);
    REQUIRE(d.users.disable(d.admin, "bosco").ok());
    CHECK(d.counselling.followUpsDue(d.bosco, kDay).error().kind == ErrorKind::Denied);

    // Contacted with a later follow-up: due again only then; contacted without a date keeps
    // that date; completed or declined: never due again.
    REQUIRE(d.counselling
                .updateReferral(d.akello, a, ReferralStatus::Contacted, "", day("2026-04-20"),
                                day("2026-03-25"))
                .ok());
    REQUIRE(d.counselling
                .updateReferral(d.akello, a, ReferralStatus::Contacted, "no answer", {},
                                day("2026-03-26"))
                .ok());
    CHECK(d.due(d.akello, day("2026-04-15")) == std::vector<std::int64_t>{later});
    CHECK(d.due(d.akello, day("2026-04-20")) == std::vector<std::int64_t>{later, a});
    REQUIRE(
        d.counselling
            .updateReferral(d.akello, later, ReferralStatus::Declined, "", {}, day("2026-03-26"))
            .ok());
    REQUIRE(
        d.counselling
            .updateReferral(d.zawadi, nairobi, ReferralStatus::Completed, "", {}, day("2026-03-26"))
            .ok());
    CHECK(d.due(d.akello, day("2026-12-31")) == std::vector<std::int64_t>{a});
    CHECK(repo.followUpsDue(day("2026-12-31")).size() == 1);

    // A loan whose case closed: still in storage's list (without a case), not in anyone's.
    d.importPayments("P10,L1,2026-03-21,175.00,cash,,\n");
    REQUIRE(d.recompute(day("2026-03-21")).closedPaid == 1);
    auto stored = repo.followUpsDue(day("2026-12-31"));
    REQUIRE(stored.size() == 1);
    CHECK_FALSE(stored[0].openCaseId.has_value());
    CHECK(d.due(d.akello, day("2026-12-31")).empty());
    CHECK(d.due(d.admin, day("2026-12-31")).empty());
}

TEST_CASE("counselling: the tables are append-only", "[counselling][append-only]") {
    CounsellingDesk d;
    d.session(d.akello, SessionKind::OneToOne, {"C1"});
    const auto r = d.refer(d.akello, "L1", day("2026-03-25"));
    REQUIRE(d.counselling.updateReferral(d.akello, r, ReferralStatus::Contacted, "", {}, kDay));
    sqlite3* h = d.db->handle();
    for (const char* table :
         {"counselling_sessions", "counselling_attendees", "referrals", "referral_updates"}) {
        INFO(table);
        CHECK(d.count(fmt::format("SELECT count(*) FROM {}", table)) == 1);
        CHECK_THAT(rdst::execError(h, fmt::format("DELETE FROM {}", table)),
                   Catch::Contains("append-only"));
    }
    CHECK_THAT(rdst::execError(h, "UPDATE counselling_sessions SET topic = 'x'"),
               Catch::Contains("append-only"));
    CHECK_THAT(rdst::execError(h, "UPDATE referrals SET follow_up_on = NULL"),
               Catch::Contains("append-only"));
    CHECK_THAT(rdst::execError(h, "UPDATE referral_updates SET status = 'completed'"),
               Catch::Contains("append-only"));
}

// Stage changes, the legal approval flow, notes and their corrections, review sign-offs,
// the audit trail (schema version 5) through CaseActionsService, with the denials.
#include "desk_fixture.h"
#include "storage/migrations.h"
#include "storage/user_repository.h"

using namespace rd;
using namespace rd::services;
using namespace rd::storage;
using deskfx::Desk;
using rdst::day;

namespace {
const Date kDay = day("2026-03-20");
}

TEST_CASE("case actions: stage changes by the officer and the supervisor, refused for others",
          "[case-actions][stage]") {
    Desk d;
    d.recompute(kDay);
    REQUIRE(d.officerOf("L1") == "akello");
    auto moved =
        d.actions.changeStage(d.akello, "L1", CaseStage::Collection, "client abroad", kDay);
    REQUIRE(moved.ok());
    CHECK(moved->stage == CaseStage::Collection);
    CHECK(d.openCase("L1")->stage == CaseStage::Collection);
    CHECK(d.count("SELECT count(*) FROM case_events WHERE kind = 'stage_changed' AND before = "
                  "'early' AND after = 'collection' AND note = 'client abroad' AND actor = "
                  "'akello'") == 1);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'change_stage' AND entity = "
                  "'case' AND entity_key = 'L1' AND before = 'early'") == 1);

    // The same stage again; another officer's case; another branch; an admin.
    auto again = d.actions.changeStage(d.akello, "L1", CaseStage::Collection, "", kDay);
    REQUIRE_FALSE(again.ok());
    CHECK_THAT(again.error().message, Catch::Contains("already in stage collection"));
    CHECK(again.error().kind == ErrorKind::Conflict);
    CHECK_THAT(d.actions.changeStage(d.bosco, "L1", CaseStage::PreLegal, "", kDay).error().message,
               Catch::Contains("assigned to akello"));
    CHECK_FALSE(d.actions.changeStage(d.zawadi, "L1", CaseStage::PreLegal, "", kDay).ok());
    CHECK_THAT(d.actions.changeStage(d.admin, "L1", CaseStage::PreLegal, "", kDay).error().message,
               Catch::Contains("permission denied for boss"));
    // A supervisor of the branch moves any case of it, back down too.
    CHECK(d.actions.changeStage(d.sarah, "L1", CaseStage::Early, "back", kDay).ok());
    // A case with no open case at all, and a closed case.
    CHECK_THAT(d.actions.changeStage(d.akello, "NOPE", CaseStage::Early, "", kDay).error().message,
               Catch::Contains("no open case"));
    d.importPayments("P10,L1,2026-03-21,175.00,cash,,\n");
    REQUIRE(d.recompute(day("2026-03-21")).closedPaid == 1);
    auto closed = d.actions.changeStage(d.sarah, "L1", CaseStage::Collection, "", kDay);
    REQUIRE_FALSE(closed.ok());
    CHECK_THAT(closed.error().message, Catch::Contains("closed on 2026-03-21"));
    CHECK(closed.error().kind == ErrorKind::Conflict);
}

TEST_CASE("case actions: an officer's move to legal needs a supervisor's approval",
          "[case-actions][approval]") {
    Desk d;
    d.recompute(kDay);
    REQUIRE(d.officerOf("L3") == "akello");
    d.assess(d.akello, "L3", kDay);
    // changeStage to legal by an officer: refused, pointing to the request.
    auto direct = d.actions.changeStage(d.akello, "L3", CaseStage::Legal, "", kDay);
    REQUIRE_FALSE(direct.ok());
    CHECK_THAT(direct.error().message, Catch::Contains("approval") && Catch::Contains("request"));
    CHECK(direct.error().kind == ErrorKind::Denied);
    CHECK(direct.error().hint == Hint::RequestLegal);
    CHECK(d.openCase("L3")->stage == CaseStage::Collection);

    auto requested = d.actions.requestLegal(d.akello, "L3", "no payment since January", kDay);
    REQUIRE(requested.ok());
    const auto id = *requested;
    CHECK_THAT(d.actions.requestLegal(d.akello, "L3", "again", kDay).error().message,
               Catch::Contains("already has a pending request"));
    auto notBoscos = d.actions.requestLegal(d.bosco, "L3", "over 45 days", kDay);
    REQUIRE_FALSE(notBoscos.ok()); // not bosco's case
    CHECK(notBoscos.error().kind == ErrorKind::Denied);
    // A request needs a reason for the supervisor.
    auto noReason = d.actions.requestLegal(d.sarah, "L3", "  ", kDay);
    REQUIRE_FALSE(noReason.ok());
    CHECK(noReason.error().kind == ErrorKind::Invalid);
    CHECK(noReason.error().hint == Hint::GiveReason);

    // Pending list: the supervisors of the branch see it; Nairobi's does not.
    auto pending = d.actions.approvals(d.sarah, true);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK((*pending)[0].approval.id == id);
    CHECK((*pending)[0].approval.loanId == "L3");
    CHECK((*pending)[0].approval.requestedBy == "akello");
    CHECK((*pending)[0].clientName == "Amina Nakato");
    CHECK((*pending)[0].pending());
    auto nairobi = d.actions.approvals(d.nadia, true);
    REQUIRE(nairobi.ok());
    CHECK(nairobi->empty());
    auto everyBranch = d.actions.approvals(d.admin, true);
    REQUIRE(everyBranch.ok());
    CHECK(everyBranch->size() == 1);

    // Denials: an officer, a supervisor of another branch, an admin, no comment.
    auto byOfficer = d.actions.decideApproval(d.akello, id, true, "ok", kDay);
    REQUIRE_FALSE(byOfficer.ok());
    CHECK_THAT(byOfficer.error().message,
               Catch::Contains("only a supervisor of branch Kampala Central"));
    CHECK(byOfficer.error().kind == ErrorKind::Denied);
    CHECK_FALSE(d.actions.decideApproval(d.bosco, id, true, "ok", kDay).ok());
    CHECK_FALSE(d.actions.decideApproval(d.nadia, id, true, "ok", kDay).ok());
    CHECK_FALSE(d.actions.decideApproval(d.admin, id, true, "ok", kDay).ok());
    auto noComment = d.actions.decideApproval(d.sarah, id, true, "  ", kDay);
    REQUIRE_FALSE(noComment.ok());
    CHECK_THAT(noComment.error().message, Catch::Contains("comment"));
    CHECK(noComment.error().hint == Hint::GiveComment);
    auto noSuch = d.actions.decideApproval(d.sarah, 999, true, "ok", kDay);
    REQUIRE_FALSE(noSuch.ok());
    CHECK_THAT(noSuch.error().message, Catch::Contains("no approval request 999"));
    CHECK(noSuch.error().kind == ErrorKind::NotFound);
    CHECK(d.openCase("L3")->stage == CaseStage::Collection);

    auto decided = d.actions.decideApproval(d.sarah, id, true, "documents complete", kDay);
    REQUIRE(decided.ok());
    CHECK_FALSE(decided->pending());
    CHECK(decided->approval.decision->approved);
    CHECK(decided->approval.decision->decidedBy == "sarah");
    CHECK(decided->stage == CaseStage::Legal);
    CHECK(d.openCase("L3")->stage == CaseStage::Legal);
    CHECK(d.count("SELECT count(*) FROM case_events WHERE kind = 'stage_changed' AND after = "
                  "'legal' AND actor = 'sarah'") == 1);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'approve_legal' AND entity_key "
                  "= 'L3'") == 1);
    CHECK_THAT(d.actions.decideApproval(d.simon, id, false, "no", kDay).error().message,
               Catch::Contains("already approved by sarah"));
    auto stillPending = d.actions.approvals(d.sarah, true);
    REQUIRE(stillPending.ok());
    CHECK(stillPending->empty());
    auto decidedToo = d.actions.approvals(d.sarah, false);
    REQUIRE(decidedToo.ok());
    CHECK(decidedToo->size() == 1);

    // The case file shows the request and its decision.
    const auto file = d.cases.caseFile(d.sarah, "L3", kDay);
    REQUIRE(file.ok());
    REQUIRE(file->approvals.size() == 1);
    CHECK(file->approvals[0].decision->comment == "documents complete");
}

TEST_CASE("case actions: the requester may not decide their own request, a rejection keeps "
          "the stage, a supervisor's own move to legal is recorded as approved",
          "[case-actions][approval]") {
    Desk d;
    d.recompute(kDay);
    d.assess(d.sarah, "L2", kDay);
    d.assess(d.akello, "L1", kDay);
    auto own = d.actions.requestLegal(d.sarah, "L2", "three promises broken", kDay);
    REQUIRE(own.ok());
    CHECK_THAT(d.actions.decideApproval(d.sarah, *own, true, "fine", kDay).error().message,
               Catch::Contains("may not decide it"));
    auto rejected = d.actions.decideApproval(d.simon, *own, false, "try a plan first", kDay);
    REQUIRE(rejected.ok());
    CHECK_FALSE(rejected->approval.decision->approved);
    CHECK(d.openCase("L2")->stage == CaseStage::Early);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'reject_legal'") == 1);

    auto direct = d.actions.changeStage(d.simon, "L2", CaseStage::Legal, "fraud suspected", kDay);
    REQUIRE(direct.ok());
    CHECK(direct->stage == CaseStage::Legal);
    const auto all = d.actions.approvals(d.sarah, false);
    REQUIRE(all.ok());
    REQUIRE(all->size() == 2);
    CHECK((*all)[0].approval.requestedBy == "simon"); // newest first
    CHECK((*all)[0].approval.decision->decidedBy == "simon");
    CHECK((*all)[0].approval.decision->comment == "fraud suspected");

    // Approving a request whose case has closed is refused; rejecting it is allowed.
    auto late = d.actions.requestLegal(d.akello, "L1", "client unreachable", kDay);
    REQUIRE(late.ok());
    d.importPayments("P10,L1,2026-03-21,175.00,cash,,\n");
    REQUIRE(d.recompute(day("2026-03-21")).closedPaid == 1);
    CHECK_THAT(d.actions.decideApproval(d.sarah, *late, true, "ok", kDay).error().message,
               Catch::Contains("can only be rejected"));
    CHECK(d.actions.decideApproval(d.sarah, *late, false, "paid off", kDay).ok());
}

TEST_CASE("case actions: notes and their corrections, append-only", "[case-actions][notes]") {
    Desk d;
    d.recompute(kDay);
    auto first =
        d.actions.addNote(d.akello, "L1", "Client travelling until April", std::nullopt, kDay);
    REQUIRE(first.ok());
    auto empty = d.actions.addNote(d.akello, "L1", "   ", std::nullopt, kDay);
    REQUIRE_FALSE(empty.ok());
    CHECK_THAT(empty.error().message, Catch::Contains("text"));
    CHECK(empty.error().hint == Hint::GiveText);
    CHECK_FALSE(d.actions.addNote(d.bosco, "L1", "not mine", std::nullopt, kDay).ok());
    CHECK_FALSE(d.actions.addNote(d.admin, "L1", "admin", std::nullopt, kDay).ok());
    CHECK(d.actions.addNote(d.sarah, "L1", "Supervisor: call the guarantor", std::nullopt, kDay)
              .ok());
    auto fix = d.actions.addNote(d.akello, "L1", "Client travelling until May", *first, kDay);
    REQUIRE(fix.ok());
    // A correction must name a note of the same loan.
    auto other = d.actions.addNote(d.akello, "L3", "x", std::nullopt, kDay);
    REQUIRE(other.ok());
    CHECK_THAT(d.actions.addNote(d.akello, "L1", "y", *other, kDay).error().message,
               Catch::Contains("not a note of loan L1"));
    CHECK_FALSE(d.actions.addNote(d.akello, "L1", "y", 777, kDay).ok());

    const auto file = d.cases.caseFile(d.akello, "L1", kDay);
    REQUIRE(file.ok());
    REQUIRE(file->notes.size() == 3);
    CHECK(file->notes[0].text == "Client travelling until April");
    CHECK(file->notes[0].author == "akello");
    CHECK(file->notes[2].correctsNoteId == *first);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'add_note' AND entity_key = "
                  "'L1'") == 3);
    // One row in each version-5 table, so the triggers have something to refuse.
    d.assess(d.akello, "L1", kDay);
    auto request = d.actions.requestLegal(d.akello, "L1", "travelling for good", kDay);
    REQUIRE(request.ok());
    REQUIRE(d.actions.decideApproval(d.sarah, *request, false, "not yet", kDay).ok());
    REQUIRE(d.actions.signOffReview(d.sarah, "L1", "fine", kDay).ok());
    sqlite3* h = d.db->handle();
    for (const char* table :
         {"case_notes", "case_approvals", "case_approval_decisions", "case_reviews"}) {
        INFO(table);
        CHECK_THAT(rdst::execError(h, fmt::format("DELETE FROM {}", table)),
                   Catch::Contains("append-only"));
        CHECK_THAT(
            rdst::execError(h, fmt::format("UPDATE {} SET business_date = '2020-01-01'", table)),
            Catch::Contains("append-only"));
    }
    CHECK_THAT(rdst::execError(h, "UPDATE case_notes SET text = 'x'"),
               Catch::Contains("append-only"));
    CHECK_THAT(rdst::execError(h, "INSERT INTO case_notes(case_id, loan_pk, at, business_date, "
                                  "author, text) SELECT case_id, loan_pk, at, business_date, "
                                  "author, '  ' FROM case_notes LIMIT 1"),
               Catch::Contains("CHECK"));
}

TEST_CASE("case actions: contact corrections name a contact of the same loan",
          "[case-actions][contacts]") {
    Desk d;
    d.recompute(kDay);
    auto first = d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T10:00"));
    REQUIRE(first.ok());
    auto fix = d.call("L1", "2026-03-20T10:05");
    fix.direction = ContactDirection::Inbound;
    fix.outcome = ContactOutcome::Reached;
    fix.correctsContactId = first->contactId;
    REQUIRE(d.contacts.addContact(d.akello, fix).ok());
    auto bad = d.call("L3", "2026-03-20T10:10");
    bad.correctsContactId = first->contactId;
    CHECK_THAT(d.contacts.addContact(d.akello, bad).error().message,
               Catch::Contains("not a contact of loan L3"));
    const auto file = d.cases.caseFile(d.akello, "L1", kDay);
    REQUIRE(file.ok());
    REQUIRE(file->contacts.size() == 2);
    CHECK(file->contacts[1].correctsContactId == first->contactId);
}

TEST_CASE("case actions: review sign-offs by a supervisor of the branch",
          "[case-actions][reviews]") {
    Desk d;
    d.recompute(kDay);
    auto byOfficer = d.actions.signOffReview(d.akello, "L1", "ok", kDay);
    REQUIRE_FALSE(byOfficer.ok());
    CHECK_THAT(byOfficer.error().message,
               Catch::Contains("only a supervisor of the branch may sign off reviews"));
    CHECK(byOfficer.error().kind == ErrorKind::Denied);
    CHECK_FALSE(d.actions.signOffReview(d.nadia, "L1", "ok", kDay).ok());
    CHECK_FALSE(d.actions.signOffReview(d.admin, "L1", "ok", kDay).ok());
    CHECK_FALSE(d.actions.signOffReview(d.sarah, "L1", " ", kDay).ok());
    auto id = d.actions.signOffReview(d.sarah, "L1", "Contacts regular; keep in early", kDay);
    REQUIRE(id.ok());
    const auto reviews = d.actions.reviews(d.akello, "L1");
    REQUIRE(reviews.ok());
    REQUIRE(reviews->size() == 1);
    CHECK((*reviews)[0].reviewer == "sarah");
    CHECK((*reviews)[0].businessDate == kDay);
    const auto file = d.cases.caseFile(d.sarah, "L1", kDay);
    REQUIRE(file.ok());
    CHECK(file->reviews.size() == 1);
    const auto none = d.actions.reviews(d.sarah, "L3");
    REQUIRE(none.ok());
    CHECK(none->empty());
    // Reading them needs ReadBranch in the loan's branch.
    const auto otherBranch = d.actions.reviews(d.nadia, "L1");
    REQUIRE_FALSE(otherBranch.ok());
    CHECK(otherBranch.error().kind == ErrorKind::Denied);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'sign_off_review'") == 1);
}

TEST_CASE("case actions: the audit trail of a case and who may read it", "[case-actions][audit]") {
    Desk d;
    d.recompute(kDay);
    REQUIRE(d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T10:00")).ok());
    REQUIRE(d.actions.addNote(d.akello, "L1", "note", std::nullopt, kDay).ok());
    d.clock += std::chrono::minutes(5);
    REQUIRE(d.cases.reassign(d.sarah, "L1", "bosco", kDay).ok());
    REQUIRE(d.actions.changeStage(d.bosco, "L1", CaseStage::Collection, "", kDay).ok());

    auto trail = d.actions.auditTrail(d.sarah, "L1");
    REQUIRE(trail.ok());
    std::vector<std::string> actions;
    for (const auto& e : *trail)
        actions.push_back(e.action);
    // The recompute's opening and assignment first (tests/storage/test_case_audit.cpp).
    CHECK(actions == std::vector<std::string>{"open_case", "assign_case", "add_contact", "add_note",
                                              "reassign_case", "change_stage"});
    CHECK((*trail)[4].actor == "sarah");
    CHECK((*trail)[4].before == "akello");
    CHECK((*trail)[4].after == "bosco");
    CHECK((*trail)[4].at == "2026-11-28T08:05:00Z");
    CHECK(d.actions.auditTrail(d.admin, "L1").ok());
    CHECK(d.actions.auditTrail(d.bosco, "L1").ok()); // bosco holds it now
    auto formerOfficer = d.actions.auditTrail(d.akello, "L1");
    REQUIRE_FALSE(formerOfficer.ok());
    CHECK_THAT(formerOfficer.error().message, Catch::Contains("own open cases"));
    CHECK(formerOfficer.error().kind == ErrorKind::Denied);
    CHECK_FALSE(d.actions.auditTrail(d.nadia, "L1").ok());
    CHECK_FALSE(d.actions.auditTrail(d.sarah, "NOPE").ok());
}

TEST_CASE("case actions: a version 4 file migrates to version 5 and keeps its data",
          "[case-actions][migration]") {
    rdst::TempDir tmp;
    const auto path = tmp / "old.db";
    {
        Desk d;
        d.recompute(kDay);
        REQUIRE(d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T10:00")).ok());
        d.db->backupTo(path);
    }
    {
        // Make it a version 4 file: drop what versions 5 and 6 added.
        auto raw = rdst::openDb(path);
        rdst::dropSchemaV7(*raw);
        for (const char* sql :
             {"DROP TABLE receipt_prints", "DROP TABLE desk_day_reopenings",
              "DROP TABLE desk_day_sign_offs", "DROP TABLE desk_day_closes",
              "DROP INDEX desk_receipts_by_officer_day", "DROP TABLE case_approval_decisions",
              "DROP TABLE case_approvals", "DROP TABLE case_reviews", "DROP TABLE case_notes",
              "PRAGMA user_version = 4"})
            raw->exec(sql);
    }
    auto opened = Database::open(path, {});
    REQUIRE(opened.ok());
    auto& db = **opened;
    CHECK(db.schemaVersion() == latestSchemaVersion());
    CHECK(latestSchemaVersion() >= 5);
    CHECK(rdst::rowCount(db.handle(), "loans") == 4);
    CHECK(rdst::rowCount(db.handle(), "cases") == 4);
    CHECK(rdst::rowCount(db.handle(), "contacts") == 1);
    CHECK(rdst::rowCount(db.handle(), "case_notes") == 0);
    CaseActionsService actions(db);
    const auto akello = storage::UserRepository(db).find("akello")->user;
    CHECK(actions.addNote(akello, "L1", "after the migration", std::nullopt, kDay).ok());
}

// Letters through the service boundary (domain.md section 12, docs/letters.md): templates and
// their versions, preview, sending with gap-free numbers, refusals that record nothing, and
// reprints identical to what was sent.
#include "desk_fixture.h"
#include "services/letter_service.h"

#include <catch2/catch.hpp>

using namespace rd;
using deskfx::Desk;
using rdst::day;

namespace {
const Date kDay = day("2026-03-20");

struct LetterDesk : Desk {
    services::LetterService letters{*db, [this] { return clock; }};
    LetterDesk() {
        recompute(kDay);
        for (auto [key, value] :
             {std::pair{"institution_name", "Pearl Microfinance Ltd"},
              {"institution_address", "Plot 12 Kampala Road, Kampala"},
              {"institution_phone", "+256 414 000 111"},
              {"institution_licence", "UMRA licence 0042"},
              {"payment_instructions", "Pay at any branch or by MTN Mobile Money, merchant "
                                       "code 123456, quoting your loan number."}}) {
            auto changed = settings.change(admin, key, value);
            INFO(key << ": " << (changed ? "" : changed.error().message));
            REQUIRE(changed.ok());
        }
    }
    DateTime at(const char* text) { return DateTime::parse(text).value(); }
    std::int64_t letterCount() { return count("SELECT count(*) FROM letters"); }
};

} // namespace

TEST_CASE("letters: the shipped templates are listed at version 1", "[letters]") {
    LetterDesk d;
    auto all = d.letters.templates(d.akello);
    REQUIRE(all.ok());
    std::vector<std::string> kinds;
    for (const auto& t : *all) {
        CHECK(t.version == 1);
        CHECK(t.language == "en");
        kinds.push_back(t.kind);
    }
    for (const char* kind :
         {"reminder", "first_demand", "final_demand", "pre_legal_notice", "settlement_offer",
          "plan_confirmation", "court_filing_cover", "repossession_request", "receipt"})
        CHECK(std::find(kinds.begin(), kinds.end(), kind) != kinds.end());
}

TEST_CASE("letters: only administrators save templates, each save a new version", "[letters]") {
    LetterDesk d;
    auto denied =
        d.letters.saveTemplate(d.sarah, "reminder", "en", "Reminder", "Dear {{client.full_name}}");
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.error().kind == ErrorKind::Denied);

    auto unknown = d.letters.saveTemplate(d.admin, "reminder", "en", "Reminder",
                                          "Dear {{client.full_name}},\n\n{{loan.overdue}}\n");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().fact("line") == "3");
    CHECK(d.count("SELECT count(*) FROM letter_templates WHERE kind = 'reminder'") == 1);

    auto saved = d.letters.saveTemplate(d.admin, "reminder", "en", "Reminder {{loan.id}}",
                                        "Dear {{client.full_name}}, please pay {{loan.arrears}}.");
    REQUIRE(saved.ok());
    CHECK(saved->version == 2);
    auto luganda = d.letters.saveTemplate(d.admin, "reminder", "lg", "Okujjukiza {{loan.id}}",
                                          "Ssebo/Nnyabo {{client.full_name}}, {{loan.arrears}}.");
    REQUIRE(luganda.ok());
    CHECK(luganda->version == 1);
    auto versions = d.letters.templateVersions(d.akello, "reminder", "en");
    REQUIRE(versions.ok());
    REQUIRE(versions->size() == 2);
    CHECK(versions->front().savedBy == "recoverydesk");
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'save_letter_template'") == 2);
    CHECK_FALSE(d.letters.saveTemplate(d.admin, "Final Demand", "en", "t", "b").ok());
    CHECK_FALSE(d.letters.saveTemplate(d.admin, "reminder", "EN", "t", "b").ok());
}

TEST_CASE("letters: a preview renders every field it uses and records nothing", "[letters]") {
    LetterDesk d;
    auto p = d.letters.preview(d.akello, "L1", "final_demand", "en", kDay);
    INFO((p ? "" : p.error().message));
    REQUIRE(p.ok());
    CHECK(p->letterNo == 1);
    REQUIRE(p->deadline);
    CHECK(*p->deadline == day("2026-04-03")); // 14 calendar days, a Friday
    CHECK_THAT(p->text, Catch::Contains("Amina Nakato"));
    CHECK_THAT(p->text, Catch::Contains("3 April 2026"));
    CHECK_THAT(p->text, Catch::Contains("merchant code 123456"));
    CHECK(p->text.find("{{") == std::string::npos);
    CHECK(d.letterCount() == 0);
}

TEST_CASE("letters: a field without a value refuses the letter, naming it", "[letters]") {
    LetterDesk d;
    REQUIRE(d.settings.change(d.admin, "payment_instructions", "").ok());
    auto p = d.letters.preview(d.akello, "L1", "reminder", "en", kDay);
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().fact("field") == "institution.payment_details");
    auto sent = d.letters.send(d.akello, "L1", "reminder", "en", LetterDelivery::Print,
                               d.at("2026-03-20T10:00"));
    REQUIRE_FALSE(sent.ok());
    CHECK(d.letterCount() == 0);
    CHECK(d.count("SELECT count(*) FROM contacts") == 0);
}

TEST_CASE("letters: sending records the letter, its contact and audit with gap-free numbers",
          "[letters]") {
    LetterDesk d;
    auto first = d.letters.send(d.akello, "L1", "reminder", "en", LetterDelivery::Hand,
                                d.at("2026-03-20T10:00"));
    INFO((first ? "" : first.error().message));
    REQUIRE(first.ok());
    CHECK(first->letterNo == 1);
    CHECK(first->sha256 == sha256Hex(first->title + "\n\n" + first->text));
    CHECK(d.count("SELECT count(*) FROM contacts WHERE channel = 'letter' AND outcome = 'sent' "
                  "AND at LIKE '2026-03-20T10:00%'") == 1);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'send_letter'") == 1);

    // A failed delivery (the printer, the PDF) records nothing and the number is not used.
    auto failed = d.letters.send(d.akello, "L1", "first_demand", "en", LetterDelivery::Print,
                                 d.at("2026-03-20T10:05"), [](const LetterRecord& l) {
                                     CHECK(l.letterNo == 2);
                                     return Result<void>(Error{"the printer is out of paper"});
                                 });
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message == "the printer is out of paper");
    CHECK(d.letterCount() == 1);

    std::int64_t delivered = 0;
    auto second = d.letters.send(d.akello, "L1", "first_demand", "en", LetterDelivery::Post,
                                 d.at("2026-03-20T10:06"), [&](const LetterRecord& l) {
                                     delivered = l.letterNo;
                                     return Result<void>();
                                 });
    REQUIRE(second.ok());
    CHECK(second->letterNo == 2);
    CHECK(delivered == 2);
    CHECK(d.count("SELECT max(letter_no) - min(letter_no) + 1 - count(*) FROM letters") == 0);
}

TEST_CASE("letters: a reprint is identical to what was sent, even after the template and "
          "letterhead change",
          "[letters]") {
    LetterDesk d;
    auto sent = d.letters.send(d.akello, "L1", "reminder", "en", LetterDelivery::Print,
                               d.at("2026-03-20T10:00"));
    REQUIRE(sent.ok());
    REQUIRE(
        d.letters.saveTemplate(d.admin, "reminder", "en", "Changed", "Dear {{client.id}}").ok());
    REQUIRE(d.settings.change(d.admin, "institution_name", "Another Name Ltd").ok());
    auto again = d.letters.letter(d.sarah, sent->letterNo);
    REQUIRE(again.ok());
    CHECK(again->text == sent->text);
    CHECK(again->title == sent->title);
    CHECK(again->sha256 == sent->sha256);
    CHECK(again->templateVersion == 1);
    CHECK(again->letterhead.name == "Pearl Microfinance Ltd");
    CHECK(sha256Hex(again->title + "\n\n" + again->text) == again->sha256);
    auto copy = d.letters.recordReprint(d.sarah, sent->letterNo);
    REQUIRE(copy.ok());
    CHECK(*copy == 2);
    CHECK(*d.letters.recordReprint(d.akello, sent->letterNo) == 3);
}

TEST_CASE("letters: who may send and read", "[letters]") {
    LetterDesk d;
    const DateTime at = d.at("2026-03-20T10:00");
    CHECK(
        d.letters.send(d.zawadi, "L1", "reminder", "en", LetterDelivery::Print, at).error().kind ==
        ErrorKind::Denied);
    CHECK_FALSE(d.letters.send(d.admin, "L1", "reminder", "en", LetterDelivery::Print, at).ok());
    CHECK(d.letters.send(d.sarah, "L1", "reminder", "en", LetterDelivery::Print, at).ok());
    CHECK_FALSE(d.letters.preview(d.zawadi, "L1", "reminder", "en", kDay).ok());
    CHECK(d.letters.lettersOfLoan(d.sarah, "L1")->size() == 1);
    CHECK_FALSE(d.letters.lettersOfLoan(d.zawadi, "L1").ok());
    CHECK(d.letters.send(d.akello, "L1", "no_such_kind", "en", LetterDelivery::Print, at)
              .error()
              .kind == ErrorKind::NotFound);
    CHECK(d.letterCount() == 1);
}

namespace {
// A supervisor of both branches: a batch of hers covers C1 (L1, L2, L3) and C2 (N1).
User bothBranches(LetterDesk& d) {
    auto added =
        d.users.addUser(d.admin, {"maria", "", Role::Supervisor, {"Kampala Central", "Nairobi"}},
                        std::string("pass-word-1"), false);
    REQUIRE(added.ok());
    return added->user;
}

services::LetterBatchRequest reminders() {
    services::LetterBatchRequest r;
    r.kind = "reminder";
    return r;
}
} // namespace

TEST_CASE("letters: a batch sends one letter per client with consecutive numbers and one batch "
          "number",
          "[letters][batch]") {
    LetterDesk d;
    const User maria = bothBranches(d);
    REQUIRE(
        d.letters
            .send(d.sarah, "L1", "reminder", "en", LetterDelivery::Hand, d.at("2026-03-20T09:00"))
            .ok());
    std::vector<std::pair<std::size_t, std::size_t>> steps;
    std::vector<std::int64_t> delivered;
    auto batch = d.letters.sendBatch(
        maria, reminders(), d.at("2026-03-20T10:00"),
        [&](const services::LetterBatch& b) {
            for (const auto& l : b.letters)
                delivered.push_back(l.letterNo);
            return Result<void>();
        },
        [&](std::size_t done, std::size_t total) {
            steps.emplace_back(done, total);
            return true;
        });
    INFO((batch ? "" : batch.error().message));
    REQUIRE(batch.ok());
    CHECK(batch->batchId == 1);
    REQUIRE(batch->letters.size() == 2);
    // C1's letter goes on L3, its loan with the most days past due (L1 and L2 have fewer).
    CHECK(batch->letters[0].loanId == "L3");
    CHECK(batch->letters[1].loanId == "N1");
    CHECK(batch->letters[0].letterNo == 2);
    CHECK(batch->letters[1].letterNo == 3);
    CHECK(delivered == std::vector<std::int64_t>{2, 3});
    CHECK(steps == std::vector<std::pair<std::size_t, std::size_t>>{{0, 2}, {1, 2}, {2, 2}});
    for (const auto& l : batch->letters) {
        CHECK(l.delivery == LetterDelivery::Print);
        CHECK(l.sentBy == "maria");
        CHECK(l.sha256 == sha256Hex(l.title + "\n\n" + l.text));
        CHECK(d.letters.letter(maria, l.letterNo)->text == l.text);
    }
    CHECK(d.count("SELECT count(*) FROM letters WHERE batch_id = 1") == 2);
    CHECK(d.count("SELECT count(*) FROM letters WHERE batch_id IS NULL") == 1);
    CHECK(d.count("SELECT count(*) FROM contacts WHERE channel = 'letter' AND outcome = 'sent'") ==
          3);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'send_letter' AND "
                  "json_extract(after, '$.batch_id') = 1") == 2);

    auto second = d.letters.sendBatch(maria, reminders(), d.at("2026-03-20T11:00"), {});
    REQUIRE(second.ok());
    CHECK(second->batchId == 2);
    CHECK(second->letters.front().letterNo == 4);
    CHECK(d.count("SELECT max(letter_no) - min(letter_no) + 1 - count(*) FROM letters") == 0);
}

TEST_CASE("letters: a cancelled, undelivered or unrenderable batch records nothing",
          "[letters][batch]") {
    LetterDesk d;
    const User maria = bothBranches(d);
    const auto nothingRecorded = [&] {
        CHECK(d.letterCount() == 0);
        CHECK(d.count("SELECT count(*) FROM contacts") == 0);
        CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'send_letter'") == 0);
    };
    bool deliverCalled = false;
    const auto deliver = [&](const services::LetterBatch&) {
        deliverCalled = true;
        return Result<void>();
    };
    // Cancelled after the first letter was rendered and recorded in the transaction.
    auto cancelled = d.letters.sendBatch(maria, reminders(), d.at("2026-03-20T10:00"), deliver,
                                         [](std::size_t done, std::size_t) { return done < 1; });
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.error().kind == ErrorKind::Cancelled);
    CHECK_FALSE(deliverCalled);
    nothingRecorded();

    auto undelivered = d.letters.sendBatch(
        maria, reminders(), d.at("2026-03-20T10:00"),
        [](const services::LetterBatch&) { return Result<void>(Error{"the printer is off"}); });
    REQUIRE_FALSE(undelivered.ok());
    CHECK(undelivered.error().message == "the printer is off");
    nothingRecorded();

    // C1 gets an address and C2 has none: the batch fails at N1, after L3's letter.
    rdst::Folder address(d.tmp / "address");
    address.write("clients.csv", "client_id,full_name,branch,address\n"
                                 "C1,Amina Nakato,Kampala Central,Plot 1 Kampala Road\n");
    rdst::importOk(*d.db, address.path());
    REQUIRE(d.letters
                .saveTemplate(d.admin, "reminder", "en", "Reminder {{loan.id}}",
                              "Dear {{client.full_name}} of {{client.address}}.")
                .ok());
    auto unrendered = d.letters.sendBatch(maria, reminders(), d.at("2026-03-20T10:00"), deliver);
    REQUIRE_FALSE(unrendered.ok());
    CHECK(unrendered.error().fact("field") == "client.address");
    CHECK(unrendered.error().fact("loan") == "N1");
    CHECK_THAT(unrendered.error().message,
               Catch::StartsWith("loan N1: ") &&
                   Catch::Contains("no letter of the batch was printed or recorded"));
    CHECK_FALSE(deliverCalled);
    nothingRecorded();

    auto sent = d.letters.send(d.sarah, "L1", "first_demand", "en", LetterDelivery::Print,
                               d.at("2026-03-20T10:00"));
    REQUIRE(sent.ok());
    CHECK(sent->letterNo == 1); // no number was used by the refused batches
}

TEST_CASE("letters: a batch's selection, its refusals and an empty one", "[letters][batch]") {
    LetterDesk d;
    const DateTime at = d.at("2026-03-20T10:00");
    auto r = reminders();
    r.stage = CaseStage::Legal;
    auto none = d.letters.sendBatch(d.sarah, r, at, {});
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().kind == ErrorKind::NotFound);
    CHECK_THAT(none.error().message,
               Catch::Contains("nothing matched") && Catch::Contains("stage legal"));

    // Someone who may work none of the cases matched is refused, not told nothing matched.
    CHECK(d.letters.sendBatch(d.admin, reminders(), at, {}).error().kind == ErrorKind::Denied);
    auto others = reminders();
    others.officer = d.officerOf("L3");
    REQUIRE((others.officer == "akello" || others.officer == "bosco"));
    const User& notTheirs = others.officer == "akello" ? d.bosco : d.akello;
    CHECK(d.letters.sendBatch(notTheirs, others, at, {}).error().kind == ErrorKind::Denied);
    CHECK(d.letterCount() == 0);

    auto unknown = reminders();
    unknown.kind = "no_such_kind";
    CHECK(d.letters.sendBatch(d.sarah, unknown, at, {}).error().kind == ErrorKind::NotFound);
    auto nobody = reminders();
    nobody.officer = "nobody";
    CHECK(d.letters.sendBatch(d.sarah, nobody, at, {}).error().kind == ErrorKind::NotFound);

    // The Nairobi supervisor's batch holds Nairobi's case only.
    auto nairobi = d.letters.sendBatch(d.nadia, reminders(), at, {});
    REQUIRE(nairobi.ok());
    REQUIRE(nairobi->letters.size() == 1);
    CHECK(nairobi->letters[0].loanId == "N1");
}

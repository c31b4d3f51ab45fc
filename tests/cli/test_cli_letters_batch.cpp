// `letters batch` through the real CLI (interchange.md section 5: one PDF, every letter
// recorded), on the worked example plus a second import: C2 Brian Okello with K1 (19 days
// past due) and K2 (47, collection), both bosco's; C3 Grace Achieng with K3 (10), akello's;
// C1 Amina Nakato's L1 and L2 (19) are akello's; C4 Peter Mukasa's E1 (19) in Entebbe is
// erin's, supervised by maria (Kampala Central and Entebbe). The letters are of 2026-03-20.
#include "cli_desk.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

using namespace rd::test;
using Json = nlohmann::json;

namespace {

std::int64_t queryInt(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    const std::int64_t value = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
}

struct BatchDesk : WorkedDesk {
    BatchDesk() {
        for (auto [key, value] :
             {std::pair{"institution_name", "Pearl Microfinance Ltd"},
              {"institution_address", "Plot 24 Kampala Road, Kampala"},
              {"institution_phone", "+256 414 230500"},
              {"institution_licence", "MDI/2019/0042"},
              {"payment_instructions", "Pay at any branch quoting your loan number."}})
            ok({"settings", "set", key, value});
        const auto more = tmp / "more";
        std::filesystem::create_directories(more);
        writeFile(more / "clients.csv",
                  "client_id,full_name,branch,phone,address\n"
                  "C2,Brian Okello,Kampala Central,+256772000002,Plot 5 Jinja Road\n"
                  "C3,Grace Achieng,Kampala Central,+256772000003,Plot 9 Entebbe Road\n"
                  "C4,Peter Mukasa,Entebbe,+256772000004,Plot 2 Airport Road\n");
        writeFile(more / "loans.csv",
                  "loan_id,client_id,product,branch,credit_officer,currency,principal,"
                  "disbursed_on,status,written_off_on\n"
                  "K1,C2,Business Loan,Kampala Central,,KES,300.00,2025-12-01,active,\n"
                  "K2,C2,Business Loan,Kampala Central,,KES,300.00,2025-12-01,active,\n"
                  "K3,C3,Business Loan,Kampala Central,,KES,300.00,2025-12-01,active,\n"
                  "E1,C4,Business Loan,Entebbe,,KES,300.00,2025-12-01,active,\n");
        writeFile(more / "schedule.csv",
                  "loan_id,installment_no,due_date,principal_due,interest_due\n"
                  "K1,1,2026-03-01,100.00,0\nK1,2,2026-04-01,100.00,0\n"
                  "K1,3,2026-05-01,100.00,0\n"
                  "K2,1,2026-02-01,100.00,0\nK2,2,2026-03-01,100.00,0\n"
                  "K2,3,2026-04-01,100.00,0\n"
                  "K3,1,2026-03-10,100.00,0\nK3,2,2026-04-10,100.00,0\n"
                  "K3,3,2026-05-10,100.00,0\n"
                  "E1,1,2026-03-01,100.00,0\nE1,2,2026-04-01,100.00,0\n"
                  "E1,3,2026-05-01,100.00,0\n");
        ok({"import", more.string()});
        ok({"recompute", "--as-of", "2026-03-20"});
        ok({"users", "add", "maria", "--role", "supervisor", "--branch", "Kampala Central",
            "--branch", "Entebbe", "--as", "boss", "--password-stdin"},
           "boss-pass-1\ntemp-pass-1\n");
        ok({"users", "change-password", "--as", "maria", "--password-stdin"},
           "temp-pass-1\nmaria-pass-1\n");
        ok({"users", "add", "erin", "--role", "officer", "--branch", "Entebbe", "--as", "boss",
            "--password-stdin"},
           "boss-pass-1\ntemp-pass-1\n");
        if (holder("E1") != "erin")
            asOk("maria", {"case", "reassign", "E1", "--to", "erin", "--date", "2026-03-20"});
        for (auto [loan, officer] : {std::pair{"L1", "akello"},
                                     {"L2", "akello"},
                                     {"K1", "bosco"},
                                     {"K2", "bosco"},
                                     {"K3", "akello"}})
            if (holder(loan) != officer)
                asOk("sarah", {"case", "reassign", loan, "--to", officer, "--date", "2026-03-20"});
    }
    std::string holder(const std::string& loan) const {
        Json file = Json::parse(
            ok({"case", "show", loan, "--as-of", "2026-03-20", "--format", "json"}).out);
        const auto& officer = file["case"]["officer"];
        return officer.is_string() ? officer.get<std::string>() : std::string();
    }
    std::int64_t count(const std::string& sql) const { return queryInt(db, sql); }
    std::vector<std::string> batch(const std::string& user, std::vector<std::string> args) const {
        args.insert(args.begin(), {"letters", "batch", "--date", "2026-03-20"});
        args.insert(args.end(), {"--format", "json"});
        Json j = Json::parse(asOk(user, args).out);
        std::vector<std::string> loans;
        for (const auto& l : j["letters"])
            loans.push_back(l["loan_id"].get<std::string>());
        return loans;
    }
    std::string pdf(const std::string& name = "batch.pdf") const { return (tmp / name).string(); }
    void nothingRecorded() const {
        CHECK(count("SELECT count(*) FROM letters") == 0);
        CHECK(count("SELECT count(*) FROM contacts") == 0);
        CHECK(count("SELECT count(*) FROM audit_log WHERE action = 'send_letter'") == 0);
    }
};

using Loans = std::vector<std::string>;

} // namespace

TEST_CASE("cli letters batch: one PDF, every letter recorded with consecutive numbers and one "
          "batch",
          "[cli][letters][batch][pdf]") {
    BatchDesk d;
    // A letter sent alone first: the batch's numbers follow it.
    d.asOk("akello",
           {"letter", "send", "L1", "--template", "reminder", "--at", "2026-03-20T09:00"});
    auto run = d.asOk("sarah", {"letters", "batch", "--template", "reminder", "--date",
                                "2026-03-20", "--output", d.pdf(), "--format", "json"});
    Json j = Json::parse(run.out);
    CHECK(j["batch_id"] == 1);
    REQUIRE(j["letters"].size() == 3);
    // Most days past due first; C2 gets one letter, on K2 (47 days) rather than K1 (19); C1
    // one, on L1 (L1 and L2 are both 19 days past due: the lower loan id).
    CHECK(j["letters"][0]["loan_id"] == "K2");
    CHECK(j["letters"][1]["loan_id"] == "L1");
    CHECK(j["letters"][2]["loan_id"] == "K3");
    for (int i = 0; i < 3; ++i) {
        const auto& l = j["letters"][i];
        CHECK(l["letter_no"] == i + 2);
        CHECK(l["kind"] == "reminder");
        CHECK(l["delivery"] == "print");
        CHECK(l["sent_by"] == "sarah");
        // What `letter show` prints is what the batch recorded.
        CHECK(Json::parse(
                  d.ok({"letter", "show", std::to_string(i + 2), "--format", "json"}).out) == l);
    }
    CHECK(d.count("SELECT count(*) FROM letters WHERE batch_id = 1") == 3);
    CHECK(d.count("SELECT count(*) FROM letters WHERE batch_id IS NULL") == 1);
    CHECK(d.count("SELECT count(*) FROM contacts c JOIN letters l ON l.contact_id = c.id WHERE "
                  "c.channel = 'letter' AND c.outcome = 'sent' AND l.batch_id = 1") == 3);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'send_letter'") == 4);

    const std::string text = pdfText(d.pdf());
    for (const char* s :
         {"Letter No. 2", "Letter No. 3", "Letter No. 4", "Brian Okello", "Amina Nakato",
          "Grace Achieng", "K2", "L1", "K3", "Pearl Microfinance Ltd"})
        CHECK_THAT(text, Catch::Contains(s));
    CHECK(text.find("Letter No. 1") == std::string::npos);
    CHECK(text.find("Peter Mukasa") == std::string::npos); // Entebbe: not sarah's branch
    // Each letter starts a page; every page carries its number at the foot.
    const auto pages = static_cast<int>(std::count(text.begin(), text.end(), '\f'));
    REQUIRE(pages >= 3);
    std::size_t from = 0;
    for (int page = 1; page <= pages; ++page) {
        const auto end = text.find('\f', from);
        const std::string pageText = text.substr(from, end - from);
        const auto last = pageText.find_last_not_of(" \n");
        const auto start = pageText.find_last_of('\n', last);
        std::string foot = pageText.substr(start + 1, last - start);
        foot.erase(0, foot.find_first_not_of(' '));
        CHECK(foot == std::to_string(page));
        from = end + 1;
    }

    // The next batch takes the next batch number and the numbers after.
    auto text2 =
        d.asOk("sarah", {"letters", "batch", "--template", "first_demand", "--stage", "collection",
                         "--date", "2026-03-20", "--output", d.pdf("second.pdf")});
    CHECK_THAT(text2.out,
               Catch::Contains("Batch 2: 1 first_demand letter recorded, number 5; PDF ") &&
                   Catch::Contains("second.pdf"));
    auto text3 =
        d.asOk("sarah", {"letters", "batch", "--template", "final_demand", "--officer", "akello",
                         "--date", "2026-03-20", "--output", d.pdf("third.pdf")});
    CHECK_THAT(text3.out,
               Catch::Contains("Batch 3: 2 final_demand letters recorded, numbers 6 to 7; PDF "));
    CHECK(d.count("SELECT count(*) FROM letters WHERE batch_id = 2 AND letter_no = 5") == 1);
    CHECK(d.count("SELECT count(*) FROM letters WHERE batch_id = 3 AND letter_no IN (6, 7)") == 2);
}

TEST_CASE("cli letters batch: --due, --officer, --branch and --stage select the cases",
          "[cli][letters][batch]") {
    BatchDesk d;
    // The default ladder: reminder from 7 days past due, first demand from 30.
    const auto pdf = d.pdf();
    CHECK(d.batch("sarah", {"--template", "reminder", "--due", "--output", pdf}) ==
          Loans{"K1", "L1", "K3"}); // C2's reminder is due on K1, not on K2
    CHECK(d.count("SELECT count(*) FROM letters") == 3);
    // The ladder is per loan: L2's reminder is still due (C1's letter went on L1); then none.
    CHECK(d.batch("sarah", {"--template", "reminder", "--due", "--output", pdf}) == Loans{"L2"});
    auto none = d.as("sarah", {"letters", "batch", "--template", "reminder", "--due", "--date",
                               "2026-03-20", "--output", pdf});
    CHECK(none.exitCode == 1);
    CHECK_THAT(none.err, Catch::Contains("nothing matched") &&
                             Catch::Contains("reminder due on 2026-03-20 by the ladder"));
    CHECK(d.batch("sarah", {"--template", "first_demand", "--due", "--output", pdf}) ==
          Loans{"K2"});

    CHECK(d.batch("sarah", {"--template", "final_demand", "--officer", "bosco", "--output", pdf}) ==
          Loans{"K2"});
    CHECK(d.batch("sarah", {"--template", "final_demand", "--officer", "akello", "--output",
                            pdf}) == Loans{"L1", "K3"});
    CHECK(d.batch("sarah", {"--template", "final_demand", "--stage", "early", "--output", pdf}) ==
          Loans{"K1", "L1", "K3"});
    CHECK(d.batch("maria", {"--template", "reminder", "--branch", "Entebbe", "--output", pdf}) ==
          Loans{"E1"});
    CHECK(d.batch("maria", {"--template", "settlement_offer", "--output", pdf}) ==
          Loans{"K2", "E1", "L1", "K3"});
    // An officer's batch without --officer is their own cases.
    CHECK(d.batch("akello", {"--template", "pre_legal_notice", "--output", pdf}) ==
          Loans{"L1", "K3"});
    CHECK(d.count("SELECT max(letter_no) - min(letter_no) + 1 - count(*) FROM letters") == 0);
    CHECK(d.count("SELECT count(DISTINCT batch_id) FROM letters") == 9);
}

TEST_CASE("cli letters batch: a letter that cannot be rendered or a PDF that cannot be written "
          "records nothing",
          "[cli][letters][batch][pdf]") {
    BatchDesk d;
    const auto body = d.tmp / "body.txt";
    std::ofstream(body) << "Dear {{client.full_name}},\n\nof {{client.address}}.\n";
    d.asOk("boss", {"letter", "template", "save", "reminder", "--title", "Reminder {{loan.id}}",
                    "--body-file", body.string()});
    // K2's letter renders; L1's client has no address: the batch stops there.
    auto refused = d.as("sarah", {"letters", "batch", "--template", "reminder", "--date",
                                  "2026-03-20", "--output", d.pdf()});
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err, Catch::Contains("loan L1") && Catch::Contains("client.address") &&
                                Catch::Contains("no letter of the batch was printed or recorded"));
    CHECK_FALSE(std::filesystem::exists(d.pdf()));
    d.nothingRecorded();

    auto unwritable =
        d.as("sarah", {"letters", "batch", "--template", "first_demand", "--date", "2026-03-20",
                       "--output", (d.tmp / "no-such-folder" / "x.pdf").string()});
    CHECK(unwritable.exitCode != 0);
    CHECK_THAT(unwritable.err, Catch::Contains("PDF could not be written") &&
                                   Catch::Contains("nothing was recorded"));
    d.nothingRecorded();

    // Numbers stay gap-free: the next batch starts at letter 1 and batch 1.
    Json ok = Json::parse(
        d.asOk("sarah", {"letters", "batch", "--template", "reminder", "--officer", "bosco",
                         "--date", "2026-03-20", "--output", d.pdf(), "--format", "json"})
            .out);
    CHECK(ok["batch_id"] == 1);
    REQUIRE(ok["letters"].size() == 1);
    CHECK(ok["letters"][0]["letter_no"] == 1);
    CHECK(ok["letters"][0]["template_version"] == 2);
    CHECK_THAT(pdfText(d.pdf()), Catch::Contains("Plot 5 Jinja Road"));
}

TEST_CASE("cli letters batch: who may batch, and bad input refused with what to do",
          "[cli][letters][batch]") {
    BatchDesk d;
    const auto pdf = d.pdf();
    const auto refused = [&](const std::string& user, std::vector<std::string> args) {
        args.insert(args.begin(), {"letters", "batch", "--date", "2026-03-20", "--output", pdf});
        auto r = d.as(user, args);
        CHECK(r.exitCode == 1);
        return r.err;
    };
    CHECK_THAT(refused("akello", {"--template", "reminder", "--officer", "bosco"}),
               Catch::Contains("permission denied") && Catch::Contains("assigned to bosco"));
    CHECK_THAT(refused("boss", {"--template", "reminder"}), Catch::Contains("permission denied"));
    CHECK_THAT(refused("sarah", {"--template", "nonsense"}),
               Catch::Contains("no nonsense letter template"));
    CHECK_THAT(refused("sarah", {"--template", "reminder", "--officer", "nobody"}),
               Catch::Contains("there is no user named \"nobody\""));
    CHECK_THAT(refused("sarah", {"--template", "reminder", "--stage", "legal"}),
               Catch::Contains("nothing matched") && Catch::Contains("stage legal") &&
                   Catch::Contains("widen the selection"));
    CHECK_THAT(refused("sarah", {"--template", "reminder", "--branch", "Entebbe"}),
               Catch::Contains("nothing matched") && Catch::Contains("branch Entebbe"));
    CHECK(d.count("SELECT count(*) FROM letters") == 0);
    CHECK_FALSE(std::filesystem::exists(pdf));

    const auto early = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"letters", "batch"});
        auto r = d.asRefusedEarly("sarah", args);
        CHECK(r.exitCode != 0);
        return r.err;
    };
    CHECK_THAT(early({"--template", "reminder", "--stage", "nonsense", "--output", pdf}),
               Catch::Contains("--stage") && Catch::Contains("is not a case stage"));
    CHECK_THAT(early({"--template", "reminder", "--date", "2026-02-30", "--output", pdf}),
               Catch::Contains("--date"));
    CHECK_THAT(early({"--template", "reminder", "--output", pdf, "--format", "xml"}),
               Catch::Contains("--format"));
    CHECK_THAT(early({"--template", "reminder"}), Catch::Contains("--output"));
    d.nothingRecorded();
}

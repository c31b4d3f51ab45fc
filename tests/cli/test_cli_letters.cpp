// `letter templates|template save|preview|send|show` through the real CLI (interchange.md
// section 5), on the worked example (L1 assigned to akello after the recompute).
#include "cli_desk.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

using namespace rd::test;
using Json = nlohmann::json;

namespace {

struct Desk : WorkedDesk {
    Desk() {
        ok({"recompute", "--as-of", "2026-03-20"});
        for (auto [key, value] :
             {std::pair{"institution_name", "Pearl Microfinance Ltd"},
              {"institution_address", "Plot 24 Kampala Road, Kampala"},
              {"institution_phone", "+256 414 230500"},
              {"institution_licence", "MDI/2019/0042"},
              {"payment_instructions", "Pay at any branch quoting your loan number."}})
            ok({"settings", "set", key, value});
    }
};

} // namespace

TEST_CASE("cli letters: templates are listed and previews record nothing", "[cli][letters]") {
    Desk d;
    Json all = Json::parse(d.ok({"letter", "templates", "--format", "json"}).out);
    REQUIRE(all.size() >= 9);
    CHECK(all[0].contains("kind"));
    auto preview =
        d.ok({"letter", "preview", "L1", "--template", "first_demand", "--date", "2026-03-20"});
    CHECK_THAT(preview.out, Catch::Contains("Pearl Microfinance Ltd") &&
                                Catch::Contains("Letter 1") && Catch::Contains("L1"));
    CHECK(preview.out.find("{{") == std::string::npos);
    auto again = d.ok({"letter", "preview", "L1", "--template", "first_demand", "--date",
                       "2026-03-20", "--format", "json"});
    CHECK(Json::parse(again.out)["template_version"] == 1);
    CHECK(d.run({"letter", "show", "1"}).exitCode != 0); // nothing was recorded
}

TEST_CASE("cli letters: send records a numbered letter that show prints identically",
          "[cli][letters]") {
    Desk d;
    auto sent = d.asOk("akello", {"letter", "send", "L1", "--template", "reminder", "--delivery",
                                  "hand", "--at", "2026-03-20T10:00", "--format", "json"});
    Json j = Json::parse(sent.out);
    for (const char* key : {"letter_no", "loan_id", "kind", "template_version", "sent_at",
                            "sent_by", "delivery", "text", "sha256"})
        CHECK(j.contains(key));
    CHECK(j["letter_no"] == 1);
    CHECK(j["delivery"] == "hand");
    CHECK(j["sent_by"] == "akello");
    Json shown = Json::parse(d.ok({"letter", "show", "1", "--format", "json"}).out);
    CHECK(shown == j);
    auto second = d.asOk("akello", {"letter", "send", "L1", "--template", "first_demand", "--at",
                                    "2026-03-20T10:30"});
    CHECK_THAT(second.out, Catch::Contains("Letter 2"));
    Json file =
        Json::parse(d.ok({"case", "show", "L1", "--as-of", "2026-03-20", "--format", "json"}).out);
    REQUIRE(file["letters"].size() == 2);
    CHECK(file["letters"][0]["letter_no"] == 1);
    CHECK(file["letters"][1]["kind"] == "first_demand");
    CHECK(file["letters"][0]["sha256"] == j["sha256"]);
}

TEST_CASE("cli letters: bad input is refused with what to do", "[cli][letters]") {
    Desk d;
    auto badDelivery =
        d.as("akello", {"letter", "send", "L1", "--template", "reminder", "--delivery", "fax"});
    CHECK(badDelivery.exitCode == 1);
    CHECK_THAT(badDelivery.err, Catch::Contains("print, hand, post or email"));
    auto unknownKind = d.as("akello", {"letter", "send", "L1", "--template", "nonsense"});
    CHECK(unknownKind.exitCode == 1);
    CHECK_THAT(unknownKind.err, Catch::Contains("no nonsense letter template"));

    d.ok({"settings", "set", "payment_instructions", ""});
    auto missing = d.as("akello", {"letter", "send", "L1", "--template", "reminder"});
    CHECK(missing.exitCode == 1);
    CHECK_THAT(missing.err, Catch::Contains("institution.payment_details"));

    const auto body = d.tmp / "body.txt";
    std::ofstream(body) << "Dear {{client.full_name}},\n\nCall {{officer.mobile}}.\n";
    auto officerSaves = d.as("akello", {"letter", "template", "save", "reminder", "--title",
                                        "Reminder", "--body-file", body.string()});
    CHECK(officerSaves.exitCode == 1);
    CHECK_THAT(officerSaves.err, Catch::Contains("permission denied"));
    auto unknownField = d.as("boss", {"letter", "template", "save", "reminder", "--title",
                                      "Reminder", "--body-file", body.string()});
    CHECK(unknownField.exitCode == 1);
    CHECK_THAT(unknownField.err,
               Catch::Contains("body.txt:3") && Catch::Contains("officer.mobile"));
    std::ofstream(body) << "Dear {{client.full_name}},\n\nPlease pay {{loan.arrears}}.\n";
    auto saved = d.as("boss", {"letter", "template", "save", "reminder", "--title", "Reminder",
                               "--body-file", body.string()});
    CHECK(saved.exitCode == 0);
    CHECK_THAT(saved.out, Catch::Contains("version 2"));
}

TEST_CASE("cli letters: the PDF of a letter reads back, and its reprint reads the same",
          "[cli][letters][pdf]") {
    Desk d;
    const auto pdf = d.tmp / "letter.pdf";
    d.asOk("akello", {"letter", "send", "L1", "--template", "first_demand", "--at",
                      "2026-03-20T10:00", "--output", pdf.string()});
    const std::string text = pdfText(pdf);
    CHECK_THAT(text, Catch::Contains("Pearl Microfinance Ltd") && Catch::Contains("Letter No. 1") &&
                         Catch::Contains("Amina Nakato") && Catch::Contains("L1"));
    const auto again = d.tmp / "again.pdf";
    auto shown = d.ok({"letter", "show", "1", "--output", again.string()});
    CHECK(pdfText(again) == text);
    CHECK(shown.err.empty());

    // A PDF that cannot be written records nothing and uses no number.
    auto refused = d.as("akello", {"letter", "send", "L1", "--template", "reminder", "--at",
                                   "2026-03-20T10:05", "--output",
                                   (d.tmp / "no-such-folder" / "x.pdf").string()});
    CHECK(refused.exitCode != 0);
    CHECK_THAT(refused.err, Catch::Contains("nothing was recorded"));
    CHECK(d.run({"letter", "show", "2"}).exitCode != 0);
    auto next = d.asOk(
        "akello", {"letter", "send", "L1", "--template", "reminder", "--at", "2026-03-20T10:06"});
    CHECK_THAT(next.out, Catch::Contains("Letter 2"));
}

TEST_CASE("cli letters due: the ladder's letter, satisfied by sending it", "[cli][letters]") {
    Desk d;
    d.ok({"settings", "set", "letter_ladder", "reminder:1,first_demand:400"});
    Json due =
        Json::parse(d.ok({"letters", "due", "--date", "2026-03-20", "--format", "json"}).out);
    CHECK(due["date"] == "2026-03-20");
    Json l1;
    for (const auto& row : due["letters"])
        if (row["loan_id"] == "L1")
            l1 = row;
    REQUIRE(l1.is_object());
    REQUIRE(l1["dpd"].get<int>() >= 1);
    CHECK(l1["kind"] == "reminder");
    CHECK(l1["officer"] == "akello");
    CHECK(l1["last_sent"].is_null());
    CHECK_THAT(l1["reason"].get<std::string>(), Catch::Contains("days past due (reminder from 1)"));
    // Akello's own list has it; bosco's does not.
    CHECK_THAT(d.ok({"letters", "due", "--officer", "akello", "--date", "2026-03-20"}).out,
               Catch::Contains("L1"));
    CHECK(d.ok({"letters", "due", "--officer", "bosco", "--date", "2026-03-20"}).out.find("L1 ") ==
          std::string::npos);

    d.asOk("akello",
           {"letter", "send", "L1", "--template", "reminder", "--at", "2026-03-20T09:00"});
    const auto listed = [&](const char* date) {
        Json j = Json::parse(d.ok({"letters", "due", "--date", date, "--format", "json"}).out);
        for (const auto& row : j["letters"])
            if (row["loan_id"] == "L1")
                return row;
        return Json();
    };
    CHECK(listed("2026-03-20").is_null());
    CHECK(listed("2026-04-18").is_null()); // within the repeat interval of 30 days
    Json again = listed("2026-04-19");
    REQUIRE(again.is_object());
    CHECK(again["last_sent"] == "2026-03-20");
    d.ok({"settings", "set", "letter_repeat_days", "60"});
    CHECK(listed("2026-04-19").is_null());
}

TEST_CASE("cli letters due: a bad ladder or officer is refused", "[cli][letters]") {
    Desk d;
    auto bad = d.run({"settings", "set", "letter_ladder", "reminder:30,first_demand:7"});
    CHECK(bad.exitCode != 0);
    CHECK_THAT(bad.err, Catch::Contains("more days past due than the one before (30)"));
    auto after = d.run({"settings", "set", "letter_ladder", "pre_legal_notice:after_final_demand"});
    CHECK(after.exitCode != 0);
    CHECK_THAT(after.err, Catch::Contains("is not an earlier rung"));
    auto repeat = d.run({"settings", "set", "letter_repeat_days", "0"});
    CHECK(repeat.exitCode != 0);
    auto nobody = d.run({"letters", "due", "--officer", "nobody", "--date", "2026-03-20"});
    CHECK(nobody.exitCode != 0);
    CHECK_THAT(nobody.err, Catch::Contains("there is no user named \"nobody\""));
    auto badDate = d.run({"letters", "due", "--date", "2026-02-30"});
    CHECK(badDate.exitCode != 0);
    CHECK_THAT(badDate.err, Catch::Contains("--date"));
}

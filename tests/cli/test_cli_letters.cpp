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

namespace {
// The text of a PDF as poppler's pdftotext reads it, with the typographic ligatures the
// layout uses spelled out.
std::string pdfText(const std::filesystem::path& pdf) {
    const auto txt = pdf.string() + ".txt";
    REQUIRE(std::system(("pdftotext -layout '" + pdf.string() + "' '" + txt + "'").c_str()) == 0);
    std::ifstream in(txt);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (auto [lig, plain] : {std::pair{"\xef\xac\x81", "fi"},
                              {"\xef\xac\x82", "fl"},
                              {"\xef\xac\x83", "ffi"},
                              {"\xef\xac\x80", "ff"}})
        for (auto at = text.find(lig); at != std::string::npos; at = text.find(lig))
            text.replace(at, std::string(lig).size(), plain);
    return text;
}
} // namespace

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

#include "core/letter_template.h"

#include <catch2/catch.hpp>

using namespace rd;

namespace {

MergeValues someValues() {
    return {{"client.full_name", "Akello Grace"},
            {"loan.id", "L-0042"},
            {"loan.arrears", "UGX 125,000"},
            {"deadline", "16 December 2026"}};
}

} // namespace

TEST_CASE("a letter renders its merge fields as plain text, without HTML escaping", "[letters]") {
    MergeValues values = someValues();
    values["client.full_name"] = "Okello & Sons <Ltd>";
    auto letter = renderLetter("Loan {{loan.id}}",
                               "Dear {{client.full_name}},\n\nPlease pay {{ loan.arrears }} by "
                               "{{deadline}}.\n",
                               values);
    REQUIRE(letter.ok());
    CHECK(letter.value().title == "Loan L-0042");
    CHECK(letter.value().text ==
          "Dear Okello & Sons <Ltd>,\n\nPlease pay UGX 125,000 by 16 December 2026.\n");
}

TEST_CASE("a field with no value refuses to render and names the field", "[letters]") {
    MergeValues values = someValues();
    values.erase("deadline");
    auto letter = renderLetter("Final demand", "Pay {{loan.arrears}} by {{deadline}}.", values);
    REQUIRE_FALSE(letter.ok());
    CHECK(letter.error().fact("field") == "deadline");
    CHECK_THAT(letter.error().message, Catch::Contains("{{deadline}}"));
    CHECK_THAT(letter.error().message, Catch::Contains("no value"));
}

TEST_CASE("a field missing from the title refuses too", "[letters]") {
    auto letter = renderLetter("Loan {{loan.product}}", "Dear {{client.full_name}}", someValues());
    REQUIRE_FALSE(letter.ok());
    CHECK(letter.error().fact("field") == "loan.product");
}

TEST_CASE("saving a template refuses an unknown field naming it and its line", "[letters]") {
    auto checked =
        validateLetterTemplate("Reminder", "Dear {{client.full_name}},\n\nYou owe "
                                           "{{loan.arrears}}.\nCall {{officer.mobile}} today.\n");
    REQUIRE_FALSE(checked.ok());
    CHECK(checked.error().fact("field") == "officer.mobile");
    CHECK(checked.error().fact("line") == "4");
    CHECK_THAT(checked.error().message, Catch::Contains("Line 4"));
    CHECK_THAT(checked.error().message, Catch::Contains("officer.mobile"));
}

TEST_CASE("saving a template refuses broken mustache syntax and an empty body", "[letters]") {
    auto unclosed = validateLetterTemplate("Reminder", "Dear {{#client.full_name}} there");
    REQUIRE_FALSE(unclosed.ok());
    CHECK_THAT(unclosed.error().message, Catch::Contains("not valid"));
    CHECK_FALSE(validateLetterTemplate("Reminder", "  \n ").ok());
    CHECK_FALSE(validateLetterTemplate(" ", "Dear {{client.full_name}}").ok());
}

TEST_CASE("every merge field is accepted by the check", "[letters]") {
    std::string body;
    for (const MergeField& f : mergeFields())
        body += std::string("{{") + f.name + "}}\n";
    CHECK(validateLetterTemplate("All fields", body).ok());
    const auto used = fieldsUsed("All fields", body);
    CHECK(used.size() == mergeFields().size());
}

TEST_CASE("the SHA-256 of a letter's text is the standard digest", "[letters]") {
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// `payment add`, `payment reverse` and `payments export` (interchange.md section 3) through
// the real CLI, on the worked example (L1 and L2 of Amina Nakato, Kampala Central) with
// officers akello and bosco and supervisor sarah. The business date is the machine's today,
// so payments are dated in 2026 (after the worked example's last installment).
#include "cli_desk.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace rd::test;
using Json = nlohmann::json;

namespace {

struct Desk : WorkedDesk {
    Desk() {
        // On 2026-11-01 L1 owes 175.00 (all overdue): akello's case; L2 is bosco's.
        ok({"recompute", "--as-of", "2026-11-01"});
    }
};

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

} // namespace

TEST_CASE("cli payments: payment add prints the receipt number and the allocation",
          "[cli][payments]") {
    Desk d;
    auto text = d.as("akello", {"payment", "add", "L1", "--amount", "50.00", "--method", "cash",
                                "--date", "2026-11-02"});
    INFO(text.err);
    REQUIRE(text.exitCode == 0);
    const auto out = lines(text.out);
    REQUIRE_FALSE(out.empty());
    CHECK(out[0] == "receipt 000001");
    CHECK_THAT(text.out, Catch::Contains("DESK-000001") && Catch::Contains("KES 50.00") &&
                             Catch::Contains("principal") &&
                             Catch::Contains("outstanding principal KES 115.00") &&
                             Catch::Contains("arrears KES 125.00"));

    auto json =
        d.as("akello", {"payment", "add", "L1", "--amount", "25", "--method", "cheque",
                        "--reference", "CHQ-77", "--date", "2026-11-03", "--format", "json"});
    INFO(json.err);
    REQUIRE(json.exitCode == 0);
    const Json j = Json::parse(json.out);
    CHECK(j["receipt_no"] == 2);
    CHECK(j["receipt"] == "000002");
    CHECK(j["payment_id"] == "DESK-000002");
    CHECK(j["loan_id"] == "L1");
    CHECK(j["client"] == "Amina Nakato");
    CHECK(j["currency"] == "KES");
    CHECK(j["amount"] == "25.00");
    CHECK(j["method"] == "cheque");
    CHECK(j["reference"] == "CHQ-77");
    CHECK(j["taken_by"] == "akello");
    CHECK(j["paid_on"] == "2026-11-03");
    CHECK(j["allocated"]["principal"] == "15.00");
    CHECK(j["allocated"]["interest"] == "10.00");
    CHECK(j["to_credit_balance"] == "0.00");
    CHECK(j["reversed_on"].is_null());

    // The case file sees the payments at once: L1 now owes 100.00.
    auto show = d.ok({"loan", "L1", "--as-of", "2026-11-03", "--format", "json"});
    CHECK(Json::parse(show.out)["arrears"]["total"] == "100.00");
}

TEST_CASE("cli payments: bad input exits non-zero with a clear message", "[cli][payments]") {
    Desk d;
    // `signsIn`: the command gets as far as reading the password. Commands refused before
    // that get no standard input (the runner's write would hit a closed pipe).
    auto expectError = [&d](const std::string& user, std::vector<std::string> args, int code,
                            const std::string& part, bool signsIn = true) {
        args.insert(args.end(), {"--as", user, "--password-stdin"});
        auto r = d.run(std::move(args), signsIn ? user + "-pass-1\n" : "");
        INFO(r.out << r.err);
        CHECK(r.exitCode == code);
        CHECK_THAT(r.err, Catch::Contains(part));
    };
    const bool beforeSignIn = false; // signsIn
    expectError("akello", {"payment", "add", "L1", "--amount", "12.345", "--method", "cash"}, 1,
                "--amount:", beforeSignIn);
    expectError("akello", {"payment", "add", "L1", "--amount", "0", "--method", "cash"}, 1,
                "more than 0");
    expectError("akello", {"payment", "add", "L1", "--amount", "10", "--method", "card"}, 1,
                "\"card\" is not a payment method", beforeSignIn);
    expectError("akello", {"payment", "add", "L1", "--amount", "10", "--method", "cheque"}, 1,
                "needs a reference");
    expectError(
        "akello",
        {"payment", "add", "L1", "--amount", "10", "--method", "cash", "--date", "2099-01-01"}, 1,
        "not post-dated");
    expectError(
        "akello",
        {"payment", "add", "L1", "--amount", "10", "--method", "cash", "--date", "2026-02-30"}, 1,
        "--date:", beforeSignIn);
    expectError("akello", {"payment", "add", "L9", "--amount", "10", "--method", "cash"}, 1,
                "no loan \"L9\"");
    expectError("bosco", {"payment", "add", "L1", "--amount", "10", "--method", "cash"}, 1,
                "assigned to akello");
    expectError("boss", {"payment", "add", "L1", "--amount", "10", "--method", "cash"}, 1,
                "permission denied for boss (admin)");
    // Usage errors: a missing option.
    expectError("akello", {"payment", "add", "L1", "--method", "cash"}, 2, "--amount",
                beforeSignIn);
    expectError("sarah", {"payment", "reverse", "1"}, 2, "--reason", beforeSignIn);
    expectError("sarah", {"payment", "reverse", "abc", "--reason", "x"}, 1, "not a receipt number",
                beforeSignIn);
    expectError("sarah", {"payment", "reverse", "7", "--reason", "x"}, 1, "no receipt 000007");
    // A wrong password.
    auto wrong = d.run({"payment", "add", "L1", "--amount", "10", "--method", "cash", "--as",
                        "akello", "--password-stdin"},
                       "nope\n");
    CHECK(wrong.exitCode == 1);
    // Nothing was written.
    auto empty = d.ok({"payments", "export", "--since", "2000-01-01"});
    CHECK(lines(empty.out).size() == 1);
}

TEST_CASE("cli payments: a supervisor reverses a payment once, export csv and json",
          "[cli][payments]") {
    Desk d;
    REQUIRE(d.as("akello", {"payment", "add", "L1", "--amount", "50.00", "--method", "cheque",
                            "--reference", "CHQ-1, \"blue\"", "--date", "2026-11-02"})
                .exitCode == 0);
    REQUIRE(d.as("bosco", {"payment", "add", "L2", "--amount", "20", "--method", "cash", "--date",
                           "2026-11-02"})
                .exitCode == 0);

    auto denied = d.as("akello", {"payment", "reverse", "000001", "--reason", "bounced"});
    CHECK(denied.exitCode == 1);
    CHECK_THAT(denied.err, Catch::Contains("only a supervisor of branch Kampala Central"));
    auto reversed = d.as("sarah", {"payment", "reverse", "DESK-000001", "--reason",
                                   "cheque bounced", "--date", "2026-11-04"});
    INFO(reversed.err);
    REQUIRE(reversed.exitCode == 0);
    CHECK_THAT(reversed.out,
               Catch::Contains("Receipt 000001") && Catch::Contains("reversed on 2026-11-04"));
    auto twice = d.as("sarah", {"payment", "reverse", "1", "--reason", "again"});
    CHECK(twice.exitCode == 1);
    CHECK_THAT(twice.err, Catch::Contains("already reversed on 2026-11-04"));

    auto csv = d.ok({"payments", "export", "--since", "2000-01-01", "--format", "csv"});
    const auto rows = lines(csv.out);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == "receipt_no,payment_id,loan_id,paid_on,amount,method,reference,taken_by,"
                     "taken_at,reversed_on,reversal_reason");
    CHECK_THAT(rows[1], Catch::StartsWith("1,DESK-000001,L1,2026-11-02,50.00,cheque,"
                                          "\"CHQ-1, \"\"blue\"\"\",akello,") &&
                            Catch::EndsWith(",2026-11-04,cheque bounced"));
    CHECK_THAT(rows[2], Catch::StartsWith("2,DESK-000002,L2,2026-11-02,20.00,cash,,bosco,") &&
                            Catch::EndsWith(",,"));
    // CSV is the default format.
    CHECK(d.ok({"payments", "export", "--since", "2000-01-01"}).out == csv.out);
    // Only what was taken from a business date on.
    CHECK(lines(d.ok({"payments", "export", "--since", "2099-01-01"}).out).size() == 1);

    auto json = d.ok({"payments", "export", "--since", "2000-01-01", "--format", "json"});
    const Json j = Json::parse(json.out);
    CHECK(j["since"] == "2000-01-01");
    CHECK(j["currency"] == "KES");
    REQUIRE(j["payments"].size() == 2);
    CHECK(j["payments"][0]["receipt_no"] == 1);
    CHECK(j["payments"][0]["reversed_on"] == "2026-11-04");
    CHECK(j["payments"][0]["reversal_reason"] == "cheque bounced");
    CHECK(j["payments"][0]["reversed_by"] == "sarah");
    CHECK(j["payments"][1]["payment_id"] == "DESK-000002");
    CHECK(j["payments"][1]["reversed_on"].is_null());

    auto badSince = d.run({"payments", "export", "--since", "yesterday"});
    CHECK(badSince.exitCode == 1);
    CHECK_THAT(badSince.err, Catch::Contains("--since:"));
}

TEST_CASE("cli payments: an overpayment needs --confirm-overpayment, a typing mistake is refused",
          "[cli][payments]") {
    Desk d;
    // L1 owes 175.00: 200.00 would leave 25.00 over.
    auto refused = d.as("akello", {"payment", "add", "L1", "--amount", "200.00", "--method", "cash",
                                   "--date", "2026-11-02"});
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err, Catch::Contains("200.00 is more than loan L1 owes: 25.00 would be "
                                            "left over as a credit balance") &&
                                Catch::Contains("--confirm-overpayment"));
    CHECK(refused.out.empty());
    auto huge = d.as("akello", {"payment", "add", "L1", "--amount", "999999999999.00", "--method",
                                "cash", "--date", "2026-11-02", "--confirm-overpayment"});
    CHECK(huge.exitCode == 1);
    CHECK_THAT(huge.err, Catch::Contains("more than 100 times the loan's principal"));
    auto taken =
        d.as("akello", {"payment", "add", "L1", "--amount", "200.00", "--method", "cash", "--date",
                        "2026-11-02", "--confirm-overpayment", "--format", "json"});
    INFO(taken.err);
    REQUIRE(taken.exitCode == 0);
    const Json j = Json::parse(taken.out);
    CHECK(j["receipt"] == "000001"); // the refused attempts used no number
    CHECK(j["to_credit_balance"] == "25.00");
}

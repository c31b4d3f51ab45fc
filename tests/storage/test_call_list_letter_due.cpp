// The call list's letter_due (docs/recovery-rules.md): the deadline of the latest letter that
// gave one has passed, the loan is still past due, and nobody has contacted the client since.
#include "desk_fixture.h"
#include "services/call_list_service.h"
#include "services/letter_service.h"

using namespace rd;
using namespace rd::services;
using deskfx::Desk;
using rdst::day;

namespace {

const Date kDay = day("2026-03-20");

bool hasReason(const CallListItem& item, CallReason reason) {
    return std::find(item.reasons.begin(), item.reasons.end(), reason) != item.reasons.end();
}

struct DemandDesk : Desk {
    LetterService letters{*db, [this] { return clock; }};
    CallListService calls{*db};
    DemandDesk() {
        recompute(kDay);
        REQUIRE(officerOf("L3") == "akello");
        set("institution_name", "Pearl Microfinance Ltd");
        set("institution_address", "Plot 12 Kampala Road, Kampala");
        set("institution_phone", "+256 414 000 111");
        set("institution_licence", "UMRA licence 0042");
        set("payment_instructions", "Pay at any branch quoting your loan number.");
    }
    CallListItem itemOn(const char* date, const std::string& loan = "L3") {
        auto list = calls.forOfficer(akello, "akello", day(date));
        REQUIRE(list.ok());
        for (const auto& item : list->items)
            if (item.entry.loanId == loan)
                return item;
        return {};
    }
};

} // namespace

TEST_CASE("call list: a final demand's deadline that passed unpaid puts the case on the list",
          "[call-list][letters]") {
    DemandDesk d;
    auto sent = d.letters.send(d.akello, "L3", "final_demand", "en", LetterDelivery::Hand,
                               DateTime::parse("2026-03-20T11:00").value());
    REQUIRE(sent.ok());
    REQUIRE(sent->deadline == day("2026-04-03")); // 14 days, a Friday
    CHECK_FALSE(hasReason(d.itemOn("2026-04-03"), CallReason::LetterDue));
    const auto after = d.itemOn("2026-04-04");
    REQUIRE(hasReason(after, CallReason::LetterDue));
    CHECK_THAT(after.why, Catch::Contains(fmt::format("Final demand (letter {}): deadline "
                                                      "2026-04-03 passed unpaid",
                                                      sent->letterNo)));
    // A contact after the deadline takes it off; one on the deadline's day does not count.
    auto call = d.call("L3", "2026-04-03T16:00");
    REQUIRE(d.contacts.addContact(d.akello, call).ok());
    CHECK(hasReason(d.itemOn("2026-04-06"), CallReason::LetterDue));
    call = d.call("L3", "2026-04-06T09:00");
    REQUIRE(d.contacts.addContact(d.akello, call).ok());
    CHECK_FALSE(hasReason(d.itemOn("2026-04-06"), CallReason::LetterDue));
    // Replaying an earlier day gives that day's list.
    CHECK(hasReason(d.itemOn("2026-04-05"), CallReason::LetterDue));
}

TEST_CASE("call list: a letter without a deadline, or a paid-up loan, gives no letter_due",
          "[call-list][letters]") {
    DemandDesk d;
    REQUIRE(d.letters.send(d.akello, "L3", "reminder", "en", LetterDelivery::Print,
                           DateTime::parse("2026-03-20T11:00").value()));
    CHECK_FALSE(hasReason(d.itemOn("2026-05-20"), CallReason::LetterDue));
    REQUIRE(d.letters.send(d.akello, "L3", "final_demand", "en", LetterDelivery::Print,
                           DateTime::parse("2026-03-20T11:05").value()));
    // The three installments due by April (February to April) paid before the deadline.
    d.importPayments("P50,L3,2026-04-01,300.00,cash,,\n");
    CHECK_FALSE(hasReason(d.itemOn("2026-04-06"), CallReason::LetterDue));
}

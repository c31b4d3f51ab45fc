// The read models of the desk's lists (CaseQueryService): the case list with its filters,
// loan search, promises due, the team's day and a client's other loans, with branch
// permissions (an officer reads their own branch only).
#include "desk_fixture.h"
#include "services/call_list_service.h"
#include "storage/portfolio_settings.h"

#include <set>

using namespace rd;
using namespace rd::services;
using namespace rd::storage;
using deskfx::Desk;
using rdst::day;

namespace {

const Date kDay = day("2026-03-20");

std::vector<std::string> loanIds(const std::vector<CaseRow>& rows) {
    std::vector<std::string> ids;
    for (const auto& r : rows)
        ids.push_back(r.loanId);
    return ids;
}
std::vector<std::string> hitIds(const std::vector<LoanSearchHit>& hits) {
    std::vector<std::string> ids;
    for (const auto& h : hits)
        ids.push_back(h.loanId);
    return ids;
}
using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("case queries: the case list, its figures and its filters", "[case-queries][cases]") {
    Desk d;
    d.recompute(kDay);
    REQUIRE(d.contacts.addContact(d.akello, d.call("L3", "2026-03-19T10:00")).ok());
    REQUIRE(d.contacts.addPromise(d.akello, "L3", 5000, day("2026-03-25"), kDay).ok());

    auto all = d.queries.cases(d.admin, {}, kDay);
    REQUIRE(all.ok());
    CHECK(loanIds(*all) == Ids{"L1", "L2", "L3", "N1"});
    const CaseRow& l3 = (*all)[2];
    CHECK(l3.clientName == "Amina Nakato");
    CHECK(l3.phone == "+256772000001");
    CHECK(l3.branch == "Kampala Central");
    CHECK(l3.officer == "akello");
    CHECK(l3.stage == CaseStage::Collection);
    CHECK(l3.suggestedStage == CaseStage::Collection);
    CHECK(l3.dpd == 47);
    CHECK(l3.bucket == "31-60");
    CHECK(l3.arrears == 20000);
    CHECK(l3.outstandingPrincipal == 60000);
    CHECK(l3.openedOn == kDay);
    CHECK(l3.open);
    REQUIRE(l3.latestPromise);
    CHECK(l3.latestPromise->amount == 5000);
    CHECK(l3.latestPromiseEvaluation->status == PromiseStatus::Pending);
    REQUIRE(l3.lastContactAt);
    CHECK(l3.lastContactAt->toString() == "2026-03-19T10:00:00");
    CHECK(l3.flags >= 1); // the first installment was missed
    CHECK((*all)[0].dpd == 19);
    CHECK_FALSE((*all)[0].latestPromise);

    // Permissions: an officer and a supervisor read their branches only.
    CHECK(loanIds(*d.queries.cases(d.akello, {}, kDay)) == Ids{"L1", "L2", "L3"});
    CHECK(loanIds(*d.queries.cases(d.zawadi, {}, kDay)) == Ids{"N1"});
    CHECK(loanIds(*d.queries.cases(d.nadia, {}, kDay)) == Ids{"N1"});
    CaseFilter nairobi;
    nairobi.branch = "Nairobi";
    auto otherBranch = d.queries.cases(d.akello, nairobi, kDay);
    REQUIRE_FALSE(otherBranch.ok());
    CHECK_THAT(otherBranch.error().message, Catch::Contains("permission denied for akello"));
    CHECK(otherBranch.error().kind == ErrorKind::Denied);
    CHECK(loanIds(*d.queries.cases(d.admin, nairobi, kDay)) == Ids{"N1"});

    CaseFilter mine;
    mine.officer = "akello";
    CHECK(loanIds(*d.queries.cases(d.sarah, mine, kDay)) == Ids{"L1", "L3"});
    CaseFilter collection;
    collection.stage = CaseStage::Collection;
    CHECK(loanIds(*d.queries.cases(d.admin, collection, kDay)) == Ids{"L3", "N1"});
    CaseFilter text;
    text.text = "NAKATO";
    CHECK(loanIds(*d.queries.cases(d.admin, text, kDay)) == Ids{"L1", "L2", "L3"});
    text.text = "n1";
    CHECK(loanIds(*d.queries.cases(d.admin, text, kDay)) == Ids{"N1"});
    CHECK(d.queries.cases(d.akello, text, kDay)->empty());

    // Closed cases only with openOnly = false; unassigned with "-".
    d.importPayments("P10,L1,2026-03-21,175.00,cash,,\n");
    d.recompute(day("2026-03-21"));
    CHECK(loanIds(*d.queries.cases(d.admin, {}, day("2026-03-21"))) == Ids{"L2", "L3", "N1"});
    CaseFilter everything;
    everything.openOnly = false;
    const auto withClosed = d.queries.cases(d.admin, everything, day("2026-03-21"));
    REQUIRE(loanIds(*withClosed) == Ids{"L1", "L2", "L3", "N1"});
    CHECK_FALSE((*withClosed)[0].open);
    CHECK((*withClosed)[0].closedOn == day("2026-03-21"));
    CaseFilter unassigned;
    unassigned.officer = "-";
    CHECK(d.queries.cases(d.admin, unassigned, kDay)->empty());
}

TEST_CASE("case queries: loan search by id, client id, name, phone and national id",
          "[case-queries][search]") {
    Desk d;
    d.recompute(kDay);
    CHECK(hitIds(*d.queries.searchLoans(d.admin, "amina", 10)) == Ids{"L1", "L2", "L3"});
    CHECK(hitIds(*d.queries.searchLoans(d.admin, "cm9001", 10)) == Ids{"L1", "L2", "L3"});
    CHECK(hitIds(*d.queries.searchLoans(d.admin, "+2547000", 10)) == Ids{"N1"});
    CHECK(hitIds(*d.queries.searchLoans(d.admin, "C2", 10)) == Ids{"N1"});
    CHECK(hitIds(*d.queries.searchLoans(d.admin, "l2", 10)).front() == "L2");
    CHECK(d.queries.searchLoans(d.admin, "amina", 2)->size() == 2);
    CHECK(d.queries.searchLoans(d.admin, "nobody-like-this", 10)->empty());
    CHECK_FALSE(d.queries.searchLoans(d.admin, "  ", 10).ok());
    // An officer finds the loans of their branch only.
    CHECK(d.queries.searchLoans(d.akello, "+2547000", 10)->empty());
    CHECK(hitIds(*d.queries.searchLoans(d.zawadi, "n1", 10)) == Ids{"N1"});

    const auto hits = d.queries.searchLoans(d.akello, "L3", 10, kDay);
    REQUIRE(hits->size() == 1);
    const auto& h = hits->front();
    CHECK(h.clientId == "C1");
    CHECK(h.clientName == "Amina Nakato");
    CHECK(h.nationalId == "CM900100");
    CHECK(h.branch == "Kampala Central");
    CHECK(h.status == "active");
    CHECK(h.dpd == 47);
    CHECK(h.caseOpen);
    CHECK(h.caseStage == CaseStage::Collection);
    const auto plain = d.queries.searchLoans(d.akello, "L3", 10);
    CHECK(plain->front().status == "active");
    CHECK_FALSE(plain->front().dpd);
}

TEST_CASE("case queries: promises due in a period, latest per loan, evaluated",
          "[case-queries][promises]") {
    Desk d;
    d.recompute(kDay);
    // L1: an older promise replaced by a later one; L3 due 2026-03-22 and paid; N1 due 03-30.
    REQUIRE(d.contacts.addPromise(d.akello, "L1", 1000, day("2026-03-21"), kDay).ok());
    REQUIRE(d.contacts.addPromise(d.akello, "L1", 2000, day("2026-03-23"), kDay).ok());
    REQUIRE(d.contacts.addPromise(d.akello, "L3", 5000, day("2026-03-22"), kDay).ok());
    REQUIRE(d.contacts.addPromise(d.zawadi, "N1", 7000, day("2026-03-30"), kDay).ok());
    d.importPayments("P20,L3,2026-03-21,50.00,cash,,\n");

    auto due =
        d.queries.promisesDue(d.admin, day("2026-03-21"), day("2026-03-25"), day("2026-03-26"));
    REQUIRE(due.ok());
    REQUIRE(due->size() == 2);
    CHECK((*due)[0].loanId == "L3");
    CHECK((*due)[0].promise.amount == 5000);
    CHECK((*due)[0].evaluation.status == PromiseStatus::Kept);
    CHECK((*due)[0].officer == "akello");
    CHECK((*due)[0].clientName == "Amina Nakato");
    CHECK((*due)[1].loanId == "L1");
    CHECK((*due)[1].promise.amount == 2000);                     // the latest, not the one of 03-21
    CHECK((*due)[1].evaluation.status == PromiseStatus::Broken); // deadline 03-25
    CHECK(d.queries.promisesDue(d.zawadi, day("2026-03-21"), day("2026-03-25"), kDay)->empty());
    CHECK(d.queries.promisesDue(d.zawadi, day("2026-03-21"), day("2026-03-31"), kDay)->size() == 1);
    CHECK_FALSE(d.queries.promisesDue(d.admin, day("2026-03-25"), day("2026-03-21"), kDay).ok());
}

TEST_CASE("case queries: the team's day on a small portfolio", "[case-queries][team]") {
    Desk d;
    d.recompute(kDay); // akello: L1, L3; bosco: L2; zawadi: N1
    // akello: two contacts on the day, one the day before; bosco: one the day before.
    REQUIRE(d.contacts.addContact(d.akello, d.call("L1", "2026-03-19T09:00")).ok());
    REQUIRE(d.contacts.addContact(d.akello, d.call("L1", "2026-03-20T10:00")).ok());
    REQUIRE(d.contacts.addContact(d.akello, d.call("L3", "2026-03-20T11:00")).ok());
    REQUIRE(d.contacts.addContact(d.bosco, d.call("L2", "2026-03-19T11:00")).ok());
    // Promises due on the day: L3 (100.00, paid that day: kept) and L1 (50.00, not yet paid:
    // pending, not kept); L2's (bosco) is due the next day.
    REQUIRE(d.contacts.addPromise(d.akello, "L3", 10000, kDay, day("2026-03-18")).ok());
    REQUIRE(d.contacts.addPromise(d.akello, "L1", 5000, kDay, day("2026-03-18")).ok());
    REQUIRE(d.contacts.addPromise(d.bosco, "L2", 5000, day("2026-03-21"), day("2026-03-18")).ok());
    // Payments dated the day: L3 100.00; L2 30.00 reversed the same day (does not count);
    // N1 20.00 (zawadi, Nairobi); L1 10.00 the day before (not that day).
    d.importPayments("P20,L3,2026-03-20,100.00,cash,,\n"
                     "P21,L2,2026-03-20,30.00,cheque,CHQ-1,2026-03-20\n"
                     "P22,N1,2026-03-20,20.00,cash,,\n"
                     "P23,L1,2026-03-19,10.00,cash,,\n");
    REQUIRE(d.users.disable(d.admin, "simon").ok());

    auto team = d.queries.team(d.sarah, kDay);
    REQUIRE(team.ok());
    std::vector<std::string> names;
    for (const auto& m : *team)
        names.push_back(m.username);
    CHECK(names == Ids{"akello", "bosco", "sarah"}); // simon is disabled
    const auto& akello = (*team)[0];
    CHECK(akello.role == Role::Officer);
    CHECK(akello.openCases == 2);
    CHECK(akello.contactsLogged == 2);
    CHECK(akello.promisesDue == 2);
    CHECK(akello.promisesKept == 1);
    CHECK(akello.collected == 10000);
    const auto& bosco = (*team)[1];
    CHECK(bosco.openCases == 1);
    CHECK(bosco.contactsLogged == 0);
    CHECK(bosco.promisesDue == 0);
    CHECK(bosco.collected == 0);
    CHECK((*team)[2].openCases == 0);

    // The day before: akello logged one contact, nothing was collected on his cases that day
    // except L1's 10.00.
    const auto before = d.queries.team(d.sarah, day("2026-03-19"));
    CHECK((*before)[0].contactsLogged == 1);
    CHECK((*before)[0].collected == 1000);
    CHECK((*before)[1].contactsLogged == 1);

    const auto nairobi = d.queries.team(d.nadia, kDay);
    REQUIRE(nairobi->size() == 2);
    CHECK((*nairobi)[1].username == "zawadi");
    CHECK((*nairobi)[1].collected == 2000);
    CHECK(d.queries.team(d.admin, kDay)->size() == 5);
    CHECK(d.queries.team(d.akello, kDay)->size() == 3);
}

TEST_CASE("case queries: a case paid off that day still counts for its officer's collection",
          "[case-queries][team]") {
    Desk d;
    d.recompute(kDay);
    d.importPayments("P10,L1,2026-03-21,175.00,cash,,\n");
    d.recompute(day("2026-03-21"));
    REQUIRE_FALSE(d.openCase("L1"));
    const auto team = d.queries.team(d.sarah, day("2026-03-21"));
    CHECK((*team)[0].username == "akello");
    CHECK((*team)[0].openCases == 1);
    CHECK((*team)[0].collected == 17500);
}

TEST_CASE("case queries: a client's other loans", "[case-queries][client]") {
    Desk d;
    d.recompute(kDay);
    auto others = d.queries.otherLoans(d.akello, "L1", kDay);
    REQUIRE(others.ok());
    REQUIRE(others->size() == 2);
    CHECK((*others)[0].loanId == "L2");
    CHECK((*others)[0].dpd == 19);
    CHECK((*others)[0].caseOpen);
    CHECK((*others)[1].loanId == "L3");
    CHECK((*others)[1].dpd == 47);
    CHECK((*others)[1].outstandingPrincipal == 60000);
    CHECK((*others)[1].arrears == 20000);
    CHECK((*others)[1].bucket == "31-60");
    CHECK((*others)[1].status == LoanStatus::Active);
    auto ofN1 = d.queries.otherLoans(d.zawadi, "N1", kDay);
    REQUIRE(ofN1.ok());
    CHECK(ofN1->empty());
    auto unknown = d.queries.otherLoans(d.admin, "NOPE", kDay);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().kind == ErrorKind::NotFound);
    // Only the branches the actor may read: Nairobi's officer may not look at L1.
    auto otherBranch = d.queries.otherLoans(d.zawadi, "L1", kDay);
    REQUIRE_FALSE(otherBranch.ok());
    CHECK(otherBranch.error().kind == ErrorKind::Denied);
}

TEST_CASE("case queries: the call list built from set-based reads matches the case files",
          "[case-queries][call-list]") {
    Desk d;
    d.recompute(kDay);
    auto c = d.call("L1", "2026-03-19T10:00");
    c.outcome = ContactOutcome::Promised;
    c.promiseAmount = 5000;
    c.promiseDate = day("2026-03-19");
    REQUIRE(d.contacts.addContact(d.akello, c).ok());
    auto next = d.call("L3", "2026-03-18T10:00");
    next.nextActionOn = day("2026-03-20");
    REQUIRE(d.contacts.addContact(d.akello, next).ok());
    for (const char* date : {"2026-03-20", "2026-03-25", "2026-04-10"}) {
        INFO(date);
        const Date on = day(date);
        const auto list = CallListService(*d.db).forOfficer(d.akello, "akello", on);
        REQUIRE(list.ok());
        std::vector<CallListCase> fromFiles;
        for (const char* loan : {"L1", "L3"}) {
            const auto file = d.cases.caseFile(d.akello, loan, on);
            REQUIRE(file.ok());
            fromFiles.push_back(file->callListCase());
        }
        CallListOptions options;
        options.currencyCode = "KES";
        options.weights = loadDeskSettings(*d.db).weights;
        options.officer = "akello";
        const auto expected = buildCallList(fromFiles, on, options);
        REQUIRE(list->items.size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CHECK(list->items[i].entry.loanId == expected[i].entry.loanId);
            CHECK(list->items[i].reasons == expected[i].reasons);
            CHECK(list->items[i].why == expected[i].why);
            CHECK(list->items[i].score == expected[i].score);
            CHECK(list->items[i].entry.flags == expected[i].entry.flags);
            CHECK(list->items[i].entry.lastContactAt == expected[i].entry.lastContactAt);
        }
    }
}

// The recompute writes its automatic work on each case into the case's audit trail: the
// opening, the assignment, the closing and the move to post-write-off, with the user (or the
// command line's local operator) who ran it as the actor.
#include "desk_fixture.h"

#include <nlohmann/json.hpp>

using namespace deskfx;
using rdst::day;

namespace {

std::vector<std::string> actionsOf(const std::vector<AuditEntry>& trail) {
    std::vector<std::string> out;
    for (const auto& e : trail)
        out.push_back(e.action);
    return out;
}

} // namespace

TEST_CASE("case audit: the recompute writes the opening and the assignment of each case",
          "[cases][recompute][audit]") {
    Desk d;
    const auto s = d.recompute(day("2026-03-20"));
    REQUIRE(s.opened >= 3);

    auto trail = d.actions.auditTrail(d.sarah, "L3");
    REQUIRE(trail.ok());
    REQUIRE(actionsOf(*trail) == std::vector<std::string>{"open_case", "assign_case"});
    const auto& opened = (*trail)[0];
    CHECK(opened.actor == kLocalOperatorName);
    CHECK(opened.at == "2026-11-28T08:00:00Z");
    CHECK_FALSE(opened.before);
    const auto after = nlohmann::json::parse(opened.after.value());
    CHECK(after["stage"] == "collection");
    CHECK(after["dpd"] == 47);
    CHECK(after["opens_at_dpd"] == 1);
    CHECK(after["officer"] == "akello");
    const auto& assigned = (*trail)[1];
    CHECK(assigned.actor == kLocalOperatorName);
    const auto to = nlohmann::json::parse(assigned.after.value());
    CHECK(to["officer"] == "akello");
    CHECK(to["rule"] == "fewest_open_cases");

    // The timeline events name the same actor.
    const auto c = d.openCase("L3");
    REQUIRE(c);
    for (const auto& e : storage::CaseRepository(*d.db).events(c->id))
        CHECK(e.actor == kLocalOperatorName);
    // One row per case opened and per case assigned, besides the run's summary.
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'open_case'") == s.opened);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'assign_case'") ==
          s.opened - s.unassigned);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'recompute_cases'") == 1);
}

TEST_CASE("case audit: an officer's run names the officer, the credit officer rule is named, "
          "a case without an officer is opened unassigned",
          "[cases][recompute][audit]") {
    Desk d;
    d.set("case_assignment", "credit_officer");
    REQUIRE(d.users.disable(d.admin, "zawadi").ok());
    auto run = d.cases.recompute(d.akello, day("2026-03-20"));
    REQUIRE(run.ok());
    REQUIRE(run->unassigned >= 1);

    auto l3 = d.actions.auditTrail(d.sarah, "L3");
    REQUIRE(l3.ok());
    REQUIRE(actionsOf(*l3) == std::vector<std::string>{"open_case", "assign_case"});
    CHECK((*l3)[0].actor == "akello");
    CHECK(nlohmann::json::parse((*l3)[1].after.value())["officer"] == "bosco");
    CHECK(nlohmann::json::parse((*l3)[1].after.value())["rule"] == "credit_officer");

    // Nairobi's only officer is disabled: the case opens without an officer.
    auto n1 = d.actions.auditTrail(d.nadia, "N1");
    REQUIRE(n1.ok());
    REQUIRE(actionsOf(*n1) == std::vector<std::string>{"open_case"});
    CHECK(nlohmann::json::parse((*n1)[0].after.value())["officer"].is_null());
}

TEST_CASE("case audit: a case closed by the recompute is written to its trail",
          "[cases][recompute][audit]") {
    Desk d;
    d.recompute(day("2026-03-20"));
    d.importPayments("P10,L1,2026-03-21,175.00,cash,,\nP11,L3,2026-03-25,300.00,cash,,\n");
    d.recompute(day("2026-03-21"));
    auto l1 = d.actions.auditTrail(d.sarah, "L1");
    REQUIRE(l1.ok());
    REQUIRE(actionsOf(*l1) == std::vector<std::string>{"open_case", "assign_case", "close_case"});
    CHECK((*l1)[2].before == "open");
    CHECK(nlohmann::json::parse((*l1)[2].after.value())["reason"] == "paid");

    d.recompute(day("2026-04-24"));
    auto l3 = d.actions.auditTrail(d.sarah, "L3");
    REQUIRE(l3.ok());
    REQUIRE(actionsOf(*l3).back() == "close_case");
    const auto cured = nlohmann::json::parse(l3->back().after.value());
    CHECK(cured["reason"] == "cured");
    CHECK(cured["current_since"] == "2026-03-25");
}

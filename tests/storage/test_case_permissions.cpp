// The permission matrix of the case operations and desk reads, through the services: who
// may do what on L1 (Kampala Central, assigned to akello) as stored now.
#include "desk_fixture.h"

using namespace rd;
using namespace rd::services;
using deskfx::Desk;
using rdst::day;

namespace {

const Date kDay = day("2026-03-20");

enum class Op {
    ChangeStage,
    RequestLegal,
    DecideApproval,
    AddNote,
    SignOffReview,
    AuditTrail,
    ChangeSetting,
    ReadCases,
    Team
};

// Runs `op` as `u` on the desk, and undoes what an allowed request leaves pending, so the
// next user's check starts from the same state.
bool allowed(Desk& d, Op op, const User& u) {
    switch (op) {
    case Op::ChangeStage: {
        const auto to = d.openCase("L1")->stage == CaseStage::Collection ? CaseStage::Early
                                                                         : CaseStage::Collection;
        return d.actions.changeStage(u, "L1", to, "", kDay).ok();
    }
    case Op::RequestLegal: {
        auto id = d.actions.requestLegal(u, "L1", "no payment since January", kDay);
        if (id.ok())
            REQUIRE(d.actions
                        .decideApproval(u.username == "sarah" ? d.simon : d.sarah, *id, false,
                                        "not now", kDay)
                        .ok());
        return id.ok();
    }
    case Op::DecideApproval: {
        if (d.openCase("L1")->stage == CaseStage::Legal)
            REQUIRE(d.actions.changeStage(d.sarah, "L1", CaseStage::Early, "", kDay).ok());
        auto id = d.actions.requestLegal(d.simon, "L1", "no payment since January", kDay);
        REQUIRE(id.ok());
        const bool ok = d.actions.decideApproval(u, *id, true, "ok", kDay).ok();
        if (!ok)
            REQUIRE(d.actions.decideApproval(d.sarah, *id, false, "no", kDay).ok());
        return ok;
    }
    case Op::AddNote:
        return d.actions.addNote(u, "L1", "note", std::nullopt, kDay).ok();
    case Op::SignOffReview:
        return d.actions.signOffReview(u, "L1", "ok", kDay).ok();
    case Op::AuditTrail:
        return d.actions.auditTrail(u, "L1").ok();
    case Op::ChangeSetting:
        return d.settings.change(u, "case_cure_days", "40").ok();
    case Op::ReadCases: {
        CaseFilter f;
        f.branch = "Kampala Central";
        return d.queries.cases(u, f, kDay).ok();
    }
    case Op::Team:
        return d.queries.team(u, kDay).ok();
    }
    return false;
}

} // namespace

TEST_CASE("case permissions: the matrix of case operations and reads", "[case-permissions]") {
    // Columns: boss (admin), akello (officer holding L1), bosco (officer of the branch,
    // disabled), sarah (supervisor of the branch), zawadi (officer, Nairobi), nadia
    // (supervisor, Nairobi), simon (supervisor of the branch; the requester in
    // DecideApproval).
    const std::vector<std::string> who = {"boss",   "akello", "bosco", "sarah",
                                          "zawadi", "nadia",  "simon"};
    const std::vector<std::pair<Op, std::vector<bool>>> matrix = {
        {Op::ChangeStage, {false, true, false, true, false, false, true}},
        {Op::RequestLegal, {false, true, false, true, false, false, true}},
        {Op::DecideApproval, {false, false, false, true, false, false, false}},
        {Op::AddNote, {false, true, false, true, false, false, true}},
        {Op::SignOffReview, {false, false, false, true, false, false, true}},
        {Op::AuditTrail, {true, true, false, true, false, false, true}},
        {Op::ChangeSetting, {true, false, false, false, false, false, false}},
        {Op::ReadCases, {true, true, false, true, false, false, true}},
        {Op::Team, {true, true, false, true, true, true, true}},
    };
    Desk d;
    d.recompute(kDay);
    REQUIRE(d.officerOf("L1") == "akello");
    d.assess(d.akello, "L1", kDay);
    REQUIRE(d.users.disable(d.admin, "bosco").ok());
    const std::map<std::string, User> users = {
        {"boss", d.admin},    {"akello", d.akello}, {"bosco", d.bosco}, {"sarah", d.sarah},
        {"zawadi", d.zawadi}, {"nadia", d.nadia},   {"simon", d.simon}};
    for (const auto& [op, expected] : matrix)
        for (std::size_t i = 0; i < who.size(); ++i) {
            INFO("operation " << static_cast<int>(op) << " by " << who[i]);
            CHECK(allowed(d, op, users.at(who[i])) == expected[i]);
        }
}

#pragma once

// A small desk for the case-operation and read-model tests: the worked example (client C1
// with L1 and L2 in Kampala Central) plus L3 of C1 (six monthly installments of 100.00
// from 2026-02-01, nothing paid; credit officer bosco) and N1 of client C2 in Nairobi (the
// same schedule). Users: admin boss; officers akello and bosco and supervisors sarah and
// simon in Kampala Central; officer zawadi and supervisor nadia in Nairobi.

#include "services/case_actions_service.h"
#include "services/case_query_service.h"
#include "services/case_service.h"
#include "services/contact_service.h"
#include "services/legal_service.h"
#include "services/settings_service.h"
#include "services/user_service.h"
#include "storage/case_repository.h"
#include "storage_test_support.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <fmt/format.h>

namespace deskfx {

using namespace rd;

inline const std::chrono::sys_seconds kT0 =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} + std::chrono::hours{8};

struct Desk {
    rdst::TempDir tmp;
    std::unique_ptr<storage::Database> db = rdst::openDb(tmp / "rd.db");
    std::chrono::sys_seconds clock = kT0;
    services::UserService users{*db, [this] { return clock; }};
    services::CaseService cases{*db, [this] { return clock; }};
    services::ContactService contacts{*db, [this] { return clock; }};
    services::CaseActionsService actions{*db, [this] { return clock; }};
    services::CaseQueryService queries{*db};
    services::SettingsService settings{*db, [this] { return clock; }};
    services::LegalService legal{*db, [this] { return clock; }};
    User admin, akello, bosco, sarah, simon, zawadi, nadia;
    int imports = 0;

    Desk() {
        auto folder = rdst::Folder::copyOf(rdst::workedDir(), tmp / "in");
        folder.write("clients.csv", "client_id,full_name,branch,phone,national_id\n"
                                    "C1,Amina Nakato,Kampala Central,+256772000001,CM900100\n"
                                    "C2,Juma Otieno,Nairobi,+254700000002,NB200200\n");
        folder.appendLine("loans.csv", "L3,C1,Business Loan,Kampala Central,bosco,KES,600.00,"
                                       "2026-01-01,active,");
        folder.appendLine("loans.csv", "N1,C2,Business Loan,Nairobi,,KES,600.00,"
                                       "2026-01-01,active,");
        for (const char* loan : {"L3", "N1"})
            for (int i = 1; i <= 6; ++i)
                folder.appendLine("schedule.csv",
                                  fmt::format("{},{},2026-{:02}-01,100.00,0,0", loan, i, i + 1));
        rdst::importOk(*db, folder.path());
        admin = users.createFirstAdmin({"boss", "", Role::Admin, {}}, std::string("admin-pass-1"))
                    ->user;
        akello = add("akello", Role::Officer, "Kampala Central");
        bosco = add("bosco", Role::Officer, "Kampala Central");
        sarah = add("sarah", Role::Supervisor, "Kampala Central");
        simon = add("simon", Role::Supervisor, "Kampala Central");
        zawadi = add("zawadi", Role::Officer, "Nairobi");
        nadia = add("nadia", Role::Supervisor, "Nairobi");
    }
    User add(const std::string& name, Role role, const std::string& branch) {
        auto added =
            users.addUser(admin, {name, "", role, {branch}}, std::string("pass-word-1"), false);
        REQUIRE(added.ok());
        return added->user;
    }
    // The nightly recompute as the command line's local operator runs it (any enabled user
    // may); fails the test unless it ran.
    services::RecomputeSummary recompute(Date asOf) {
        auto done = cases.recompute(localOperator(), asOf);
        INFO("recompute " << asOf.toString() << ": " << (done ? "" : done.error().message));
        REQUIRE(done.ok());
        return *done;
    }
    std::string officerOf(const std::string& loan) {
        auto c = storage::CaseRepository(*db).openCase(loan);
        return c ? c->assignedUsername : "(no open case)";
    }
    std::optional<storage::CaseRecord> openCase(const std::string& loan) {
        return storage::CaseRepository(*db).openCase(loan);
    }
    void importPayments(const std::string& lines) {
        rdst::Folder later(tmp / fmt::format("pay{}", ++imports));
        later.write("payments.csv",
                    "payment_id,loan_id,paid_on,amount,method,reference,reversed_on\n" + lines);
        rdst::importOk(*db, later.path());
    }
    std::int64_t count(const std::string& sql) { return rdst::queryInt(db->handle(), sql); }
    services::NewContact call(const std::string& loan, const std::string& at) {
        services::NewContact c;
        c.loanId = loan;
        c.at = DateTime::parse(at).value();
        c.outcome = ContactOutcome::NoAnswer;
        return c;
    }
    // A feasibility assessment of the loan's open case by `who` (chance 50%, court fees
    // 100.00): what a request to move the case to legal carries. Fails the test unless made.
    std::int64_t assess(const User& who, const std::string& loan, Date on) {
        services::FeasibilityRequest r;
        r.chancePercent = 50;
        r.costs.court = 10000;
        auto a = legal.assessFeasibility(who, loan, r, on);
        INFO("assess " << loan << ": " << (a ? "" : a.error().message));
        REQUIRE(a.ok());
        return a->id;
    }
    void set(const std::string& key, const std::string& value) {
        auto done = settings.change(admin, key, value);
        INFO(key << " = " << value << ": " << (done ? "" : done.error().message));
        REQUIRE(done.ok());
    }
};

} // namespace deskfx

// Payments taken at the desk (domain.md section 10) through PaymentService: schema version
// 4, gap-free receipt numbers, permissions, validation, reversal, audit rows, the ledger
// cache, the case lifecycle, promises, and a later import of the same payment.
#include "services/case_service.h"
#include "services/contact_service.h"
#include "services/payment_service.h"
#include "services/settings_service.h"
#include "services/user_service.h"
#include "storage/case_repository.h"
#include "storage/desk_payment_repository.h"
#include "storage_test_support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

using namespace rd;
using namespace rd::services;
using namespace rd::storage;
using rdst::day;

namespace {

const std::chrono::sys_seconds kT0 =
    std::chrono::sys_days{std::chrono::year{2026} / 3 / 20} + std::chrono::hours{9};

const std::string kPaymentsHeader =
    "payment_id,loan_id,paid_on,amount,method,reference,reversed_on\n";

// The worked example (L1, L2 in Kampala Central, KES) plus L3 (six monthly installments of
// 100.00 from 2026-02-01, nothing paid) and L4 (written off on 2026-03-01). Officers akello
// and bosco and supervisor sarah in Kampala Central, officer zawadi and supervisor nuru in
// Nairobi, admin boss. After `open()`, the cases of 2026-03-20: L1 and L3 akello's, L2
// bosco's.
struct Desk {
    rdst::TempDir tmp;
    std::unique_ptr<Database> db = rdst::openDb(tmp / "rd.db");
    std::chrono::sys_seconds clock = kT0;
    UserService users{*db, [this] { return clock; }};
    CaseService cases{*db, [this] { return clock; }};
    PaymentService payments{*db, [this] { return clock; }};
    SettingsService settings{*db, [this] { return clock; }};
    User admin, akello, bosco, sarah, zawadi, nuru;
    int imports = 0;

    Desk() {
        auto folder = rdst::Folder::copyOf(rdst::workedDir(), tmp / "in");
        folder.appendLine("loans.csv", "L3,C1,Business Loan,Kampala Central,,KES,600.00,"
                                       "2026-01-01,active,");
        for (int i = 1; i <= 6; ++i)
            folder.appendLine("schedule.csv",
                              fmt::format("L3,{},2026-{:02}-01,100.00,0,0", i, i + 1));
        folder.appendLine("loans.csv", "L4,C1,Business Loan,Kampala Central,,KES,200.00,"
                                       "2026-01-01,written_off,2026-03-01");
        folder.appendLine("schedule.csv", "L4,1,2026-02-01,100.00,10.00,0");
        folder.appendLine("schedule.csv", "L4,2,2026-03-01,100.00,10.00,0");
        rdst::importOk(*db, folder.path());
        admin = users.createFirstAdmin({"boss", "", Role::Admin, {}}, std::string("admin-pass-1"))
                    ->user;
        akello = add("akello", Role::Officer, "Kampala Central");
        bosco = add("bosco", Role::Officer, "Kampala Central");
        sarah = add("sarah", Role::Supervisor, "Kampala Central");
        zawadi = add("zawadi", Role::Officer, "Nairobi");
        nuru = add("nuru", Role::Supervisor, "Nairobi");
    }
    User add(const std::string& name, Role role, const std::string& branch) {
        auto added =
            users.addUser(admin, {name, "", role, {branch}}, std::string("pass-word-1"), false);
        REQUIRE(added.ok());
        return added->user;
    }
    void open() {
        REQUIRE(cases.recompute(localOperator(), day("2026-03-20")).ok());
        REQUIRE(officerOf("L1") == "akello");
        REQUIRE(officerOf("L2") == "bosco");
    }
    std::string officerOf(const std::string& loan) {
        auto c = CaseRepository(*db).openCase(loan);
        return c ? c->assignedUsername : "(no open case)";
    }
    static NewDeskPayment cash(const std::string& loan, Amount amount,
                               const std::string& paidOn = "2026-03-20") {
        NewDeskPayment p;
        p.loanId = loan;
        p.amount = amount;
        p.paidOn = day(paidOn);
        return p;
    }
    Result<DeskReceipt> take(const User& who, const NewDeskPayment& p,
                             const std::string& businessDate = "2026-03-20") {
        return payments.takePayment(who, p, day(businessDate));
    }
    std::int64_t count(const std::string& sql) { return rdst::queryInt(db->handle(), sql); }
    std::int64_t deskRows() { return count("SELECT count(*) FROM desk_receipts"); }
    std::string ledgerCache() {
        return rdst::queryText(db->handle(),
                               "SELECT group_concat(loan_pk || ':' || hex(data), ',') FROM "
                               "(SELECT * FROM loan_ledgers ORDER BY loan_pk)");
    }
    rdst::Folder paymentsFile(const std::string& lines) {
        rdst::Folder later(tmp / fmt::format("pay{}", ++imports));
        later.write("payments.csv", kPaymentsHeader + lines);
        return later;
    }
};

std::string refusal(const Result<DeskReceipt>& r) {
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

} // namespace

TEST_CASE("desk payments: schema version 4 keeps receipts and reversals append-only",
          "[payments][schema]") {
    Desk d;
    d.open();
    CHECK(d.db->schemaVersion() >= 4);
    auto r = d.take(d.akello, Desk::cash("L1", 5000));
    REQUIRE(r.ok());
    REQUIRE(d.payments.reverse(d.sarah, r->receiptNo, "counterfeit note", day("2026-03-20")).ok());
    sqlite3* h = d.db->handle();
    for (const char* table : {"desk_receipts", "payment_reversals"}) {
        CHECK_THAT(rdst::execError(h, fmt::format("DELETE FROM {}", table)),
                   Catch::Contains("append-only"));
        CHECK_THAT(rdst::execError(h, fmt::format("UPDATE {} SET payment_id = payment_id", table)),
                   Catch::Contains("append-only"));
    }
    CHECK_THAT(rdst::execError(h, "DELETE FROM payments WHERE payment_id = 'DESK-000001'"),
               Catch::Contains("never deleted"));
    // The reversal date was added once; it is never changed.
    CHECK_THAT(rdst::execError(h, "UPDATE payments SET reversed_on = '2026-03-21' WHERE "
                                  "payment_id = 'DESK-000001'"),
               Catch::Contains("never edited"));
    CHECK_THAT(rdst::execError(h, "INSERT INTO payment_reversals VALUES('P1', '2026-03-20', "
                                  "'  ', 'sarah', '2026-03-20T09:00:00Z')"),
               Catch::Contains("CHECK"));
    // A desk payment is an ordinary payment: import 0, line 0.
    CHECK(d.count("SELECT count(*) FROM payments WHERE payment_id = 'DESK-000001' AND "
                  "import_id = 0 AND source_line = 0") == 1);
}

TEST_CASE("desk payments: a receipt shows the allocation and the position after, and reads "
          "back identical",
          "[payments][receipt]") {
    Desk d;
    d.open();
    // L2's 2026-03-15 cheque bounced (reversed 03-18): on 2026-03-20 it owes 115.00 on
    // installment 2. 50.00 at the desk pays the penalty 5.00, the interest 10.00 and 35.00
    // of principal, as the worked example's payment did.
    auto p = Desk::cash("L2", 5000, "2026-03-20");
    p.method = PaymentMethod::MobileMoney;
    p.reference = "  MM-7781  ";
    auto r = d.take(d.bosco, p);
    REQUIRE(r.ok());
    CHECK(r->receiptNo == 1);
    CHECK(r->paymentId == "DESK-000001");
    CHECK(receiptNumberText(r->receiptNo) == "000001");
    CHECK(r->loanId == "L2");
    CHECK(r->branch == "Kampala Central");
    CHECK(r->clientName == "Amina Nakato");
    CHECK(r->amount == 5000);
    CHECK(r->method == PaymentMethod::MobileMoney);
    CHECK(r->reference == "MM-7781");
    CHECK(r->takenBy == "bosco");
    CHECK(r->takenAt == "2026-03-20T09:00:00Z");
    CHECK(r->businessDate == day("2026-03-20"));
    CHECK(r->allocated == ComponentAmounts{3500, 1000, 0, 500});
    CHECK(r->toCreditBalance == 0);
    CHECK(r->outstandingPrincipalAfter == 16500);
    CHECK(r->arrearsAfter == 6500);
    CHECK(rdst::position(*d.db, "L2", "2026-03-20").arrears.total() == 6500);

    const auto again = d.payments.receipt(d.bosco, 1);
    REQUIRE(again);
    CHECK(again->allocated == r->allocated);
    CHECK(again->outstandingPrincipalAfter == r->outstandingPrincipalAfter);
    CHECK(again->arrearsAfter == r->arrearsAfter);
    CHECK(again->takenAt == r->takenAt);
    CHECK(again->reference == "MM-7781");
    CHECK_FALSE(again->reversedOn);
    const auto none = d.payments.receipt(d.bosco, 2);
    REQUIRE_FALSE(none);
    CHECK(none.error().kind == ErrorKind::NotFound);
    CHECK(none.error().hint == Hint::ListReceipts);
    // Reading a receipt needs ReadBranch in its branch.
    const auto otherBranch = d.payments.receipt(d.zawadi, 1);
    REQUIRE_FALSE(otherBranch);
    CHECK(otherBranch.error().kind == ErrorKind::Denied);
    CHECK(d.payments.receipt(d.admin, 1).ok());
    const auto ofL2 = d.payments.receiptsForLoan(d.akello, "L2");
    REQUIRE(ofL2.ok());
    CHECK(ofL2->size() == 1);
    const auto ofL1 = d.payments.receiptsForLoan(d.akello, "L1");
    REQUIRE(ofL1.ok());
    CHECK(ofL1->empty());
    CHECK(d.payments.receiptsForLoan(d.zawadi, "L2").error().kind == ErrorKind::Denied);
    // An unknown loan is now an error (it used to give an empty list).
    const auto unknown = d.payments.receiptsForLoan(d.akello, "NOPE");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().kind == ErrorKind::NotFound);
}

TEST_CASE("desk payments: receipt numbers have no gaps, a refused or failed save consumes no "
          "number",
          "[payments][receipt]") {
    Desk d;
    d.open();
    REQUIRE(d.take(d.akello, Desk::cash("L1", 1000)).ok());
    CHECK(d.deskRows() == 1);

    // Refused by validation: a cheque without a reference, and an amount of 0.
    auto cheque = Desk::cash("L1", 1000);
    cheque.method = PaymentMethod::Cheque;
    CHECK_FALSE(d.take(d.akello, cheque).ok());
    CHECK_FALSE(d.take(d.akello, Desk::cash("L1", 0)).ok());
    // Failed inside the transaction, after the payment row was written: the audit insert
    // aborts (a temporary trigger stands in for a constraint or disk failure). The service
    // turns the storage failure into an error saying nothing was saved.
    d.db->exec("CREATE TEMP TRIGGER fail_take BEFORE INSERT ON audit_log "
               "WHEN NEW.action = 'take_payment' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const auto failed = d.take(d.akello, Desk::cash("L1", 1000));
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().kind == ErrorKind::Storage);
    CHECK(failed.error().hint == Hint::Retry);
    CHECK_THAT(failed.error().message, Catch::Contains("nothing was saved"));
    d.db->exec("DROP TRIGGER fail_take");
    CHECK(d.deskRows() == 1);
    CHECK(d.count("SELECT count(*) FROM payments WHERE payment_id LIKE 'DESK-%'") == 1);

    auto second = d.take(d.akello, Desk::cash("L1", 1000));
    REQUIRE(second.ok());
    CHECK(second->receiptNo == 2);
    CHECK(second->paymentId == "DESK-000002");
    auto third = d.take(d.bosco, Desk::cash("L2", 1000));
    REQUIRE(third.ok());
    CHECK(third->receiptNo == 3); // one sequence for every loan and officer
    CHECK(d.count("SELECT count(*) FROM desk_receipts") == 3);
    CHECK(d.count("SELECT max(receipt_no) FROM desk_receipts") == 3);
}

TEST_CASE("desk payments: who may take a payment", "[payments][permissions]") {
    Desk d;
    SECTION("a loan without an open case: only a supervisor of its branch") {
        CHECK_THAT(refusal(d.take(d.akello, Desk::cash("L1", 1000))),
                   Catch::Contains("permission denied for akello (officer)") &&
                       Catch::Contains("no open case"));
        CHECK(d.take(d.sarah, Desk::cash("L1", 1000)).ok());
    }
    SECTION("a loan with an open case") {
        d.open();
        // The officer whose case it is, and the branch supervisor.
        CHECK(d.take(d.akello, Desk::cash("L1", 1000)).ok());
        CHECK(d.take(d.sarah, Desk::cash("L1", 1000)).ok());
        // An officer of the branch, on someone else's case.
        CHECK_THAT(refusal(d.take(d.bosco, Desk::cash("L1", 1000))),
                   Catch::Contains("permission denied for bosco (officer)") &&
                       Catch::Contains("assigned to akello"));
        // People of another branch, and the administrator.
        CHECK_THAT(refusal(d.take(d.zawadi, Desk::cash("L1", 1000))),
                   Catch::Contains("permission denied for zawadi (officer)"));
        CHECK_THAT(refusal(d.take(d.nuru, Desk::cash("L1", 1000))),
                   Catch::Contains("permission denied for nuru (supervisor)"));
        CHECK_THAT(refusal(d.take(d.admin, Desk::cash("L1", 1000))),
                   Catch::Contains("permission denied for boss (admin)"));
        // A user disabled since signing in.
        REQUIRE(d.users.disable(d.admin, "akello").ok());
        CHECK_THAT(refusal(d.take(d.akello, Desk::cash("L1", 1000))),
                   Catch::Contains("permission denied for akello"));
        CHECK(d.deskRows() == 2);
    }
}

TEST_CASE("desk payments: only a supervisor of the branch reverses a payment, once, with a "
          "reason",
          "[payments][permissions][reversal]") {
    Desk d;
    d.open();
    auto p = Desk::cash("L1", 5000, "2026-03-19");
    p.method = PaymentMethod::Cheque;
    p.reference = "CHQ-1001";
    auto r = d.take(d.akello, p);
    REQUIRE(r.ok());
    const Date today = day("2026-03-20");
    for (const User* who : {&d.akello, &d.bosco, &d.zawadi, &d.nuru, &d.admin})
        CHECK_THAT(refusal(d.payments.reverse(*who, r->receiptNo, "bounced", today)),
                   Catch::Contains(fmt::format("permission denied for {}", who->username)) &&
                       Catch::Contains("supervisor of branch Kampala Central"));
    CHECK_THAT(refusal(d.payments.reverse(d.sarah, r->receiptNo, "   ", today)),
               Catch::Contains("needs a reason"));
    CHECK_THAT(refusal(d.payments.reverse(d.sarah, r->receiptNo, "bounced", day("2026-03-18"))),
               Catch::Contains("before the payment date 2026-03-19"));
    CHECK_THAT(refusal(d.payments.reverse(d.sarah, 99, "bounced", today)),
               Catch::Contains("no receipt 000099"));
    CHECK(d.count("SELECT count(*) FROM payment_reversals") == 0);

    auto reversed = d.payments.reverse(d.sarah, r->receiptNo, "  cheque bounced ", today);
    REQUIRE(reversed.ok());
    CHECK(reversed->reversedOn == today);
    CHECK(reversed->reversalReason == "cheque bounced");
    CHECK(reversed->reversedBy == "sarah");
    CHECK(reversed->reversalRecordedAt == "2026-03-20T09:00:00Z");
    // The receipt itself does not change: it is reprinted with the reversal.
    CHECK(reversed->allocated == r->allocated);
    CHECK(reversed->amount == 5000);
    CHECK(d.count("SELECT count(*) FROM payments WHERE payment_id = 'DESK-000001' AND "
                  "reversed_on = '2026-03-20' AND reversal_import_id IS NULL") == 1);

    CHECK_THAT(refusal(d.payments.reverse(d.sarah, r->receiptNo, "again", today)),
               Catch::Contains("already reversed on 2026-03-20") && Catch::Contains("once only"));
    CHECK(d.count("SELECT count(*) FROM payment_reversals") == 1);
    // The loan is as if the payment never happened, from the reversal date on.
    CHECK(rdst::position(*d.db, "L1", "2026-03-20").arrears.total() == 6500);
    CHECK(rdst::position(*d.db, "L1", "2026-03-19").arrears.total() == 1500);
}

TEST_CASE("desk payments: every validation error says what is wrong", "[payments][validation]") {
    Desk d;
    d.open();
    auto withMethod = [](PaymentMethod m, std::string ref) {
        auto p = Desk::cash("L1", 1000);
        p.method = m;
        p.reference = std::move(ref);
        return p;
    };
    CHECK_THAT(refusal(d.take(d.akello, Desk::cash("L1", 0))), Catch::Contains("more than 0"));
    CHECK_THAT(refusal(d.take(d.akello, Desk::cash("L1", -500))), Catch::Contains("more than 0"));
    CHECK_THAT(refusal(d.take(d.akello, Desk::cash("L1", kMaxAmount + 1))),
               Catch::Contains("largest accepted"));
    for (auto m : {PaymentMethod::Cheque, PaymentMethod::BankTransfer, PaymentMethod::MobileMoney,
                   PaymentMethod::Other}) {
        // The method in words ("a bank transfer payment"), not its code.
        const auto noReference = d.take(d.akello, withMethod(m, " "));
        CHECK_THAT(refusal(noReference),
                   Catch::Contains("needs a reference") && Catch::Contains(paymentMethodWords(m)));
        CHECK(noReference.error().hint == Hint::GiveReference);
    }
    CHECK_THAT(refusal(d.take(d.akello, withMethod(PaymentMethod::Cheque, std::string(101, '7')))),
               Catch::Contains("at most 100"));
    CHECK_THAT(refusal(d.take(d.akello, Desk::cash("L1", 1000, "2026-03-21"))),
               Catch::Contains("after the business date 2026-03-20") &&
                   Catch::Contains("not post-dated"));
    CHECK_THAT(refusal(d.take(d.akello, Desk::cash("L1", 1000, "2025-12-31"))),
               Catch::Contains("before loan L1 was disbursed on 2026-01-01"));
    CHECK_THAT(refusal(d.take(d.akello, Desk::cash("L9", 1000))),
               Catch::Contains("no loan \"L9\""));
    CHECK(d.deskRows() == 0);
    CHECK(d.count("SELECT count(*) FROM audit_log WHERE action = 'take_payment'") == 0);

    // A cash payment needs no reference; a same-day back-dated one is fine.
    CHECK(d.take(d.akello, Desk::cash("L1", 1000, "2026-03-01")).ok());
    CHECK(d.take(d.akello, withMethod(PaymentMethod::Cheque, "CHQ-1")).ok());

    // The preview validates the same way and saves nothing.
    CHECK_THAT(d.payments.preview(d.akello, "L1", 0, day("2026-03-20")).error().message,
               Catch::Contains("more than 0"));
    CHECK(d.payments.preview(d.akello, "L9", 100, day("2026-03-20")).error().kind ==
          ErrorKind::NotFound);
    // It needs ReadBranch in the loan's branch.
    CHECK(d.payments.preview(d.zawadi, "L3", 15000, day("2026-03-20")).error().kind ==
          ErrorKind::Denied);
    const auto preview = d.payments.preview(d.akello, "L3", 15000, day("2026-03-20"));
    REQUIRE(preview.ok());
    CHECK(preview->allocated == ComponentAmounts{15000, 0, 0, 0});
    CHECK(preview->before.arrears.total() == 20000);
    CHECK(preview->after.arrears.total() == 5000);
    CHECK(d.deskRows() == 2);
}

TEST_CASE("desk payments: a payment that pays the loan off closes its case as paid, a paid-off "
          "loan takes no payment, and reversing the payoff reopens a case",
          "[payments][cases]") {
    Desk d;
    d.open();
    // L1 owes 175.00 in all on 2026-03-21 (the worked example's remaining 65.00 of #2 and
    // #3's 110.00).
    auto paid = d.take(d.akello, Desk::cash("L1", 17500, "2026-03-21"), "2026-03-21");
    REQUIRE(paid.ok());
    CHECK(paid->outstandingPrincipalAfter == 0);
    CHECK(paid->arrearsAfter == 0);
    CHECK(paid->toCreditBalance == 0);
    CHECK(rdst::position(*d.db, "L1", "2026-03-21").status == LoanStatus::PaidOff);
    CHECK_FALSE(CaseRepository(*d.db).openCase("L1"));
    const auto latest = CaseRepository(*d.db).latestCase("L1");
    REQUIRE(latest);
    CHECK(latest->closeReason == "paid");
    CHECK(latest->closedOn == day("2026-03-21"));

    // A paid-off loan takes no payment (only a supervisor may try: there is no open case).
    CHECK_THAT(refusal(d.take(d.sarah, Desk::cash("L1", 100, "2026-03-22"), "2026-03-22")),
               Catch::Contains("L1 is paid off as of 2026-03-22"));

    // The payoff was a bad cheque after all: the loan is delinquent again and gets a case.
    REQUIRE(
        d.payments.reverse(d.sarah, paid->receiptNo, "counterfeit notes", day("2026-03-22")).ok());
    CHECK(rdst::position(*d.db, "L1", "2026-03-22").status == LoanStatus::Active);
    CHECK(CaseRepository(*d.db).openCase("L1"));
}

TEST_CASE("desk payments: a confirmed overpayment becomes credit balance on the receipt",
          "[payments][receipt]") {
    Desk d;
    d.open();
    auto p = Desk::cash("L1", 20000, "2026-03-21");
    p.confirmOverpayment = true;
    auto r = d.take(d.akello, p, "2026-03-21");
    REQUIRE(r.ok());
    CHECK(r->toCreditBalance == 2500);
    CHECK(r->allocated.total() == 17500);
}

TEST_CASE("desk payments: an overpayment is refused until confirmed, naming what is left over",
          "[payments][receipt]") {
    Desk d;
    d.open();
    auto refused = d.take(d.akello, Desk::cash("L1", 20000, "2026-03-21"), "2026-03-21");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::Conflict);
    CHECK(refused.error().hint == Hint::ConfirmOverpayment);
    CHECK(refused.error().fact("overpayment") == "2500");
    CHECK(refused.error().message ==
          "200.00 is more than loan L1 owes: 25.00 would be left over as a credit balance");
    CHECK(d.deskRows() == 0);
    // Exactly what is owed needs no confirmation; the next receipt is still 000001.
    auto exact = d.take(d.akello, Desk::cash("L1", 17500, "2026-03-21"), "2026-03-21");
    REQUIRE(exact.ok());
    CHECK(exact->receiptNo == 1);
    CHECK(exact->toCreditBalance == 0);
}

TEST_CASE("desk payments: an amount beyond any sane size is refused, whatever is confirmed",
          "[payments][receipt]") {
    Desk d;
    d.open();
    // L1's principal is 300.00: more than 100 times that is a typing mistake.
    auto p = Desk::cash("L1", 3000001);
    p.confirmOverpayment = true;
    const auto message = refusal(d.take(d.akello, p));
    CHECK(message == "the amount 30,000.01 is more than 100 times the loan's principal of 300.00: "
                     "check the amount (a mistyped figure is not taken)");
    auto huge = Desk::cash("L1", 999'999'999'999'999);
    huge.confirmOverpayment = true;
    CHECK(refusal(d.take(d.akello, huge)).find("more than 100 times") != std::string::npos);
    CHECK(d.deskRows() == 0);
    // The limit is a setting.
    REQUIRE(d.settings.change(d.admin, "max_payment_multiple", "2").ok());
    p.amount = 60001;
    CHECK(refusal(d.take(d.akello, p)).find("more than 2 times") != std::string::npos);
    CHECK_FALSE(d.settings.change(d.admin, "max_payment_multiple", "0").ok());
    CHECK_FALSE(d.settings.change(d.admin, "max_payment_multiple", "1001").ok());
    p.amount = 60000; // exactly 2 times: taken (confirmed, it overpays)
    CHECK(d.take(d.akello, p).ok());
}

TEST_CASE("desk payments: a written-off loan takes a recovery payment", "[payments][cases]") {
    Desk d;
    d.open();
    REQUIRE(d.officerOf("L4") != "(no open case)");
    const auto holder = CaseRepository(*d.db).openCase("L4")->assignedUsername;
    const User& officer = holder == "akello" ? d.akello : d.bosco;
    auto r = d.take(officer, Desk::cash("L4", 11000));
    REQUIRE(r.ok());
    CHECK(r->allocated == ComponentAmounts{10000, 1000, 0, 0});
    CHECK(rdst::position(*d.db, "L4", "2026-03-20").status == LoanStatus::WrittenOff);
    CHECK(rdst::position(*d.db, "L4", "2026-03-20").arrears.total() == 11000);
}

TEST_CASE("desk payments: the case's audit trail shows payments and reversals",
          "[payments][audit]") {
    Desk d;
    d.open();
    auto r = d.take(d.akello, Desk::cash("L1", 5000));
    REQUIRE(r.ok());
    d.clock += std::chrono::hours{2};
    REQUIRE(d.payments.reverse(d.sarah, r->receiptNo, "wrong loan", day("2026-03-20")).ok());
    // The recompute's open_case and assign_case rows left out (test_case_audit.cpp).
    auto s = d.db->prepare("SELECT at, actor, action, before, after FROM audit_log WHERE "
                           "entity = 'case' AND entity_key = 'L1' AND action NOT IN "
                           "('open_case', 'assign_case') ORDER BY id");
    REQUIRE(s.step());
    CHECK(s.string(0) == "2026-03-20T09:00:00Z");
    CHECK(s.string(1) == "akello");
    CHECK(s.string(2) == "take_payment");
    const auto before = nlohmann::json::parse(s.string(3));
    CHECK(before["arrears_minor"] == 6500);
    const auto after = nlohmann::json::parse(s.string(4));
    CHECK(after["receipt_no"] == 1);
    CHECK(after["payment_id"] == "DESK-000001");
    CHECK(after["amount_minor"] == 5000);
    CHECK(after["method"] == "cash");
    CHECK(after["position"]["arrears_minor"] == 1500);
    REQUIRE(s.step());
    CHECK(s.string(0) == "2026-03-20T11:00:00Z");
    CHECK(s.string(1) == "sarah");
    CHECK(s.string(2) == "reverse_payment");
    CHECK(nlohmann::json::parse(s.string(3))["reversed_on"].is_null());
    const auto reversal = nlohmann::json::parse(s.string(4));
    CHECK(reversal["reversed_on"] == "2026-03-20");
    CHECK(reversal["reason"] == "wrong loan");
    CHECK_FALSE(s.step());
}

TEST_CASE("desk payments: the ledger cache equals a rebuild after a payment and a reversal",
          "[payments][ledger-cache]") {
    Desk d;
    d.open();
    const std::string start = d.ledgerCache();
    auto r = d.take(d.akello, Desk::cash("L1", 5000));
    REQUIRE(r.ok());
    const std::string afterPayment = d.ledgerCache();
    CHECK(afterPayment != start);
    {
        Transaction tx(*d.db);
        LoanRepository(*d.db).rebuildLedgerCache();
        tx.commit();
    }
    CHECK(d.ledgerCache() == afterPayment);
    REQUIRE(d.payments.reverse(d.sarah, r->receiptNo, "bounced", day("2026-03-20")).ok());
    const std::string afterReversal = d.ledgerCache();
    CHECK(afterReversal != afterPayment);
    {
        Transaction tx(*d.db);
        LoanRepository(*d.db).rebuildLedgerCache();
        tx.commit();
    }
    CHECK(d.ledgerCache() == afterReversal);
    // Portfolio figures (read from the cache) see the payment as the tables do.
    LoanLedger cached;
    auto sources = LoanRepository(*d.db).partitionedSources(1, LedgerSourceKind::Cache);
    bool found = false;
    while (sources[0]->next(cached))
        if (cached.terms.loanId == "L1") {
            found = true;
            bool desk = false;
            for (const auto& p : cached.payments)
                desk = desk || (p.id == "DESK-000001" && p.reversedOn == day("2026-03-20"));
            CHECK(desk);
        }
    CHECK(found);
}

TEST_CASE("desk payments: a promise is kept by a desk payment, and a reversal undoes it",
          "[payments][promises]") {
    Desk d;
    d.open();
    ContactService contacts(*d.db, [&d] { return d.clock; });
    REQUIRE(contacts.addPromise(d.akello, "L1", 5000, day("2026-03-25"), day("2026-03-20")).ok());
    auto status = [&d](const std::string& asOf) {
        auto file = d.cases.caseFile(d.akello, "L1", day(asOf));
        REQUIRE(file.ok());
        REQUIRE(file->promises.size() == 1);
        return file->promises.back().evaluation.status;
    };
    CHECK(status("2026-03-21") == PromiseStatus::Pending);
    auto r = d.take(d.akello, Desk::cash("L1", 5000, "2026-03-21"), "2026-03-21");
    REQUIRE(r.ok());
    CHECK(status("2026-03-21") == PromiseStatus::Kept);
    REQUIRE(d.payments.reverse(d.sarah, r->receiptNo, "bounced", day("2026-03-23")).ok());
    CHECK(status("2026-03-22") == PromiseStatus::Kept);
    CHECK(status("2026-03-23") == PromiseStatus::Pending);
}

TEST_CASE("desk payments: a later import of the same payment is accepted as the same payment, "
          "a different one is an error",
          "[payments][import]") {
    Desk d;
    d.open();
    auto p = Desk::cash("L1", 5000, "2026-03-19");
    p.method = PaymentMethod::Cheque;
    p.reference = "CHQ-1001";
    auto r = d.take(d.akello, p);
    REQUIRE(r.ok());
    const std::string before = rdst::snapshot(*d.db);

    SECTION("the same payment: nothing changes") {
        auto same = d.paymentsFile("DESK-000001,L1,2026-03-19,50.00,cheque,CHQ-1001,\n");
        auto outcome = rdst::importOk(*d.db, same.path());
        CHECK(outcome.counts.paymentsAdded == 0);
        CHECK(outcome.counts.rowsUnchanged == 1);
        CHECK(d.count("SELECT import_id FROM payments WHERE payment_id = 'DESK-000001'") == 0);
        // The desk keeps numbering where it was.
        auto next = d.take(d.akello, Desk::cash("L1", 100));
        REQUIRE(next.ok());
        CHECK(next->receiptNo == 2);
    }
    SECTION("the core banking system reverses it: the receipt shows the reversal") {
        auto reversed = d.paymentsFile("DESK-000001,L1,2026-03-19,50.00,cheque,CHQ-1001,"
                                       "2026-03-20\n");
        auto outcome = rdst::importOk(*d.db, reversed.path());
        CHECK(outcome.counts.paymentsReversed == 1);
        const auto again = d.payments.receipt(d.akello, 1);
        REQUIRE(again);
        CHECK(again->reversedOn == day("2026-03-20"));
        CHECK(again->reversalReason.empty());
        CHECK_THAT(refusal(d.payments.reverse(d.sarah, 1, "bounced", day("2026-03-20"))),
                   Catch::Contains("already reversed"));
    }
    SECTION("a different amount, date or loan is refused") {
        for (const char* line : {"DESK-000001,L1,2026-03-19,60.00,cheque,CHQ-1001,\n",
                                 "DESK-000001,L1,2026-03-18,50.00,cheque,CHQ-1001,\n",
                                 "DESK-000001,L2,2026-03-19,50.00,cheque,CHQ-1001,\n"}) {
            auto other = d.paymentsFile(line);
            auto outcome = rdst::importDir(*d.db, other.path());
            CHECK_FALSE(outcome.ok);
            CHECK(rdst::hasProblem(outcome.errors, "payments.csv:2: payment_id: ",
                                   "\"DESK-000001\" was taken at the desk before"));
        }
        CHECK(rdst::snapshot(*d.db) == before);
    }
    SECTION("a DESK- payment this database never took takes its number") {
        auto foreign = d.paymentsFile("DESK-000007,L2,2026-03-19,10.00,cash,,\n");
        rdst::importOk(*d.db, foreign.path());
        auto next = d.take(d.akello, Desk::cash("L1", 100));
        REQUIRE(next.ok());
        CHECK(next->receiptNo == 8);
    }
}

TEST_CASE("desk payments: the export list is by receipt number from a business date on",
          "[payments][export]") {
    Desk d;
    d.open();
    REQUIRE(d.take(d.akello, Desk::cash("L1", 1000, "2026-03-18"), "2026-03-19").ok());
    REQUIRE(d.take(d.bosco, Desk::cash("L2", 2000, "2026-03-15"), "2026-03-20").ok());
    REQUIRE(d.take(d.akello, Desk::cash("L3", 3000, "2026-03-20"), "2026-03-20").ok());
    // By business date (the day it was taken), not the payment date.
    const auto since = d.payments.takenSince(d.admin, day("2026-03-20"));
    REQUIRE(since.ok());
    REQUIRE(since->size() == 2);
    CHECK((*since)[0].receiptNo == 2);
    CHECK((*since)[0].paidOn == day("2026-03-15"));
    CHECK((*since)[1].receiptNo == 3);
    const auto all = d.payments.takenSince(localOperator(), day("2026-03-01"));
    REQUIRE(all.ok());
    CHECK(all->size() == 3);
    const auto none = d.payments.takenSince(d.admin, day("2026-03-21"));
    REQUIRE(none.ok());
    CHECK(none->empty());
    // The export covers the whole portfolio: an administrator's or the local operator's job.
    for (const User* who : {&d.akello, &d.sarah}) {
        INFO(who->username);
        const auto refused = d.payments.takenSince(*who, day("2026-03-20"));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == ErrorKind::Denied);
    }
}

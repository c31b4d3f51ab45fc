// Repayment plans on the desk (domain.md 9b-9c): the supervisor's Plan approvals page (the
// waiver against the limit, the approvals given, the affordability, the installments and
// budget of the selected plan; approve with Ctrl+Enter and reject with Ctrl+J, each with a
// comment; the service's refusals in words; a plan needing two supervisors stays as "1 of
// 2"), the case file's Repayment plans tab (the active plan's installments kept / pending
// with what was paid towards them, the history with decisions and comments) and the
// printed confirmation on the letterhead, read back from a PDF. The plans are made through
// PlanService on the demo desk.
#include "dialogs/text_entry_dialog.h"
#include "display_text.h"
#include "main_window.h"
#include "models/plan_approvals_model.h"
#include "models/plan_history_model.h"
#include "models/plan_installments_model.h"
#include "money_display.h"
#include "pages/case_file/plans_tab.h"
#include "pages/case_file_page.h"
#include "pages/plan_approvals_page.h"
#include "print/plan_confirmation_document.h"
#include "services/plan_service.h"
#include "ui_fixture.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QPrinter>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

std::string q(const QString& text) {
    return text.toStdString();
}

QString plain(const QString& html) {
    QTextDocument doc;
    doc.setHtml(html);
    return doc.toPlainText().simplified();
}

// The officer with the most open cases, their supervisor and two active loans of their list
// with arrears (a plan is for an active loan only).
struct PlanDesk {
    DemoDesk desk;
    User officer;
    User supervisor;
    std::vector<std::string> loans;

    PlanDesk()
        : officer(desk.signIn(desk.busiestOfficer())),
          supervisor(desk.signIn(desk.supervisorOf(officer.username))) {
        const auto list = desk.callList().forOfficer(officer, officer.username, businessDate());
        REQUIRE(list);
        for (const auto& item : list->items)
            if (item.entry.position.status == LoanStatus::Active &&
                item.entry.position.arrears.total() > 0 && loans.size() < 2)
                loans.push_back(item.entry.loanId);
        REQUIRE(loans.size() == 2);
    }
    services::PlanService& plans() { return desk.all().plans(); }

    // An arrangement of the arrears in three monthly parts, without a budget (so with a reason).
    services::PlanView arrangement(const std::string& loan, const User& by) {
        auto parts = plans().arrangementFor(by, loan, businessDate(), 3, 1, true);
        REQUIRE(parts);
        services::PlanProposal p;
        p.loanId = loan;
        p.kind = PlanKind::Arrangement;
        p.installments = *parts;
        p.note = "Client sells charcoal; pays after each market week.";
        p.affordabilityReason = "the harvest comes in January";
        auto view = plans().propose(by, p, businessDate());
        INFO((view ? "" : view.error().message));
        REQUIRE(view);
        return *view;
    }

    // A settlement of half the balance in one sum: a waiver above the 25% limit.
    services::PlanView settlement(const std::string& loan) {
        services::PlanProposal p;
        p.loanId = loan;
        p.kind = PlanKind::Settlement;
        p.installments = {{1, businessDate().addDays(14), 1, {}}};
        p.affordabilityReason = "a relative lends the money";
        auto draft = plans().draft(officer, p, businessDate());
        REQUIRE(draft);
        REQUIRE(draft->balance > 0);
        p.installments[0].amount = draft->balance / 2;
        auto view = plans().propose(officer, p, businessDate());
        INFO((view ? "" : view.error().message));
        REQUIRE(view);
        REQUIRE(view->plan.approvalsNeeded == 2);
        return *view;
    }
};

// Answers the comment dialog the page opens with `comment` and saves it with Ctrl+Enter.
struct CommentAnswer {
    explicit CommentAnswer(QString comment)
        : driver("rd::ui::TextEntryDialog", [comment](QWidget* dialog) {
              auto* d = qobject_cast<ui::TextEntryDialog*>(dialog);
              expect(d != nullptr, "the comment dialog");
              QTest::keyClicks(d->edit(), comment);
              expect(activate(d), "the dialog is active");
              QTest::keyClick(d->edit(), Qt::Key_Return, Qt::ControlModifier);
          }) {}
    ModalDriver driver;
};

int rowOfLoan(QAbstractItemModel* model, int column, const std::string& loan) {
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, column).data().toString() == QString::fromStdString(loan))
            return r;
    return -1;
}

std::string fileText(const std::filesystem::path& path) {
    QFile f(QString::fromStdString(path.string()));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll().toStdString();
}

} // namespace

TEST_CASE("Plan approvals: the waiting plans with waiver and affordability, approve by keyboard, "
          "two supervisors above the limit, refusals in words",
          "[ui][plans]") {
    PlanDesk d;
    const auto arrangement = d.arrangement(d.loans[0], d.officer);
    const auto settlement = d.settlement(d.loans[1]);

    const auto session = d.desk.session(d.supervisor);
    ui::MainWindow window(d.desk.services(), session);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.showPage(QStringLiteral("planApprovalsPage")));
    auto* page = window.findChild<ui::PlanApprovalsPage*>();
    REQUIRE(page);
    auto* model = page->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester installmentsTester(
        page->installmentsModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(model->rowCount() == 2);
    using M = ui::PlanApprovalsModel;
    const int a = rowOfLoan(model, M::Loan, d.loans[0]);
    const int s = rowOfLoan(model, M::Loan, d.loans[1]);
    REQUIRE(a >= 0);
    REQUIRE(s >= 0);
    CHECK(model->index(a, M::Kind).data().toString() == QStringLiteral("arrangement"));
    CHECK(model->index(a, M::Approvals).data().toString() == QStringLiteral("0 of 1"));
    CHECK(model->index(a, M::WaiverShare).data().toString() == QStringLiteral("none"));
    CHECK(model->index(a, M::Affordability).data().toString() == QStringLiteral("no budget"));
    CHECK(model->index(a, M::Officer)
              .data()
              .toString()
              .contains(QString::fromStdString(d.officer.username)));
    CHECK(model->index(s, M::Kind).data().toString() == QStringLiteral("settlement"));
    CHECK(model->index(s, M::Approvals).data().toString() == QStringLiteral("0 of 2"));
    CHECK(
        model->index(s, M::WaiverShare).data().toString().endsWith(QStringLiteral("(limit 25%)")));
    // Half the balance is waived: 50.0% (49.9 to 50.1 with rounding of an odd balance).
    CHECK(model->index(s, M::WaiverShare).data().toString().startsWith(QStringLiteral("50")));

    // The detail of the selected plan: its installments, the reason, the note.
    REQUIRE(page->selectPlan(arrangement.plan.id));
    CHECK(page->installmentsModel()->rowCount() ==
          static_cast<int>(arrangement.plan.installments.size()));
    INFO(q(page->details()));
    CHECK(page->details().contains(QStringLiteral("the harvest comes in January")));
    CHECK(page->details().contains(QStringLiteral("No budget worksheet")));
    CHECK(page->details().contains(QStringLiteral("pays after each market week")));

    // Ctrl+Enter asks for the comment and approves: the arrangement is active and leaves.
    {
        CommentAnswer answer(QStringLiteral("Affordable after the harvest"));
        REQUIRE(activate(page->view()));
        page->view()->setFocus();
        QTest::keyClick(page->view(), Qt::Key_Return, Qt::ControlModifier);
        INFO(answer.driver.failure());
        REQUIRE(answer.driver.ran());
        CHECK(answer.driver.failure().empty());
    }
    INFO(q(page->message()));
    CHECK(page->message().contains(QStringLiteral("active plan")));
    CHECK(model->rowCount() == 1);
    CHECK(rowOfLoan(model, M::Loan, d.loans[0]) < 0);
    auto shown = d.plans().show(d.supervisor, arrangement.plan.id, businessDate());
    REQUIRE(shown);
    CHECK(shown->status == PlanStatus::Active);
    CHECK(shown->plan.decisions.back().comment == "Affordable after the harvest");

    // The settlement needs two: after the first approval it stays, "1 of 2".
    REQUIRE(page->selectPlan(settlement.plan.id));
    REQUIRE(page->decide(true, QStringLiteral("Fair offer")));
    CHECK(page->message().contains(QStringLiteral("second supervisor")));
    REQUIRE(model->rowCount() == 1);
    CHECK(model->index(0, M::Approvals).data().toString() == QStringLiteral("1 of 2"));
    // The same supervisor twice is refused in words, and nothing changes.
    CHECK_FALSE(page->decide(true, QStringLiteral("again")));
    CHECK(page->message().contains(QStringLiteral("second approval by a different supervisor")));
    CHECK(model->index(0, M::Approvals).data().toString() == QStringLiteral("1 of 2"));

    // A second supervisor of the branch makes it active.
    const auto admin = d.desk.signIn("admin");
    auto second = d.desk.users().addUser(
        admin, {"sup2.test", "Ruth Achieng", Role::Supervisor, d.supervisor.branches}, "pass1234",
        false);
    REQUIRE(second);
    const auto secondSession = d.desk.session(second->user);
    ui::PlanApprovalsPage other(d.desk.services(), secondSession);
    other.show();
    REQUIRE(other.model()->rowCount() == 1);
    REQUIRE(other.selectPlan(settlement.plan.id));
    REQUIRE(other.decide(true, QStringLiteral("Agreed with the branch manager")));
    CHECK(other.message().contains(QStringLiteral("active plan")));
    CHECK(other.model()->rowCount() == 0);
    shown = d.plans().show(d.supervisor, settlement.plan.id, businessDate());
    REQUIRE(shown);
    CHECK(shown->status == PlanStatus::Active);
    CHECK(shown->plan.approvals() == 2);
}

TEST_CASE("Plan approvals: reject with Ctrl+J needs a comment, and a supervisor's own proposal is "
          "refused in words",
          "[ui][plans]") {
    PlanDesk d;
    const auto mine = d.arrangement(d.loans[0], d.supervisor);
    const auto theirs = d.arrangement(d.loans[1], d.officer);
    const auto session = d.desk.session(d.supervisor);
    ui::PlanApprovalsPage page(d.desk.services(), session);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    REQUIRE(page.model()->rowCount() == 2);

    REQUIRE(page.selectPlan(mine.plan.id));
    CHECK_FALSE(page.decide(true, QStringLiteral("fine")));
    INFO(q(page.message()));
    CHECK(page.message().contains(QStringLiteral("another supervisor")));
    CHECK(page.model()->rowCount() == 2);

    // An empty comment: the dialog keeps Save disabled and says what is missing; the
    // service refuses a decision without one too.
    REQUIRE(page.selectPlan(theirs.plan.id));
    {
        ModalDriver empty("rd::ui::TextEntryDialog", [](QWidget* dialog) {
            auto* d = qobject_cast<ui::TextEntryDialog*>(dialog);
            expect(d != nullptr, "the comment dialog");
            auto* box = dialog->findChild<QDialogButtonBox*>();
            expect(box != nullptr, "the buttons");
            for (auto* b : box->buttons())
                if (box->buttonRole(b) == QDialogButtonBox::AcceptRole)
                    expect(!b->isEnabled(), "Reject is disabled without a comment");
            expect(d->problem().contains(QStringLiteral("why the plan is rejected")),
                   "the dialog says what is missing");
        });
        CHECK_FALSE(page.rejectSelected());
        INFO(empty.failure());
        REQUIRE(empty.ran());
        CHECK(empty.failure().empty());
    }
    CHECK_FALSE(page.decide(false, QStringLiteral("   ")));
    CHECK(page.message().contains(QStringLiteral("comment")));
    CHECK(page.model()->rowCount() == 2);

    {
        CommentAnswer answer(QStringLiteral("Too long for this client; propose 6 months"));
        REQUIRE(activate(page.view()));
        page.view()->setFocus();
        QTest::keyClick(page.view(), Qt::Key_J, Qt::ControlModifier);
        INFO(answer.driver.failure());
        REQUIRE(answer.driver.ran());
        CHECK(answer.driver.failure().empty());
    }
    CHECK(page.message().contains(QStringLiteral("rejected")));
    CHECK(page.model()->rowCount() == 1);
    const auto shown = d.plans().show(d.supervisor, theirs.plan.id, businessDate());
    REQUIRE(shown);
    CHECK(shown->status == PlanStatus::Rejected);
}

TEST_CASE("Repayment plans tab: the active plan's installments kept and pending with what was "
          "paid, the history with comments, the confirmation printed on the letterhead",
          "[ui][plans]") {
    PlanDesk d;
    const auto admin = d.desk.signIn("admin");
    REQUIRE(d.desk.settings().change(admin, "institution_name", "Kampala Savings and Credit Ltd"));
    const std::string loan = d.loans[0];
    const auto first = d.arrangement(loan, d.officer);
    REQUIRE(d.plans().reject(d.supervisor, first.plan.id, "Spread it over three months",
                             businessDate()));
    const auto second = d.arrangement(loan, d.officer);
    REQUIRE(
        d.plans().approve(d.supervisor, second.plan.id, "Agreed at the branch", businessDate()));
    // Today's payment of the first installment keeps it.
    const Amount firstAmount = second.plan.installments.front().amount;
    services::NewDeskPayment pay;
    pay.loanId = loan;
    pay.amount = firstAmount;
    pay.paidOn = businessDate();
    auto receipt = d.desk.payments().takePayment(d.officer, pay, businessDate());
    INFO((receipt ? "" : receipt.error().message));
    REQUIRE(receipt);

    const auto session = d.desk.session(d.officer);
    ui::CaseFilePage page(d.desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(loan)));
    auto* tab = page.plansTab();
    page.tabs()->setCurrentWidget(tab);
    page.show();
    QAbstractItemModelTester historyTester(tab->historyModel(),
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester installmentsTester(
        tab->installmentsModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    using H = ui::PlanHistoryModel;
    using I = ui::PlanInstallmentsModel;
    auto* history = tab->historyModel();
    REQUIRE(history->rowCount() == 2);
    // Newest first; the active plan is selected.
    CHECK(history->index(0, H::Status).data().toString() == QStringLiteral("active"));
    CHECK(history->index(1, H::Status).data().toString() == QStringLiteral("rejected"));
    CHECK(history->index(1, H::Decisions)
              .data()
              .toString()
              .contains(QStringLiteral("Spread it over three months")));
    CHECK(history->index(0, H::Decisions)
              .data()
              .toString()
              .contains(QStringLiteral("Agreed at the branch")));
    REQUIRE(tab->selected());
    CHECK(tab->selected()->plan.id == second.plan.id);
    INFO(q(tab->summary()));
    CHECK(tab->summary().contains(QStringLiteral("active")));
    auto* inst = tab->installmentsModel();
    REQUIRE(inst->rowCount() == static_cast<int>(second.plan.installments.size()));
    REQUIRE(inst->rowCount() >= 2);
    CHECK(inst->index(0, I::Status).data().toString() == QStringLiteral("kept"));
    CHECK(inst->index(1, I::Status).data().toString() == QStringLiteral("pending"));
    CHECK(inst->index(0, I::PaidSoFar).data().toString() ==
          ui::displayMoney(firstAmount, session.currency));
    CHECK(inst->index(1, I::PaidSoFar).data().toString() ==
          ui::displayMoney(firstAmount, session.currency));
    CHECK(inst->index(1, I::DueSoFar).data().toString() ==
          ui::displayMoney(firstAmount + second.plan.installments[1].amount, session.currency));

    // Printed to a PDF (Ctrl+Alt+P), read back.
    const auto pdf = d.desk.tempDir() / "plan.pdf";
    tab->setPrinterChooser([&pdf](QPrinter& printer, QWidget*) {
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(QString::fromStdString(pdf.string()));
        return true;
    });
    REQUIRE(activate(tab->historyView()));
    tab->historyView()->setFocus();
    QTest::keyClick(tab->historyView(), Qt::Key_P, Qt::ControlModifier | Qt::AltModifier);
    REQUIRE(std::filesystem::exists(pdf));
    CHECK(fileText(pdf).rfind("%PDF-", 0) == 0);
    const QString text = plain(tab->lastHtml());
    INFO(q(text));
    CHECK(text.contains(QStringLiteral("Kampala Savings and Credit Ltd")));
    CHECK(text.contains(QStringLiteral("Repayment plan confirmation")));
    CHECK(text.contains(QString::fromStdString(loan)));
    CHECK(text.contains(QString::fromStdString(second.clientName)));
    CHECK(text.contains(QStringLiteral("arrangement")));
    for (const auto& i : second.plan.installments)
        CHECK(text.contains(ui::displayDate(i.dueDate) + QLatin1Char(' ') +
                            ui::displayMoney(i.amount, session.currency)));
    CHECK(text.contains(QStringLiteral("Total ") +
                        ui::displayMoneyWithCode(second.plan.total, session.currency)));
    CHECK(text.contains(QStringLiteral("Nothing is waived")));
    CHECK(
        text.contains(QStringLiteral("Proposed by ") + QString::fromStdString(d.officer.fullName)));
    CHECK(text.contains(QStringLiteral("Approved by ") +
                        QString::fromStdString(d.supervisor.fullName)));
    CHECK(page.message().contains(QStringLiteral("printed")));

    // The rejected plan is not confirmed.
    tab->historyView()->setCurrentIndex(history->index(1, 0));
    CHECK_FALSE(child<QPushButton>(tab, "printPlanButton")->isEnabled());
    CHECK_FALSE(tab->printConfirmation());
    CHECK(page.message().contains(QStringLiteral("active or completed")));
    CHECK(inst->index(0, I::Status).data().toString() == QStringLiteral("not approved yet"));
}

TEST_CASE("The plan confirmation of a settlement says the waiver, and only an agreed plan is confirmed",
          "[ui][plans]") {
    ui::PlanConfirmation c;
    c.plan.status = PlanStatus::Active;
    c.plan.clientName = "Amina <Nakato>";
    c.plan.plan.id = 7;
    c.plan.plan.loanId = "L0001";
    c.plan.plan.kind = PlanKind::Settlement;
    c.plan.plan.balance = 200'000;
    c.plan.plan.total = 150'000;
    c.plan.plan.waived = 50'000;
    c.plan.plan.proposedBy = "akello";
    c.plan.plan.installments = {{1, Date::parse("2026-12-10").value(), 150'000, {}}};
    c.currency = Currency{"UGX", 0};
    c.names = {{"akello", "Akello Grace"}};
    const QString text = plain(ui::planConfirmationHtml(c));
    INFO(q(text));
    CHECK(text.contains(QStringLiteral("Amina <Nakato>")));
    CHECK(text.contains(QStringLiteral("settlement")));
    CHECK(text.contains(QStringLiteral("Waived when the plan is kept: UGX ") +
                        ui::displayMoney(50'000, c.currency) + QStringLiteral(" (25")));
    CHECK(text.contains(QStringLiteral("Proposed by Akello Grace (akello)")));
    CHECK_FALSE(text.contains(QStringLiteral("Approved by")));
    CHECK_FALSE(text.contains(QStringLiteral("Licence")));
    CHECK(ui::planConfirmable(c.plan));
    c.plan.status = PlanStatus::Proposed;
    CHECK_FALSE(ui::planConfirmable(c.plan));
}

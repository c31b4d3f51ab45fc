// A truthful case file (issue 8): the timeline in the order things happened (newest first,
// ties in a stable order) at the institution's local time, naming who did each thing
// (full name and username) and why; the recompute's opening and assignment in it.
#include "display_text.h"
#include "models/audit_model.h"
#include "models/timeline_model.h"
#include "pages/case_file_page.h"
#include "ui_fixture.h"

#include <QRegularExpression>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

QString personOf(const DemoDesk& desk, const std::string& username) {
    return QStringLiteral("%1 (%2)").arg(
        QString::fromStdString(
            desk.text("SELECT full_name FROM users WHERE username = '" + username + "'")),
        QString::fromStdString(username));
}

// The rows of a kind whose details contain `text`.
std::vector<int> rowsWith(const ui::TimelineModel& model, const QString& kind,
                          const QString& text = {}) {
    std::vector<int> out;
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.entry(row).kind == kind && model.entry(row).what.contains(text))
            out.push_back(row);
    return out;
}

} // namespace

TEST_CASE("the timeline names who did what and why, newest first, at local times",
          "[ui][timeline]") {
    DemoDesk desk;
    const auto officerName = desk.busiestOfficer();
    const auto supervisorName = desk.supervisorOf(officerName);
    const auto officer = desk.signIn(officerName);
    const auto supervisor = desk.signIn(supervisorName);
    const auto list = desk.callList().forOfficer(officer, officerName, businessDate());
    REQUIRE(list);
    REQUIRE(!list->items.empty());
    const auto loan = list->items.front().entry.loanId;

    // A call before contact hours, with the officer's reason for it.
    services::NewContact early;
    early.loanId = loan;
    early.at = DateTime{businessDate(), 7 * 60 + 10};
    early.outcome = ContactOutcome::Reached;
    early.overrideReason = "client leaves for the market at 7:30";
    REQUIRE(desk.contacts().addContact(officer, early));
    services::NewDeskPayment pay;
    pay.loanId = loan;
    pay.amount = 10000;
    pay.paidOn = businessDate();
    REQUIRE(desk.payments().takePayment(officer, pay, businessDate()));
    REQUIRE(desk.payments().reverse(supervisor, 1, "counterfeit note", businessDate()));
    // Two notes at the same moment (the clock is fixed): the later one is shown first.
    REQUIRE(desk.actions().addNote(officer, loan, "first note", std::nullopt, businessDate()));
    REQUIRE(desk.actions().addNote(officer, loan, "second note", std::nullopt, businessDate()));
    const auto file0 = desk.cases().caseFile(officer, loan, businessDate());
    REQUIRE(file0);
    const auto from = file0->caseRecord->stage;
    const auto to = from == CaseStage::Collection ? CaseStage::Early : CaseStage::Collection;
    REQUIRE(desk.actions().changeStage(officer, loan, to, "client lost his job", businessDate()));
    assessForLegal(desk.all(), officer, loan);
    const auto request =
        desk.actions().requestLegal(officer, loan, "no payment since June", businessDate());
    REQUIRE(request);
    REQUIRE(desk.actions().decideApproval(supervisor, *request, false, "try a visit first",
                                          businessDate()));

    const auto session = desk.session(supervisor);
    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(loan)));
    const auto& model = *page.timelineModel();
    REQUIRE(model.rowCount() >= 9);

    // Newest first throughout.
    for (int row = 1; row < model.rowCount(); ++row) {
        INFO(model.entry(row).what.toStdString());
        CHECK(model.entry(row - 1).sortKey >= model.entry(row).sortKey);
    }
    const QString officerText = personOf(desk, officerName);
    const QString supervisorText = personOf(desk, supervisorName);
    // The desk's clock says 10:30 in Kampala (07:30 UTC): what was recorded today shows so.
    const QString tenThirty = ui::displayDateTime(DateTime{businessDate(), 10 * 60 + 30});

    const auto reversal = rowsWith(model, QStringLiteral("Reversal"));
    REQUIRE(reversal.size() == 1);
    CHECK(model.entry(reversal[0]).who == supervisorText);
    CHECK(model.entry(reversal[0]).what.contains(QStringLiteral("Reason: counterfeit note")));
    CHECK(model.entry(reversal[0]).when == tenThirty);

    const auto payment = rowsWith(model, QStringLiteral("Payment"), QStringLiteral("DESK-000001"));
    REQUIRE(payment.size() == 1);
    CHECK(model.entry(payment[0]).who == officerText);

    const auto first = rowsWith(model, QStringLiteral("Note"), QStringLiteral("first note"));
    const auto second = rowsWith(model, QStringLiteral("Note"), QStringLiteral("second note"));
    REQUIRE(first.size() == 1);
    REQUIRE(second.size() == 1);
    CHECK(second[0] < first[0]);
    CHECK(model.entry(first[0]).who == officerText);
    CHECK(model.entry(first[0]).when == tenThirty);

    const auto stage = rowsWith(model, QStringLiteral("Case"), QStringLiteral("Stage changed"));
    REQUIRE(!stage.empty());
    CHECK(model.entry(stage[0]).what ==
          QStringLiteral("Stage changed from %1 to %2. Reason: client lost his job")
              .arg(ui::stageText(from), ui::stageText(to)));
    CHECK(model.entry(stage[0]).who == officerText);

    const auto asked = rowsWith(model, QStringLiteral("Legal request"));
    REQUIRE(asked.size() == 1);
    CHECK(model.entry(asked[0]).what.contains(QStringLiteral("Reason: no payment since June")));
    CHECK(model.entry(asked[0]).who == officerText);
    const auto decided = rowsWith(model, QStringLiteral("Legal decision"));
    REQUIRE(decided.size() == 1);
    CHECK(model.entry(decided[0]).what.contains(QStringLiteral("Comment: try a visit first")));
    CHECK(model.entry(decided[0]).who == supervisorText);
    // Recorded at the same moment (the clock is fixed): the decision, made later, is above.
    CHECK(decided[0] < asked[0]);

    const auto call = rowsWith(model, QStringLiteral("Contact"), QStringLiteral("Reached"));
    REQUIRE(call.size() == 1);
    CHECK(model.entry(call[0]).what.contains(
        QStringLiteral("Outside the contact rules because: client leaves for the market")));
    CHECK(model.entry(call[0]).when == ui::displayDateTime(DateTime{businessDate(), 7 * 60 + 10}));
    // 07:10 comes after everything recorded at 10:30 the same day.
    CHECK(call[0] > first[0]);

    // No time is shown as stored (ISO, UTC).
    for (int row = 0; row < model.rowCount(); ++row)
        CHECK_FALSE(
            model.entry(row).when.contains(QRegularExpression(QStringLiteral("T\\d\\d:|Z$"))));
}

TEST_CASE("the recompute's automatic opening and assignment show in the timeline with who ran "
          "it",
          "[ui][timeline][audit]") {
    DemoDesk desk;
    const auto officerName = desk.busiestOfficer();
    const auto supervisor = desk.signIn(desk.supervisorOf(officerName));
    // A loan whose case the demo's recompute (run by the command line) opened and assigned.
    const auto loan =
        desk.text("SELECT l.loan_id FROM loans l JOIN cases c ON c.loan_pk = l.id JOIN users u ON "
                  "u.id = c.assigned_to WHERE c.status = 'open' AND u.username = '" +
                  officerName + "' ORDER BY l.loan_id LIMIT 1");
    REQUIRE_FALSE(loan.empty());
    const auto session = desk.session(supervisor);
    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(loan)));
    const auto& model = *page.timelineModel();
    const auto opened =
        rowsWith(model, QStringLiteral("Case"), QStringLiteral("Case opened automatically"));
    REQUIRE(opened.size() == 1);
    CHECK(model.entry(opened[0]).who == QStringLiteral("Local operator (recoverydesk-cli)"));
    CHECK(model.entry(opened[0]).what.contains(QStringLiteral("days past due")));
    const auto assigned = rowsWith(model, QStringLiteral("Case"),
                                   QStringLiteral("Assigned to ") + personOf(desk, officerName));
    REQUIRE(assigned.size() == 1);
    CHECK(model.entry(assigned[0]).what.contains(QStringLiteral("fewest open cases")));
    // Assigned in the same run, after the opening: shown above it.
    CHECK(assigned[0] < opened[0]);

    // The audit trail holds the same two records.
    const auto* audit = page.auditModel();
    QStringList sentences;
    for (int row = 0; row < audit->rowCount(); ++row)
        sentences << audit->index(row, ui::AuditModel::What).data().toString();
    CHECK(sentences.filter(QStringLiteral("Case opened automatically: ")).size() == 1);
    CHECK(sentences.filter(QStringLiteral("Assigned to ") + personOf(desk, officerName)).size() ==
          1);
}

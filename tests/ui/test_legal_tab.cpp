// The case file's Legal and costs tab on the demo portfolio: the feasibility dialog working
// out the expected net recovery as the officer types and saving it (after which the request
// to move the case to legal goes through), the cost dialog refusing a bad amount and saving
// a good one, and the tab's three models under QAbstractItemModelTester.
#include "dialogs/cost_dialog.h"
#include "dialogs/feasibility_dialog.h"
#include "models/legal_models.h"
#include "pages/case_file/legal_tab.h"
#include "pages/case_file_page.h"
#include "services/legal_service.h"
#include "ui_fixture.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

// An open, assigned case whose loan has collateral with a forced-sale value and a guarantor.
std::string securedLoan(const DemoDesk& desk) {
    return desk.text(
        "SELECT l.loan_id FROM loans l JOIN cases c ON c.loan_pk = l.id AND c.status = 'open' AND "
        "c.assigned_to IS NOT NULL AND c.stage <> 'legal' "
        "WHERE EXISTS(SELECT 1 FROM guarantors g WHERE g.loan_pk = l.id) AND EXISTS(SELECT 1 "
        "FROM collateral k WHERE k.loan_pk = l.id AND k.forced_sale_value > 0) "
        "AND NOT EXISTS(SELECT 1 FROM case_approvals a WHERE a.case_id = c.id) "
        "ORDER BY l.loan_id LIMIT 1");
}

QPushButton* saveButton(QDialog* dialog) {
    return dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
}

} // namespace

TEST_CASE("The feasibility dialog works the expected net recovery out as the officer types, "
          "and the request to legal then carries it",
          "[ui][legal][feasibility]") {
    DemoDesk desk;
    const std::string loan = securedLoan(desk);
    REQUIRE_FALSE(loan.empty());
    const auto officer = desk.signIn(desk.officerOfLoan(loan));
    const auto session = desk.session(officer);
    auto file = desk.cases().caseFile(officer, loan, businessDate());
    REQUIRE(file);
    // Without an assessment the request is refused, with the hint to make one.
    auto refused = desk.actions().requestLegal(officer, loan, "no payment", businessDate());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().hint == Hint::AssessFeasibility);

    ui::FeasibilityDialog dialog(desk.services(), session, *file);
    dialog.show();
    const auto& p = file->position;
    const Amount balance =
        p.outstandingPrincipal + p.arrears.interest + p.arrears.fees + p.arrears.penalties;
    Amount forced = 0;
    for (const auto& c : file->collateral)
        forced += c.forcedSaleValue.value_or(0);
    dialog.chanceBox()->setValue(50);
    for (int i = 0; i < 4; ++i)
        dialog.costEdit(i)->clear();
    CHECK(dialog.expected() == std::min(balance, forced) / 2 + (std::min(balance, forced) % 2));
    // Untick every collateral item: nothing secures the loan, so the result is minus the costs.
    for (std::size_t i = 0; i < file->collateral.size(); ++i)
        dialog.collateralCheck(static_cast<int>(i))->setChecked(false);
    QTest::keyClicks(dialog.costEdit(0), QStringLiteral("150,000"));
    Amount unit = 1;
    for (int i = 0; i < file->currency.exponent; ++i)
        unit *= 10;
    CHECK(dialog.expected() == -150000 * unit);
    CHECK(dialog.expectedText().contains(QStringLiteral("cost more than it brings in")));
    // A mistyped amount: Save is disabled, the problem named, nothing lost.
    QTest::keyClicks(dialog.costEdit(1), QStringLiteral("lots"));
    CHECK_FALSE(saveButton(&dialog)->isEnabled());
    CHECK(dialog.problem().startsWith(QStringLiteral("Lawyer")));
    CHECK(dialog.costEdit(0)->text() == QStringLiteral("150,000"));
    dialog.costEdit(1)->setText(QStringLiteral("500,000"));
    CHECK(saveButton(&dialog)->isEnabled());
    dialog.collateralCheck(0)->setChecked(true);
    dialog.guarantorReached(0)->setChecked(true);
    dialog.guarantorCanPay(0)->setText(QStringLiteral("100,000"));
    const auto expected = dialog.expected();
    REQUIRE(expected);
    saveButton(&dialog)->click();
    REQUIRE(dialog.saved());
    CHECK(dialog.saved()->expectedNetRecovery == *expected);
    CHECK(dialog.saved()->costs.lawyer == 500000 * unit);
    CHECK(dialog.saved()->guarantors.front().value.reached);
    CHECK(dialog.saved()->guarantors.front().value.canPay == 100000 * unit);

    const auto request = desk.actions().requestLegal(officer, loan, "no payment", businessDate());
    REQUIRE(request.ok());
    const auto supervisor = desk.signIn(desk.supervisorOf(desk.officerOfLoan(loan)));
    const auto waiting = desk.actions().approvals(supervisor, true);
    REQUIRE(waiting);
    bool carried = false;
    for (const auto& a : *waiting)
        if (a.approval.id == *request)
            carried = a.feasibility && a.feasibility->id == dialog.saved()->id;
    CHECK(carried);
}

TEST_CASE("The Legal and costs tab shows the assessment, legal cases, sessions and costs, and the "
          "cost dialog refuses a bad amount and records a good one",
          "[ui][legal][case_file]") {
    DemoDesk desk;
    const std::string loan = securedLoan(desk);
    REQUIRE_FALSE(loan.empty());
    const auto officer = desk.signIn(desk.officerOfLoan(loan));
    const auto supervisor = desk.signIn(desk.supervisorOf(desk.officerOfLoan(loan)));
    const auto session = desk.session(officer);
    assessForLegal(desk.all(), officer, loan);
    REQUIRE(
        desk.actions().changeStage(supervisor, loan, CaseStage::Legal, "fraud", businessDate()));
    services::LegalCaseRequest r;
    r.forum = "Chief Magistrate's Court, Gulu";
    r.caseNumber = "CS 88/2026";
    r.filedOn = businessDate();
    const auto legalCase = desk.all().legal().openLegalCase(officer, loan, r, businessDate());
    REQUIRE(legalCase);
    services::LegalSessionRequest s;
    s.date = businessDate().addDays(3);
    s.time = "09:00";
    REQUIRE(desk.all().legal().addSession(officer, *legalCase, s, businessDate()));

    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(loan)));
    page.show();
    ui::LegalTab* tab = page.legalTab();
    REQUIRE(tab);
    page.tabs()->setCurrentWidget(tab);
    CHECK(tab->feasibilityLabel()->text().contains(QStringLiteral("expected net recovery")));
    REQUIRE(tab->casesModel()->rowCount() == 1);
    CHECK(tab->casesModel()->index(0, ui::LegalCasesModel::CaseNumber).data().toString() ==
          QStringLiteral("CS 88/2026"));
    REQUIRE(tab->sessionsModel()->rowCount() == 1);
    CHECK(tab->sessionsModel()->index(0, ui::LegalSessionsModel::Outcome).data().toString() ==
          QStringLiteral("coming"));
    CHECK(tab->costsModel()->rowCount() == 0);
    CHECK(tab->assessButton()->isEnabled());

    ui::CostDialog dialog(desk.services(), session, loan, session.currency, tab->legalFile().cases);
    dialog.show();
    CHECK_FALSE(saveButton(&dialog)->isEnabled());
    QTest::keyClicks(dialog.amountEdit(), QStringLiteral("12,34x"));
    CHECK_FALSE(saveButton(&dialog)->isEnabled());
    CHECK_FALSE(dialog.problem().isEmpty());
    dialog.amountEdit()->setText(QStringLiteral("45,000"));
    QTest::keyClicks(dialog.referenceEdit(), QStringLiteral("URA PRN 2211"));
    REQUIRE(saveButton(&dialog)->isEnabled());
    saveButton(&dialog)->click();
    REQUIRE(dialog.savedId());
    REQUIRE(page.showLoan(QString::fromStdString(loan)));
    REQUIRE(tab->costsModel()->rowCount() == 1);
    CHECK(tab->costsModel()->row(0).legalCaseId == *legalCase); // the legal case preselected
    CHECK(tab->totalLabel()->text().contains(QStringLiteral("45,000")));
}

TEST_CASE("LegalCasesModel, LegalSessionsModel and RecoveryCostsModel pass the model tester",
          "[ui][legal][models]") {
    const Currency ugx{"UGX", 2};
    LegalCaseRecord c;
    c.id = 1;
    c.forum = "Mengo court";
    c.filedOn = businessDate();
    c.updates.push_back(
        {1, LegalStatus::Filed, std::nullopt, std::nullopt, businessDate(), "", "akello", ""});
    c.judgments.push_back({1, businessDate(), 100000, 5000, "", "akello", ""});
    LegalSessionRecord past;
    past.id = 1;
    past.date = businessDate().addDays(-2);
    LegalSessionRecord coming = past;
    coming.id = 2;
    coming.date = businessDate().addDays(2);
    RecoveryCostRecord cost;
    cost.id = 1;
    cost.kind = CostKind::Auctioneer;
    cost.date = businessDate();
    cost.amount = 7500;
    cost.reversedById = 2;
    RecoveryCostRecord reversal = cost;
    reversal.id = 2;
    reversal.amount = -7500;
    reversal.reversesCostId = 1;
    reversal.reversedById.reset();

    ui::LegalCasesModel cases;
    ui::LegalSessionsModel sessions;
    ui::RecoveryCostsModel costs;
    QAbstractItemModelTester t1(&cases, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(&sessions, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t3(&costs, QAbstractItemModelTester::FailureReportingMode::Fatal);
    cases.setCases({c}, ugx);
    sessions.setSessions({past, coming}, businessDate());
    costs.setCosts({cost, reversal}, ugx);
    CHECK(cases.index(0, ui::LegalCasesModel::Awarded).data().toString() ==
          QStringLiteral("1,050.00"));
    CHECK(cases.index(0, ui::LegalCasesModel::CaseNumber).data().toString() ==
          QStringLiteral("not yet"));
    CHECK(sessions.index(0, ui::LegalSessionsModel::Outcome).data().toString() ==
          QStringLiteral("not recorded"));
    CHECK(sessions.index(1, ui::LegalSessionsModel::Date).data(Qt::FontRole).value<QFont>().bold());
    CHECK(costs.index(1, ui::RecoveryCostsModel::Note)
              .data()
              .toString()
              .startsWith(QStringLiteral("Reverses cost 1")));
    CHECK(costs.index(0, ui::RecoveryCostsModel::Kind).data().toString() ==
          QStringLiteral("Auctioneer"));
    cases.setCases({}, ugx);
    sessions.setSessions({}, businessDate());
    costs.setCosts({}, ugx);
    CHECK(costs.rowCount() == 0);
}

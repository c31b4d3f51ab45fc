// The case file's guarantors and collateral tab on the demo portfolio, and its two models
// under QAbstractItemModelTester.
#include "models/collateral_model.h"
#include "models/guarantors_model.h"
#include "pages/case_file/security_tab.h"
#include "pages/case_file_page.h"
#include "ui_fixture.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QTabWidget>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

// An open case's loan with guarantors (one with a phone) and collateral with values.
std::string securedLoan(const DemoDesk& desk) {
    return desk.text(
        "SELECT l.loan_id FROM loans l JOIN cases c ON c.loan_pk = l.id AND c.status = 'open' AND "
        "c.assigned_to IS NOT NULL "
        "WHERE EXISTS(SELECT 1 FROM guarantors g WHERE g.loan_pk = l.id AND g.phone IS NOT "
        "NULL) AND EXISTS(SELECT 1 FROM collateral k WHERE k.loan_pk = l.id AND k.market_value "
        "IS NOT NULL) ORDER BY l.loan_id LIMIT 1");
}

} // namespace

TEST_CASE("GuarantorsModel and CollateralModel pass the model tester on a demo case",
          "[ui][models][security]") {
    DemoDesk desk;
    const std::string loan = securedLoan(desk);
    REQUIRE_FALSE(loan.empty());
    auto file = desk.cases().caseFile(localOperator(), loan, businessDate());
    REQUIRE(file);
    REQUIRE_FALSE(file->guarantors.empty());
    REQUIRE_FALSE(file->collateral.empty());

    ui::GuarantorsModel guarantors;
    ui::CollateralModel collateral;
    QAbstractItemModelTester guarantorsTester(
        &guarantors, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester collateralTester(
        &collateral, QAbstractItemModelTester::FailureReportingMode::Fatal);
    guarantors.setGuarantors(file->guarantors);
    collateral.setCollateral(file->collateral, file->currency);
    CHECK(guarantors.rowCount() == static_cast<int>(file->guarantors.size()));
    CHECK(collateral.rowCount() == static_cast<int>(file->collateral.size()));
    CHECK(guarantors.index(0, ui::GuarantorsModel::Name).data().toString().toStdString() ==
          file->guarantors.front().fullName);
    const QString kind = collateral.index(0, ui::CollateralModel::Kind).data().toString();
    CHECK_FALSE(kind.isEmpty());
    CHECK_FALSE(kind.contains(u'_'));
    Amount market = 0;
    for (const auto& c : file->collateral)
        market += c.marketValue.value_or(0);
    CHECK(collateral.totalMarketValue() == market);
    CHECK(collateral.totalForcedSaleValue() <= market);
    guarantors.setGuarantors({});
    collateral.setCollateral({}, file->currency);
    CHECK(guarantors.rowCount() == 0);
    CHECK(collateral.rowCount() == 0);
}

TEST_CASE("The case file shows the demo case's guarantors and collateral",
          "[ui][case_file][security]") {
    DemoDesk desk;
    const std::string loan = securedLoan(desk);
    REQUIRE_FALSE(loan.empty());
    const auto officer = desk.signIn(desk.officerOfLoan(loan));
    const auto session = desk.session(officer);
    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(loan)));
    page.show();
    ui::SecurityTab* tab = page.securityTab();
    REQUIRE(tab != nullptr);
    const int index = page.tabs()->indexOf(tab);
    REQUIRE(index >= 0);
    CHECK(page.tabs()->tabText(index).remove(u'&') == QStringLiteral("Guarantors and collateral"));
    page.tabs()->setCurrentIndex(index);

    const auto names = desk.column("SELECT g.full_name FROM guarantors g JOIN loans l ON l.id = "
                                   "g.loan_pk WHERE l.loan_id = '" +
                                   loan + "' ORDER BY g.guarantor_id");
    REQUIRE(tab->guarantorsModel()->rowCount() == static_cast<int>(names.size()));
    for (int row = 0; row < tab->guarantorsModel()->rowCount(); ++row)
        CHECK(tab->guarantorsModel()
                  ->index(row, ui::GuarantorsModel::Name)
                  .data()
                  .toString()
                  .toStdString() == names[static_cast<std::size_t>(row)]);
    CHECK(tab->phonesLabel()->text().contains(QStringLiteral("href=\"tel:+256")));
    CHECK(tab->collateralModel()->rowCount() ==
          desk.count("SELECT COUNT(*) FROM collateral k JOIN loans l ON l.id = k.loan_pk WHERE "
                     "l.loan_id = '" +
                     loan + "'"));
    CHECK(tab->totalsLabel()->text().contains(QStringLiteral("UGX")));
    CHECK(tab->totalsLabel()->text().contains(QStringLiteral("forced-sale")));
}

// The Team page and the lists around a reassignment (issue 8): Approve and Reject act on a
// selected waiting request only, decided requests stay with their decision unless "Show
// decided" is off, the reassignment dialog does not offer the case's officer, and the
// Cases, Team and call lists show a reassignment without a restart.
#include "dialogs/reassign_dialog.h"
#include "display_text.h"
#include "main_window.h"
#include "models/approvals_model.h"
#include "models/call_list_model.h"
#include "models/case_table_model.h"
#include "models/team_model.h"
#include "pages/call_list_page.h"
#include "pages/case_file_page.h"
#include "pages/cases_page.h"
#include "pages/team_page.h"
#include "ui_fixture.h"
#include "widgets/background_work.h"

#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

std::string q(const QString& text) {
    return text.toStdString();
}

std::string firstCaseOf(DemoDesk& desk, const std::string& officer) {
    return desk.text("SELECT l.loan_id FROM cases c JOIN loans l ON l.id = c.loan_pk JOIN users "
                     "u ON u.id = c.assigned_to WHERE c.status = 'open' AND u.username = '" +
                     officer + "' ORDER BY l.loan_id LIMIT 1");
}

} // namespace

TEST_CASE("Approve and Reject act on a selected waiting request; decided requests stay with "
          "their decision",
          "[ui][team]") {
    DemoDesk desk;
    const auto officerName = desk.busiestOfficer();
    const auto officer = desk.signIn(officerName);
    const auto supervisorName = desk.supervisorOf(officerName);
    const auto supervisor = desk.signIn(supervisorName);
    const auto loan = firstCaseOf(desk, officerName);
    REQUIRE(desk.actions().requestLegal(officer, loan, "no payment since May", businessDate()));

    const auto session = desk.session(supervisor);
    ui::TeamPage page(desk.services(), session);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    auto* approve = child<QPushButton>(&page, "approveRequest");
    auto* reject = child<QPushButton>(&page, "rejectRequest");
    auto* showDecided = child<QCheckBox>(&page, "showDecided");
    auto* view = page.approvalsView();
    auto* model = page.approvalsModel();
    REQUIRE(model->rowCount() == 1);
    CHECK(showDecided->isChecked());
    CHECK_FALSE(view->currentIndex().isValid());
    CHECK_FALSE(approve->isEnabled());
    CHECK_FALSE(reject->isEnabled());
    CHECK_FALSE(page.decide(true, QStringLiteral("no request selected")));

    view->setCurrentIndex(model->index(0, ui::ApprovalsModel::Loan));
    CHECK(approve->isEnabled());
    CHECK(reject->isEnabled());
    REQUIRE(page.decide(true, QStringLiteral("go ahead")));

    // Still listed, with the decision, its author and its date.
    REQUIRE(model->rowCount() == 1);
    const QString decision = model->index(0, ui::ApprovalsModel::Decision).data().toString();
    INFO(q(decision));
    CHECK(decision.startsWith(
        QStringLiteral("approved by %1 on ").arg(QString::fromStdString(supervisorName))));
    CHECK(decision.contains(ui::displayDate(businessDate())));
    CHECK(decision.endsWith(QStringLiteral(": go ahead")));
    view->setCurrentIndex(model->index(0, ui::ApprovalsModel::Loan));
    CHECK_FALSE(approve->isEnabled()); // decided: nothing more to decide
    CHECK_FALSE(reject->isEnabled());
    CHECK(child<QPushButton>(&page, "openRequestCase")->isEnabled());

    showDecided->setChecked(false);
    CHECK(model->rowCount() == 0);
    showDecided->setChecked(true);
    CHECK(model->rowCount() == 1);
}

TEST_CASE("The reassignment dialog does not offer the case's current officer", "[ui][team]") {
    DemoDesk desk;
    const auto officerName = desk.busiestOfficer();
    const auto supervisorName = desk.supervisorOf(officerName);
    const auto session = desk.session(desk.signIn(supervisorName));
    const auto loan = firstCaseOf(desk, officerName);
    const auto branch = desk.text("SELECT branch FROM loans WHERE loan_id = '" + loan + "'");
    ui::ReassignDialog dialog(desk.services(), session, {QString::fromStdString(loan)},
                              QString::fromStdString(branch));
    auto* box = dialog.officerBox();
    CHECK(box->findData(QString::fromStdString(officerName)) < 0);
    CHECK(box->findData(QString::fromStdString(supervisorName)) >= 0);
}

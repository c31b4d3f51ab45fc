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

int rowOf(QAbstractItemModel* model, int column, const QString& text) {
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, column).data().toString() == text)
            return row;
    return -1;
}

int openCasesOf(ui::TeamPage* page, const std::string& user) {
    auto* model = page->teamModel();
    const int row = rowOf(model, ui::TeamModel::Officer, QString::fromStdString(user));
    return row < 0 ? -1 : model->index(row, ui::TeamModel::OpenCases).data().toInt();
}

} // namespace

TEST_CASE("Approve and Reject act on a selected waiting request, decided requests stay with "
          "their decision",
          "[ui][team]") {
    DemoDesk desk;
    const auto officerName = desk.busiestOfficer();
    const auto officer = desk.signIn(officerName);
    const auto supervisorName = desk.supervisorOf(officerName);
    const auto supervisor = desk.signIn(supervisorName);
    const auto loan = firstCaseOf(desk, officerName);
    assessForLegal(desk.all(), officer, loan);
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

TEST_CASE("After a reassignment from a case file the Cases, Team and call lists show the new "
          "officer",
          "[ui][team]") {
    DemoDesk desk;
    const std::string officerName = "rec.kampala-central";
    const auto supervisorName = desk.supervisorOf(officerName);
    const auto supervisor = desk.signIn(supervisorName);
    const auto loan = QString::fromStdString(firstCaseOf(desk, officerName));
    REQUIRE_FALSE(loan.isEmpty());

    ui::MainWindow window(desk.services(), desk.session(supervisor));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.teamPage());
    REQUIRE(window.showPage(QStringLiteral("teamPage")));
    const int supervisorCasesBefore = openCasesOf(window.teamPage(), supervisorName);
    REQUIRE(window.showPage(QStringLiteral("callListPage")));
    CHECK_FALSE(window.callListPage()->visibleLoans().contains(loan));
    REQUIRE(window.showPage(QStringLiteral("casesPage")));
    window.backgroundWork()->waitForIdle();
    auto* cases = window.casesPage()->view();
    int row = rowOf(cases->model(), ui::CaseTableModel::Loan, loan);
    REQUIRE(row >= 0);
    CHECK(q(cases->model()->index(row, ui::CaseTableModel::Officer).data().toString()) ==
          officerName);

    // Open the case from the list, reassign it to the supervisor, Esc back to the list.
    cases->setFocus();
    cases->setCurrentIndex(cases->model()->index(row, ui::CaseTableModel::Loan));
    QTest::keyClick(cases, Qt::Key_Return);
    REQUIRE(window.caseFilePage()->isVisible());
    ModalDriver pick("rd::ui::ReassignDialog", [&](QWidget* dialog) {
        auto* officers = child<QComboBox>(dialog, "reassignOfficer");
        const int to = officers->findData(QString::fromStdString(supervisorName));
        expect(to >= 0, "the supervisor is offered");
        officers->setCurrentIndex(to);
        static_cast<QDialog*>(dialog)->accept();
    });
    REQUIRE(window.caseFilePage()->reassign());
    REQUIRE(pick.ran());
    REQUIRE(desk.officerOfLoan(q(loan)) == supervisorName);
    REQUIRE(activate(&window));
    QTest::keyClick(&window, Qt::Key_Escape);
    REQUIRE(window.casesPage()->isVisible());
    window.backgroundWork()->waitForIdle();
    row = rowOf(cases->model(), ui::CaseTableModel::Loan, loan);
    REQUIRE(row >= 0);
    CHECK(q(cases->model()->index(row, ui::CaseTableModel::Officer).data().toString()) ==
          supervisorName);
    // The officer's place in the list is kept.
    CHECK(cases->currentIndex().siblingAtColumn(ui::CaseTableModel::Loan).data().toString() ==
          loan);

    REQUIRE(window.showPage(QStringLiteral("teamPage")));
    CHECK(openCasesOf(window.teamPage(), supervisorName) == supervisorCasesBefore + 1);
    REQUIRE(window.showPage(QStringLiteral("callListPage")));
    CHECK(window.callListPage()->visibleLoans().contains(loan));
}

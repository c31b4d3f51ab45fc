// Who may do what, as the GUI shows it and as the database then holds it: a supervisor
// reassigns cases; an officer is refused a supervisor's actions and nothing changes.
#include "dialogs/reassign_dialog.h"
#include "models/receipts_model.h"
#include "pages/case_file_page.h"
#include "ui_fixture.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

std::string q(const QString& text) {
    return text.toStdString();
}

// The text of the dialog's labels (the problem shown is one of them).
QString labelsText(QWidget* widget) {
    QStringList texts;
    for (auto* label : widget->findChildren<QLabel*>())
        texts << label->text();
    return texts.join(u'\n');
}

std::string firstLoanOf(DemoDesk& desk, const std::string& officer, int skip = 0) {
    const auto list = desk.callList().forOfficer(localOperator(), officer, businessDate());
    REQUIRE(list);
    REQUIRE(static_cast<int>(list->items.size()) > skip);
    return list->items[static_cast<std::size_t>(skip)].entry.loanId;
}

std::string casesOfLoan(const std::string& loan) {
    return "(SELECT c.id FROM cases c JOIN loans l ON l.id = c.loan_pk WHERE c.status = 'open' "
           "AND l.loan_id = '" +
           loan + "')";
}

} // namespace

TEST_CASE("A supervisor reassigns a case from the case file, the database shows the new "
          "officer and an audit row",
          "[ui][permissions]") {
    DemoDesk desk;
    const auto officerName = desk.busiestOfficer();
    const auto supervisorName = desk.supervisorOf(officerName);
    REQUIRE(supervisorName.rfind("sup.", 0) == 0);
    const auto supervisor = desk.signIn(supervisorName);
    const auto session = desk.session(supervisor);
    const auto loan = firstLoanOf(desk, officerName);
    REQUIRE(desk.officerOfLoan(loan) == officerName);
    const auto auditBefore = desk.count("SELECT count(*) FROM audit_log");

    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(loan)));
    auto* reassignButton = child<QPushButton>(&page, "reassignButton");
    CHECK_FALSE(reassignButton->isHidden());
    CHECK(reassignButton->isEnabled());

    QStringList offered;
    ModalDriver pick("rd::ui::ReassignDialog", [&](QWidget* dialog) {
        auto* officers = child<QComboBox>(dialog, "reassignOfficer");
        for (int i = 0; i < officers->count(); ++i)
            offered << officers->itemData(i).toString();
        const int to = officers->findData(QString::fromStdString(supervisorName));
        expect(to >= 0, "the supervisor is offered as the new officer");
        officers->setCurrentIndex(to);
        expect(activate(dialog), "the reassign dialog becomes active");
        QTest::keyClick(officers, Qt::Key_Return);
    });
    const bool saved = page.reassign();
    INFO(pick.failure());
    REQUIRE(pick.ran());
    REQUIRE(pick.failure().empty());
    REQUIRE(saved);
    // Only people of the loan's branch are offered, not the case's officer (issue 8), and no
    // administrator.
    CHECK_FALSE(offered.contains(QString::fromStdString(officerName)));
    CHECK_FALSE(offered.contains(QStringLiteral("admin")));

    CHECK(desk.officerOfLoan(loan) == supervisorName);
    REQUIRE(page.caseFile()->caseRecord);
    CHECK(page.caseFile()->caseRecord->assignedUsername == supervisorName);
    CHECK(desk.count("SELECT count(*) FROM audit_log WHERE action = 'reassign_case' AND "
                     "entity = 'case' AND entity_key = '" +
                     loan + "' AND actor = '" + supervisorName + "'") == 1);
    CHECK(desk.count("SELECT count(*) FROM audit_log") == auditBefore + 1);
    CHECK(desk.count("SELECT count(*) FROM case_events WHERE kind = 'assigned' AND actor = '" +
                     supervisorName + "' AND case_id = " + casesOfLoan(loan)) == 1);

    // Several cases at once through the dialog: both moved, one audit row each.
    const auto second = firstLoanOf(desk, officerName, 0);
    const auto third = firstLoanOf(desk, officerName, 1);
    REQUIRE(second != loan);
    ui::ReassignDialog dialog(desk.services(), session,
                              {QString::fromStdString(second), QString::fromStdString(third)},
                              QString::fromStdString(page.caseFile()->loan.branch));
    dialog.officerBox()->setCurrentIndex(
        dialog.officerBox()->findData(QString::fromStdString(supervisorName)));
    REQUIRE(q(dialog.officerBox()->currentData().toString()) == supervisorName);
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.movedCount() == 2);
    CHECK(desk.officerOfLoan(second) == supervisorName);
    CHECK(desk.officerOfLoan(third) == supervisorName);
    CHECK(desk.count("SELECT count(*) FROM audit_log WHERE action = 'reassign_case'") == 3);
}

TEST_CASE("An officer is refused a supervisor's actions and nothing changes", "[ui][permissions]") {
    DemoDesk desk;
    const auto officerName = desk.busiestOfficer();
    const auto officer = desk.signIn(officerName);
    const auto supervisorName = desk.supervisorOf(officerName);
    const auto session = desk.session(officer);
    const auto loan = firstLoanOf(desk, officerName);

    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(loan)));
    // The case file offers no reassignment to an officer.
    CHECK(child<QPushButton>(&page, "reassignButton")->isHidden());
    CHECK(child<QPushButton>(&page, "logContactButton")->isEnabled());
    CHECK(child<QPushButton>(&page, "takePaymentButton")->isEnabled());

    SECTION("reassigning through the dialog gives the service's permission-denied message") {
        const auto auditBefore = desk.count("SELECT count(*) FROM audit_log");
        ui::ReassignDialog dialog(desk.services(), session, {QString::fromStdString(loan)},
                                  QString::fromStdString(page.caseFile()->loan.branch));
        const int to = dialog.officerBox()->findData(QString::fromStdString(supervisorName));
        REQUIRE(to >= 0);
        dialog.officerBox()->setCurrentIndex(to);
        dialog.show();
        dialog.accept();
        CHECK(dialog.isVisible()); // stays open with the reason
        CHECK(dialog.result() != QDialog::Accepted);
        CHECK(dialog.movedCount() == 0);
        const auto shown = labelsText(&dialog);
        INFO(q(shown));
        // The service's words, as errorText shows them (capitalised).
        CHECK(shown.contains(
            QStringLiteral("Permission denied for %1").arg(QString::fromStdString(officerName))));
        CHECK(shown.contains(QString::fromStdString(loan)));
        CHECK(desk.officerOfLoan(loan) == officerName);
        CHECK(desk.count("SELECT count(*) FROM audit_log") == auditBefore);
        CHECK(desk.count("SELECT count(*) FROM audit_log WHERE action = 'reassign_case'") == 0);
    }
    SECTION("reversing a desk payment is refused; the supervisor may") {
        services::NewDeskPayment pay;
        pay.loanId = loan;
        pay.amount = 5000;
        pay.paidOn = businessDate();
        REQUIRE(desk.payments().takePayment(officer, pay, businessDate()));
        page.reload();
        REQUIRE(page.receiptsModel()->rowCount() == 1);
        // No reverse button for the officer (the only button of the receipts tab that hides).
        bool reverseOffered = false;
        for (auto* button : page.findChildren<QPushButton*>())
            if (button->text().contains(QStringLiteral("everse")))
                reverseOffered = !button->isHidden();
        CHECK_FALSE(reverseOffered);

        const auto auditBefore = desk.count("SELECT count(*) FROM audit_log");
        CHECK_FALSE(page.reverseReceipt(QStringLiteral("cheque bounced")));
        INFO(q(page.message()));
        CHECK(page.message().contains(QStringLiteral("Permission denied")));
        CHECK(desk.count("SELECT count(*) FROM payment_reversals") == 0);
        CHECK(desk.count("SELECT count(*) FROM payments WHERE payment_id = 'DESK-000001' AND "
                         "reversed_on IS NULL") == 1);
        CHECK(desk.count("SELECT count(*) FROM audit_log") == auditBefore);

        const auto supervisor = desk.signIn(supervisorName);
        const auto supervisorSession = desk.session(supervisor);
        ui::CaseFilePage supervisorPage(desk.services(), supervisorSession);
        REQUIRE(supervisorPage.showLoan(QString::fromStdString(loan)));
        REQUIRE(supervisorPage.reverseReceipt(QStringLiteral("cheque bounced")));
        CHECK(desk.text("SELECT reversed_by || ' ' || reason FROM payment_reversals WHERE "
                        "payment_id = 'DESK-000001'") == supervisorName + " cheque bounced");
        CHECK(desk.count("SELECT count(*) FROM audit_log WHERE action = 'reverse_payment' AND "
                         "actor = '" +
                         supervisorName + "'") == 1);
        CHECK(supervisorPage.receiptsModel()
                  ->index(0, ui::ReceiptsModel::Status)
                  .data()
                  .toString()
                  .contains(QStringLiteral("cheque bounced")));
    }
}

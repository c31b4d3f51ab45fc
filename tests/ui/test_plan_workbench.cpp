// The plan workbench: three options worked out side by side from the case file, edits with
// undo and redo, problems shown in the table cells, and a proposal that reaches the database
// only when the chosen option, the note and (when needed) the affordability reason are right.
#include "dialogs/plan_workbench/plan_edit_table_model.h"
#include "dialogs/plan_workbench/plan_option_panel.h"
#include "dialogs/plan_workbench/plan_workbench_dialog.h"
#include "pages/case_file_page.h"
#include "services/plan_service.h"
#include "ui_fixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QUndoStack>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;
using Model = ui::PlanEditTableModel;

namespace {

std::string q(const QString& text) {
    return text.toStdString();
}

// The first case of the busiest officer's call list, a loan in arrears.
OfficerCase caseInArrears(DemoDesk& desk) {
    OfficerCase c = officerCase(desk);
    REQUIRE(c.file.position.arrears.total() > 0);
    return c;
}

// The text of the total to pay of an option, as its summary shows it.
Amount total(ui::PlanOptionPanel* option) {
    REQUIRE(option->draft());
    return option->draft()->total;
}

bool marked(Model* model, int row, int column) {
    return model->data(model->index(row, column), Qt::BackgroundRole).isValid() &&
           !model->problemAt(row, column).isEmpty();
}

Amount parsedAmount(const QString& text) {
    QString digits;
    for (const QChar c : text)
        if (c.isDigit())
            digits += c;
    return digits.toLongLong();
}

} // namespace

TEST_CASE("The plan workbench opens a case's three options, worked out", "[ui][plan-workbench]") {
    DemoDesk desk;
    auto c = caseInArrears(desk);
    const auto session = desk.session(c.officer);
    ui::PlanWorkbenchDialog dialog(desk.services(), session, c.file);
    REQUIRE(dialog.load());
    auto* arrangement = dialog.option(PlanKind::Arrangement);
    auto* reschedule = dialog.option(PlanKind::Reschedule);
    auto* settlement = dialog.option(PlanKind::Settlement);
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (auto* o : {arrangement, reschedule, settlement})
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            o->model(), QAbstractItemModelTester::FailureReportingMode::Fatal));
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));

    // The header: the loan's position and, in the demo, no budget.
    const QString header = dialog.headerLabel()->text();
    CHECK(header.contains(QString::fromStdString(c.loan)));
    CHECK(header.contains(QStringLiteral("%1 days past due").arg(c.file.position.daysPastDue)));
    CHECK(header.contains(QStringLiteral("No budget")));

    // Arrangement: six monthly parts covering at least the arrears, editable.
    INFO(q(arrangement->problems().join(u'|')));
    CHECK(arrangement->model()->rowCount() == 6);
    CHECK(arrangement->proposable());
    CHECK(total(arrangement) >= c.file.position.arrears.total());
    CHECK(arrangement->model()->flags(arrangement->model()->index(0, Model::Amount)) &
          Qt::ItemIsEditable);
    CHECK(arrangement->effectLabel()->text().contains(QStringLiteral("nothing changes")));
    // Reschedule: twelve installments computed by the calculator, not editable.
    INFO(q(reschedule->problems().join(u'|')));
    CHECK(reschedule->model()->rowCount() == 12);
    CHECK(reschedule->model()->columnCount() == 5);
    CHECK_FALSE(reschedule->model()->flags(reschedule->model()->index(0, Model::Amount)) &
                Qt::ItemIsEditable);
    CHECK(reschedule->effectLabel()->text().contains(QStringLiteral("days past due become 0")));
    CHECK(reschedule->draft()->waived == 0);
    // Settlement: one sum of 80% of the balance, the rest waived, one approval.
    const auto& s = *settlement->draft();
    CHECK(settlement->model()->rowCount() == 1);
    CHECK(s.total == divideRoundHalfEven(static_cast<WideAmount>(s.balance) * 80, 100));
    CHECK(s.waived == s.balance - s.total);
    CHECK(s.approvalsNeeded == 1);
    CHECK(settlement->effectLabel()->text().contains(QStringLiteral("closes as settled")));
    CHECK(settlement->summaryLabel()->text().contains(QStringLiteral("one supervisor")));
    // Below 75%, the waiver passes the limit of 25%: two supervisors.
    settlement->percentBox()->setValue(70);
    CHECK(settlement->draft()->approvalsNeeded == 2);
    CHECK(settlement->summaryLabel()->text().contains(QStringLiteral("two different supervisors")));
    // Plain words on screen: no codes.
    const QRegularExpression code(QStringLiteral("[a-z]+_[a-z_]+|`"));
    for (auto* label : dialog.findChildren<QLabel*>()) {
        INFO(q(label->text()));
        CHECK_FALSE(code.match(label->text()).hasMatch());
    }
    // Nothing was saved by working the options out.
    CHECK(desk.count("SELECT COUNT(*) FROM plans") == 0);
}

TEST_CASE("Plan workbench edits go through the undo stack", "[ui][plan-workbench]") {
    DemoDesk desk;
    auto c = caseInArrears(desk);
    const auto session = desk.session(c.officer);
    ui::PlanWorkbenchDialog dialog(desk.services(), session, c.file);
    REQUIRE(dialog.load());
    auto* arrangement = dialog.option(PlanKind::Arrangement);
    QAbstractItemModelTester tester(arrangement->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto* model = arrangement->model();
    auto* undo = dialog.undoStack();
    REQUIRE(undo->count() == 0);
    const Amount before = total(arrangement);
    const QString firstAmount = model->data(model->index(0, Model::Amount)).toString();
    const Amount first = parsedAmount(firstAmount);

    // Raise the first amount by 1,000: the total follows at once.
    REQUIRE(model->setData(model->index(0, Model::Amount), QString::number(first + 1000)));
    CHECK(undo->count() == 1);
    CHECK(total(arrangement) == before + 1000);
    CHECK(q(undo->undoText()).find("amount of installment 1") != std::string::npos);

    // Ctrl+Z in the table undoes it; Ctrl+Y and Ctrl+Shift+Z redo.
    dialog.show();
    REQUIRE(activate(&dialog));
    arrangement->view()->setFocus();
    QTest::keyClick(arrangement->view(), Qt::Key_Z, Qt::ControlModifier);
    CHECK(total(arrangement) == before);
    CHECK(model->data(model->index(0, Model::Amount)).toString() == firstAmount);
    QTest::keyClick(arrangement->view(), Qt::Key_Y, Qt::ControlModifier);
    CHECK(total(arrangement) == before + 1000);
    undo->undo();
    QTest::keyClick(arrangement->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(total(arrangement) == before + 1000);

    // A change of the months proposes a new split; undo brings back the edited rows.
    arrangement->partsBox()->setValue(3);
    CHECK(model->rowCount() == 3);
    CHECK(undo->count() == 2);
    undo->undo();
    CHECK(model->rowCount() == 6);
    CHECK(arrangement->partsBox()->value() == 6);
    CHECK(total(arrangement) == before + 1000);

    // Rows are added and removed, undoably.
    child<QPushButton>(arrangement, "arrangementOptionAddRow")->click();
    CHECK(model->rowCount() == 7);
    CHECK(marked(model, 6, Model::Amount)); // still empty
    undo->undo();
    CHECK(model->rowCount() == 6);
    CHECK_FALSE(marked(model, 5, Model::Amount));

    // The reschedule's terms: fewer installments, undone.
    auto* reschedule = dialog.option(PlanKind::Reschedule);
    reschedule->installmentsBox()->setValue(6);
    CHECK(reschedule->model()->rowCount() == 6);
    undo->undo();
    CHECK(reschedule->model()->rowCount() == 12);
    // A typed rate is undoable too.
    reschedule->rateEdit()->setText(QStringLiteral("36"));
    emit reschedule->rateEdit()->editingFinished();
    CHECK(reschedule->state().rate == QStringLiteral("36"));
    const Amount at36 = total(reschedule);
    undo->undo();
    CHECK(reschedule->rateEdit()->text() == QStringLiteral("24"));
    CHECK(total(reschedule) < at36);
}

TEST_CASE("Invalid plan edits are shown in the table and block the proposal",
          "[ui][plan-workbench]") {
    DemoDesk desk;
    auto c = caseInArrears(desk);
    const auto session = desk.session(c.officer);
    ui::PlanWorkbenchDialog dialog(desk.services(), session, c.file);
    REQUIRE(dialog.load());
    auto* arrangement = dialog.option(PlanKind::Arrangement);
    auto* model = arrangement->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    dialog.choose(PlanKind::Arrangement);
    dialog.noteEdit()->setText(QStringLiteral("Agreed at the branch"));
    dialog.reasonEdit()->setText(QStringLiteral("Salary comes on the 25th"));
    REQUIRE(dialog.proposeButton()->isEnabled());

    // Decimals in UGX: the cell says so, and Propose is disabled with the reason.
    REQUIRE(model->setData(model->index(0, Model::Amount), QStringLiteral("12.5")));
    CHECK(marked(model, 0, Model::Amount));
    CHECK(model->data(model->index(0, Model::Amount), Qt::ToolTipRole)
              .toString()
              .contains(QStringLiteral("decimal")));
    CHECK(model->data(model->index(0, Model::Amount)).toString() == QStringLiteral("12.5"));
    CHECK_FALSE(dialog.proposeButton()->isEnabled());
    CHECK(dialog.problem().contains(QStringLiteral("Installment 1")));
    dialog.undoStack()->undo();
    CHECK_FALSE(marked(model, 0, Model::Amount));
    CHECK(dialog.proposeButton()->isEnabled());

    // Not positive.
    model->setData(model->index(1, Model::Amount), QStringLiteral("0"));
    CHECK(marked(model, 1, Model::Amount));
    dialog.undoStack()->undo();
    // Dates not increasing: the second installment on the first's date.
    const QString firstDate = model->data(model->index(0, Model::DueDate)).toString();
    model->setData(model->index(1, Model::DueDate), firstDate);
    CHECK(marked(model, 1, Model::DueDate));
    CHECK_FALSE(marked(model, 0, Model::DueDate));
    CHECK_FALSE(dialog.proposeButton()->isEnabled());
    dialog.undoStack()->undo();
    // Text that is not a date.
    model->setData(model->index(2, Model::DueDate), QStringLiteral("next Friday"));
    CHECK(marked(model, 2, Model::DueDate));
    CHECK(model->problemAt(2, Model::DueDate).contains(QStringLiteral("is not a date")));
    dialog.undoStack()->undo();
    CHECK(dialog.proposeButton()->isEnabled());

    // A total below the arrears: every part at 1 shilling.
    for (int r = 0; r < model->rowCount(); ++r)
        model->setData(model->index(r, Model::Amount), QStringLiteral("1"));
    CHECK_FALSE(arrangement->proposable());
    CHECK_FALSE(dialog.proposeButton()->isEnabled());

    // A settlement below its agreed amount.
    auto* settlement = dialog.option(PlanKind::Settlement);
    auto* sModel = settlement->model();
    const Amount agreed = parsedAmount(sModel->data(sModel->index(0, Model::Amount)).toString());
    sModel->setData(sModel->index(0, Model::Amount), QString::number(agreed - 500));
    CHECK_FALSE(settlement->proposable());
    CHECK(settlement->problems().join(u' ').contains(QStringLiteral("less than the agreed")));
    CHECK(desk.count("SELECT COUNT(*) FROM plans") == 0);
}

TEST_CASE("Proposing from the plan workbench needs a note and the affordability reason",
          "[ui][plan-workbench]") {
    DemoDesk desk;
    auto c = caseInArrears(desk);
    const auto session = desk.session(c.officer);
    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(c.loan)));
    auto* button = child<QPushButton>(&page, "planWorkbenchButton");
    CHECK_FALSE(button->isHidden());
    CHECK(button->isEnabled());

    std::string planText;
    ModalDriver drive("rd::ui::PlanWorkbenchDialog", [&](QWidget* w) {
        auto* dialog = qobject_cast<ui::PlanWorkbenchDialog*>(w);
        expect(dialog != nullptr, "the workbench opens");
        dialog->choose(PlanKind::Settlement);
        expect(!dialog->proposeButton()->isEnabled(), "no note: Propose is disabled");
        expect(dialog->problem().contains(QStringLiteral("note")), "it asks for the note");
        dialog->noteEdit()->setText(QStringLiteral("80% in one sum from the harvest"));
        // No budget: the reason is required.
        expect(dialog->reasonEdit()->isEnabled(), "the reason is asked for");
        expect(!dialog->proposeButton()->isEnabled(), "no reason: Propose is disabled");
        dialog->reasonEdit()->setText(QStringLiteral("Harvest sale agreed with the buyer"));
        expect(dialog->proposeButton()->isEnabled(), "all is right: Propose is enabled");
        dialog->proposeButton()->click();
    });
    CHECK(page.openPlanWorkbench());
    REQUIRE(drive.ran());
    INFO(drive.failure());
    CHECK(drive.failure().empty());
    CHECK(desk.count("SELECT COUNT(*) FROM plans") == 1);
    CHECK(desk.text("SELECT kind FROM plans") == "settlement");
    CHECK(desk.text("SELECT note FROM plans") == "80% in one sum from the harvest");
    CHECK(desk.text("SELECT affordability_reason FROM plans") ==
          "Harvest sale agreed with the buyer");
    const QString id = QString::fromStdString(desk.text("SELECT id FROM plans"));
    CHECK(page.message() ==
          QStringLiteral("Plan %1 proposed; it waits for a supervisor's approval.").arg(id));

    // A second proposal on the same loan is refused by the service (one waits already): the
    // form stays open with the service's words.
    ui::PlanWorkbenchDialog again(desk.services(), session, *page.caseFile());
    REQUIRE(again.load());
    again.noteEdit()->setText(QStringLiteral("Another try"));
    again.reasonEdit()->setText(QStringLiteral("Still no budget"));
    REQUIRE(again.proposeButton()->isEnabled());
    again.accept();
    CHECK_FALSE(again.proposed());
    CHECK(again.problem().contains(QStringLiteral("still waiting for approval")));
    CHECK(desk.count("SELECT COUNT(*) FROM plans") == 1);
}

TEST_CASE("With an affordable budget no reason is asked, and others may not propose",
          "[ui][plan-workbench]") {
    DemoDesk desk;
    auto c = caseInArrears(desk);
    const auto session = desk.session(c.officer);
    auto& plans = desk.all().plans();
    REQUIRE(plans.setBudget(c.officer, c.file.ledger.terms.clientId,
                            {{true, "Shop", 5000000}, {false, "Rent", 1000000}}, businessDate()));
    ui::PlanWorkbenchDialog dialog(desk.services(), session, c.file);
    REQUIRE(dialog.load());
    CHECK(dialog.headerLabel()->text().contains(QStringLiteral("Surplus")));
    dialog.choose(PlanKind::Arrangement);
    auto* arrangement = dialog.option(PlanKind::Arrangement);
    REQUIRE(arrangement->draft());
    CHECK_FALSE(arrangement->draft()->needsAffordabilityReason);
    CHECK(arrangement->summaryLabel()->text().contains(QStringLiteral("of the surplus")));
    CHECK_FALSE(dialog.reasonEdit()->isEnabled());
    dialog.noteEdit()->setText(QStringLiteral("Six months, first part on Friday"));
    REQUIRE(dialog.proposeButton()->isEnabled());
    dialog.accept();
    REQUIRE(dialog.proposed());
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(desk.text("SELECT kind FROM plans") == "arrangement");
    CHECK(desk.text("SELECT affordability_reason FROM plans").empty());

    // Another officer may not propose on this officer's case: the service's refusal.
    const std::string other =
        desk.text("SELECT u.username FROM users u WHERE u.role = 'officer' AND u.username <> '" +
                  c.officer.username + "' ORDER BY u.username LIMIT 1");
    REQUIRE(!other.empty());
    const auto otherUser = desk.signIn(other);
    const auto otherSession = desk.session(otherUser);
    ui::PlanWorkbenchDialog refused(desk.services(), otherSession, c.file);
    CHECK_FALSE(refused.load());
    REQUIRE(refused.error());
    CHECK_FALSE(refused.error()->message.empty());
    // The administrator neither: no plan button, and the shortcut's slot shows why.
    const auto admin = desk.signIn("admin");
    const auto adminSession = desk.session(admin);
    ui::CaseFilePage page(desk.services(), adminSession);
    REQUIRE(page.showLoan(QString::fromStdString(c.loan)));
    CHECK(child<QPushButton>(&page, "planWorkbenchButton")->isHidden());
    CHECK_FALSE(page.openPlanWorkbench());
    CHECK_FALSE(page.message().isEmpty());
    CHECK(desk.count("SELECT COUNT(*) FROM plans") == 1);
}

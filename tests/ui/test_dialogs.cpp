// The dialogs' bad paths: Save stays disabled, saying why, and nothing reaches the database
// until the form is right.
#include "dialogs/log_contact_dialog.h"
#include "dialogs/take_payment_dialog.h"
#include "money_display.h"
#include "ui_fixture.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

std::string q(const QString& text) {
    return text.toStdString();
}

QPushButton* saveButton(QWidget* dialog) {
    auto* box = dialog->findChild<QDialogButtonBox*>();
    REQUIRE(box);
    auto* save = box->button(QDialogButtonBox::Save);
    REQUIRE(save);
    return save;
}

void retype(QLineEdit* edit, const QString& text) {
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

TEST_CASE("TakePaymentDialog refuses decimals in UGX and a cheque without a reference",
          "[ui][dialogs]") {
    DemoDesk desk;
    auto c = officerCase(desk);
    REQUIRE(c.file.currency.code == "UGX");
    REQUIRE(c.file.currency.exponent == 0);
    const auto session = desk.session(c.officer);
    ui::TakePaymentDialog dialog(desk.services(), session, c.file);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    auto* save = saveButton(&dialog);
    auto* problemLabel = child<QLabel>(&dialog, "paymentProblem");

    // Empty at first.
    CHECK_FALSE(save->isEnabled());
    CHECK(dialog.problem() == QStringLiteral("Enter the amount received."));

    // 12.5 in a currency without decimals.
    QTest::keyClicks(dialog.amountEdit(), QStringLiteral("12.5"));
    INFO(q(dialog.problem()));
    CHECK_FALSE(save->isEnabled());
    CHECK(dialog.problem().contains(QStringLiteral("no decimals")));
    CHECK(problemLabel->text() == dialog.problem());
    CHECK(save->toolTip() == dialog.problem());
    CHECK(dialog.previewLabel()->text().isEmpty());
    dialog.accept();
    CHECK(dialog.isVisible());
    CHECK_FALSE(dialog.receipt());

    // (12,500 with its thousands separator is an amount: test_desk_input.cpp.)
    for (const auto* bad : {"0", "-5", "12,50", "abc"}) {
        retype(dialog.amountEdit(), QString::fromLatin1(bad));
        INFO("amount " << bad << ": " << q(dialog.problem()));
        CHECK_FALSE(save->isEnabled());
        CHECK_FALSE(dialog.problem().isEmpty());
    }

    // A whole amount in cash: allowed, with the allocation shown.
    retype(dialog.amountEdit(), QStringLiteral("12500"));
    CHECK(save->isEnabled());
    CHECK(dialog.problem().isEmpty());
    CHECK(problemLabel->text().isEmpty());
    CHECK(dialog.previewLabel()->text().contains(QStringLiteral("This payment will pay")));

    // A cheque needs its reference.
    dialog.methodBox()->setCurrentIndex(
        dialog.methodBox()->findData(static_cast<int>(PaymentMethod::Cheque)));
    CHECK_FALSE(save->isEnabled());
    CHECK(dialog.problem().contains(QStringLiteral("reference")));
    CHECK(dialog.problem().contains(QStringLiteral("cheque")));
    CHECK(problemLabel->text() == dialog.problem());
    dialog.accept();
    CHECK_FALSE(dialog.receipt());
    QTest::keyClicks(dialog.referenceEdit(), QStringLiteral("   "));
    CHECK_FALSE(save->isEnabled()); // blanks are no reference
    retype(dialog.referenceEdit(), QStringLiteral("CHQ 004512"));
    CHECK(save->isEnabled());
    CHECK(desk.count("SELECT count(*) FROM desk_receipts") == 0);
    CHECK(desk.count("SELECT count(*) FROM payments WHERE import_id = 0") == 0);

    // Now it saves.
    REQUIRE(activate(&dialog));
    QTest::keyClick(dialog.referenceEdit(), Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(dialog.receipt());
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(desk.text("SELECT payment_id || ' ' || amount || ' ' || method || ' ' || reference "
                    "FROM payments WHERE import_id = 0") == "DESK-000001 12500 cheque CHQ 004512");
}

TEST_CASE("TakePaymentDialog asks before taking more than the loan owes and refuses a mistyped "
          "figure",
          "[ui][dialogs]") {
    DemoDesk desk;
    auto c = officerCase(desk);
    const auto session = desk.session(c.officer);
    ui::TakePaymentDialog dialog(desk.services(), session, c.file);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    const Amount principal = c.file.ledger.terms.principal;
    const auto desks = [&] { return desk.count("SELECT count(*) FROM desk_receipts"); };

    // Far beyond the loan: refused by the service, shown in the dialog, nothing saved.
    retype(dialog.amountEdit(), QString::number(principal * 101));
    dialog.accept();
    INFO(q(dialog.problem()));
    CHECK(dialog.isVisible());
    CHECK(dialog.problem().contains(QStringLiteral("more than 100 times the loan's principal")));
    CHECK(desks() == 0);

    // Twice the principal: more than the loan owes. Declined first, then confirmed.
    retype(dialog.amountEdit(), QString::number(principal * 2));
    CHECK(dialog.previewLabel()->text().contains(QStringLiteral("Credit balance (overpaid)")));
    QString question;
    {
        ModalDriver no("QMessageBox", [&](QWidget* widget) {
            auto* box = qobject_cast<QMessageBox*>(widget);
            expect(box != nullptr && box->objectName() == QStringLiteral("confirmOverpayment"),
                   "the overpayment question");
            question = box->text();
            box->button(QMessageBox::No)->click();
        });
        dialog.accept();
        CHECK(no.ran());
        CHECK(no.failure().empty());
    }
    INFO(q(question));
    CHECK(question.contains(QStringLiteral("is more than loan ") + QString::fromStdString(c.loan) +
                            QStringLiteral(" owes")));
    CHECK(question.contains(QStringLiteral("would be left over as a credit balance")));
    CHECK(dialog.isVisible());
    CHECK_FALSE(dialog.receipt());
    CHECK(desks() == 0);
    {
        ModalDriver yes("QMessageBox", [&](QWidget* widget) {
            qobject_cast<QMessageBox*>(widget)->button(QMessageBox::Yes)->click();
        });
        dialog.accept();
        CHECK(yes.ran());
    }
    REQUIRE(dialog.receipt());
    CHECK(dialog.receipt()->toCreditBalance > 0);
    CHECK(dialog.receipt()->amount == principal * 2);
    CHECK(desks() == 1);
}

TEST_CASE("LogContactDialog outside contact hours asks for a reason and saves only with one",
          "[ui][dialogs]") {
    DemoDesk desk;
    auto c = officerCase(desk);
    auto session = desk.session(c.officer);
    session.clock = ui::fixedLocalClock(businessDate(), 21 * 60 + 10);
    const auto contactsOfLoan = "SELECT count(*) FROM contacts c JOIN loans l ON l.id = "
                                "c.loan_pk WHERE l.loan_id = '" +
                                c.loan + "'";
    const auto contactsBefore = desk.count(contactsOfLoan);
    ui::LogContactDialog dialog(desk.services(), session, c.file);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    auto* save = saveButton(&dialog);
    auto* overrideEdit = child<QLineEdit>(&dialog, "overrideEdit");
    auto* problemLabel = child<QLabel>(&dialog, "problemLabel");

    INFO(q(dialog.problem()));
    CHECK(overrideEdit->isVisible());
    CHECK(child<QLabel>(&dialog, "overrideLabel")->isVisible());
    CHECK_FALSE(save->isEnabled());
    CHECK(dialog.problem().contains(QStringLiteral("08:00-20:00")));
    CHECK(dialog.problem().contains(QStringLiteral("21:10")));
    CHECK(dialog.problem().contains(QStringLiteral("reason")));
    CHECK(problemLabel->text() == dialog.problem());

    // Ctrl+Return without a reason does nothing.
    REQUIRE(activate(&dialog));
    QTest::keyClick(overrideEdit, Qt::Key_Return, Qt::ControlModifier);
    CHECK(dialog.isVisible());
    CHECK_FALSE(dialog.saved());
    QTest::keyClicks(overrideEdit, QStringLiteral("   "));
    CHECK_FALSE(save->isEnabled());
    dialog.accept();
    CHECK_FALSE(dialog.saved());
    CHECK(desk.count(contactsOfLoan) == contactsBefore);

    // An e-mail is not bound by the hours: no reason asked.
    auto* channel = child<QComboBox>(&dialog, "channelBox");
    channel->setCurrentIndex(channel->findData(static_cast<int>(ContactChannel::Email)));
    CHECK_FALSE(overrideEdit->isVisible());
    CHECK(save->isEnabled());
    channel->setCurrentIndex(channel->findData(static_cast<int>(ContactChannel::Call)));
    CHECK(overrideEdit->isVisible());
    CHECK_FALSE(save->isEnabled());

    // With a reason the rule is shown as a warning and the contact saves, reason and all.
    retype(overrideEdit, QStringLiteral("Client asked to be called after work"));
    CHECK(save->isEnabled());
    CHECK(dialog.problem().isEmpty());
    CHECK(problemLabel->text().contains(QStringLiteral("21:10")));
    REQUIRE(activate(&dialog));
    QTest::keyClick(overrideEdit, Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(dialog.saved());
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(desk.count(contactsOfLoan) == contactsBefore + 1);
    CHECK(desk.text("SELECT c.at || ' ' || c.override_reason FROM contacts c JOIN loans l ON "
                    "l.id = c.loan_pk WHERE l.loan_id = '" +
                    c.loan + "' ORDER BY c.id DESC LIMIT 1") ==
          "2026-11-27T21:10:00 Client asked to be called after work");
}

TEST_CASE("LogContactDialog refuses a promise without a valid amount", "[ui][dialogs]") {
    DemoDesk desk;
    auto c = officerCase(desk);
    const auto session = desk.session(c.officer);
    ui::LogContactDialog dialog(desk.services(), session, c.file);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    auto* save = saveButton(&dialog);
    auto* outcome = child<QComboBox>(&dialog, "outcomeBox");
    auto* amount = child<QLineEdit>(&dialog, "promiseAmountEdit");

    // Reached (the default) at 10:30: fine, and no promise fields.
    CHECK(save->isEnabled());
    CHECK_FALSE(amount->isVisible());
    CHECK_FALSE(child<QLineEdit>(&dialog, "overrideEdit")->isVisible());

    outcome->setCurrentIndex(outcome->findData(static_cast<int>(ContactOutcome::Promised)));
    CHECK(amount->isVisible());
    // Prefilled with the arrears, as the GUI shows money.
    CHECK(amount->text() == ui::displayMoney(c.file.position.arrears.total(), c.file.currency));
    CHECK(save->isEnabled());

    amount->clear();
    INFO(q(dialog.problem()));
    CHECK_FALSE(save->isEnabled());
    CHECK(dialog.problem() == QStringLiteral("Enter the amount promised."));
    CHECK(child<QLabel>(&dialog, "problemLabel")->text() == dialog.problem());
    dialog.accept();
    CHECK_FALSE(dialog.saved());
    CHECK(dialog.isVisible());

    QTest::keyClicks(amount, QStringLiteral("0"));
    CHECK_FALSE(save->isEnabled());
    CHECK(dialog.problem().contains(QStringLiteral("more than 0")));
    retype(amount, QStringLiteral("12.5"));
    CHECK_FALSE(save->isEnabled());
    CHECK(dialog.problem().contains(QStringLiteral("Promised amount")));
    CHECK(desk.count("SELECT count(*) FROM promises p JOIN loans l ON l.id = p.loan_pk WHERE "
                     "l.loan_id = '" +
                     c.loan + "'") == 0);

    retype(amount, QStringLiteral("40000"));
    CHECK(save->isEnabled());
    dialog.accept();
    REQUIRE(dialog.saved());
    REQUIRE(dialog.saved()->promiseId);
    CHECK(desk.text("SELECT p.amount || ' ' || p.promised_for FROM promises p JOIN loans l ON "
                    "l.id = p.loan_pk WHERE l.loan_id = '" +
                    c.loan + "'") == "40000 2026-12-04");
}

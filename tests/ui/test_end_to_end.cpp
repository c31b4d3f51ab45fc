// An officer's morning at the desk, by keyboard, against a real demo database: sign in,
// open the call list, work three cases (a promise, a no-answer call, a payment with its
// receipt) and check what the database then holds.
#include "dialogs/sign_in_dialog.h"
#include "main_window.h"
#include "models/call_list_model.h"
#include "models/receipts_model.h"
#include "models/timeline_model.h"
#include "pages/call_list_page.h"
#include "pages/case_file_page.h"
#include "ui_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

std::string q(const QString& text) {
    return text.toStdString();
}

// Ctrl+Return where the officer's cursor is (the focused widget of the dialog).
void saveWithCtrlReturn(QWidget* dialog) {
    QWidget* target = QApplication::focusWidget();
    if (!target || target->window() != dialog)
        target = dialog;
    QTest::keyClick(target, Qt::Key_Return, Qt::ControlModifier);
}

} // namespace

TEST_CASE("An officer signs in and works three cases of the call list by keyboard", "[ui][e2e]") {
    DemoDesk desk;
    const std::string officer = desk.busiestOfficer();
    REQUIRE(officer.rfind("rec.", 0) == 0);

    // Sign in through the dialog: a wrong password first, then the right one.
    ui::SignInDialog signIn(desk.users(), desk.all().clock());
    QString wrongPasswordProblem;
    bool stayedOpenOnWrongPassword = false;
    ModalDriver typeCredentials("rd::ui::SignInDialog", [&](QWidget* dialog) {
        expect(activate(dialog), "the sign-in dialog becomes active");
        auto* username = child<QLineEdit>(dialog, "username");
        auto* password = child<QLineEdit>(dialog, "password");
        QTest::keyClicks(username, QString::fromStdString(officer));
        QTest::keyClicks(password, QStringLiteral("not-the-password"));
        QTest::keyClick(password, Qt::Key_Return);
        stayedOpenOnWrongPassword = dialog->isVisible();
        wrongPasswordProblem = signIn.problem();
        QTest::keyClicks(password, QString::fromLatin1(kDemoPassword));
        QTest::keyClick(password, Qt::Key_Return);
    });
    const int signInResult = signIn.exec();
    INFO(typeCredentials.failure());
    REQUIRE(typeCredentials.ran());
    REQUIRE(typeCredentials.failure().empty());
    CHECK(stayedOpenOnWrongPassword);
    CHECK(wrongPasswordProblem.contains(QStringLiteral("Wrong username or password")));
    REQUIRE(signInResult == QDialog::Accepted);
    REQUIRE(signIn.user());
    REQUIRE(signIn.user()->username == officer);
    REQUIRE(signIn.user()->role == Role::Officer);

    ui::MainWindow window(desk.services(), desk.session(*signIn.user()));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(activate(&window));
    CHECK(window.windowTitle().contains(QString::fromStdString(signIn.user()->fullName)));

    auto* callList = window.callListPage();
    auto* view = callList->view();
    REQUIRE(callList->isVisible());
    const QStringList loans = callList->visibleLoans();
    INFO("call list: " << q(loans.join(QStringLiteral(", "))));
    REQUIRE(loans.size() >= 4);
    // The list is the service's list for this officer, in rank order.
    const auto serviceList = desk.callList().forOfficer(*signIn.user(), officer, businessDate());
    REQUIRE(serviceList);
    REQUIRE(static_cast<int>(serviceList->items.size()) == loans.size());
    for (int i = 0; i < loans.size(); ++i)
        REQUIRE(serviceList->items[static_cast<std::size_t>(i)].entry.loanId == q(loans[i]));
    for (const auto& loan : loans)
        REQUIRE(desk.officerOfLoan(q(loan)) == officer);
    const auto loanAt = [&](int i) { return q(loans[i]); };

    // Down to the second case, Enter opens it.
    view->setFocus();
    REQUIRE(view->currentIndex().row() == 0);
    QTest::keyClick(view, Qt::Key_Down);
    REQUIRE(view->currentIndex().row() == 1);
    QTest::keyClick(view, Qt::Key_Return);
    auto* caseFile = window.caseFilePage();
    REQUIRE(caseFile->isVisible());
    REQUIRE(q(caseFile->loanId()) == loanAt(1));

    // (1) A promise: Ctrl+L, outcome by typing, amount, note, Ctrl+Return.
    const QString promiseNote = QStringLiteral("Will pay after selling the harvest");
    bool promiseFieldsShown = false;
    QString nextActionProposed;
    {
        ModalDriver logPromise("rd::ui::LogContactDialog", [&](QWidget* dialog) {
            expect(activate(dialog), "the contact form becomes active");
            auto* channel = child<QComboBox>(dialog, "channelBox");
            expect(channel->currentData().toInt() == static_cast<int>(ContactChannel::Call),
                   "the channel defaults to a call");
            auto* outcome = child<QComboBox>(dialog, "outcomeBox");
            QTest::keyClicks(outcome, QStringLiteral("Pro"));
            expect(outcome->currentData().toInt() == static_cast<int>(ContactOutcome::Promised),
                   "typing 'Pro' picks 'Promised to pay'");
            auto* amount = child<QLineEdit>(dialog, "promiseAmountEdit");
            promiseFieldsShown = amount->isVisibleTo(dialog) &&
                                 child<QDateEdit>(dialog, "promiseDateEdit")->isVisibleTo(dialog);
            amount->setFocus();
            amount->selectAll();
            QTest::keyClick(amount, Qt::Key_Backspace);
            QTest::keyClicks(amount, QStringLiteral("50000"));
            auto* note = child<QPlainTextEdit>(dialog, "noteEdit");
            note->setFocus();
            QTest::keyClicks(note, promiseNote);
            expect(!child<QLineEdit>(dialog, "overrideEdit")->isVisibleTo(dialog),
                   "no override reason is asked at 10:30");
            nextActionProposed =
                child<QDateEdit>(dialog, "nextActionEdit")->date().toString(Qt::ISODate);
            saveWithCtrlReturn(dialog);
        });
        REQUIRE(activate(&window));
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        INFO(logPromise.failure());
        REQUIRE(logPromise.ran());
        REQUIRE(logPromise.failure().empty());
        REQUIRE_FALSE(logPromise.leftOpen());
    }
    CHECK(promiseFieldsShown);
    CHECK(nextActionProposed == QStringLiteral("2026-12-05")); // the day after the promise
    // Saving moved on to the next case of the list.
    REQUIRE(q(caseFile->loanId()) == loanAt(2));

    // (2) No answer: the promise fields go away, the next action is tomorrow.
    bool promiseFieldsHidden = false;
    {
        ModalDriver logNoAnswer("rd::ui::LogContactDialog", [&](QWidget* dialog) {
            expect(activate(dialog), "the contact form becomes active");
            auto* outcome = child<QComboBox>(dialog, "outcomeBox");
            QTest::keyClicks(outcome, QStringLiteral("No"));
            expect(outcome->currentData().toInt() == static_cast<int>(ContactOutcome::NoAnswer),
                   "typing 'No' picks 'No answer'");
            promiseFieldsHidden =
                !child<QLineEdit>(dialog, "promiseAmountEdit")->isVisibleTo(dialog);
            expect(child<QDateEdit>(dialog, "nextActionEdit")->date() == QDate(2026, 11, 28),
                   "the next action of a no-answer call is tomorrow");
            QTest::keyClicks(child<QPlainTextEdit>(dialog, "noteEdit"),
                             QStringLiteral("Phone off"));
            saveWithCtrlReturn(dialog);
        });
        REQUIRE(activate(&window));
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        INFO(logNoAnswer.failure());
        REQUIRE(logNoAnswer.ran());
        REQUIRE(logNoAnswer.failure().empty());
        REQUIRE_FALSE(logNoAnswer.leftOpen());
    }
    CHECK(promiseFieldsHidden);
    REQUIRE(q(caseFile->loanId()) == loanAt(3));

    // (3) A payment by mobile money: Ctrl+M, amount, method by typing, reference.
    QString previewBeforeSave;
    {
        // "Save and print receipt" then asks where to print: cancelled here (test_receipts.cpp
        // prints).
        ModalDriver print("QPrintDialog", [](QWidget*) {});
        ModalDriver pay("rd::ui::TakePaymentDialog", [&](QWidget* dialog) {
            expect(activate(dialog), "the payment form becomes active");
            auto* amount = child<QLineEdit>(dialog, "paymentAmount");
            QTest::keyClicks(amount, QStringLiteral("20000"));
            auto* method = child<QComboBox>(dialog, "paymentMethod");
            QTest::keyClicks(method, QStringLiteral("Mo"));
            expect(method->currentData().toInt() == static_cast<int>(PaymentMethod::MobileMoney),
                   "typing 'Mo' picks mobile money");
            QTest::keyClicks(child<QLineEdit>(dialog, "paymentReference"),
                             QStringLiteral("MM-778120"));
            expect(child<QDateEdit>(dialog, "paymentDate")->date() == QDate(2026, 11, 27),
                   "the payment date defaults to the business date");
            previewBeforeSave = child<QLabel>(dialog, "paymentPreview")->text();
            saveWithCtrlReturn(dialog);
        });
        REQUIRE(activate(&window));
        QTest::keyClick(&window, Qt::Key_M, Qt::ControlModifier);
        INFO(pay.failure());
        REQUIRE(pay.ran());
        REQUIRE(pay.failure().empty());
        REQUIRE_FALSE(pay.leftOpen());
    }
    CHECK(previewBeforeSave.contains(QStringLiteral("This payment will pay")));
    // A payment does not move on: the receipt is on screen.
    REQUIRE(q(caseFile->loanId()) == loanAt(3));
    REQUIRE(caseFile->receiptsModel()->rowCount() == 1);
    CHECK(caseFile->receiptsModel()->receipt(0).paymentId == "DESK-000001");
    CHECK(caseFile->message().contains(QStringLiteral("000001")));
    bool timelineShowsPayment = false;
    for (int row = 0; row < caseFile->timelineModel()->rowCount(); ++row) {
        const auto& entry = caseFile->timelineModel()->entry(row);
        timelineShowsPayment |= entry.kind == QStringLiteral("Payment") &&
                                entry.what.contains(QStringLiteral("DESK-000001"));
    }
    CHECK(timelineShowsPayment);
    const auto pdf = desk.tempDir() / "receipt-000001.pdf";
    REQUIRE(caseFile->saveReceiptPdf(QString::fromStdString(pdf.string())));
    REQUIRE(std::filesystem::exists(pdf));
    CHECK(std::filesystem::file_size(pdf) > 1000);
    CHECK(readBytes(pdf, 5) == "%PDF-");

    // Esc: back to the list, which no longer shows the case with a fresh promise.
    REQUIRE(activate(&window));
    QTest::keyClick(&window, Qt::Key_Escape);
    REQUIRE(callList->isVisible());
    CHECK_FALSE(callList->visibleLoans().contains(loans[1]));

    // The database, through its own connection.
    const auto loanPk = [&](int i) {
        return "(SELECT id FROM loans WHERE loan_id = '" + loanAt(i) + "')";
    };
    {
        INFO("the promise: one contact and one promise tied to it, an audit row");
        REQUIRE(desk.count("SELECT count(*) FROM contacts WHERE loan_pk = " + loanPk(1)) == 1);
        CHECK(desk.text("SELECT channel || ' ' || direction || ' ' || person || ' ' || outcome || "
                        "' ' || officer || ' ' || at || ' ' || next_action_on FROM contacts "
                        "WHERE loan_pk = " +
                        loanPk(1)) ==
              "call outbound client promised " + officer + " 2026-11-27T10:30:00 2026-12-05");
        CHECK(desk.text("SELECT note FROM contacts WHERE loan_pk = " + loanPk(1)) ==
              q(promiseNote));
        REQUIRE(desk.count("SELECT count(*) FROM promises WHERE loan_pk = " + loanPk(1)) == 1);
        CHECK(desk.text("SELECT amount || ' ' || promised_for || ' ' || created_on || ' ' || "
                        "created_by FROM promises WHERE loan_pk = " +
                        loanPk(1)) == "50000 2026-12-04 2026-11-27 " + officer);
        CHECK(desk.count("SELECT count(*) FROM promises p JOIN contacts c ON c.id = p.contact_id "
                         "WHERE p.loan_pk = " +
                         loanPk(1)) == 1);
        CHECK(desk.text("SELECT next_action_on FROM cases WHERE status = 'open' AND loan_pk = " +
                        loanPk(1)) == "2026-12-05");
        CHECK(desk.count("SELECT count(*) FROM audit_log WHERE action = 'add_contact' AND "
                         "entity = 'case' AND entity_key = '" +
                         loanAt(1) + "' AND actor = '" + officer + "'") == 1);
    }
    {
        INFO("the no-answer call: a contact, no promise, next action tomorrow");
        REQUIRE(desk.count("SELECT count(*) FROM contacts WHERE loan_pk = " + loanPk(2)) == 1);
        CHECK(desk.text("SELECT outcome || ' ' || note || ' ' || next_action_on FROM contacts "
                        "WHERE loan_pk = " +
                        loanPk(2)) == "no_answer Phone off 2026-11-28");
        CHECK(desk.count("SELECT count(*) FROM promises WHERE loan_pk = " + loanPk(2)) == 0);
        CHECK(desk.text("SELECT next_action_on FROM cases WHERE status = 'open' AND loan_pk = " +
                        loanPk(2)) == "2026-11-28");
        CHECK(desk.count("SELECT count(*) FROM audit_log WHERE action = 'add_contact' AND "
                         "entity_key = '" +
                         loanAt(2) + "'") == 1);
    }
    {
        INFO("the payment: a payments row DESK-000001, its receipt, an audit row");
        CHECK(desk.text("SELECT payment_id || ' ' || paid_on || ' ' || amount || ' ' || method || "
                        "' ' || reference || ' ' || import_id || ' ' || "
                        "coalesce(reversed_on, '-') FROM payments WHERE import_id = 0") ==
              "DESK-000001 2026-11-27 20000 mobile_money MM-778120 0 -");
        CHECK(desk.count("SELECT count(*) FROM payments WHERE import_id = 0 AND loan_pk = " +
                         loanPk(3)) == 1);
        REQUIRE(desk.count("SELECT count(*) FROM desk_receipts") == 1);
        CHECK(desk.text("SELECT receipt_no || ' ' || payment_id || ' ' || taken_by || ' ' || "
                        "business_date FROM desk_receipts WHERE loan_pk = " +
                        loanPk(3)) == "1 DESK-000001 " + officer + " 2026-11-27");
        CHECK(desk.count("SELECT allocated_principal + allocated_interest + allocated_fees + "
                         "allocated_penalties + to_credit_balance FROM desk_receipts") == 20000);
        CHECK(desk.count("SELECT count(*) FROM audit_log WHERE action = 'take_payment' AND "
                         "entity_key = '" +
                         loanAt(3) + "' AND actor = '" + officer + "'") == 1);
        // Nothing was done to the first case of the list.
        CHECK(desk.count("SELECT count(*) FROM contacts WHERE loan_pk = " + loanPk(0)) == 0);
    }
}

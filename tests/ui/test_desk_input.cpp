// Input that cannot hurt: amounts typed as the GUI shows them, the dialogs that validate
// before they close (in the GUI's words, Ctrl+Enter saving each), the reversal that shows
// what is reversed, a contact logged for when it happened, a correction that starts from
// the original.
#include "dialogs/admin_dialogs.h"
#include "dialogs/log_contact_dialog.h"
#include "dialogs/reassign_dialog.h"
#include "dialogs/take_payment_dialog.h"
#include "dialogs/text_entry_dialog.h"
#include "display_text.h"
#include "models/receipts_model.h"
#include "models/timeline_model.h"
#include "money_display.h"
#include "pages/case_file/change_stage_dialog.h"
#include "pages/case_file_page.h"
#include "ui_fixture.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

struct WorkedCase {
    User officer;
    std::string loan;
    services::CaseFile file;
};

WorkedCase workedCase(DemoDesk& desk) {
    WorkedCase c;
    c.officer = desk.signIn(desk.busiestOfficer());
    const auto list = desk.callList().forOfficer(c.officer, c.officer.username, businessDate());
    REQUIRE(list);
    REQUIRE_FALSE(list->items.empty());
    c.loan = list->items.front().entry.loanId;
    auto file = desk.cases().caseFile(c.officer, c.loan, businessDate());
    REQUIRE(file);
    c.file = std::move(*file);
    return c;
}

QPushButton* saveOf(QWidget* dialog) {
    auto* box = dialog->findChild<QDialogButtonBox*>();
    REQUIRE(box);
    for (auto* b : box->buttons())
        if (box->buttonRole(b) == QDialogButtonBox::AcceptRole)
            return qobject_cast<QPushButton*>(b);
    FAIL("no save button");
    return nullptr;
}

std::string s(const QString& text) {
    return text.toStdString();
}

} // namespace

TEST_CASE("Amounts are typed as the GUI shows them, in the locale's form", "[ui][input]") {
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    CHECK(ui::parseAmountInput(QStringLiteral("50,000"), 0, english).value() == 50000);
    CHECK(ui::parseAmountInput(QStringLiteral(" 1,250,000 "), 0, english).value() == 1250000);
    CHECK(ui::parseAmountInput(QStringLiteral("50000"), 0, english).value() == 50000);
    CHECK(ui::parseAmountInput(QStringLiteral("1,250.50"), 2, english).value() == 125050);
    CHECK(ui::parseAmountInput(QStringLiteral("999"), 2, english).value() == 99900);
    // Separators in the wrong places, or doubled, are a typing mistake.
    for (const char* bad : {"5,00", "50,0000", ",500", "500,", "1,,000", "1,2,3"}) {
        INFO(bad);
        auto r = ui::parseAmountInput(QString::fromLatin1(bad), 0, english);
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("thousands separators"));
        CHECK_THAT(r.error().message, Catch::Contains(bad));
    }
    // The message quotes what was typed and says what is wrong.
    auto decimals = ui::parseAmountInput(QStringLiteral("50,000.5"), 0, english);
    REQUIRE_FALSE(decimals);
    CHECK(decimals.error().message == "\"50,000.5\" is not an amount (digits only, no decimals)");
    auto huge = ui::parseAmountInput(QStringLiteral("99999999999999999999999"), 0, english);
    REQUIRE_FALSE(huge);
    CHECK_THAT(huge.error().message, Catch::Contains("too large"));
    CHECK_THAT(ui::parseAmountInput(QStringLiteral("12a"), 0, english).error().message,
               Catch::Contains("not an amount"));
    // A locale that groups with spaces and writes a decimal comma.
    const QLocale french(QLocale::French, QLocale::France);
    CHECK(ui::parseAmountInput(QStringLiteral("50 000,25"), 2, french).value() == 5000025);
    CHECK(ui::parseAmountInput(QStringLiteral("50") + QChar(0x202F) + QStringLiteral("000"), 0,
                               french)
              .value() == 50000);
    // The money the GUI shows reads back as the same amount.
    for (const Amount a : {Amount{0}, Amount{7}, Amount{430475}, Amount{999999999999}})
        CHECK(ui::parseAmountInput(ui::displayMoney(a, Currency{"UGX", 0}, english), 0, english)
                  .value() == a);
}

TEST_CASE("Take payment and promise fields take 50,000 and refuse a 23-digit amount saying why",
          "[ui][input]") {
    DemoDesk desk;
    auto c = workedCase(desk);
    const auto session = desk.session(c.officer);
    {
        ui::TakePaymentDialog dialog(desk.services(), session, c.file);
        dialog.show();
        auto* save = saveOf(&dialog);
        QTest::keyClicks(dialog.amountEdit(), QStringLiteral("99999999999999999999999"));
        CHECK_FALSE(save->isEnabled());
        INFO(s(dialog.problem()));
        CHECK(dialog.problem().contains(QStringLiteral("too large")));
        dialog.amountEdit()->clear();
        QTest::keyClicks(dialog.amountEdit(), QLocale().toString(12000));
        CHECK(save->isEnabled());
        REQUIRE(activate(&dialog));
        QTest::keyClick(dialog.amountEdit(), Qt::Key_Return, Qt::ControlModifier);
        REQUIRE(dialog.receipt());
        CHECK(dialog.receipt()->amount == 12000);
    }
    {
        ui::LogContactDialog dialog(desk.services(), session, c.file);
        dialog.show();
        auto* outcome = child<QComboBox>(&dialog, "outcomeBox");
        outcome->setCurrentIndex(outcome->findData(static_cast<int>(ContactOutcome::Promised)));
        auto* amount = child<QLineEdit>(&dialog, "promiseAmountEdit");
        // Filled with the arrears as the GUI shows money, and accepted as it is.
        CHECK(amount->text() == ui::displayMoney(c.file.position.arrears.total(), c.file.currency));
        amount->setText(QLocale().toString(50000));
        INFO(s(dialog.problem()));
        CHECK(dialog.problem().isEmpty());
        amount->setText(QStringLiteral("5,00"));
        CHECK(dialog.problem().contains(QStringLiteral("thousands separators")));
    }
}

TEST_CASE("A text dialog keeps an empty text from closing it and saves with Ctrl+Enter",
          "[ui][input]") {
    ui::TextEntryDialog dialog({QStringLiteral("Add note"),
                                {},
                                QStringLiteral("Note"),
                                QStringLiteral("Write the note."),
                                QStringLiteral("Save note"),
                                {}});
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    REQUIRE(activate(&dialog));
    auto* save = saveOf(&dialog);
    CHECK_FALSE(save->isEnabled());
    CHECK(dialog.problem() == QStringLiteral("Write the note."));
    CHECK(save->text().contains(QStringLiteral("Ctrl+Enter")));
    QTest::keyClick(dialog.edit(), Qt::Key_Return, Qt::ControlModifier);
    CHECK(dialog.isVisible());
    CHECK(dialog.result() != QDialog::Accepted);
    QTest::keyClicks(dialog.edit(), QStringLiteral("   "));
    CHECK_FALSE(save->isEnabled());
    QTest::keyClicks(dialog.edit(), QStringLiteral("Client moved to Gulu"));
    CHECK(save->isEnabled());
    CHECK(dialog.problem().isEmpty());
    QTest::keyClick(dialog.edit(), Qt::Key_Return, Qt::ControlModifier);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.text() == QStringLiteral("Client moved to Gulu"));
}

TEST_CASE("An empty note is not saved and the dialog says so in the GUI's words", "[ui][input]") {
    DemoDesk desk;
    auto c = workedCase(desk);
    const auto session = desk.session(c.officer);
    ui::CaseFilePage page(desk.services(), session);
    page.show();
    REQUIRE(page.showLoan(QString::fromStdString(c.loan)));
    const auto notes = desk.count("SELECT count(*) FROM case_notes");
    QString problem;
    bool stayedOpen = false;
    ModalDriver driver("rd::ui::TextEntryDialog", [&](QWidget* dialog) {
        expect(activate(dialog), "the note dialog becomes active");
        auto* edit = child<QPlainTextEdit>(dialog, "textEntryEdit");
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        stayedOpen = dialog->isVisible();
        problem = child<QLabel>(dialog, "textEntryProblem")->text();
        QTest::keyClicks(edit, QStringLiteral("Visited the shop; the client asks for a plan"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    });
    child<QPushButton>(&page, "noteButton")->click();
    CHECK(driver.ran());
    CHECK(driver.failure().empty());
    CHECK_FALSE(driver.leftOpen());
    CHECK(stayedOpen);
    CHECK(problem == QStringLiteral("Write the note."));
    CHECK_FALSE(problem.contains(QStringLiteral("--")));
    CHECK(desk.count("SELECT count(*) FROM case_notes") == notes + 1);
    CHECK(desk.text("SELECT text FROM case_notes ORDER BY id DESC LIMIT 1") ==
          "Visited the shop; the client asks for a plan");
}

TEST_CASE("Reversing a payment shows the receipt, amount and client and needs a reason",
          "[ui][input]") {
    DemoDesk desk;
    auto c = workedCase(desk);
    const std::string supervisor = desk.supervisorOf(c.officer.username);
    services::NewDeskPayment pay;
    pay.loanId = c.loan;
    pay.amount = 15000;
    pay.method = PaymentMethod::Cash;
    pay.paidOn = businessDate();
    const auto receipt = desk.payments().takePayment(c.officer, pay, businessDate());
    REQUIRE(receipt);
    const User sup = desk.signIn(supervisor);
    const auto session = desk.session(sup);
    ui::CaseFilePage page(desk.services(), session);
    page.show();
    REQUIRE(page.showLoan(QString::fromStdString(c.loan)));
    page.receiptsView()->selectRow(0);
    auto* reverse = child<QPushButton>(&page, "reverseButton");
    REQUIRE(reverse->isEnabled());

    // Cancelled: nothing is reversed.
    QString details;
    ModalDriver cancel("rd::ui::TextEntryDialog", [&](QWidget* dialog) {
        details = child<QLabel>(dialog, "textEntryDetails")->text();
        expect(!saveOf(dialog)->isEnabled(), "no reason, no reversal");
    });
    reverse->click();
    CHECK(cancel.ran());
    CHECK(cancel.leftOpen());
    CHECK(
        details.contains(QString::fromStdString(services::receiptNumberText(receipt->receiptNo))));
    CHECK(details.contains(QStringLiteral("UGX ") + QLocale().toString(15000)));
    CHECK(details.contains(QString::fromStdString(c.file.loan.clientName).toHtmlEscaped()));
    CHECK(desk.count("SELECT count(*) FROM payment_reversals") == 0);

    ModalDriver confirm("rd::ui::TextEntryDialog", [&](QWidget* dialog) {
        QTest::keyClicks(child<QPlainTextEdit>(dialog, "textEntryEdit"),
                         QStringLiteral("Counted twice"));
        saveOf(dialog)->click();
    });
    reverse->click();
    CHECK(confirm.ran());
    CHECK_FALSE(confirm.leftOpen());
    CHECK(desk.text("SELECT reason FROM payment_reversals WHERE payment_id = '" +
                    receipt->paymentId + "'") == "Counted twice");
}

TEST_CASE("A contact is logged for when it happened, with the rules applied to that time",
          "[ui][input]") {
    DemoDesk desk;
    auto c = workedCase(desk);
    const auto session = desk.session(c.officer); // 10:30 on the business date
    ui::LogContactDialog dialog(desk.services(), session, c.file);
    dialog.show();
    auto* when = child<QDateTimeEdit>(&dialog, "whenEdit");
    CHECK(when->dateTime().time() == QTime(10, 30));
    CHECK(when->dateTime().date() == ui::toQDate(businessDate()));
    CHECK(dialog.problem().isEmpty());
    // Not later than now.
    when->setDateTime(QDateTime(ui::toQDate(businessDate()), QTime(15, 0), Qt::UTC));
    CHECK(when->dateTime().time() == QTime(10, 30));
    // Yesterday evening's visit, written up this morning: outside the hours at that time.
    auto* channel = child<QComboBox>(&dialog, "channelBox");
    channel->setCurrentIndex(channel->findData(static_cast<int>(ContactChannel::Visit)));
    when->setDateTime(QDateTime(ui::toQDate(businessDate()).addDays(-1), QTime(20, 45), Qt::UTC));
    INFO(s(dialog.problem()));
    CHECK(dialog.problem().contains(QStringLiteral("20:45")));
    QTest::keyClicks(child<QLineEdit>(&dialog, "overrideEdit"),
                     QStringLiteral("The client asked us to come after closing the shop"));
    CHECK(dialog.problem().isEmpty());
    dialog.accept();
    REQUIRE(dialog.saved());
    const auto yesterday = ui::toQDate(businessDate()).addDays(-1).toString(Qt::ISODate);
    CHECK(desk.text("SELECT at FROM contacts ORDER BY id DESC LIMIT 1") ==
          yesterday.toStdString() + "T20:45:00");
}

TEST_CASE("Correcting a contact opens the form filled with the original", "[ui][input]") {
    DemoDesk desk;
    auto c = workedCase(desk);
    services::NewContact original;
    original.loanId = c.loan;
    original.at = DateTime{businessDate(), 9 * 60 + 5};
    original.channel = ContactChannel::Visit;
    original.person = PersonReached::Guarantor;
    original.outcome = ContactOutcome::Refused;
    original.note = "Guarantor refuses to pay for the client";
    original.nextActionOn = businessDate().addDays(3);
    const auto saved = desk.contacts().addContact(c.officer, original);
    REQUIRE(saved);
    const auto session = desk.session(c.officer);
    auto file = desk.cases().caseFile(c.officer, c.loan, businessDate());
    REQUIRE(file);
    ui::LogContactDialog dialog(desk.services(), session, *file);
    dialog.setCorrects(saved->contactId);
    CHECK(child<QComboBox>(&dialog, "channelBox")->currentData().toInt() ==
          static_cast<int>(ContactChannel::Visit));
    CHECK(child<QComboBox>(&dialog, "personBox")->currentData().toInt() ==
          static_cast<int>(PersonReached::Guarantor));
    CHECK(child<QComboBox>(&dialog, "outcomeBox")->currentData().toInt() ==
          static_cast<int>(ContactOutcome::Refused));
    CHECK(child<QPlainTextEdit>(&dialog, "noteEdit")->toPlainText() ==
          QStringLiteral("Guarantor refuses to pay for the client"));
    CHECK(child<QDateTimeEdit>(&dialog, "whenEdit")->dateTime().time() == QTime(9, 5));
    CHECK(ui::toDate(child<QDateEdit>(&dialog, "nextActionEdit")->date()) ==
          businessDate().addDays(3));
}

TEST_CASE("Moving a case to legal needs a reason before the dialog closes", "[ui][input]") {
    DemoDesk desk;
    auto c = workedCase(desk);
    ui::ChangeStageDialog dialog(c.file);
    dialog.show();
    auto* stages = child<QComboBox>(&dialog, "stageBox");
    stages->setCurrentIndex(stages->findData(static_cast<int>(CaseStage::Legal)));
    auto* ok = saveOf(&dialog);
    CHECK_FALSE(ok->isEnabled());
    CHECK(dialog.problem().contains(QStringLiteral("legal")));
    REQUIRE(activate(&dialog));
    QTest::keyClick(child<QPlainTextEdit>(&dialog, "stageNote"), Qt::Key_Return,
                    Qt::ControlModifier);
    CHECK(dialog.result() != QDialog::Accepted);
    QTest::keyClicks(child<QPlainTextEdit>(&dialog, "stageNote"),
                     QStringLiteral("Refuses every plan; the guarantor has left"));
    CHECK(ok->isEnabled());
    CHECK(dialog.problem().isEmpty());
    QTest::keyClick(child<QPlainTextEdit>(&dialog, "stageNote"), Qt::Key_Return,
                    Qt::ControlModifier);
    CHECK(dialog.result() == QDialog::Accepted);
    // Another stage needs no reason.
    ui::ChangeStageDialog other(c.file);
    auto* otherStages = child<QComboBox>(&other, "stageBox");
    otherStages->setCurrentIndex(otherStages->findData(static_cast<int>(CaseStage::PreLegal)));
    CHECK(otherStages->currentText() == QStringLiteral("Pre-legal"));
    CHECK(other.problem().isEmpty());
}

TEST_CASE("Ctrl+Enter saves every dialog of the desk", "[ui][input]") {
    DemoDesk desk;
    auto c = workedCase(desk);
    const User admin = desk.signIn("admin");
    const auto session = desk.session(c.officer);
    const auto hasSaveShortcut = [](QWidget* dialog) {
        for (auto* s : dialog->findChildren<QShortcut*>())
            if (s->key() == QKeySequence(Qt::CTRL | Qt::Key_Return))
                return true;
        return false;
    };
    ui::LogContactDialog log(desk.services(), session, c.file);
    ui::TakePaymentDialog pay(desk.services(), session, c.file);
    ui::ChangeStageDialog stage(c.file);
    ui::TextEntryDialog text({});
    ui::AddUserDialog addUser(desk.users(), admin, {"kampala-central"});
    ui::EditSettingDialog setting(desk.settings(), admin,
                                  services::SettingView{"contact_hours", "the hours",
                                                        "08:00-20:00", "08:00-20:00", true});
    ui::ReassignDialog reassign(desk.services(), desk.session(desk.signIn(desk.supervisorOf(
                                                     c.officer.username))),
                                {QString::fromStdString(c.loan)},
                                QString::fromStdString(c.file.loan.branch));
    for (QWidget* dialog : std::initializer_list<QWidget*>{&log, &pay, &stage, &text, &addUser,
                                                           &setting, &reassign}) {
        INFO(dialog->metaObject()->className());
        CHECK(hasSaveShortcut(dialog));
    }
}

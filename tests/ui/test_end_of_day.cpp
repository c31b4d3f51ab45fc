// The End of day page: an officer closes their day (receipts by method, cash counted, the
// difference and its reason, the day sheet), a closed day refuses the officer's payments,
// and a supervisor signs off and reopens the days of the branch's officers; reachable from
// the navigation and with Ctrl+E.
#include "error_text.h"
#include "main_window.h"
#include "models/day_methods_model.h"
#include "models/officer_days_model.h"
#include "pages/end_of_day_page.h"
#include "services/day_close_service.h"
#include "ui_fixture.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPrinter>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

std::string q(const QString& text) {
    return text.toStdString();
}

QString plain(const QString& html) {
    QTextDocument doc;
    doc.setHtml(html);
    return doc.toPlainText().simplified();
}

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

// Two receipts of the busiest officer on the business date: 20,000 in cash and 5,000 by
// mobile money.
User officerWithReceipts(DemoDesk& desk) {
    const auto officer = desk.signIn(desk.busiestOfficer());
    const auto list = desk.callList().forOfficer(officer, officer.username, businessDate());
    REQUIRE(list);
    REQUIRE(list->items.size() >= 2);
    REQUIRE(desk.payments()
                .takePayment(
                    officer,
                    {list->items[0].entry.loanId, 20'000, PaymentMethod::Cash, "", businessDate()},
                    businessDate())
                .ok());
    REQUIRE(desk.payments()
                .takePayment(officer,
                             {list->items[1].entry.loanId, 5'000, PaymentMethod::MobileMoney,
                              "MM-1", businessDate()},
                             businessDate())
                .ok());
    return officer;
}

} // namespace

TEST_CASE("End of day: the officer counts the cash, closes the day and prints the day sheet",
          "[ui][day]") {
    DemoDesk desk;
    const auto officer = officerWithReceipts(desk);
    const auto session = desk.session(officer);
    ui::EndOfDayPage page(desk.services(), session);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    QAbstractItemModelTester methodsTester(page.methodsModel(), kFatal);
    auto* methods = page.methodsModel();
    REQUIRE(methods->rowCount() == 7); // five methods, all receipts, reversals
    CHECK(methods->index(0, 0).data().toString() == QStringLiteral("Cash"));
    CHECK(methods->index(0, 1).data().toInt() == 1);
    CHECK(methods->index(0, 2).data().toString() == QStringLiteral("20,000"));
    CHECK(methods->index(3, 0).data().toString() == QStringLiteral("Mobile money"));
    CHECK(methods->index(5, 1).data().toInt() == 2);
    CHECK(methods->index(5, 2).data().toString() == QStringLiteral("25,000"));
    REQUIRE(page.myDay());
    CHECK(page.myDay()->summary.cashExpected == 20'000);

    // The difference shows as typed; a short count needs a reason.
    QTest::keyClicks(child<QLineEdit>(&page, "cashCountedEdit"), QStringLiteral("19500"));
    INFO(q(page.differenceText()));
    CHECK(page.differenceText().contains(QStringLiteral("-500")));
    CHECK(page.differenceText().contains(QStringLiteral("short")));
    CHECK_FALSE(page.closeDay(QStringLiteral("19500"), QString()));
    CHECK(page.message().contains(QStringLiteral("Type the reason.")));
    CHECK(desk.count("SELECT count(*) FROM desk_day_closes") == 0);
    REQUIRE(page.closeDay(QStringLiteral("19,500"), QStringLiteral("torn note refused")));
    CHECK(page.myDay()->state == DayState::Closed);
    CHECK_FALSE(child<QPushButton>(&page, "closeDayButton")->isEnabled());
    CHECK(desk.text("SELECT cash_counted || ' ' || difference_reason FROM desk_day_closes") ==
          "19500 torn note refused");

    // The closed day refuses the officer's next payment, and the GUI says what to do.
    const auto list = desk.callList().forOfficer(officer, officer.username, businessDate());
    auto late = desk.payments().takePayment(
        officer, {list->items.front().entry.loanId, 100, PaymentMethod::Cash, "", businessDate()},
        businessDate());
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().kind == ErrorKind::Conflict);
    CHECK(ui::errorText(late.error())
              .contains(QStringLiteral("Ask a supervisor to reopen the day on the End of day "
                                       "page.")));

    // The day sheet.
    const auto pdf = desk.tempDir() / "day-sheet.pdf";
    page.setPrinterChooser([&](QPrinter& printer, QWidget*) {
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(QString::fromStdString(pdf.string()));
        return true;
    });
    REQUIRE(page.printDaySheet());
    QFile file(QString::fromStdString(pdf.string()));
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == "%PDF-");
    const QString sheet = plain(page.lastSheetHtml());
    INFO(q(sheet));
    CHECK(sheet.contains(QString::fromStdString(officer.fullName)));
    CHECK(sheet.contains(QStringLiteral("State: closed")));
    CHECK(sheet.contains(QStringLiteral("Mobile money")));
    CHECK(sheet.contains(QStringLiteral("MM-1")));
    CHECK(sheet.contains(QStringLiteral("Cash counted: UGX 19,500")));
    CHECK(sheet.contains(QStringLiteral("Reason: torn note refused")));
}

TEST_CASE("End of day: a supervisor signs off and reopens the days of the branch's officers",
          "[ui][day]") {
    DemoDesk desk;
    const auto officer = officerWithReceipts(desk);
    REQUIRE(desk.all().days().close(officer, businessDate(), 20'000, "").ok());
    const auto supervisor = desk.signIn(desk.supervisorOf(officer.username));
    const auto session = desk.session(supervisor);
    ui::EndOfDayPage page(desk.services(), session);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    QAbstractItemModelTester officersTester(page.officersModel(), kFatal);
    auto* days = page.officersModel();
    const int row = days->rowOf(officer.username);
    REQUIRE(row >= 0);
    const auto state = [&] {
        return days->index(days->rowOf(officer.username), ui::OfficerDaysModel::State)
            .data()
            .toString();
    };
    CHECK(state() == QStringLiteral("closed"));
    CHECK(days->index(row, ui::OfficerDaysModel::Receipts).data().toInt() == 2);
    CHECK(days->index(row, ui::OfficerDaysModel::Difference).data().toString() ==
          QStringLiteral("0"));

    REQUIRE(page.signOff(officer.username));
    CHECK(state() == QStringLiteral("signed off"));
    CHECK_FALSE(page.reopen(officer.username, QStringLiteral("  ")));
    CHECK(page.message().contains(QStringLiteral("Type the reason.")));
    REQUIRE(page.reopen(officer.username, QStringLiteral("a cheque came in late")));
    CHECK(state().startsWith(QStringLiteral("open (reopened by ")));
    CHECK(desk.count("SELECT count(*) FROM audit_log WHERE entity = 'desk_day'") == 3);
    // Reopened: the officer takes payments again.
    const auto list = desk.callList().forOfficer(officer, officer.username, businessDate());
    CHECK(desk.payments()
              .takePayment(
                  officer,
                  {list->items.front().entry.loanId, 100, PaymentMethod::Cash, "", businessDate()},
                  businessDate())
              .ok());
    // An officer's page has no branch list.
    ui::EndOfDayPage own(desk.services(), desk.session(officer));
    CHECK(own.findChild<QTableView*>(QStringLiteral("officerDaysView")) == nullptr);
}

TEST_CASE("End of day is in the navigation and on Ctrl+E for officers and supervisors",
          "[ui][day]") {
    DemoDesk desk;
    for (const auto& name : {desk.busiestOfficer(), desk.supervisorOf(desk.busiestOfficer())}) {
        const auto user = desk.signIn(name);
        ui::MainWindow window(desk.services(), desk.session(user));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        auto* nav = child<QListWidget>(&window, "navigation");
        QStringList entries;
        for (int i = 0; i < nav->count(); ++i)
            entries << nav->item(i)->text();
        INFO(name << ": " << q(entries.join(QStringLiteral(", "))));
        CHECK(entries.contains(QStringLiteral("End of day")));
        REQUIRE(activate(&window));
        QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier);
        auto* page = window.findChild<ui::EndOfDayPage*>();
        REQUIRE(page);
        CHECK(page->isVisible());
    }
    const auto admin = desk.signIn("admin");
    ui::MainWindow window(desk.services(), desk.session(admin));
    CHECK(window.findChild<ui::EndOfDayPage*>() == nullptr);
}

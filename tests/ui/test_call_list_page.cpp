// The call list page as a new user found it (issue 8): the count says what a filter shows,
// the filter's keys, every column reachable in a 1366-pixel window with the why and score
// in the tooltip, and a client's loans as one row (one call covers them).
#include "main_window.h"
#include "models/call_list_model.h"
#include "pages/call_list_page.h"
#include "services/import_service.h"
#include "ui_fixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

std::string q(const QString& text) {
    return text.toStdString();
}

QString summaryOf(ui::CallListPage& page) {
    return child<QLabel>(&page, "callListSummary")->text();
}

// The filter is remembered in QSettings: each test starts and ends without one.
struct NoStoredFilter {
    NoStoredFilter() { clear(); }
    ~NoStoredFilter() { clear(); }
    static void clear() {
        QSettings().remove(QStringLiteral("callList/filter"));
        QSettings().remove(QStringLiteral("callList/reason"));
    }
};

void writeText(const std::filesystem::path& path, const std::string& text) {
    QFile f(QString::fromStdString(path.string()));
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.data(), static_cast<qint64>(text.size()));
}

} // namespace

TEST_CASE("The call list count says how many cases a filter shows", "[ui][call_list]") {
    NoStoredFilter noFilter;
    DemoDesk desk;
    const auto officer = desk.busiestOfficer();
    const auto user = desk.signIn(officer);
    const auto session = desk.session(user);
    ui::CallListPage page(desk.services(), session);
    page.reload();
    const int total = page.model()->caseCount();
    REQUIRE(total >= 3);
    // (The tests run without the English plural forms: "case(s)".)
    CHECK(summaryOf(page).startsWith(QStringLiteral("%1 case(s) need action").arg(total)));

    const QString first = page.visibleLoans().front();
    page.filterEdit()->setText(first);
    REQUIRE(page.visibleLoans() == QStringList{first});
    CHECK(summaryOf(page).startsWith(QStringLiteral("1 of %1 case(s) shown").arg(total)));
    page.filterEdit()->clear();
    CHECK(summaryOf(page).startsWith(QStringLiteral("%1 case(s) need action").arg(total)));
}

TEST_CASE("In the call list filter Esc clears it and Down moves into the list", "[ui][call_list]") {
    NoStoredFilter noFilter;
    DemoDesk desk;
    const auto user = desk.signIn(desk.busiestOfficer());
    ui::MainWindow window(desk.services(), desk.session(user));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(activate(&window));
    auto* page = window.callListPage();
    const QStringList all = page->visibleLoans();
    REQUIRE(all.size() >= 3);
    auto* filter = page->filterEdit();
    auto* reason = child<QComboBox>(page, "callListReason");

    // Ctrl+F, a filter that matches nothing, Esc: the filter is empty and every case back.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    REQUIRE(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("zzzz"));
    REQUIRE(page->visibleLoans().isEmpty());
    QTest::keyClick(filter, Qt::Key_Escape);
    CHECK(filter->text().isEmpty());
    CHECK(page->visibleLoans() == all);
    CHECK(page->isVisible()); // still on the call list

    // A reason chosen is part of the filter: Esc clears it too.
    reason->setCurrentIndex(reason->count() - 1);
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Escape);
    CHECK(reason->currentIndex() == 0);
    CHECK(page->visibleLoans() == all);

    // Down: into the list, on its first row, from where Enter opens the case.
    page->view()->setCurrentIndex(page->view()->model()->index(2, ui::CallListModel::Client));
    filter->setFocus();
    QTest::keyClicks(filter, all.at(1).left(4));
    QTest::keyClick(filter, Qt::Key_Down);
    CHECK(page->view()->hasFocus());
    CHECK(page->view()->currentIndex().row() == 0);
    filter->clear();
}

TEST_CASE("Every call list column is reachable in a 1366-pixel window and the why is in the "
          "tooltip",
          "[ui][call_list]") {
    NoStoredFilter noFilter;
    QSettings().remove(QStringLiteral("mainWindow/geometry"));
    QSettings().remove(QStringLiteral("mainWindow/splitter"));
    DemoDesk desk;
    const auto user = desk.signIn(desk.busiestOfficer());
    ui::MainWindow window(desk.services(), desk.session(user));
    window.resize(1366, 740);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.width() == 1366);
    auto* view = window.callListPage()->view();
    auto* header = view->horizontalHeader();
    const int visibleWidth = view->viewport()->width();
    INFO("viewport " << visibleWidth);
    for (int column : {ui::CallListModel::Phone, ui::CallListModel::Loan,
                       ui::CallListModel::NextAction, ui::CallListModel::Why}) {
        INFO("column " << column << " at " << header->sectionViewportPosition(column) << " width "
                       << header->sectionSize(column));
        CHECK(header->sectionViewportPosition(column) >= 0);
        CHECK(header->sectionViewportPosition(column) + header->sectionSize(column) <=
              visibleWidth);
    }
    CHECK(view->horizontalScrollBar()->maximum() == 0);
    CHECK(header->sectionSize(ui::CallListModel::Why) >= 150);

    // The tooltip has the full why and the score's parts, on every column of the row.
    const auto& item = window.callListPage()->model()->item(0);
    for (int column :
         {ui::CallListModel::Why, ui::CallListModel::Client, ui::CallListModel::Loan}) {
        const QString tip = view->model()->index(0, column).data(Qt::ToolTipRole).toString();
        INFO(q(tip));
        CHECK(tip.contains(QString::fromStdString(item.why).toHtmlEscaped()));
        CHECK(tip.contains(QString::fromStdString(scoreText(item))));
    }
}

TEST_CASE("A client with two loans on the list is one row that opens the most urgent",
          "[ui][call_list]") {
    NoStoredFilter noFilter;
    DemoDesk desk;
    const std::string officer = "rec.kampala-central";
    const auto officerUser = desk.signIn(officer);
    auto before = desk.callList().forOfficer(officerUser, officer, businessDate());
    REQUIRE(before);
    REQUIRE_FALSE(before->items.empty());
    // The demo has one loan a client: give the client of the officer's last case a second,
    // delinquent loan (nothing paid on two installments due in September and October).
    const std::string firstLoan = before->items.back().entry.loanId;
    const std::string client =
        desk.text("SELECT c.client_id FROM clients c JOIN loans l ON l.client_pk = c.id WHERE "
                  "l.loan_id = '" +
                  firstLoan + "'");
    const std::string branch =
        desk.text("SELECT branch FROM loans WHERE loan_id = '" + firstLoan + "'");
    REQUIRE_FALSE(client.empty());
    const auto folder = desk.tempDir() / "second-loan";
    std::filesystem::create_directories(folder);
    writeText(folder / "loans.csv",
              "loan_id,client_id,product,branch,credit_officer,currency,principal,"
              "disbursed_on,status,written_off_on\n"
              "LX-SECOND," +
                  client + ",Business Loan," + branch + ",,UGX,600000,2026-08-01,active,\n");
    writeText(folder / "schedule.csv",
              "loan_id,installment_no,due_date,principal_due,interest_due,fee_due\n"
              "LX-SECOND,1,2026-09-01,200000,20000,0\n"
              "LX-SECOND,2,2026-10-01,200000,20000,0\n"
              "LX-SECOND,3,2026-12-01,200000,20000,0\n");
    const auto admin = desk.signIn("admin");
    services::ImportRequest request;
    request.folder = folder;
    request.recomputeAsOf = businessDate();
    const auto report = desk.all().imports().run(admin, request);
    REQUIRE(report);
    INFO((report->errors.empty() ? std::string() : report->errors.front().text()));
    REQUIRE(report->committed);
    if (desk.officerOfLoan("LX-SECOND") != officer)
        REQUIRE(desk.cases().reassign(desk.signIn(desk.supervisorOf(officer)), "LX-SECOND", officer,
                                      businessDate()));

    // The service (and the queue JSON) keep one item per loan ...
    const auto list = desk.callList().forOfficer(officerUser, officer, businessDate());
    REQUIRE(list);
    REQUIRE(list->items.size() == before->items.size() + 1);
    std::vector<const CallListItem*> ofClient;
    for (const auto& item : list->items)
        if (item.entry.clientId == client)
            ofClient.push_back(&item);
    REQUIRE(ofClient.size() == 2);
    const auto& lead = *ofClient[0];
    const auto& other = *ofClient[1];

    // ... the page shows the client once.
    const auto session = desk.session(officerUser); // the page keeps a reference
    ui::CallListPage page(desk.services(), session);
    // Grouped rows under the model tester too (test_models checks a list without groups).
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.resize(1200, 600);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    auto* model = page.model();
    REQUIRE(model->rowCount() == static_cast<int>(list->items.size()) - 1);
    CHECK(model->caseCount() == static_cast<int>(list->items.size()));
    const int row = model->rowOfLoan(QString::fromStdString(other.entry.loanId));
    REQUIRE(row >= 0);
    CHECK(model->rowOfLoan(QString::fromStdString(lead.entry.loanId)) == row);
    const auto cell = [&](int column, int role = Qt::DisplayRole) {
        return model->index(row, column).data(role);
    };
    CHECK(q(cell(ui::CallListModel::Loan).toString()) ==
          lead.entry.loanId + ", " + other.entry.loanId);
    CHECK(cell(ui::CallListModel::Rank).toInt() == lead.rank);
    CHECK(cell(ui::CallListModel::Dpd).toInt() ==
          std::max(lead.entry.position.daysPastDue, other.entry.position.daysPastDue));
    CHECK(cell(ui::CallListModel::Arrears, ui::CallListModel::SortRole).toLongLong() ==
          lead.entry.position.arrears.total() + other.entry.position.arrears.total());
    const QString tip = cell(ui::CallListModel::Client, Qt::ToolTipRole).toString();
    CHECK(tip.contains(QString::fromStdString(lead.entry.loanId)));
    CHECK(tip.contains(QString::fromStdString(other.entry.loanId)));
    CHECK(tip.contains(QString::fromStdString(scoreText(other))));
    CHECK(page.visibleLoans().count(QString::fromStdString(lead.entry.loanId)) == 1);
    CHECK_FALSE(page.visibleLoans().contains(QString::fromStdString(other.entry.loanId)));
    CHECK_THAT(q(summaryOf(page)), Catch::Contains("a client's loans are one row"));

    // Filtering by the second loan finds the row; Enter opens the most urgent loan.
    page.filterEdit()->setText(QString::fromStdString(other.entry.loanId));
    REQUIRE(page.visibleLoans() == QStringList{QString::fromStdString(lead.entry.loanId)});
    page.filterEdit()->clear();
    page.selectLoan(QString::fromStdString(other.entry.loanId));
    QSignalSpy opened(&page, &ui::CallListPage::openCase);
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_Return);
    REQUIRE(opened.count() == 1);
    CHECK(q(opened.at(0).at(0).toString()) == lead.entry.loanId);
}

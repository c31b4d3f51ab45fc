// Clients and loans (issue 8): the first Enter in the search box opens the selected hit;
// Down moves into the hits.
#include "models/loan_search_model.h"
#include "pages/search_page.h"
#include "ui_fixture.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

TEST_CASE("In Clients and loans the first Enter opens the selected hit", "[ui][search]") {
    DemoDesk desk;
    const auto session = desk.session(desk.signIn(desk.busiestOfficer()));
    ui::SearchPage page(desk.services(), session);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    QSignalSpy opened(&page, &ui::SearchPage::openCase);
    auto* edit = page.searchEdit();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("LN00002"));
    QTest::keyClick(edit, Qt::Key_Return);
    REQUIRE(page.model()->rowCount() >= 2);
    REQUIRE(opened.count() == 1);
    CHECK(opened.at(0).at(0).toString() == QString::fromStdString(page.model()->hit(0).loanId));

    // Down moves into the hits; Enter there opens the one chosen.
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_Down);
    REQUIRE(page.view()->hasFocus());
    CHECK(page.view()->currentIndex().row() == 0);
    QTest::keyClick(page.view(), Qt::Key_Down);
    QTest::keyClick(page.view(), Qt::Key_Return);
    REQUIRE(opened.count() == 2);
    CHECK(opened.at(1).at(0).toString() == QString::fromStdString(page.model()->hit(1).loanId));
}

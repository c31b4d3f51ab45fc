// The institution's time zone (setting time_zone): the desk's "now", the contact hours and
// every stored time shown are in it, whatever zone the computer is set to.
#include "desk_session.h"
#include "dialogs/log_contact_dialog.h"
#include "ui_fixture.h"

#include <QTest>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

TEST_CASE("the desk's times are in the institution's time zone", "[ui][time_zone]") {
    ui::DeskSession kampala;
    kampala.timeZone = ui::institutionTimeZone("Africa/Kampala");
    ui::DeskSession london = kampala;
    london.timeZone = ui::institutionTimeZone("Europe/London");
    // 2026-12-01 18:30 UTC: 21:30 in Kampala, 18:30 in London (no summer time in December).
    const auto at = std::chrono::sys_seconds(std::chrono::seconds(1796149800));
    kampala.clock = london.clock = Clock::fixed(at);
    CHECK(kampala.nowMinuteOfDay() == 21 * 60 + 30);
    CHECK(london.nowMinuteOfDay() == 18 * 60 + 30);
    CHECK(kampala.localTime("2026-12-01T18:30:00Z").time() == QTime(21, 30));
    CHECK(london.localTime("2026-12-01T18:30:00Z").time() == QTime(18, 30));
    CHECK(kampala.timeText("2026-12-01T22:15:00Z").contains(QStringLiteral("01:15")));
    CHECK(kampala.timeText("not a time") == QStringLiteral("not a time"));
    // A zone the tz database lacks: the default is built by hand, anything else is UTC.
    CHECK(
        ui::institutionTimeZone("Africa/Kampala").offsetFromUtc(QDateTime::currentDateTimeUtc()) ==
        3 * 3600);
    CHECK(ui::institutionTimeZone("No/Such_Zone") == QTimeZone::utc());
}

TEST_CASE("the contact rules apply to the institution's time of day", "[ui][time_zone]") {
    DemoDesk desk;
    const User officer = desk.signIn(desk.busiestOfficer());
    auto session = desk.session(officer);
    const auto list = desk.callList().forOfficer(officer, officer.username, businessDate());
    REQUIRE(list);
    REQUIRE_FALSE(list->items.empty());
    const auto file =
        desk.cases().caseFile(officer, list->items.front().entry.loanId, businessDate());
    REQUIRE(file);
    // 18:10 in London is 21:10 in Kampala: outside 08:00-20:00 for a Kampala institution.
    session.timeZone = ui::institutionTimeZone("Africa/Kampala");
    session.clock =
        ui::fixedLocalClock(businessDate(), 18 * 60 + 10, ui::institutionTimeZone("Europe/London"));
    {
        ui::LogContactDialog dialog(desk.services(), session, *file);
        CHECK(dialog.problem().contains(QStringLiteral("21:10")));
    }
    session.timeZone = ui::institutionTimeZone("Europe/London");
    {
        ui::LogContactDialog dialog(desk.services(), session, *file);
        CHECK_FALSE(dialog.problem().contains(QStringLiteral("21:10")));
        CHECK_FALSE(dialog.problem().contains(QStringLiteral("08:00-20:00")));
    }
}

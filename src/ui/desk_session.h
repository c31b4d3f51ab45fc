#pragma once

#include "core/clock.h"
#include "core/currency.h"
#include "core/date.h"
#include "core/time_zone_name.h"
#include "core/user.h"
#include "services/desk_services.h" // the service classes, declared

#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <memory>
#include <string>

namespace rd::ui {

// The services the workstation talks to, all of one services::Services (one connection,
// owned by the composition root: src/app, the screenshots, the test fixtures), and the
// factory a background job opens its own with (a connection is never shared between
// threads). Pages never see the database.
struct DeskServices {
    services::UserService* users = nullptr;
    services::CaseService* cases = nullptr;
    services::ContactService* contacts = nullptr;
    services::CallListService* callList = nullptr;
    services::PaymentService* payments = nullptr;
    services::CaseActionsService* actions = nullptr;
    services::CaseQueryService* queries = nullptr;
    services::SettingsService* settings = nullptr;
    services::ImportService* imports = nullptr;
    services::PortfolioService* portfolio = nullptr;
    services::DayCloseService* days = nullptr;
    services::PlanService* plans = nullptr;
    services::CounsellingService* counselling = nullptr;
    services::LegalService* legal = nullptr;
    services::LetterService* letters = nullptr;
    std::shared_ptr<const services::ServiceFactory> factory;
};

// The one way to build DeskServices: every service of `services`, and its factory.
DeskServices deskServices(services::Services& services);

// The zone of that IANA name; when this computer's tz database lacks it, the default zone
// (Africa/Kampala, UTC+03:00 all year) is built by hand and any other falls back to UTC.
QTimeZone institutionTimeZone(const std::string& name);

// Who is working, on which business date, in which currency, and the clock of the desk (the
// same one the services were opened with): the time of day written on contacts comes from
// it, so tests and the screenshots fix it.
struct DeskSession {
    User user;
    Date businessDate;
    Currency currency;
    bool demoDatabase = false;
    Clock clock;
    // The institution's time zone (setting time_zone): contact times and every time shown.
    QTimeZone timeZone = institutionTimeZone(kDefaultTimeZone);
    // The workstation locks after this many minutes without input (setting idle_lock_minutes).
    int idleLockMinutes = 10;

    // The clock's "now" in the institution's time zone.
    QDateTime localNow() const;
    // Its time of day in minutes since midnight.
    int nowMinuteOfDay() const;
    // A stored ISO 8601 UTC time ("2026-11-28T10:15:00Z") in the institution's time zone,
    // invalid when the text is not such a time.
    QDateTime localTime(const std::string& isoUtc) const;
    // The same as the GUI shows times: the short local date and time ("28/11/2026 13:15"),
    // or the text unchanged when it is not a time.
    QString timeText(const std::string& isoUtc) const;
};

// A clock that always says `minuteOfDay` (in `zone`) on `date`: the tests' and the
// screenshots' "now".
Clock fixedLocalClock(Date date, int minuteOfDay,
                      const QTimeZone& zone = institutionTimeZone(kDefaultTimeZone));

} // namespace rd::ui

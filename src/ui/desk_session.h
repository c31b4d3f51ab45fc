#pragma once

#include "core/clock.h"
#include "core/currency.h"
#include "core/date.h"
#include "core/user.h"
#include "services/desk_services.h" // the service classes, declared

#include <memory>

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
    std::shared_ptr<const services::ServiceFactory> factory;
};

// The one way to build DeskServices: every service of `services`, and its factory.
DeskServices deskServices(services::Services& services);

// Who is working, on which business date, in which currency, and the clock of the desk (the
// same one the services were opened with): the time of day written on contacts comes from
// it, so tests and the screenshots fix it.
struct DeskSession {
    User user;
    Date businessDate;
    Currency currency;
    bool demoDatabase = false;
    Clock clock;
    // The clock's time of day, in the workstation's local time, in minutes since midnight.
    int nowMinuteOfDay() const;
};

// A clock that always says `minuteOfDay` (local time) on `date`: the tests' and the
// screenshots' "now".
Clock fixedLocalClock(Date date, int minuteOfDay);

} // namespace rd::ui

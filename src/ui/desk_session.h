#pragma once

#include "core/currency.h"
#include "core/date.h"
#include "core/user.h"

#include <functional>

namespace rd::storage {
class Database;
}
namespace rd::services {
class UserService;
class CaseService;
class ContactService;
class CallListService;
class PaymentService;
class CaseActionsService;
class CaseQueryService;
class SettingsService;
} // namespace rd::services

namespace rd::ui {

// The services the workstation talks to. Built once by the composition root (src/app) and
// handed to every page; pages never open SQL themselves.
struct DeskServices {
    storage::Database* db = nullptr;
    services::UserService* users = nullptr;
    services::CaseService* cases = nullptr;
    services::ContactService* contacts = nullptr;
    services::CallListService* callList = nullptr;
    services::PaymentService* payments = nullptr;
    services::CaseActionsService* actions = nullptr;
    services::CaseQueryService* queries = nullptr;
    services::SettingsService* settings = nullptr;
};

// Who is working, on which business date, in which currency.
struct DeskSession {
    User user;
    Date businessDate;
    Currency currency;
    bool demoDatabase = false;
    // The time of day (minutes since midnight) written on contacts; the wall clock unless a
    // test or the screenshot command fixes it.
    std::function<int()> minuteOfDay;
    int nowMinuteOfDay() const;
};

} // namespace rd::ui

#pragma once

#include "core/clock.h"
#include "core/currency.h"
#include "core/result.h"

#include <filesystem>
#include <memory>
#include <optional>

namespace rd::services {

class UserService;
class CaseService;
class ContactService;
class CallListService;
class PaymentService;
class CaseActionsService;
class CaseQueryService;
class SettingsService;
class ImportService;
class PortfolioService;
class DayCloseService;
class PlanService;
class CounsellingService;
class LetterService;
class LegalService;
class ServiceFactory;

struct OpenRequest {
    bool createIfMissing = false;
    // Currency of a new database; unset: none until the first import sets it from the data.
    std::optional<Currency> currency;
    bool migrate = true; // bring an older file up to this version (after a backup copy)
};

// Every service of the desk on one connection to one database: what the composition roots
// (the GUI's main, the command line, the screenshots, the test fixtures) build, and the only
// way a face reaches the data. Not shared between threads: a background job opens its own
// with the factory.
class Services {
public:
    // Opens (or creates) the database; the error says why it cannot be opened and what to
    // do (the hint is worded by each face).
    static Result<std::unique_ptr<Services>>
    open(const std::filesystem::path& path, const OpenRequest& request = {}, Clock clock = {});
    ~Services();
    Services(const Services&) = delete;
    Services& operator=(const Services&) = delete;

    UserService& users();
    CaseService& cases();
    ContactService& contacts();
    CallListService& callList();
    PaymentService& payments();
    CaseActionsService& actions();
    CaseQueryService& queries();
    SettingsService& settings();
    ImportService& imports();
    PortfolioService& portfolio();
    DayCloseService& days();
    PlanService& plans();
    CounsellingService& counselling();
    LetterService& letters();
    LegalService& legal();

    const Clock& clock() const;
    // Opens the same services on a connection of their own (for a background job).
    ServiceFactory factory() const;

private:
    struct Parts;
    explicit Services(std::unique_ptr<Parts> parts);
    std::unique_ptr<Parts> parts_;
};

// Opens Services on the same database file with the same clock, each time on a new
// connection: background jobs (the recompute, the import, the case list) use one each, since
// a connection is never shared between threads.
class ServiceFactory {
public:
    ServiceFactory(std::filesystem::path path, Clock clock)
        : path_(std::move(path)), clock_(std::move(clock)) {}
    Result<std::unique_ptr<Services>> open() const;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    Clock clock_;
};

} // namespace rd::services

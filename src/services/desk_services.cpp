#include "desk_services.h"

#include "call_list_service.h"
#include "case_actions_service.h"
#include "case_query_service.h"
#include "case_service.h"
#include "contact_service.h"
#include "counselling_service.h"
#include "day_close_service.h"
#include "import_service.h"
#include "legal_service.h"
#include "letter_service.h"
#include "payment_service.h"
#include "plan_service.h"
#include "portfolio_service.h"
#include "service_edge.h"
#include "settings_service.h"
#include "storage/database.h"
#include "user_service.h"

namespace rd::services {

struct Services::Parts {
    Parts(std::unique_ptr<storage::Database> database, Clock c)
        : db(std::move(database)), clock(std::move(c)), users(*db, clock), cases(*db, clock),
          contacts(*db, clock), callList(*db), payments(*db, clock), actions(*db, clock),
          queries(*db), settings(*db, clock), imports(*db, clock), portfolio(*db, clock),
          days(*db, clock), plans(*db, clock), counselling(*db, clock), letters(*db, clock),
          legal(*db, clock) {}
    std::unique_ptr<storage::Database> db;
    Clock clock;
    UserService users;
    CaseService cases;
    ContactService contacts;
    CallListService callList;
    PaymentService payments;
    CaseActionsService actions;
    CaseQueryService queries;
    SettingsService settings;
    ImportService imports;
    PortfolioService portfolio;
    DayCloseService days;
    PlanService plans;
    CounsellingService counselling;
    LetterService letters;
    LegalService legal;
};

Result<std::unique_ptr<Services>> Services::open(const std::filesystem::path& path,
                                                 const OpenRequest& request, Clock clock) {
    try {
        storage::OpenOptions options;
        options.createIfMissing = request.createIfMissing;
        options.currency = request.currency;
        options.migrate = request.migrate;
        auto db = storage::Database::open(path, options);
        if (!db)
            return db.error();
        return std::unique_ptr<Services>(
            new Services(std::make_unique<Parts>(std::move(db).value(), std::move(clock))));
    } catch (const storage::StorageError& e) {
        return storageFailure(e);
    }
}

Services::Services(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
Services::~Services() = default;

UserService& Services::users() {
    return parts_->users;
}
CaseService& Services::cases() {
    return parts_->cases;
}
ContactService& Services::contacts() {
    return parts_->contacts;
}
CallListService& Services::callList() {
    return parts_->callList;
}
PaymentService& Services::payments() {
    return parts_->payments;
}
CaseActionsService& Services::actions() {
    return parts_->actions;
}
CaseQueryService& Services::queries() {
    return parts_->queries;
}
SettingsService& Services::settings() {
    return parts_->settings;
}
ImportService& Services::imports() {
    return parts_->imports;
}
PortfolioService& Services::portfolio() {
    return parts_->portfolio;
}
PlanService& Services::plans() {
    return parts_->plans;
}

DayCloseService& Services::days() {
    return parts_->days;
}
CounsellingService& Services::counselling() {
    return parts_->counselling;
}

LetterService& Services::letters() {
    return parts_->letters;
}
LegalService& Services::legal() {
    return parts_->legal;
}
const Clock& Services::clock() const {
    return parts_->clock;
}

ServiceFactory Services::factory() const {
    return {parts_->db->path(), parts_->clock};
}

Result<std::unique_ptr<Services>> ServiceFactory::open() const {
    return Services::open(path_, {}, clock_);
}

} // namespace rd::services

#include "call_list_service.h"

#include "case_service.h"
#include "storage/case_repository.h"
#include "storage/portfolio_settings.h"
#include "storage/user_repository.h"

#include <fmt/format.h>

namespace rd::services {

Result<CallList> CallListService::forOfficer(std::string_view username, Date date) const {
    const auto user = storage::UserRepository(db_).find(username);
    if (!user)
        return Error{fmt::format("there is no user named \"{}\" (see `users list`)", username)};
    const auto currency = db_.currency();
    if (!currency)
        return Error{"the database has no portfolio yet (import one first)"};
    CallList list;
    list.officer = user->user.username;
    list.date = date;
    list.currency = *currency;
    CaseService cases(db_);
    std::vector<CallListCase> entries;
    for (const auto& c : storage::CaseRepository(db_).openCasesAssignedTo(user->user.id)) {
        auto file = cases.caseFile(c.loanId, date);
        if (!file)
            return file.error();
        entries.push_back(file->callListCase());
    }
    CallListOptions options;
    options.currencyCode = currency->code;
    options.currencyExponent = currency->exponent;
    options.weights = weights_ ? *weights_ : storage::loadDeskSettings(db_).weights;
    options.officer = list.officer;
    list.items = buildCallList(entries, date, options);
    return list;
}

} // namespace rd::services

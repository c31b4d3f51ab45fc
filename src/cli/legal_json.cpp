#include "legal_json.h"

#include "core/money.h"

namespace rd::cli {
namespace {

using Json = nlohmann::ordered_json;

Json textOrNull(const std::string& s) {
    return s.empty() ? Json(nullptr) : Json(s);
}

Json dateOrNull(const std::optional<Date>& d) {
    return d ? Json(d->toString()) : Json(nullptr);
}

template <typename T> Json optionalOrNull(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}

} // namespace

Json feasibilityJson(const FeasibilityRecord& a, const Currency& currency) {
    const auto amount = [&](Amount v) { return formatAmount(v, currency.exponent); };
    Json collateral = Json::array();
    for (const auto& c : a.collateral)
        collateral.push_back({{"collateral_id", optionalOrNull(c.collateralId)},
                              {"description", c.value.description},
                              {"market_value", amount(c.value.marketValue)},
                              {"forced_sale_value", amount(c.value.forcedSaleValue)}});
    Json guarantors = Json::array();
    for (const auto& g : a.guarantors)
        guarantors.push_back({{"guarantor_id", optionalOrNull(g.guarantorId)},
                              {"full_name", g.value.fullName},
                              {"phone", textOrNull(g.value.phone)},
                              {"reached", g.value.reached},
                              {"can_pay", amount(g.value.canPay)}});
    return Json{{"assessment_id", a.id},
                {"loan_id", a.loanId},
                {"business_date", a.businessDate.toString()},
                {"assessed_by", a.assessedBy},
                {"balance", amount(a.balance)},
                {"collateral", collateral},
                {"guarantors", guarantors},
                {"costs",
                 {{"court", amount(a.costs.court)},
                  {"lawyer", amount(a.costs.lawyer)},
                  {"auctioneer", amount(a.costs.auctioneer)},
                  {"transport", amount(a.costs.transport)},
                  {"total", amount(a.costs.total())}}},
                {"chance_percent", a.chancePercent},
                {"expected_net_recovery", amount(a.expectedNetRecovery)},
                {"note", textOrNull(a.note)}};
}

Json sessionJson(const LegalSessionRecord& s) {
    Json j{{"session_id", s.id},
           {"legal_case_id", s.legalCaseId},
           {"kind", toString(s.kind)},
           {"date", s.date.toString()},
           {"time", textOrNull(s.time)},
           {"place", textOrNull(s.place)},
           {"purpose", textOrNull(s.purpose)},
           {"outcome", nullptr},
           {"next_date", nullptr}};
    if (s.outcome) {
        j["outcome"] = s.outcome->outcome;
        j["next_date"] = dateOrNull(s.outcome->nextDate);
    }
    return j;
}

Json legalCaseJson(const LegalCaseRecord& c, const Currency& currency) {
    const auto amount = [&](Amount v) { return formatAmount(v, currency.exponent); };
    Json history = Json::array();
    for (const auto& u : c.updates)
        history.push_back({{"status", toString(u.status)},
                           {"business_date", u.businessDate.toString()},
                           {"case_number", optionalOrNull(u.caseNumber)},
                           {"lawyer", optionalOrNull(u.lawyer)},
                           {"note", textOrNull(u.note)},
                           {"recorded_by", u.recordedBy}});
    Json sessions = Json::array();
    for (const auto& s : c.sessions)
        sessions.push_back(sessionJson(s));
    Json judgments = Json::array();
    for (const auto& j : c.judgments)
        judgments.push_back({{"judgment_id", j.id},
                             {"date", j.date.toString()},
                             {"amount_awarded", amount(j.amountAwarded)},
                             {"costs_awarded", amount(j.costsAwarded)},
                             {"note", textOrNull(j.note)}});
    Json enforcements = Json::array();
    for (const auto& e : c.enforcements)
        enforcements.push_back({{"enforcement_id", e.id},
                                {"kind", toString(e.kind)},
                                {"items", e.items},
                                {"date", e.date.toString()},
                                {"proceeds", amount(e.proceeds)},
                                {"note", textOrNull(e.note)}});
    return Json{{"legal_case_id", c.id},
                {"loan_id", c.loanId},
                {"forum_kind", toString(c.forumKind)},
                {"forum", c.forum},
                {"case_number", textOrNull(c.caseNumberNow())},
                {"lawyer", textOrNull(c.lawyerNow())},
                {"filed_on", c.filedOn.toString()},
                {"status", toString(c.status())},
                {"opened_by", c.openedBy},
                {"history", history},
                {"sessions", sessions},
                {"judgments", judgments},
                {"enforcements", enforcements}};
}

Json costJson(const RecoveryCostRecord& c, const Currency& currency) {
    return Json{{"cost_id", c.id},
                {"kind", toString(c.kind)},
                {"date", c.date.toString()},
                {"amount", formatAmount(c.amount, currency.exponent)},
                {"reference", textOrNull(c.reference)},
                {"note", textOrNull(c.note)},
                {"legal_case_id", optionalOrNull(c.legalCaseId)},
                {"reverses_cost_id", optionalOrNull(c.reversesCostId)},
                {"reversed_by_cost_id", optionalOrNull(c.reversedById)},
                {"recorded_by", c.recordedBy}};
}

Json calendarEntryJson(const CalendarEntry& e) {
    Json j = sessionJson(e.session);
    j["loan_id"] = e.loanId;
    j["client_name"] = e.clientName;
    j["branch"] = e.branch;
    j["officer"] = textOrNull(e.officer);
    j["forum"] = e.forum;
    j["case_number"] = textOrNull(e.caseNumber);
    return j;
}

Json legalFileJson(const services::LegalFile& f, const Currency& currency) {
    Json assessments = Json::array();
    for (const auto& a : f.assessments)
        assessments.push_back(feasibilityJson(a, currency));
    Json cases = Json::array();
    for (const auto& c : f.cases)
        cases.push_back(legalCaseJson(c, currency));
    Json costs = Json::array();
    for (const auto& c : f.costs)
        costs.push_back(costJson(c, currency));
    return Json{{"feasibility", assessments},
                {"legal", cases},
                {"costs", costs},
                {"costs_total", formatAmount(f.costTotal, currency.exponent)}};
}

} // namespace rd::cli

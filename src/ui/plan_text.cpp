#include "plan_text.h"

#include "money_display.h"
#include "services/settings_service.h"

#include <QCoreApplication>
#include <QLocale>

namespace rd::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rd::ui::Plan", text);
}

// Tenths of a percent, rounded half to even, of part over whole (whole > 0).
Amount tenthsOfPercent(Amount part, Amount whole) {
    return divideRoundHalfEven(static_cast<WideAmount>(part) * 1000, whole);
}

QString tenthsText(Amount tenths) {
    const QLocale locale;
    return QStringLiteral("%1%2%3%").arg(locale.toString(static_cast<qlonglong>(tenths / 10)),
                                         locale.decimalPoint(), QString::number(tenths % 10));
}

std::optional<Amount> allowedMonthly(const PlanRecord& plan, const PlanLimits& limits) {
    if (!plan.surplus || *plan.surplus <= 0)
        return std::nullopt;
    return divideRoundHalfEven(static_cast<WideAmount>(*plan.surplus) * limits.maxShareOfSurplus,
                               100);
}

} // namespace

PlanLimits loadPlanLimits(const DeskServices& services, const User& user) {
    PlanLimits limits;
    auto settings = services.settings->list(user);
    if (!settings)
        return limits;
    for (const auto& s : *settings) {
        bool ok = false;
        const int value = QString::fromStdString(s.value).toInt(&ok);
        if (!ok)
            continue;
        if (s.key == "plan_waiver_limit_percent")
            limits.waiverLimitPercent = value;
        else if (s.key == "plan_max_share_of_surplus")
            limits.maxShareOfSurplus = value;
    }
    return limits;
}

QString waiverShareText(const PlanRecord& plan) {
    if (plan.balance <= 0)
        return tenthsText(0);
    return tenthsText(tenthsOfPercent(plan.waived, plan.balance));
}

QString waiverAgainstLimitText(const PlanRecord& plan, const PlanLimits& limits) {
    if (plan.waived <= 0)
        return tr("none");
    return tr("%1 (limit %2%)").arg(waiverShareText(plan)).arg(limits.waiverLimitPercent);
}

QString approvalsText(const PlanRecord& plan) {
    return tr("%1 of %2").arg(plan.approvals()).arg(plan.approvalsNeeded);
}

bool aboveAllowedShare(const PlanRecord& plan, const PlanLimits& limits) {
    const auto allowed = allowedMonthly(plan, limits);
    return !allowed || plan.monthlyAmount > *allowed;
}

QString affordabilityText(const PlanRecord& plan, const PlanLimits& limits,
                          const Currency& currency) {
    if (!plan.surplus)
        return tr("no budget");
    const auto allowed = allowedMonthly(plan, limits);
    if (!allowed)
        return tr("no surplus in the budget");
    const QString monthly = displayMoney(plan.monthlyAmount, currency);
    if (plan.monthlyAmount > *allowed)
        return tr("%1 a month, above the allowed %2")
            .arg(monthly, displayMoney(*allowed, currency));
    return tr("%1 a month, allowed %2").arg(monthly, displayMoney(*allowed, currency));
}

QString planDecisionWord(const std::string& decision) {
    if (decision == "approved")
        return tr("approved");
    if (decision == "rejected")
        return tr("rejected");
    if (decision == "withdrawn")
        return tr("withdrawn");
    if (decision == "cancelled")
        return tr("cancelled");
    return plainWords(decision);
}

QString planDecisionText(const PlanDecisionRecord& d, const FullNames& names) {
    QString text =
        tr("%1 by %2 on %3")
            .arg(planDecisionWord(d.decision), userText(d.by, names), displayDate(d.businessDate));
    if (!d.comment.empty())
        text += QStringLiteral(": ") + QString::fromStdString(d.comment);
    return text;
}

QString planStatusLine(PlanStatus status, const PlanRecord& plan) {
    if (status == PlanStatus::Proposed && plan.approvalsNeeded > 1)
        return tr("%1 (%2 approvals)").arg(planStatusText(status), approvalsText(plan));
    return planStatusText(status);
}

} // namespace rd::ui

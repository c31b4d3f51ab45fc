#include "plan_confirmation_document.h"

#include "money_display.h"
#include "plan_text.h"

#include <QCoreApplication>

namespace rd::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rd::ui::PlanConfirmation", text);
}
QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}
QString row(const QString& label, const QString& value) {
    return QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>").arg(label, value);
}

} // namespace

bool planConfirmable(const services::PlanView& v) {
    return v.status == PlanStatus::Active || v.status == PlanStatus::Completed;
}

QString planConfirmationTitle(const services::PlanView& v) {
    return tr("Plan confirmation %1 %2")
        .arg(QString::number(v.plan.id), QString::fromStdString(v.plan.loanId));
}

QString planConfirmationHtml(const PlanConfirmation& c) {
    const auto& v = c.plan;
    const auto& p = v.plan;
    QString html = QStringLiteral("<html><body style='font-family: sans-serif; font-size: 10pt;'>");
    html += letterheadHtml(c.letterhead);
    html += QStringLiteral("<h2>") + tr("Repayment plan confirmation") + QStringLiteral("</h2>");
    html += QStringLiteral("<table cellpadding='2'>");
    html += row(tr("Plan"), tr("%1 (%2)").arg(p.id).arg(planStatusText(v.status)));
    html += row(tr("Client"), esc(v.clientName));
    html += row(tr("Loan"), esc(p.loanId));
    if (!v.branch.empty())
        html += row(tr("Branch"), esc(v.branch));
    html += row(tr("Kind of plan"), planKindText(p.kind));
    html += row(tr("Starts"), displayDate(p.start));
    html += row(tr("Balance when proposed"), displayMoneyWithCode(p.balance, c.currency));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>") + tr("Installments") +
            QStringLiteral("</h3><table width='100%' cellpadding='3' border='1' cellspacing='0'>"
                           "<tr><th align='left'>") +
            tr("No.") + QStringLiteral("</th><th align='left'>") + tr("Due on") +
            QStringLiteral("</th><th align='right'>") + tr("Amount") + QStringLiteral("</th></tr>");
    int n = 0;
    for (const auto& i : p.installments) {
        ++n;
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%3</td></tr>")
                    .arg(i.n > 0 ? i.n : n)
                    .arg(displayDate(i.dueDate), displayMoney(i.amount, c.currency));
    }
    html += QStringLiteral("<tr><td colspan='2'><b>") + tr("Total") +
            QStringLiteral("</b></td><td align='right'><b>%1</b></td></tr></table>")
                .arg(displayMoneyWithCode(p.total, c.currency));

    html += QStringLiteral("<p>");
    if (p.waived > 0)
        html += tr("Waived when the plan is kept: <b>%1</b> (%2 of the balance).")
                    .arg(displayMoneyWithCode(p.waived, c.currency), waiverShareText(p));
    else
        html += tr("Nothing is waived under this plan.");
    if (v.waiver)
        html += QStringLiteral("<br>") +
                tr("Waiver recorded on %1: %2.")
                    .arg(displayDate(v.waiver->waivedOn),
                         displayMoneyWithCode(v.waiver->parts.total(), c.currency));
    html += QStringLiteral("</p>");

    html += QStringLiteral("<h3>") + tr("Agreed") + QStringLiteral("</h3><p>") +
            tr("Proposed by %1 on %2.")
                .arg(userText(p.proposedBy, c.names).toHtmlEscaped(), displayDate(p.businessDate));
    for (const auto& d : p.decisions)
        if (d.decision == "approved")
            html += QStringLiteral("<br>") +
                    tr("Approved by %1 on %2.")
                        .arg(userText(d.by, c.names).toHtmlEscaped(), displayDate(d.businessDate));
    if (!p.note.empty())
        html += QStringLiteral("<br>") + tr("Note: %1").arg(esc(p.note));
    html += QStringLiteral("</p>");
    html += QStringLiteral("<p>") +
            QCoreApplication::translate("rd::ui::PlanConfirmation",
                                        "A payment counts towards an installment when it is "
                                        "made by its due date or within %n day(s) after it.",
                                        nullptr, p.graceDays) +
            QStringLiteral("</p>");
    if (!c.printedOn.isEmpty())
        html += QStringLiteral("<p>") + tr("Printed %1").arg(c.printedOn) + QStringLiteral("</p>");
    html += QStringLiteral("<p><br>") + tr("Client: ______________________") +
            QStringLiteral("&nbsp;&nbsp;&nbsp;") + tr("Officer: ______________________") +
            QStringLiteral("</p></body></html>");
    return html;
}

} // namespace rd::ui

#include "day_sheet_document.h"

#include "display_text.h"
#include "money_display.h"

#include <QCoreApplication>

namespace rd::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rd::ui::DaySheet", text);
}
QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}
QString cell(const QString& text, bool right = false) {
    return right ? QStringLiteral("<td align='right'>%1</td>").arg(text)
                 : QStringLiteral("<td>%1</td>").arg(text);
}
QString number(const services::DeskReceipt& r) {
    return QString::fromStdString(services::receiptNumberText(r.receiptNo));
}

} // namespace

QString dayStateText(DayState state) {
    switch (state) {
    case DayState::Open:
        return tr("open");
    case DayState::Closed:
        return tr("closed");
    case DayState::SignedOff:
        return tr("signed off");
    }
    return {};
}

QString daySheetTitle(const services::DeskDay& day) {
    return tr("Day sheet %1 %2")
        .arg(QString::fromStdString(day.date.toString()), QString::fromStdString(day.officer));
}

QString daySheetHtml(const services::DeskDay& d, const Currency& c, const Letterhead& letterhead,
                     const DeskSession& session) {
    const auto& s = d.summary;
    QString html = QStringLiteral("<html><body style='font-family: sans-serif; font-size: 10pt;'>");
    html += letterheadHtml(letterhead);
    html += QStringLiteral("<h2>") +
            tr("Day sheet of %1 (%2), %3")
                .arg(esc(d.officerName), esc(d.officer), displayDate(d.date)) +
            QStringLiteral("</h2><p>") + tr("State: <b>%1</b>").arg(dayStateText(d.state)) +
            QStringLiteral("</p>");

    html += QStringLiteral("<h3>") + tr("Receipts by method") +
            QStringLiteral("</h3><table width='100%' cellpadding='3' border='1' "
                           "cellspacing='0'><tr><th align='left'>") +
            tr("Method") + QStringLiteral("</th><th align='right'>") + tr("Count") +
            QStringLiteral("</th><th align='right'>") + tr("Total") + QStringLiteral("</th></tr>");
    for (const auto& m : s.byMethod)
        html += QStringLiteral("<tr>") + cell(paymentMethodText(m.method)) +
                cell(QString::number(m.count), true) + cell(displayMoney(m.total, c), true) +
                QStringLiteral("</tr>");
    html += QStringLiteral("<tr><td><b>") + tr("All receipts") + QStringLiteral("</b></td>") +
            cell(QString::number(s.receiptCount), true) +
            cell(QStringLiteral("<b>%1</b>").arg(displayMoneyWithCode(s.received, c)), true) +
            QStringLiteral("</tr><tr>") + cell(tr("Reversals")) +
            cell(QString::number(s.reversalCount), true) + cell(displayMoney(s.reversed, c), true) +
            QStringLiteral("</tr></table>");

    if (!d.receipts.empty()) {
        html += QStringLiteral("<h3>") + tr("Receipts") +
                QStringLiteral("</h3><table width='100%' cellpadding='2'>");
        for (const auto& r : d.receipts)
            html +=
                QStringLiteral("<tr>") + cell(number(r)) + cell(esc(r.loanId)) +
                cell(esc(r.clientName)) + cell(paymentMethodText(r.method)) +
                cell(esc(r.reference)) + cell(displayMoney(r.amount, c), true) +
                cell(r.reversedOn ? tr("reversed %1").arg(displayDate(*r.reversedOn)) : QString()) +
                QStringLiteral("</tr>");
        html += QStringLiteral("</table>");
    }
    if (!d.reversals.empty()) {
        html += QStringLiteral("<h3>") + tr("Reversed today") +
                QStringLiteral("</h3><table width='100%' cellpadding='2'>");
        for (const auto& r : d.reversals)
            html += QStringLiteral("<tr>") + cell(number(r)) + cell(esc(r.loanId)) +
                    cell(tr("taken %1").arg(displayDate(r.businessDate))) +
                    cell(paymentMethodText(r.method)) + cell(displayMoney(r.amount, c), true) +
                    cell(tr("by %1: %2")
                             .arg(r.reversedBy.empty() ? tr("an import") : esc(r.reversedBy),
                                  esc(r.reversalReason))) +
                    QStringLiteral("</tr>");
        html += QStringLiteral("</table>");
    }

    html += QStringLiteral("<h3>") + tr("Cash") + QStringLiteral("</h3><p>") +
            tr("Cash expected: <b>%1</b>").arg(displayMoneyWithCode(s.cashExpected, c));
    if (const auto* last = d.lastClose(); last && d.state != DayState::Open) {
        html += QStringLiteral("<br>") +
                tr("Cash counted: <b>%1</b>").arg(displayMoneyWithCode(last->cashCounted, c)) +
                QStringLiteral("<br>") +
                tr("Difference: <b>%1</b>").arg(displayMoneyWithCode(last->difference(), c));
        if (!last->differenceReason.empty())
            html += QStringLiteral("<br>") + tr("Reason: %1").arg(esc(last->differenceReason));
    }
    html += QStringLiteral("</p>");
    if (!d.closes.empty()) {
        html += QStringLiteral("<h3>") + tr("History") + QStringLiteral("</h3><p>");
        for (const auto& x : d.closes) {
            html += tr("Closed %1: counted %2, difference %3")
                        .arg(session.timeText(x.closedAt), displayMoney(x.cashCounted, c),
                             displayMoney(x.difference(), c));
            if (!x.signedAt.empty())
                html +=
                    QStringLiteral("<br>") +
                    tr("Signed off %1 by %2").arg(session.timeText(x.signedAt), esc(x.signedBy));
            if (!x.reopenedAt.empty())
                html += QStringLiteral("<br>") + tr("Reopened %1 by %2: %3")
                                                     .arg(session.timeText(x.reopenedAt),
                                                          esc(x.reopenedBy), esc(x.reopenReason));
            html += QStringLiteral("<br>");
        }
        html += QStringLiteral("</p>");
    }
    html += QStringLiteral("<p><br>") + tr("Officer: ______________________") +
            QStringLiteral("&nbsp;&nbsp;&nbsp;") + tr("Supervisor: ______________________") +
            QStringLiteral("</p></body></html>");
    return html;
}

} // namespace rd::ui

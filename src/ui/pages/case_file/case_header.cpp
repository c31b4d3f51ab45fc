#include "case_header.h"

#include "display_text.h"
#include "money_display.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStringList>

namespace rd::ui {
namespace {

QString esc(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

QString telLink(const std::string& phone) {
    if (phone.empty())
        return {};
    QString digits;
    for (QChar c : QString::fromStdString(phone))
        if (c.isDigit() || c == u'+')
            digits += c;
    return QStringLiteral("<a href=\"tel:%1\">%2</a>").arg(digits, esc(phone));
}

QString clientHtml(const services::CaseFile& f) {
    QString who = QStringLiteral("<h2 style='margin:0'>%1</h2>").arg(esc(f.loan.clientName));
    if (!f.client)
        return who;
    const auto& client = *f.client;
    QStringList phones;
    for (const auto* p : {&client.phone, &client.altPhone})
        if (!p->empty())
            phones << telLink(*p);
    who += CaseHeader::tr("Phone: %1")
               .arg(phones.isEmpty() ? CaseHeader::tr("none on file") : phones.join(", "));
    if (!client.address.empty())
        who += QStringLiteral("<br>") + CaseHeader::tr("Address: %1").arg(esc(client.address));
    if (!client.groupName.empty())
        who += QStringLiteral("<br>") + CaseHeader::tr("Group: %1").arg(esc(client.groupName));
    who += QStringLiteral("<br>") +
           CaseHeader::tr("Client %1, %2 branch").arg(esc(client.clientId), esc(client.branch));
    return who;
}

QString loanHtml(const services::CaseFile& f) {
    const auto& cur = f.currency;
    const auto& a = f.position.arrears;
    const QString bucket =
        f.bucket.empty() ? loanStatusText(f.position.status) : QString::fromStdString(f.bucket);
    QString loan =
        CaseHeader::tr(
            "<b>Loan %1</b> - %2<br>Principal %3, disbursed %4<br>Outstanding principal "
            "<b>%5</b><br><span style='color:%6'>&#9679;</span> <b>%7 days past due</b> "
            "(%8)<br>Arrears <b>%9</b>: principal %10, interest %11, fees %12, penalties %13")
            .arg(esc(f.loan.loanId), esc(f.ledger.terms.product),
                 displayMoneyWithCode(f.ledger.terms.principal, cur),
                 displayDate(f.ledger.terms.disbursedOn),
                 displayMoneyWithCode(f.position.outstandingPrincipal, cur),
                 bucketColor(f.position.bucketIndex).name())
            .arg(f.position.daysPastDue)
            .arg(bucket, displayMoneyWithCode(a.total(), cur), displayMoney(a.principal, cur),
                 displayMoney(a.interest, cur), displayMoney(a.fees, cur),
                 displayMoney(a.penalties, cur));
    if (f.position.creditBalance > 0)
        loan +=
            QStringLiteral("<br>") + CaseHeader::tr("Credit balance %1")
                                         .arg(displayMoneyWithCode(f.position.creditBalance, cur));
    return loan;
}

QString nextHtml(const services::CaseFile& f) {
    QString next;
    if (f.caseRecord) {
        const auto& c = *f.caseRecord;
        next = c.open ? CaseHeader::tr("<b>Case open</b> since %1").arg(displayDate(c.openedOn))
                      : CaseHeader::tr("<b>Case closed</b> %1 (%2)")
                            .arg(displayDate(c.closedOn), closeReasonText(c.closeReason));
        next += QStringLiteral("<br>") + CaseHeader::tr("Stage: %1 (suggested by DPD: %2)")
                                             .arg(stageText(c.stage), stageText(f.suggestedStage));
        next += QStringLiteral("<br>") +
                CaseHeader::tr("Officer: %1")
                    .arg(c.assignedUsername.empty()
                             ? CaseHeader::tr("<i>unassigned</i>")
                             : esc(userText(c.assignedUsername, f.fullNames).toStdString()));
        if (c.nextActionOn)
            next += QStringLiteral("<br>") +
                    CaseHeader::tr("Next action: %2 on %1")
                        .arg(displayDate(*c.nextActionOn),
                             nextActionKindText(c.nextActionKind).toHtmlEscaped());
    } else {
        next = CaseHeader::tr("No recovery case on this loan.");
    }
    if (!f.promises.empty()) {
        const auto& p = f.promises.back();
        next +=
            QStringLiteral("<br>") + CaseHeader::tr("Latest promise: %1 by %2, <b>%3</b>")
                                         .arg(displayMoneyWithCode(p.promise.amount, f.currency),
                                              displayDate(p.promise.promisedFor),
                                              promiseStatusText(p.evaluation.status));
    }
    for (const auto& a : f.approvals)
        if (!a.decision)
            next += QStringLiteral("<br><b>") +
                    CaseHeader::tr("Legal action requested by %1, waiting for a supervisor")
                        .arg(userText(a.requestedBy, f.fullNames).toHtmlEscaped()) +
                    QStringLiteral("</b>");
    for (const auto& flag : f.flags)
        next += QStringLiteral("<br>&#9888; ") + esc(flag.text);
    return next;
}

} // namespace

CaseHeader::CaseHeader(QWidget* parent)
    : QFrame(parent), client_(new QLabel(this)), loan_(new QLabel(this)), next_(new QLabel(this)) {
    setFrameShape(QFrame::StyledPanel);
    for (QLabel* l : {client_, loan_, next_}) {
        l->setTextFormat(Qt::RichText);
        l->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextBrowserInteraction);
    }
    client_->setOpenExternalLinks(true);
    client_->setObjectName(QStringLiteral("caseHeaderClient"));
    loan_->setObjectName(QStringLiteral("caseHeaderLoan"));
    next_->setObjectName(QStringLiteral("caseHeaderNext"));
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(client_, 3);
    layout->addWidget(loan_, 4);
    layout->addWidget(next_, 3);
}

void CaseHeader::setFile(const services::CaseFile& file) {
    client_->setText(clientHtml(file));
    loan_->setText(loanHtml(file));
    next_->setText(nextHtml(file));
}

} // namespace rd::ui

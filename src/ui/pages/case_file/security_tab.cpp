#include "security_tab.h"

#include "money_display.h"
#include "widgets/table_view_setup.h"

#include <QLabel>
#include <QStringList>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {
namespace {

QString esc(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

QString telLink(const std::string& phone) {
    QString digits;
    for (QChar c : QString::fromStdString(phone))
        if (c.isDigit() || c == u'+')
            digits += c;
    return QStringLiteral("<a href=\"tel:%1\">%2</a>").arg(digits, esc(phone));
}

} // namespace

SecurityTab::SecurityTab(QWidget* parent)
    : QWidget(parent), guarantors_(new GuarantorsModel(this)),
      collateral_(new CollateralModel(this)),
      guarantorsView_(makeDataTable(guarantors_, this, QStringLiteral("guarantorsView"))),
      collateralView_(makeDataTable(collateral_, this, QStringLiteral("collateralView"))),
      phones_(new QLabel(this)), totals_(new QLabel(this)) {
    setObjectName(QStringLiteral("securityTab"));
    phones_->setObjectName(QStringLiteral("guarantorPhones"));
    phones_->setTextFormat(Qt::RichText);
    phones_->setOpenExternalLinks(true); // tel: opens the softphone or the phone link
    phones_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    phones_->setWordWrap(true);
    totals_->setObjectName(QStringLiteral("collateralTotals"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Guarantors</b>"), this));
    layout->addWidget(guarantorsView_, 1);
    layout->addWidget(phones_);
    layout->addWidget(new QLabel(tr("<b>Collateral</b>"), this));
    layout->addWidget(collateralView_, 1);
    layout->addWidget(totals_);
}

void SecurityTab::setFile(const services::CaseFile& file) {
    guarantors_->setGuarantors(file.guarantors);
    collateral_->setCollateral(file.collateral, file.currency);
    QStringList calls;
    for (const auto& g : file.guarantors)
        if (!g.phone.empty())
            calls << tr("%1: %2").arg(esc(g.fullName), telLink(g.phone));
    phones_->setText(calls.isEmpty() ? tr("No guarantor phone on file.")
                                     : tr("Call: %1").arg(calls.join(QStringLiteral(", "))));
    totals_->setText(
        file.collateral.empty()
            ? tr("No collateral on file.")
            : tr("Total market value %1, forced-sale value %2")
                  .arg(displayMoneyWithCode(collateral_->totalMarketValue(), file.currency),
                       displayMoneyWithCode(collateral_->totalForcedSaleValue(), file.currency)));
    guarantorsView_->resizeColumnsToContents();
    collateralView_->resizeColumnsToContents();
}

} // namespace rd::ui

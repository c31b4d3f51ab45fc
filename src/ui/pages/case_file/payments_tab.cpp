#include "payments_tab.h"

#include "widgets/table_view_setup.h"

#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

PaymentsTab::PaymentsTab(QWidget* parent)
    : QWidget(parent), model_(new LoanPaymentsModel(this)),
      view_(makeDataTable(model_, this, QStringLiteral("paymentsView"), false)) {
    setObjectName(QStringLiteral("paymentsTab"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
}

void PaymentsTab::setFile(const services::CaseFile& file) {
    model_->setPayments(file.ledger.payments, file.asOf, file.currency);
    view_->resizeColumnsToContents();
}

} // namespace rd::ui

#include "other_loans_tab.h"

#include "services/case_query_service.h"
#include "widgets/table_view_setup.h"

#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

OtherLoansTab::OtherLoansTab(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(std::move(services)), session_(session),
      model_(new OtherLoansModel(this)),
      view_(makeDataTable(model_, this, QStringLiteral("otherLoansView"), false)) {
    setObjectName(QStringLiteral("otherLoansTab"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
    connect(view_, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit openLoan(QString::fromStdString(model_->row(index.row()).loanId));
    });
}

Result<void> OtherLoansTab::load(const services::CaseFile& file) {
    auto others = services_.queries->otherLoans(session_.user, file.loan.loanId, file.asOf);
    model_->setRows(others ? std::move(*others) : std::vector<services::ClientLoanRow>{},
                    file.currency);
    view_->resizeColumnsToContents();
    if (!others)
        return others.error();
    return {};
}

} // namespace rd::ui

#include "receipts_tab.h"

#include "print/receipt_document.h"
#include "services/payment_service.h"
#include "widgets/table_view_setup.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

ReceiptsTab::ReceiptsTab(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(std::move(services)), session_(session),
      model_(new ReceiptsModel(this)),
      view_(makeDataTable(model_, this, QStringLiteral("receiptsView"), false)),
      reverse_(new QPushButton(tr("Re&verse payment..."), this)) {
    setObjectName(QStringLiteral("receiptsTab"));
    auto* print = new QPushButton(tr("Print rece&ipt (Ctrl+P)"), this);
    auto* pdf = new QPushButton(tr("Save receipt as P&DF..."), this);
    reverse_->setObjectName(QStringLiteral("reverseButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(print);
    buttons->addWidget(pdf);
    buttons->addStretch();
    buttons->addWidget(reverse_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(view_);
    layout->addLayout(buttons);

    connect(print, &QPushButton::clicked, this, &ReceiptsTab::printSelected);
    connect(pdf, &QPushButton::clicked, this, [this] {
        const auto* r = selected();
        if (!r)
            return;
        const auto path = QFileDialog::getSaveFileName(
            this, tr("Save receipt as PDF"),
            QStringLiteral("receipt-%1.pdf")
                .arg(QString::fromStdString(services::receiptNumberText(r->receiptNo))),
            tr("PDF files (*.pdf)"));
        if (!path.isEmpty())
            saveSelectedPdf(path);
    });
    connect(reverse_, &QPushButton::clicked, this, &ReceiptsTab::reverseRequested);
}

Result<void> ReceiptsTab::load(const services::CaseFile& file) {
    currency_ = file.currency;
    auto receipts = services_.payments->receiptsForLoan(session_.user, file.loan.loanId);
    model_->setReceipts(receipts ? std::move(*receipts) : std::vector<services::DeskReceipt>{},
                        file.currency);
    if (model_->rowCount() > 0)
        view_->setCurrentIndex(model_->index(0, 0));
    view_->resizeColumnsToContents();
    if (!receipts)
        return receipts.error();
    return {};
}

void ReceiptsTab::setReversible(bool allowed) {
    reverse_->setVisible(allowed);
}

const services::DeskReceipt* ReceiptsTab::selected() const {
    const auto index = view_->currentIndex();
    return index.isValid() ? &model_->receipt(index.row()) : nullptr;
}

void ReceiptsTab::printSelected() {
    if (const auto* r = selected())
        previewReceipt(*r, currency_, this);
    else
        emit message(tr("There is no desk receipt on this loan to print."), true);
}

bool ReceiptsTab::saveSelectedPdf(const QString& path) {
    const auto* r = selected();
    if (!r)
        return false;
    if (!saveReceiptPdf(*r, currency_, path)) {
        emit message(tr("The receipt could not be written to %1: choose another folder.").arg(path),
                     true);
        return false;
    }
    emit message(tr("Receipt saved as %1").arg(path), false);
    return true;
}

} // namespace rd::ui

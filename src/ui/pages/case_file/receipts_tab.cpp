#include "receipts_tab.h"

#include "error_text.h"
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
      reverse_(new QPushButton(tr("Re&verse payment..."), this)), printing_(services_, session_) {
    setObjectName(QStringLiteral("receiptsTab"));
    auto* print = new QPushButton(tr("Print rece&ipt (Ctrl+P)..."), this);
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

bool ReceiptsTab::selectReceipt(std::int64_t receiptNo) {
    for (int row = 0; row < model_->rowCount(); ++row)
        if (model_->receipt(row).receiptNo == receiptNo) {
            view_->setCurrentIndex(model_->index(row, 0));
            return true;
        }
    return false;
}

namespace {
QString numberOf(const services::DeskReceipt& r) {
    return QString::fromStdString(services::receiptNumberText(r.receiptNo));
}
} // namespace

bool ReceiptsTab::printSelected() {
    const auto* r = selected();
    if (!r) {
        emit message(tr("There is no desk receipt on this loan to print."), true);
        return false;
    }
    auto printed = printing_.print(*r, currency_, this);
    if (!printed) {
        if (printed.error().kind != ErrorKind::Cancelled)
            emit message(reportError(this, printed.error()), true);
        return false;
    }
    emit message(printed->duplicate() ? tr("Receipt %1 reprinted as DUPLICATE (copy %2).")
                                            .arg(numberOf(*r))
                                            .arg(printed->copy)
                                      : tr("Receipt %1 printed.").arg(numberOf(*r)),
                 false);
    return true;
}

bool ReceiptsTab::saveSelectedPdf(const QString& path) {
    const auto* r = selected();
    if (!r)
        return false;
    auto saved = printing_.savePdf(*r, currency_, path);
    if (!saved) {
        emit message(
            saved.error().kind == ErrorKind::Invalid
                ? tr("The receipt could not be written to %1: choose another folder.").arg(path)
                : reportError(this, saved.error()),
            true);
        return false;
    }
    emit message(saved->duplicate()
                     ? tr("Receipt saved as %1 (DUPLICATE, copy %2)").arg(path).arg(saved->copy)
                     : tr("Receipt saved as %1").arg(path),
                 false);
    return true;
}

} // namespace rd::ui

#include "promises_page.h"

#include "display_text.h"
#include "error_text.h"
#include "models/promise_table_model.h"
#include "services/case_query_service.h"
#include "widgets/table_view_setup.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

PromisesPage::PromisesPage(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(services), session_(session), model_(new PromiseTableModel(this)),
      from_(new QDateEdit(this)), to_(new QDateEdit(this)), view_(new QTableView(this)),
      summary_(new QLabel(this)) {
    setObjectName(QStringLiteral("promisesPage"));
    const QDate business = toQDate(session.businessDate);
    from_->setDate(business.addDays(-1));
    to_->setDate(business.addDays(7));
    for (auto* d : {from_, to_})
        d->setCalendarPopup(true);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model_);
    view_->setObjectName(QStringLiteral("promisesView"));
    view_->setModel(proxy);
    setUpDataTable(view_);
    const int widths[] = {100, 190, 100, 130, 100, 100, 90, 130, 130};
    for (int c = 0; c < PromiseTableModel::ColumnCount; ++c)
        view_->setColumnWidth(c, widths[c]);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("<h2>Promises</h2>"), this));
    top->addStretch();
    top->addWidget(new QLabel(tr("Falling due from"), this));
    top->addWidget(from_);
    top->addWidget(new QLabel(tr("to"), this));
    top->addWidget(to_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(summary_);
    layout->addWidget(view_, 1);
    connect(from_, &QDateEdit::dateChanged, this, &PromisesPage::reload);
    connect(to_, &QDateEdit::dateChanged, this, &PromisesPage::reload);
    connect(view_, &QTableView::activated, this, [this, proxy](const QModelIndex& index) {
        emit openCase(QString::fromStdString(model_->row(proxy->mapToSource(index).row()).loanId));
    });
}

void PromisesPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload();
}

void PromisesPage::reload() {
    auto rows = services_.queries->promisesDue(session_.user, toDate(from_->date()),
                                               toDate(to_->date()), session_.businessDate);
    if (!rows) {
        model_->setRows({}, session_.currency);
        summary_->setText(reportError(this, rows.error()));
        return;
    }
    int pending = 0;
    int broken = 0;
    for (const auto& r : *rows) {
        pending += r.evaluation.status == PromiseStatus::Pending;
        broken += r.evaluation.status == PromiseStatus::Broken;
    }
    model_->setRows(std::move(*rows), session_.currency);
    summary_->setText(model_->rowCount() == 0
                          ? tr("No promise falls due in this period.")
                          : tr("%n promise(s): ", nullptr, model_->rowCount()) +
                                tr("%1 pending, %2 broken").arg(pending).arg(broken));
}

} // namespace rd::ui

#include "search_page.h"

#include "error_text.h"
#include "models/loan_search_model.h"
#include "services/case_query_service.h"
#include "widgets/table_view_setup.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace rd::ui {

constexpr int kMaxHits = 200;

SearchPage::SearchPage(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(services), session_(session), model_(new LoanSearchModel(this)),
      edit_(new QLineEdit(this)), view_(new QTableView(this)), summary_(new QLabel(this)),
      delay_(new QTimer(this)) {
    setObjectName(QStringLiteral("searchPage"));
    edit_->setObjectName(QStringLiteral("searchEdit"));
    edit_->setPlaceholderText(tr("Loan id, client id, name, phone or national id"));
    edit_->setClearButtonEnabled(true);
    view_->setObjectName(QStringLiteral("searchView"));
    view_->setModel(model_);
    setUpDataTable(view_);
    view_->setSortingEnabled(false);
    const int widths[] = {100, 200, 90, 130, 120, 110, 150, 90, 50, 140};
    for (int c = 0; c < LoanSearchModel::ColumnCount; ++c)
        view_->setColumnWidth(c, widths[c]);
    summary_->setText(tr("Type at least 2 characters; Down moves into the results, Enter opens "
                         "the case file."));
    delay_->setSingleShot(true);
    delay_->setInterval(250);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("<h2>Clients and loans</h2>"), this));
    top->addWidget(edit_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(summary_);
    layout->addWidget(view_, 1);

    connect(edit_, &QLineEdit::textChanged, delay_, qOverload<>(&QTimer::start));
    connect(delay_, &QTimer::timeout, this, [this] { search(edit_->text()); });
    // Enter opens the selected hit (the first unless Down moved the selection): the
    // search of what was typed runs first if the typing pause has not run it yet.
    connect(edit_, &QLineEdit::returnPressed, this, [this] {
        if (delay_->isActive() || edit_->text().trimmed() != searched_) {
            delay_->stop();
            search(edit_->text());
        }
        const auto current = view_->currentIndex();
        if (current.isValid())
            emit openCase(QString::fromStdString(model_->hit(current.row()).loanId));
    });
    edit_->installEventFilter(this);
    connect(view_, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit openCase(QString::fromStdString(model_->hit(index.row()).loanId));
    });
}

bool SearchPage::eventFilter(QObject* watched, QEvent* event) {
    if (watched == edit_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier) {
            if (delay_->isActive()) {
                delay_->stop();
                search(edit_->text());
            }
            if (model_->rowCount() > 0) {
                view_->setFocus();
                if (!view_->currentIndex().isValid())
                    view_->setCurrentIndex(model_->index(0, 0));
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPage::search(const QString& text) {
    const auto trimmed = text.trimmed();
    searched_ = trimmed;
    if (trimmed.size() < 2) {
        model_->setHits({});
        return;
    }
    auto hits = services_.queries->searchLoans(session_.user, trimmed.toStdString(), kMaxHits,
                                               session_.businessDate);
    if (!hits) {
        model_->setHits({});
        summary_->setText(reportError(this, hits.error()));
        return;
    }
    model_->setHits(std::move(*hits));
    const int n = model_->rowCount();
    if (n > 0) // selected, so that Enter in the search box opens it
        view_->setCurrentIndex(model_->index(0, 0));
    summary_->setText(n == 0 ? tr("Nothing found for \"%1\". Try part of the name or the last "
                                  "digits of the phone.")
                                   .arg(trimmed)
                      : n >= kMaxHits ? tr("The first %1 matches; type more to narrow them.").arg(n)
                                      : tr("%n match(es)", nullptr, n));
}

} // namespace rd::ui

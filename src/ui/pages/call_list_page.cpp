#include "call_list_page.h"

#include "display_text.h"
#include "error_text.h"
#include "models/call_list_model.h"
#include "models/call_list_proxy_model.h"
#include "services/call_list_service.h"
#include "services/case_query_service.h"
#include "widgets/table_view_setup.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStackedLayout>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

CallListPage::CallListPage(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(services), session_(session), model_(new CallListModel(this)),
      proxy_(new CallListProxyModel(this)), filterEdit_(new QLineEdit(this)),
      reasonBox_(new QComboBox(this)), view_(new QTableView(this)), summary_(new QLabel(this)),
      emptyState_(new QLabel(this)) {
    setObjectName(QStringLiteral("callListPage"));
    proxy_->setCallListModel(model_);

    filterEdit_->setObjectName(QStringLiteral("callListFilter"));
    filterEdit_->setPlaceholderText(tr("Filter by client, loan, phone or reason (Ctrl+F)"));
    filterEdit_->setClearButtonEnabled(true);
    filterEdit_->installEventFilter(this);
    reasonBox_->setObjectName(QStringLiteral("callListReason"));
    reasonBox_->addItem(tr("All reasons"));
    for (auto r : {CallReason::BrokenPlan, CallReason::BrokenPromise, CallReason::PromiseDue,
                   CallReason::HearingDue, CallReason::PlanDue, CallReason::LetterDue,
                   CallReason::FollowUpDue, CallReason::ActionDue, CallReason::NewCase,
                   CallReason::EarlyWarning})
        reasonBox_->addItem(reasonText(r), static_cast<int>(r));

    view_->setObjectName(QStringLiteral("callListView"));
    view_->setModel(proxy_);
    setUpDataTable(view_);
    view_->sortByColumn(CallListModel::Rank, Qt::AscendingOrder);

    summary_->setObjectName(QStringLiteral("callListSummary"));
    emptyState_->setObjectName(QStringLiteral("callListEmpty"));
    emptyState_->setAlignment(Qt::AlignCenter);
    emptyState_->setWordWrap(true);

    auto* filters = new QHBoxLayout;
    auto* title = new QLabel(tr("<h2>My call list</h2>"), this);
    filters->addWidget(title);
    filters->addStretch();
    filters->addWidget(filterEdit_, 2);
    filters->addWidget(reasonBox_);
    auto* stack = new QStackedLayout;
    stack->addWidget(view_);
    stack->addWidget(emptyState_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(summary_);
    layout->addLayout(stack, 1);

    QSettings settings;
    filterEdit_->setText(settings.value(QStringLiteral("callList/filter")).toString());
    reasonBox_->setCurrentIndex(settings.value(QStringLiteral("callList/reason"), 0).toInt());
    // Sized so that every column fits a 1366-pixel main window: the why column takes what
    // is left and elides, its full text (and the score) is the row's tooltip.
    const int widths[] = {34, 160, 240, 44, 85, 95, 150, 115, 85, 115, 90};
    for (int c = 0; c < CallListModel::ColumnCount; ++c)
        view_->setColumnWidth(c, widths[c]);
    view_->setTextElideMode(Qt::ElideRight);
    restoreColumns(view_, QStringLiteral("callList/columns3"));
    view_->horizontalHeader()->setStretchLastSection(false);
    view_->horizontalHeader()->setMinimumSectionSize(30);
    view_->horizontalHeader()->setSectionResizeMode(CallListModel::Why, QHeaderView::Stretch);

    connect(filterEdit_, &QLineEdit::textChanged, this, &CallListPage::applyFilter);
    connect(reasonBox_, &QComboBox::currentIndexChanged, this, &CallListPage::applyFilter);
    connect(view_, &QTableView::activated, this, [this] { openCurrent(); });
    connect(view_->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this] { saveColumns(view_, QStringLiteral("callList/columns3")); });
    applyFilter();
    stack->setCurrentIndex(0);
    connect(proxy_, &QAbstractItemModel::modelReset, this, [this, stack] {
        stack->setCurrentWidget(proxy_->rowCount() == 0 ? static_cast<QWidget*>(emptyState_)
                                                        : view_);
    });
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, [this, stack] {
        stack->setCurrentWidget(proxy_->rowCount() == 0 ? static_cast<QWidget*>(emptyState_)
                                                        : view_);
    });
    connect(proxy_, &QAbstractItemModel::rowsRemoved, this, [this, stack] {
        stack->setCurrentWidget(proxy_->rowCount() == 0 ? static_cast<QWidget*>(emptyState_)
                                                        : view_);
    });
    connect(proxy_, &QAbstractItemModel::rowsInserted, this,
            [this, stack] { stack->setCurrentWidget(view_); });
}

void CallListPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Cases move while the page is hidden (a reassignment, work on a case file): the list
    // shown is always the current one.
    reload();
}

bool CallListPage::eventFilter(QObject* watched, QEvent* event) {
    if (watched != filterEdit_ ||
        (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress))
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() != Qt::NoModifier ||
        (key->key() != Qt::Key_Escape && key->key() != Qt::Key_Down))
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride) {
        // Esc is also the window's "back to the list": in the filter it clears the filter.
        event->accept();
        return true;
    }
    if (key->key() == Qt::Key_Escape) {
        const bool wasEmpty = filterEdit_->text().isEmpty() && reasonBox_->currentIndex() == 0;
        filterEdit_->clear();
        reasonBox_->setCurrentIndex(0);
        if (wasEmpty)
            focusList();
    } else {
        focusList();
    }
    return true;
}

void CallListPage::focusList() {
    if (proxy_->rowCount() > 0)
        view_->setCurrentIndex(proxy_->index(0, CallListModel::Client));
    view_->setFocus();
}

void CallListPage::reload() {
    const QString current = view_->currentIndex().isValid()
                                ? view_->currentIndex().data(CallListModel::LoanIdRole).toString()
                                : QString();
    auto list = services_.callList->forOfficer(session_.user, session_.user.username,
                                               session_.businessDate);
    if (!list) {
        model_->setItems({}, session_.currency);
        emptyState_->setText(reportError(this, list.error()));
        return;
    }
    model_->setItems(std::move(list->items), session_.currency);
    updateSummary();
    if (!current.isEmpty())
        selectLoan(current);
    if (!view_->currentIndex().isValid() && proxy_->rowCount() > 0)
        view_->setCurrentIndex(proxy_->index(0, CallListModel::Client));
}

void CallListPage::updateSummary() {
    int brokenPlans = 0;
    int broken = 0;
    int due = 0;
    for (int row = 0; row < model_->rowCount(); ++row)
        for (const auto& item : model_->group(row).items) {
            const auto& reasons = item.reasons;
            if (!reasons.empty() && reasons.front() == CallReason::BrokenPlan)
                ++brokenPlans;
            else if (!reasons.empty() && reasons.front() == CallReason::BrokenPromise)
                ++broken;
            if (std::find(reasons.begin(), reasons.end(), CallReason::PromiseDue) != reasons.end())
                ++due;
        }
    const int cases = model_->caseCount();
    QString text;
    if (!proxy_->filter().empty()) {
        int shown = 0;
        for (int row = 0; row < proxy_->rowCount(); ++row)
            shown += static_cast<int>(
                model_->group(proxy_->mapToSource(proxy_->index(row, 0)).row()).items.size());
        text = tr("%1 of %n case(s) shown (filtered; Esc in the filter shows all)", nullptr, cases)
                   .arg(shown);
    } else {
        text = tr("%n case(s) need action on %1", nullptr, cases)
                   .arg(displayDate(session_.businessDate));
    }
    if (model_->rowCount() < cases)
        text += tr(" - %n client(s) to call: a client's loans are one row", nullptr,
                   model_->rowCount());
    summary_->setText(
        text + (brokenPlans ? tr(" - %n broken plan(s) first", nullptr, brokenPlans) : QString()) +
        (broken ? tr(" - %n broken promise(s) first", nullptr, broken) : QString()) +
        (due ? tr(" - %n promise(s) due today", nullptr, due) : QString()));
    if (model_->rowCount() == 0) {
        const Date tomorrow = session_.businessDate.addDays(1);
        int dueTomorrow = 0;
        if (services_.queries)
            if (auto due = services_.queries->promisesDue(session_.user, tomorrow, tomorrow,
                                                          session_.businessDate))
                for (const auto& p : *due)
                    dueTomorrow += p.officer == session_.user.username;
        emptyState_->setText(tr("No cases need action on %1.\nPromises due tomorrow: %2. "
                                "Pending promises keep their cases off the list until they "
                                "fall due (see Promises).")
                                 .arg(displayDate(session_.businessDate))
                                 .arg(dueTomorrow));
    } else
        emptyState_->setText(tr("No case matches the filter. Clear it with Esc in the filter "
                                "box."));
}

void CallListPage::applyFilter() {
    CallListFilter filter;
    filter.text = filterEdit_->text().trimmed().toStdString();
    if (reasonBox_->currentIndex() > 0)
        filter.reason = static_cast<CallReason>(reasonBox_->currentData().toInt());
    proxy_->setFilter(std::move(filter));
    QSettings settings;
    settings.setValue(QStringLiteral("callList/filter"), filterEdit_->text());
    settings.setValue(QStringLiteral("callList/reason"), reasonBox_->currentIndex());
    if (model_->rowCount() > 0)
        updateSummary();
}

QStringList CallListPage::visibleLoans() const {
    QStringList loans;
    for (int row = 0; row < proxy_->rowCount(); ++row)
        loans << proxy_->index(row, CallListModel::Loan).data(CallListModel::LoanIdRole).toString();
    return loans;
}

void CallListPage::focusFilter() {
    filterEdit_->setFocus();
    filterEdit_->selectAll();
}

void CallListPage::selectLoan(const QString& loanId) {
    const int sourceRow = model_->rowOfLoan(loanId);
    if (sourceRow < 0)
        return;
    const auto index = proxy_->mapFromSource(model_->index(sourceRow, CallListModel::Client));
    if (index.isValid()) {
        view_->setCurrentIndex(index);
        view_->scrollTo(index);
    }
}

void CallListPage::openCurrent() {
    const auto index = view_->currentIndex();
    if (index.isValid())
        emit openCase(index.data(CallListModel::LoanIdRole).toString());
}

} // namespace rd::ui

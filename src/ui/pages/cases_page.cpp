#include "cases_page.h"

#include "dialogs/reassign_dialog.h"
#include "error_text.h"
#include "models/case_table_model.h"
#include "services/case_query_service.h"
#include "widgets/background_work.h"
#include "widgets/table_view_setup.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <memory>

namespace rd::ui {

CasesPage::CasesPage(DeskServices services, const DeskSession& session, BackgroundWork* work,
                     QWidget* parent)
    : QWidget(parent), services_(services), session_(session), work_(work),
      model_(new CaseTableModel(this)), proxy_(new QSortFilterProxyModel(this)),
      filter_(new QLineEdit(this)), closed_(new QCheckBox(tr("Show &closed cases"), this)),
      view_(new QTableView(this)), summary_(new QLabel(this)),
      reassign_(new QPushButton(tr("&Reassign selected..."), this)) {
    setObjectName(QStringLiteral("casesPage"));
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(CaseTableModel::SortRole);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(-1);
    filter_->setPlaceholderText(tr("Filter by loan, client, officer, stage..."));
    filter_->setClearButtonEnabled(true);
    view_->setObjectName(QStringLiteral("casesView"));
    view_->setModel(proxy_);
    setUpDataTable(view_);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->sortByColumn(CaseTableModel::Dpd, Qt::DescendingOrder);
    const int widths[] = {95, 170, 110, 130, 90, 50, 70, 100, 100, 90, 190, 120, 90};
    for (int c = 0; c < CaseTableModel::ColumnCount; ++c)
        view_->setColumnWidth(c, widths[c]);
    restoreColumns(view_, QStringLiteral("cases/columns"));
    reassign_->setObjectName(QStringLiteral("reassignSelected"));
    const bool supervisor = std::any_of(
        session.user.branches.begin(), session.user.branches.end(),
        [&](const std::string& b) { return allows(session.user, Permission::ReassignCases, b); });
    reassign_->setVisible(supervisor);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("<h2>Cases</h2>"), this));
    top->addStretch();
    top->addWidget(filter_, 2);
    top->addWidget(closed_);
    top->addWidget(reassign_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(summary_);
    layout->addWidget(view_, 1);

    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(closed_, &QCheckBox::toggled, this, &CasesPage::reload);
    connect(view_, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit openCase(index.siblingAtColumn(CaseTableModel::Loan).data().toString());
    });
    connect(reassign_, &QPushButton::clicked, this, &CasesPage::reassignSelected);
    connect(view_->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this] { saveColumns(view_, QStringLiteral("cases/columns")); });
}

void CasesPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Cases change while the page is hidden (reassigned from a case file, worked): the list
    // is read again each time it is shown, keeping the officer's place in it.
    reload();
}

void CasesPage::reload() {
    services::CaseFilter filter;
    filter.openOnly = !closed_->isChecked();
    const User user = session_.user;
    const Date date = session_.businessDate;
    const auto factory = services_.factory;
    auto rows = std::make_shared<std::vector<services::CaseRow>>();
    const QString current =
        view_->currentIndex().isValid()
            ? view_->currentIndex().siblingAtColumn(CaseTableModel::Loan).data().toString()
            : QString();
    const QStringList selected = selectedLoans();
    summary_->setText(tr("Loading cases..."));
    work_->start(
        tr("Loading cases"),
        [=](JobControl&) -> JobOutcome {
            // Services of this thread's own, on a connection of their own.
            auto own = factory->open();
            if (!own)
                return JobOutcome::failed(own.error());
            auto result = (*own)->queries().cases(user, filter, date);
            if (!result)
                return JobOutcome::failed(result.error());
            *rows = std::move(*result);
            return {};
        },
        [this, rows, current, selected](const JobOutcome& outcome) {
            if (!outcome.ok) {
                summary_->setText(outcome.error ? reportError(this, *outcome.error)
                                                : outcome.message);
                return;
            }
            model_->setRows(std::move(*rows), session_.currency);
            summary_->setText(tr("%n case(s)", nullptr, model_->rowCount()));
            restoreSelection(current, selected);
        });
}

void CasesPage::restoreSelection(const QString& current, const QStringList& selected) {
    if (current.isEmpty() && selected.isEmpty())
        return;
    auto* selection = view_->selectionModel();
    for (int row = 0; row < proxy_->rowCount(); ++row) {
        const auto index = proxy_->index(row, CaseTableModel::Loan);
        const QString loan = index.data().toString();
        if (loan == current) {
            selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
            view_->scrollTo(index);
        }
        if (selected.contains(loan))
            selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

QStringList CasesPage::selectedLoans() const {
    QStringList loans;
    for (const auto& index : view_->selectionModel()->selectedRows(CaseTableModel::Loan))
        loans << index.data().toString();
    return loans;
}

bool CasesPage::reassignSelected() {
    QSet<QString> branches;
    QStringList loans;
    for (const auto& index : view_->selectionModel()->selectedRows()) {
        const auto& row = model_->row(proxy_->mapToSource(index).row());
        if (row.open) {
            loans << QString::fromStdString(row.loanId);
            branches.insert(QString::fromStdString(row.branch));
        }
    }
    if (loans.isEmpty()) {
        summary_->setText(tr("Select the open cases to reassign first (Shift or Ctrl with the "
                             "arrows or the mouse)."));
        return false;
    }
    if (branches.size() > 1) {
        summary_->setText(tr("The selected cases are in %n branch(es); cases move between "
                             "officers of one branch: select cases of one branch.",
                             nullptr, int(branches.size())));
        return false;
    }
    ReassignDialog dialog(services_, session_, loans, *branches.begin(), this);
    if (dialog.exec() != QDialog::Accepted && dialog.movedCount() == 0)
        return false;
    reload();
    return true;
}

} // namespace rd::ui

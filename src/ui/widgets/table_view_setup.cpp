#include "table_view_setup.h"

#include <QHeaderView>
#include <QSettings>
#include <QTableView>

namespace rd::ui {

void setUpDataTable(QTableView* view) {
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSortingEnabled(true);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

QTableView* makeDataTable(QAbstractItemModel* model, QWidget* parent, const QString& name,
                          bool sortable) {
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    setUpDataTable(view);
    view->setSortingEnabled(sortable);
    return view;
}

void restoreColumns(QTableView* view, const QString& key) {
    const auto state = QSettings().value(key).toByteArray();
    if (!state.isEmpty())
        view->horizontalHeader()->restoreState(state);
}

void saveColumns(QTableView* view, const QString& key) {
    QSettings().setValue(key, view->horizontalHeader()->saveState());
}

} // namespace rd::ui

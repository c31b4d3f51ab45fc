#pragma once

#include <QString>

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace rd::ui {

// The house style of a data table: whole-row selection, uniform row heights (a long list
// stays fast), sorting, alternating rows, no grid, columns sized once to their headers.
void setUpDataTable(QTableView* view);
// A new table in the house style, named `name`, showing `model`.
QTableView* makeDataTable(QAbstractItemModel* model, QWidget* parent, const QString& name,
                          bool sortable = true);
// Column widths remembered in QSettings under `key`.
void restoreColumns(QTableView* view, const QString& key);
void saveColumns(QTableView* view, const QString& key);

} // namespace rd::ui

#pragma once

#include <QAbstractTableModel>
#include <vector>

namespace rd::ui {

// What every list model of the desk shares: a vector of rows shown as a flat table with a
// fixed number of columns, replaced as a whole (a model reset) when the list is reloaded.
// Subclasses say what each column shows (data, headerData).
template <typename Row> class RowTableModel : public QAbstractTableModel {
public:
    RowTableModel(int columns, QObject* parent) : QAbstractTableModel(parent), columns_(columns) {}

    const Row& row(int r) const { return rows_.at(static_cast<std::size_t>(r)); }

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(rows_.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : columns_;
    }

protected:
    void resetRows(std::vector<Row> rows) {
        beginResetModel();
        rows_ = std::move(rows);
        endResetModel();
    }
    // The row of a valid index of this model, or null.
    const Row* rowAt(const QModelIndex& index) const {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return nullptr;
        return &rows_[static_cast<std::size_t>(index.row())];
    }

    std::vector<Row> rows_;

private:
    int columns_;
};

} // namespace rd::ui

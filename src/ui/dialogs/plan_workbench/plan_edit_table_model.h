#pragma once

#include "core/currency.h"
#include "plan_option_state.h"

#include <QAbstractTableModel>
#include <map>
#include <utility>
#include <vector>

namespace rd::ui {

// The installment table of one option of the plan workbench: number, due date and amount
// (a reschedule's also its principal and interest). The dates and amounts of an editable
// table are the officer's text; an edit is not applied here but handed on
// (editRequested) so that it goes through the undo stack, which then sets the rows again.
// A cell with a problem is tinted and says what is wrong in its tooltip.
class PlanEditTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Number, DueDate, Amount, Principal, Interest };

    struct Row {
        PlanRowText text;
        rd::Amount principal = 0; // reschedule only
        rd::Amount interest = 0;  // reschedule only (interest, fees and penalties)
    };
    // (row, column) -> what is wrong there.
    using CellProblems = std::map<std::pair<int, int>, QString>;

    PlanEditTableModel(bool editable, const Currency& currency, QObject* parent = nullptr);

    bool editable() const { return editable_; }
    void setRows(std::vector<Row> rows, CellProblems problems);
    const std::vector<Row>& rows() const { return rows_; }
    // The problem shown on a cell, or "".
    QString problemAt(int row, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    // The officer typed `text` into a date or amount cell.
    void editRequested(int row, int column, const QString& text);

private:
    bool editable_;
    Currency currency_;
    std::vector<Row> rows_;
    CellProblems problems_;
};

} // namespace rd::ui

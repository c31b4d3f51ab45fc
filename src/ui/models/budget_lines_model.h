#pragma once

#include "core/currency.h"
#include "core/plan_records.h"
#include "row_table_model.h"

#include <QString>
#include <vector>

namespace rd::ui {

// The lines of a budget worksheet (domain.md section 9c): income and expense lines with a
// name and a monthly amount. Editable for the worksheet dialog (the name and the amount; an
// amount is typed as the GUI shows money and a text that is not an amount is refused in the
// cell, the old value kept, with the reason in amountRejected), read-only on the case file.
class BudgetLinesModel : public RowTableModel<BudgetLine> {
    Q_OBJECT
public:
    enum Column { Kind, Name, Monthly, ColumnCount };
    BudgetLinesModel(Currency currency, bool editable, QObject* parent = nullptr);

    void setLines(std::vector<BudgetLine> lines);
    const std::vector<BudgetLine>& lines() const { return rows_; }
    // Adds an empty line of that kind at the end of its kind's lines; its row.
    int addLine(bool income);
    bool removeLine(int row);

    Amount income() const;
    Amount expenses() const;
    Amount surplus() const { return income() - expenses(); }

    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // A typed amount was not taken: what is wrong with it and what to do.
    void amountRejected(const QString& message);
    // The income, expenses or surplus may have changed.
    void totalsChanged();

private:
    Currency currency_;
    bool editable_;
};

} // namespace rd::ui

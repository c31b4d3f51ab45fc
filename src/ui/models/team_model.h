#pragma once

#include "core/currency.h"
#include "row_table_model.h"
#include "services/case_query_service.h"

#include <vector>

namespace rd::ui {

// A supervisor's team and its day: open cases, contacts, promises due and kept, collected.
class TeamModel : public RowTableModel<services::TeamMemberRow> {
    Q_OBJECT
public:
    enum Column {
        Officer,
        Name,
        Role,
        Branches,
        OpenCases,
        Contacts,
        PromisesDue,
        PromisesKept,
        Collected,
        ColumnCount
    };
    explicit TeamModel(QObject* parent = nullptr);
    void setRows(std::vector<services::TeamMemberRow> rows, Currency currency);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

} // namespace rd::ui

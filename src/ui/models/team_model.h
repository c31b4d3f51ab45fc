#pragma once

#include "core/currency.h"
#include "services/case_query_service.h"

#include <QAbstractTableModel>
#include <vector>

namespace rd::ui {

// A supervisor's team and its day: open cases, contacts, promises due and kept, collected.
class TeamModel : public QAbstractTableModel {
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
    const services::TeamMemberRow& row(int r) const {
        return rows_.at(static_cast<std::size_t>(r));
    }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<services::TeamMemberRow> rows_;
    Currency currency_;
};

} // namespace rd::ui

#pragma once

#include "core/call_list_filter.h"

#include <QSortFilterProxyModel>

namespace rd::ui {

class CallListModel;

// Sorts the call list by CallListModel::SortRole and filters it by the domain's
// CallListFilter rule.
class CallListProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit CallListProxyModel(QObject* parent = nullptr);
    void setCallListModel(CallListModel* model);
    void setFilter(CallListFilter filter);
    const CallListFilter& filter() const { return filter_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    CallListModel* model_ = nullptr;
    CallListFilter filter_;
};

} // namespace rd::ui

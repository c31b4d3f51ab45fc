#include "call_list_proxy_model.h"

#include "call_list_model.h"

namespace rd::ui {

CallListProxyModel::CallListProxyModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(CallListModel::SortRole);
}

void CallListProxyModel::setCallListModel(CallListModel* model) {
    model_ = model;
    setSourceModel(model);
}

void CallListProxyModel::setFilter(CallListFilter filter) {
    filter_ = std::move(filter);
    invalidateFilter();
}

bool CallListProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (sourceParent.isValid() || !model_ || filter_.empty())
        return true;
    return filter_.matches(model_->item(sourceRow));
}

} // namespace rd::ui

#include "call_list_proxy_model.h"

#include "call_list_model.h"

#include <algorithm>

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
    // A row of several loans is shown when any of them matches.
    const auto& items = model_->group(sourceRow).items;
    return std::any_of(items.begin(), items.end(),
                       [this](const CallListItem& item) { return filter_.matches(item); });
}

} // namespace rd::ui

#include "collateral_model.h"

#include "display_text.h"
#include "money_display.h"

namespace rd::ui {

CollateralModel::CollateralModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void CollateralModel::setCollateral(std::vector<CollateralRecord> collateral, Currency currency) {
    currency_ = std::move(currency);
    resetRows(std::move(collateral));
}

Amount CollateralModel::totalMarketValue() const {
    Amount total = 0;
    for (const auto& c : rows_)
        total += c.marketValue.value_or(0);
    return total;
}

Amount CollateralModel::totalForcedSaleValue() const {
    Amount total = 0;
    for (const auto& c : rows_)
        total += c.forcedSaleValue.value_or(0);
    return total;
}

QVariant CollateralModel::data(const QModelIndex& index, int role) const {
    const CollateralRecord* c = rowAt(index);
    if (!c)
        return {};
    const bool money = index.column() == MarketValue || index.column() == ForcedSaleValue;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(money ? Qt::AlignRight | Qt::AlignVCenter
                                         : Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    auto amount = [&](const std::optional<Amount>& a) {
        return a ? displayMoney(*a, currency_) : QString();
    };
    switch (index.column()) {
    case Kind:
        return collateralKindText(c->kind);
    case Description:
        return QString::fromStdString(c->description);
    case MarketValue:
        return amount(c->marketValue);
    case ForcedSaleValue:
        return amount(c->forcedSaleValue);
    case ValuedOn:
        return c->valuedOn ? displayDate(*c->valuedOn) : QString();
    case Registration:
        return QString::fromStdString(c->registration);
    case Id:
        return QString::fromStdString(c->collateralId);
    default:
        return {};
    }
}

QVariant CollateralModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Kind:
        return tr("Kind");
    case Description:
        return tr("Description");
    case MarketValue:
        return tr("Market value");
    case ForcedSaleValue:
        return tr("Forced-sale value");
    case ValuedOn:
        return tr("Valued on");
    case Registration:
        return tr("Registration");
    case Id:
        return tr("Collateral ID");
    default:
        return {};
    }
}

} // namespace rd::ui

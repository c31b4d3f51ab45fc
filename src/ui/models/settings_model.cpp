#include "settings_model.h"

#include <QFont>

namespace rd::ui {
namespace {

// A list value ("30,60,90", "broken_promise=1000,promise_due=500,...") may wrap after its
// commas in a narrow column: a zero-width space after each is a line-break opportunity.
QString breakable(const std::string& value) {
    return QString::fromStdString(value).replace(u',', QStringLiteral(",\u200B"));
}

} // namespace

SettingsModel::SettingsModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void SettingsModel::setSettings(std::vector<services::SettingView> settings) {
    beginResetModel();
    rows_ = std::move(settings);
    endResetModel();
}

int SettingsModel::rowOfKey(const QString& key) const {
    const auto k = key.toStdString();
    for (std::size_t row = 0; row < rows_.size(); ++row)
        if (rows_[row].key == k)
            return static_cast<int>(row);
    return -1;
}

QVariant SettingsModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& s = *found;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Key:
            return QString::fromStdString(s.key);
        case Value:
            return breakable(s.value);
        case Default:
            return breakable(s.defaultValue);
        case Description:
            return QString::fromStdString(s.description);
        default:
            return {};
        }
    case Qt::FontRole:
        if (!s.isDefault && (index.column() == Key || index.column() == Value)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        return s.isDefault ? QString::fromStdString(s.description)
                           : tr("%1\nChanged from the default (%2).")
                                 .arg(QString::fromStdString(s.description),
                                      QString::fromStdString(s.defaultValue));
    default:
        return {};
    }
}

QVariant SettingsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Key:
        return tr("Setting");
    case Value:
        return tr("Value");
    case Default:
        return tr("Default");
    case Description:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace rd::ui

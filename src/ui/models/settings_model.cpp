#include "settings_model.h"

#include "display_text.h"

#include <QFont>

namespace rd::ui {
namespace {

// A list value ("30, 60, 90", "Broken promise 1000, Promise due 500, ...") may wrap after
// its commas in a narrow column.
QString shown(const services::SettingView& s, const std::string& value) {
    return settingValueText(s.key, value);
}

// What the setting means in the GUI's words; the service's own text only for a key the GUI
// has no words for.
QString description(const services::SettingView& s) {
    const QString words = settingDescriptionText(s.key);
    return words.isEmpty() ? QString::fromStdString(s.description) : words;
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
            return settingNameText(s.key);
        case Value:
            return shown(s, s.value);
        case Default:
            return shown(s, s.defaultValue);
        case Description:
            return description(s);
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
    case KeyRole:
        return QString::fromStdString(s.key);
    case Qt::ToolTipRole:
        return s.isDefault ? description(s)
                           : tr("%1\nChanged from the default (%2).")
                                 .arg(description(s), shown(s, s.defaultValue));
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

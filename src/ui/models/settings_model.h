#pragma once

#include "row_table_model.h"
#include "services/settings_service.h"

#include <vector>

namespace rd::ui {

// The portfolio's settings for the administrator: the setting's name, value in force,
// default and what it means, in words (KeyRole gives the stored key). A value that differs
// from its default is shown bold.
class SettingsModel : public RowTableModel<services::SettingView> {
    Q_OBJECT
public:
    enum Column { Key, Value, Default, Description, ColumnCount };
    // The setting's key ("contact_hours"), on every column.
    static constexpr int KeyRole = Qt::UserRole + 1;
    explicit SettingsModel(QObject* parent = nullptr);

    void setSettings(std::vector<services::SettingView> settings);
    const services::SettingView& setting(int row) const {
        return rows_.at(static_cast<std::size_t>(row));
    }
    int rowOfKey(const QString& key) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
};

} // namespace rd::ui

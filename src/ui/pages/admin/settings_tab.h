#pragma once

#include "desk_session.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace rd::ui {

class SettingsModel;

// The portfolio's settings in the service's order (related ones together), those that
// differ from their default in bold; Enter or a double-click changes one in its dialog.
class AdminSettingsTab : public QWidget {
    Q_OBJECT
public:
    AdminSettingsTab(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);

    void reload();
    void editSetting(const QString& key);

    SettingsModel* model() const { return model_; }
    QTableView* view() const { return view_; }

private:
    DeskServices services_;
    const DeskSession& session_;
    SettingsModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* view_;
    QLabel* message_;
};

} // namespace rd::ui

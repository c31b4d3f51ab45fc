#include "settings_tab.h"

#include "dialogs/admin_dialogs.h"
#include "display_text.h"
#include "error_text.h"
#include "models/settings_model.h"
#include "services/settings_service.h"
#include "widgets/table_view_setup.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace rd::ui {

AdminSettingsTab::AdminSettingsTab(DeskServices services, const DeskSession& session,
                                   QWidget* parent)
    : QWidget(parent), services_(std::move(services)), session_(session),
      model_(new SettingsModel(this)), proxy_(new QSortFilterProxyModel(this)), view_(nullptr),
      message_(new QLabel(this)) {
    setObjectName(QStringLiteral("adminSettingsTab"));
    proxy_->setSourceModel(model_);
    view_ = makeDataTable(proxy_, this, QStringLiteral("settingsView"), false);
    // The service's order groups related settings; few rows, so they wrap to their text.
    view_->horizontalHeader()->setSortIndicatorShown(false);
    proxy_->sort(-1);
    view_->setWordWrap(true);
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* edit = new QPushButton(tr("&Change..."), this);
    edit->setObjectName(QStringLiteral("editSetting"));
    auto* hint = new QLabel(tr("Press Enter or double-click a setting to change it. Values that "
                               "differ from their default are <b>bold</b>. A change applies at "
                               "once to everyone's work."),
                            this);
    hint->setWordWrap(true);
    message_->setObjectName(QStringLiteral("settingsMessage"));
    message_->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(hint, 1);
    top->addWidget(edit);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(view_, 1);
    layout->addWidget(message_);

    const auto editCurrent = [this] {
        const auto index = view_->currentIndex();
        if (index.isValid())
            editSetting(index.data(SettingsModel::KeyRole).toString());
    };
    connect(view_, &QTableView::activated, this, editCurrent);
    connect(edit, &QPushButton::clicked, this, editCurrent);
}

void AdminSettingsTab::reload() {
    const auto current = view_->currentIndex();
    const bool first = model_->rowCount() == 0;
    auto settings = services_.settings->list(session_.user);
    if (!settings) {
        message_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        message_->setText(reportError(this, settings.error()));
        return;
    }
    model_->setSettings(std::move(*settings));
    if (first) {
        view_->resizeColumnsToContents();
        auto* header = view_->horizontalHeader();
        for (int c : {SettingsModel::Value, SettingsModel::Default})
            header->resizeSection(c, std::min(header->sectionSize(c), 250));
    }
    if (current.isValid())
        view_->setCurrentIndex(proxy_->index(current.row(), current.column()));
    else if (proxy_->rowCount() > 0)
        view_->setCurrentIndex(proxy_->index(0, 0));
}

void AdminSettingsTab::editSetting(const QString& key) {
    const int row = model_->rowOfKey(key);
    if (row < 0)
        return;
    EditSettingDialog dialog(*services_.settings, session_.user, model_->setting(row), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.stored())
        return;
    reload();
    message_->setStyleSheet(QStringLiteral("color: #1b5e20;"));
    const auto k = key.toStdString();
    message_->setText(
        tr("%1 is now %2.").arg(settingNameText(k), settingValueText(k, *dialog.stored())));
}

} // namespace rd::ui

#include "timeline_tab.h"

#include "widgets/table_view_setup.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace rd::ui {

TimelineTab::TimelineTab(const DeskSession& session, QWidget* parent)
    : QWidget(parent), session_(session), model_(new TimelineModel(this)),
      view_(makeDataTable(model_, this, QStringLiteral("timelineView"), false)),
      correct_(new QPushButton(tr("&Correct the selected contact or note..."), this)) {
    setObjectName(QStringLiteral("timelineTab"));
    view_->setWordWrap(true);
    correct_->setObjectName(QStringLiteral("correctButton"));
    correct_->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(correct_);
    layout->addLayout(buttons);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TimelineTab::updateButton);
    connect(model_, &QAbstractItemModel::modelReset, this, &TimelineTab::updateButton);
    connect(correct_, &QPushButton::clicked, this, &TimelineTab::correctRequested);
}

void TimelineTab::setFile(const services::CaseFile& file, const CounsellingHistory& counselling) {
    model_->setEntries(buildTimeline(file, session_.timeZone, counselling));
    // When and who are short: shown whole; the details take the rest.
    for (const int column :
         {int(TimelineModel::When), int(TimelineModel::Kind), int(TimelineModel::Who)})
        view_->resizeColumnToContents(column);
    view_->setColumnWidth(TimelineModel::Who,
                          std::min(view_->columnWidth(TimelineModel::Who), 300));
}

void TimelineTab::setCorrectable(bool allowed) {
    allowed_ = allowed;
    updateButton();
}

std::optional<TimelineEntry> TimelineTab::selectedEntry() const {
    const auto index = view_->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return model_->entry(index.row());
}

void TimelineTab::updateButton() {
    const auto entry = selectedEntry();
    correct_->setEnabled(allowed_ && entry && entry->source != TimelineEntry::Source::Other);
}

} // namespace rd::ui

#include "schedule_tab.h"

#include "widgets/table_view_setup.h"

#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

ScheduleTab::ScheduleTab(QWidget* parent)
    : QWidget(parent), model_(new ScheduleModel(this)),
      view_(makeDataTable(model_, this, QStringLiteral("scheduleView"), false)) {
    setObjectName(QStringLiteral("scheduleTab"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
}

void ScheduleTab::setFile(const services::CaseFile& file) {
    // The schedule and the tolerance the position was computed with, as of the file's date.
    model_->setSchedule(file.installments, file.asOf, file.arrearsTolerance, file.currency);
    view_->resizeColumnsToContents();
}

} // namespace rd::ui

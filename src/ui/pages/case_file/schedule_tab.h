#pragma once

#include "models/schedule_model.h"
#include "services/case_service.h"

#include <QWidget>

class QTableView;

namespace rd::ui {

// The loan's schedule as of the case file's date: what fell due, what was paid, the status.
class ScheduleTab : public QWidget {
    Q_OBJECT
public:
    explicit ScheduleTab(QWidget* parent = nullptr);

    void setFile(const services::CaseFile& file);
    ScheduleModel* model() const { return model_; }
    QTableView* view() const { return view_; }

private:
    ScheduleModel* model_;
    QTableView* view_;
};

} // namespace rd::ui

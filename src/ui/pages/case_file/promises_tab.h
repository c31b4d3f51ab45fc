#pragma once

#include "models/case_promises_model.h"
#include "services/case_service.h"

#include <QWidget>

class QTableView;

namespace rd::ui {

// The loan's promises, latest first, with their status on the case file's date.
class PromisesTab : public QWidget {
    Q_OBJECT
public:
    explicit PromisesTab(QWidget* parent = nullptr);

    void setFile(const services::CaseFile& file);
    CasePromisesModel* model() const { return model_; }
    QTableView* view() const { return view_; }

private:
    CasePromisesModel* model_;
    QTableView* view_;
};

} // namespace rd::ui

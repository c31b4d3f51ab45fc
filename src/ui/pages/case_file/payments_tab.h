#pragma once

#include "models/case_promises_model.h"
#include "services/case_service.h"

#include <QWidget>

class QTableView;

namespace rd::ui {

// Every payment of the loan (imported or taken at the desk), latest first, with reversals.
class PaymentsTab : public QWidget {
    Q_OBJECT
public:
    explicit PaymentsTab(QWidget* parent = nullptr);

    void setFile(const services::CaseFile& file);
    LoanPaymentsModel* model() const { return model_; }
    QTableView* view() const { return view_; }

private:
    LoanPaymentsModel* model_;
    QTableView* view_;
};

} // namespace rd::ui

#pragma once

#include "core/result.h"
#include "desk_session.h"
#include "models/audit_model.h"
#include "services/case_service.h"

#include <QWidget>

class QTableView;

namespace rd::ui {

// The same client's other loans (in the branches the user may read); Enter opens one.
class OtherLoansTab : public QWidget {
    Q_OBJECT
public:
    OtherLoansTab(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);

    // Reads the client's other loans; the error when they cannot be read (the tab is empty).
    Result<void> load(const services::CaseFile& file);
    OtherLoansModel* model() const { return model_; }
    QTableView* view() const { return view_; }

signals:
    void openLoan(const QString& loanId);

private:
    DeskServices services_;
    const DeskSession& session_;
    OtherLoansModel* model_;
    QTableView* view_;
};

} // namespace rd::ui

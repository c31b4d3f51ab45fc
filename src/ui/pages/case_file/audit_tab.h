#pragma once

#include "desk_session.h"
#include "models/audit_model.h"
#include "services/case_service.h"

#include <QWidget>

class QTableView;

namespace rd::ui {

// The audit trail of the loan's case work, newest first: when and who did what, in
// sentences. Only those
// who may read it (a supervisor of the branch, an admin, the case's officer) see the tab.
class AuditTab : public QWidget {
    Q_OBJECT
public:
    AuditTab(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);

    // Reads the trail; false when the user may not read it (or it cannot be read).
    bool load(const services::CaseFile& file);
    AuditModel* model() const { return model_; }
    QTableView* view() const { return view_; }

private:
    DeskServices services_;
    const DeskSession& session_;
    AuditModel* model_;
    QTableView* view_;
};

} // namespace rd::ui

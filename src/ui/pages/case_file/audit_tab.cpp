#include "audit_tab.h"

#include "services/case_actions_service.h"
#include "widgets/table_view_setup.h"

#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

AuditTab::AuditTab(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(std::move(services)), session_(session),
      model_(new AuditModel(this)),
      view_(makeDataTable(model_, this, QStringLiteral("auditView"), false)) {
    setObjectName(QStringLiteral("auditTab"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    view_->setWordWrap(true);
    view_->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(view_);
}

bool AuditTab::load(const services::CaseFile& file) {
    auto trail = services_.actions->auditTrail(session_.user, file.loan.loanId);
    model_->setEntries(trail ? std::move(*trail) : std::vector<AuditEntry>{},
                       AuditWords{file.currency, file.fullNames}, session_.timeZone);
    return trail.ok();
}

} // namespace rd::ui

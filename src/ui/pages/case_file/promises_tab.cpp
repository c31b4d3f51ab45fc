#include "promises_tab.h"

#include "widgets/table_view_setup.h"

#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

PromisesTab::PromisesTab(QWidget* parent)
    : QWidget(parent), model_(new CasePromisesModel(this)),
      view_(makeDataTable(model_, this, QStringLiteral("promisesView"), false)) {
    setObjectName(QStringLiteral("promisesTab"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
}

void PromisesTab::setFile(const services::CaseFile& file) {
    model_->setPromises(file.promises, file.currency);
    view_->resizeColumnsToContents();
}

} // namespace rd::ui

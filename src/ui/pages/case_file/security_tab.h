#pragma once

#include "models/collateral_model.h"
#include "models/guarantors_model.h"
#include "services/case_service.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace rd::ui {

// The loan's guarantors and collateral as imported: a table of each, the guarantors' phones
// as tel: links to call them, the collateral's total market and forced-sale values.
class SecurityTab : public QWidget {
    Q_OBJECT
public:
    explicit SecurityTab(QWidget* parent = nullptr);

    void setFile(const services::CaseFile& file);
    GuarantorsModel* guarantorsModel() const { return guarantors_; }
    CollateralModel* collateralModel() const { return collateral_; }
    QLabel* phonesLabel() const { return phones_; }
    QLabel* totalsLabel() const { return totals_; }

private:
    GuarantorsModel* guarantors_;
    CollateralModel* collateral_;
    QTableView* guarantorsView_;
    QTableView* collateralView_;
    QLabel* phones_;
    QLabel* totals_;
};

} // namespace rd::ui

#pragma once

#include "core/plan_records.h"
#include "desk_session.h"

#include <QDialog>
#include <optional>
#include <string>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace rd::ui {

class BudgetLinesModel;

// The budget worksheet of a client (domain.md section 9c): income and expense lines a month,
// typed in the currency, with the totals and the monthly surplus worked out as they are
// typed (a shortfall shown as one). It starts from the client's latest worksheet, so that a
// new one is a revision of it; saving records a new dated worksheet on the business date
// (the old ones stay in the history). A refusal of the service is shown under the form and
// nothing typed is lost.
class BudgetDialog : public QDialog {
    Q_OBJECT
public:
    BudgetDialog(DeskServices services, const DeskSession& session, std::string clientId,
                 const QString& clientName, Currency currency, QWidget* parent = nullptr);
    ~BudgetDialog() override;

    BudgetLinesModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    QLineEdit* noteEdit() const { return note_; }
    // The worksheet it started from, if the client had one.
    const std::optional<BudgetRecord>& previous() const { return previous_; }
    const std::optional<BudgetRecord>& saved() const { return saved_; }
    // The line under the form: a refused amount, a refusal of the service.
    QString problem() const;
    // The totals as shown.
    QString incomeText() const;
    QString expensesText() const;
    QString surplusText() const;

    void accept() override;

private:
    void addLine(bool income);
    void removeSelected();
    void updateTotals();
    void showProblem(const QString& text);

    DeskServices services_;
    const DeskSession& session_;
    std::string clientId_;
    Currency currency_;
    BudgetLinesModel* model_;
    QTableView* view_;
    QLabel* income_;
    QLabel* expenses_;
    QLabel* surplus_;
    QLineEdit* note_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    std::optional<BudgetRecord> previous_;
    std::optional<BudgetRecord> saved_;
};

} // namespace rd::ui

#pragma once

#include "desk_session.h"

#include <QWidget>

class QDateEdit;
class QLabel;
class QTableView;

namespace rd::ui {

class PromiseTableModel;

// Promises falling due in a period (from yesterday to a week ahead by default), with what
// has been paid towards each; Enter opens the case.
class PromisesPage : public QWidget {
    Q_OBJECT
public:
    PromisesPage(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);
    void reload();
    PromiseTableModel* model() const { return model_; }

signals:
    void openCase(const QString& loanId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    DeskServices services_;
    const DeskSession& session_;
    PromiseTableModel* model_;
    QDateEdit* from_;
    QDateEdit* to_;
    QTableView* view_;
    QLabel* summary_;
};

} // namespace rd::ui

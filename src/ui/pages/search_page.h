#pragma once

#include "desk_session.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace rd::ui {

class LoanSearchModel;

// Clients and loans: search by loan id, client id, name, phone or national id as you type;
// Enter opens the loan's case file.
class SearchPage : public QWidget {
    Q_OBJECT
public:
    SearchPage(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);
    void search(const QString& text);
    LoanSearchModel* model() const { return model_; }
    QLineEdit* searchEdit() const { return edit_; }
    QTableView* view() const { return view_; }

signals:
    void openCase(const QString& loanId);

private:
    DeskServices services_;
    const DeskSession& session_;
    LoanSearchModel* model_;
    QLineEdit* edit_;
    QTableView* view_;
    QLabel* summary_;
    QTimer* delay_;
};

} // namespace rd::ui

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
// the first hit is selected, Down moves into the hits, and Enter (in the box or the list)
// opens the selected loan's case file.
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

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    DeskServices services_;
    const DeskSession& session_;
    LoanSearchModel* model_;
    QLineEdit* edit_;
    QTableView* view_;
    QLabel* summary_;
    QTimer* delay_;
    QString searched_; // the text of the hits shown
};

} // namespace rd::ui

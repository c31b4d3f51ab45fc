#pragma once

#include "desk_session.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QComboBox;
class QTableView;

namespace rd::ui {

class CallListModel;
class CallListProxyModel;

// "My call list": the officer's cases that need action on the business date, ranked, with
// the reason in words, one row per client. Worked from the keyboard: arrows move, Enter
// opens the case, the filter takes Ctrl+F; in the filter Esc clears it and Down moves into
// the list. Reloaded whenever it is shown.
class CallListPage : public QWidget {
    Q_OBJECT
public:
    CallListPage(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);

    void reload();
    // The loans in the order the officer sees them (after sort and filter): the working order
    // of "next case".
    QStringList visibleLoans() const;
    QTableView* view() const { return view_; }
    QLineEdit* filterEdit() const { return filterEdit_; }
    CallListModel* model() const { return model_; }
    void focusFilter();
    void selectLoan(const QString& loanId);

signals:
    void openCase(const QString& loanId);
    void statusMessage(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void focusList();
    void applyFilter();
    void updateSummary();
    void openCurrent();

    DeskServices services_;
    const DeskSession& session_;
    CallListModel* model_;
    CallListProxyModel* proxy_;
    QLineEdit* filterEdit_;
    QComboBox* reasonBox_;
    QTableView* view_;
    QLabel* summary_;
    QLabel* emptyState_;
};

} // namespace rd::ui
